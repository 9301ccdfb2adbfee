#pragma once

#include "anyvalue.h"
#include "moref.h"

#include <QJsonObject>
#include <QList>
#include <QString>

#include <memory>
#include <optional>

namespace vim {

struct KeyAnyValue
{
    QString key;
    AnyValue value;
    bool operator==(const KeyAnyValue &) const = default;
};

struct LocalizableMessage
{
    QString key;
    QList<KeyAnyValue> arg;
    std::optional<QString> message;
    bool operator==(const LocalizableMessage &) const = default;
};

/// Any vim fault (§4): the fault type, the common MethodFault fields, and the subtype's
/// own fields kept as JSON. Known fault types (§4.3) have their fields type-checked on
/// decode and typed accessors here; unknown ones keep their name and fields.
class MethodFault
{
public:
    QString typeName;
    std::shared_ptr<const MethodFault> faultCause;
    QList<LocalizableMessage> faultMessage;
    std::optional<QString> faultstring;
    /// Subtype fields, without `_typeName`, `faultCause`, `faultMessage` and `faultstring`.
    QJsonObject fields;

    static MethodFault make(const QString &typeName, const QString &faultstring = {},
                            const QJsonObject &fields = {});

    /// True when this fault is `type` or one of its subtypes (NotAuthenticated is a NoPermission).
    bool isA(const QString &type) const;
    /// The supertype chain known for `type`, nearest first; empty when unknown.
    static QStringList supertypes(const QString &type);
    static bool isKnownType(const QString &type);

    /// faultstring, else the first faultMessage text, else the type name.
    QString message() const;

    std::optional<QString> stringField(const QString &name) const;
    std::optional<ManagedObjectReference> morefField(const QString &name) const;
    std::optional<QString> invalidProperty() const { return stringField(QStringLiteral("invalidProperty")); }
    /// `obj` of ManagedObjectNotFound.
    std::optional<ManagedObjectReference> obj() const { return morefField(QStringLiteral("obj")); }
    /// `object` of NoPermission / NotAuthenticated.
    std::optional<ManagedObjectReference> object() const { return morefField(QStringLiteral("object")); }
    std::optional<QString> privilegeId() const { return stringField(QStringLiteral("privilegeId")); }
    std::optional<QString> reason() const { return stringField(QStringLiteral("reason")); }

    bool operator==(const MethodFault &o) const;
};

} // namespace vim
