#pragma once

#include <QJsonObject>
#include <QJsonValue>
#include <QString>

namespace vim {

/// A value in an `anyType` position (§3.3): either a boxed primitive, enum or array
/// (`{"_typeName":"int","_value":5}`) or a data object written inline with its own
/// `_typeName`. Decode it into a typed value with vim::fromAny<T>().
class AnyValue
{
public:
    AnyValue() = default;

    /// A boxed value: primitive, enum or `ArrayOf...`.
    static AnyValue boxed(const QString &typeName, const QJsonValue &value);
    /// A data object written inline; `object` must carry `_typeName`.
    static AnyValue inlineObject(const QJsonObject &object);

    static AnyValue fromString(const QString &s) { return boxed(QStringLiteral("string"), s); }
    static AnyValue fromInt(qint32 v) { return boxed(QStringLiteral("int"), v); }
    static AnyValue fromLong(qint64 v) { return boxed(QStringLiteral("long"), v); }
    static AnyValue fromBool(bool v) { return boxed(QStringLiteral("boolean"), v); }

    bool isNull() const { return m_typeName.isEmpty(); }
    bool isBoxed() const { return m_boxed; }
    const QString &typeName() const { return m_typeName; }
    /// The `_value` of a boxed value, or the whole object of an inline one.
    const QJsonValue &value() const { return m_value; }

    /// A short human rendering (`5`, `"abc"`, `VirtualMachine:vm-42`, `[3 items]`).
    QString toDisplayString() const;

    QJsonValue toJson() const;
    bool operator==(const AnyValue &) const = default;

private:
    QString m_typeName;
    QJsonValue m_value;
    bool m_boxed = false;
};

} // namespace vim
