#pragma once

#include <QHash>
#include <QMetaType>
#include <QString>

namespace vim {

/// A reference to a managed object on the server: its type and its moId.
struct ManagedObjectReference
{
    QString type;
    QString value;

    bool isNull() const { return type.isEmpty() && value.isEmpty(); }
    /// `Task:task-101`, for logs and messages.
    QString toString() const { return type + QLatin1Char(':') + value; }
    bool operator==(const ManagedObjectReference &) const = default;
};

inline size_t qHash(const ManagedObjectReference &r, size_t seed = 0)
{
    return qHashMulti(seed, r.type, r.value);
}

} // namespace vim

Q_DECLARE_METATYPE(vim::ManagedObjectReference)
