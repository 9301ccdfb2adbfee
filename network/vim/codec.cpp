#include "codec.h"

#include <QCborValue>
#include <QHash>
#include <QJsonDocument>
#include <QTimeZone>

#include <cmath>
#include <limits>

namespace vim {

DecodeError DecodeFailure::error(const QString &root) const
{
    QString path = root;
    for (const QString &s : m_segments) {
        if (!s.startsWith(QLatin1Char('[')) && !path.isEmpty())
            path += QLatin1Char('.');
        path += s;
    }
    return DecodeError{path, m_message};
}

namespace detail {

void fail(const QString &message)
{
    throw DecodeFailure(message);
}

QString jsonTypeName(const QJsonValue &v)
{
    switch (v.type()) {
    case QJsonValue::Null:
        return QStringLiteral("null");
    case QJsonValue::Bool:
        return QStringLiteral("boolean");
    case QJsonValue::Double:
        return QStringLiteral("number");
    case QJsonValue::String:
        return QStringLiteral("string");
    case QJsonValue::Array:
        return QStringLiteral("array");
    case QJsonValue::Object:
        return QStringLiteral("object");
    case QJsonValue::Undefined:
        break;
    }
    return QStringLiteral("nothing");
}

QJsonObject requireObject(const QJsonValue &v)
{
    if (!v.isObject())
        fail(QStringLiteral("expected object, got ") + jsonTypeName(v));
    return v.toObject();
}

QString optionalTypeName(const QJsonObject &o)
{
    const QJsonValue t = o.value(QLatin1String("_typeName"));
    if (t.isUndefined() || t.isNull())
        return {};
    if (!t.isString()) {
        DecodeFailure f(QStringLiteral("expected string, got ") + jsonTypeName(t));
        f.prepend(QStringLiteral("_typeName"));
        throw f;
    }
    return t.toString();
}

QString requiredTypeName(const QJsonObject &o)
{
    const QString t = optionalTypeName(o);
    if (t.isEmpty()) {
        DecodeFailure f(QStringLiteral("missing"));
        f.prepend(QStringLiteral("_typeName"));
        throw f;
    }
    return t;
}

namespace {

qint64 decodeInteger(const QJsonValue &v, qint64 min, qint64 max)
{
    if (!v.isDouble())
        fail(QStringLiteral("expected integer, got ") + jsonTypeName(v));
    // Qt keeps integers that fit in 64 bits exact; doubles are only accepted when whole.
    const QCborValue c = QCborValue::fromJsonValue(v);
    qint64 i = 0;
    if (c.isInteger()) {
        i = c.toInteger();
    } else {
        // Qt stores integers beyond 64 bits as doubles; a whole one is out of range, not
        // malformed.
        const double d = v.toDouble();
        if (!std::isfinite(d) || std::trunc(d) != d)
            fail(QStringLiteral("expected integer, got ") + QString::number(d));
        if (d < -9.2e18 || d > 9.2e18)
            fail(QStringLiteral("integer out of range: ") + QString::number(d, 'g', 20));
        i = static_cast<qint64>(d);
    }
    if (i < min || i > max)
        fail(QStringLiteral("integer out of range: ") + QString::number(i));
    return i;
}

bool isAbsent(const QJsonValue &v)
{
    return v.isUndefined() || v.isNull();
}

/// Decodes the member `key` of `o` as T, naming `key` in any error; absent is an error.
template<typename T>
T requiredField(const QJsonObject &o, const char *key)
{
    const QJsonValue v = o.value(QLatin1String(key));
    try {
        if (isAbsent(v))
            fail(QStringLiteral("missing"));
        return Codec<T>::decode(v);
    } catch (DecodeFailure &e) {
        e.prepend(QLatin1String(key));
        throw;
    }
}

/// Like requiredField(), but absent (or null, §3.4) gives an unset value.
template<typename T>
std::optional<T> optionalField(const QJsonObject &o, const char *key)
{
    if (isAbsent(o.value(QLatin1String(key))))
        return std::nullopt;
    return requiredField<T>(o, key);
}

QString requiredString(const QJsonObject &o, const char *key)
{
    return requiredField<QString>(o, key);
}

ManagedObjectReference requiredMoRef(const QJsonObject &o, const char *key)
{
    return requiredField<ManagedObjectReference>(o, key);
}

} // namespace
} // namespace detail

QString Codec<QString>::decode(const QJsonValue &v)
{
    if (!v.isString())
        detail::fail(QStringLiteral("expected string, got ") + detail::jsonTypeName(v));
    return v.toString();
}

bool Codec<bool>::decode(const QJsonValue &v)
{
    if (!v.isBool())
        detail::fail(QStringLiteral("expected boolean, got ") + detail::jsonTypeName(v));
    return v.toBool();
}

qint32 Codec<qint32>::decode(const QJsonValue &v)
{
    return static_cast<qint32>(detail::decodeInteger(v, std::numeric_limits<qint32>::min(),
                                                     std::numeric_limits<qint32>::max()));
}

qint64 Codec<qint64>::decode(const QJsonValue &v)
{
    return detail::decodeInteger(v, std::numeric_limits<qint64>::min(),
                                 std::numeric_limits<qint64>::max());
}

double Codec<double>::decode(const QJsonValue &v)
{
    if (!v.isDouble())
        detail::fail(QStringLiteral("expected number, got ") + detail::jsonTypeName(v));
    return v.toDouble();
}

namespace {

// The value of the `count` ASCII digits at `pos`, or -1 when any is missing or not a digit.
int asciiNumber(QStringView s, qsizetype pos, int count)
{
    if (pos < 0 || pos + count > s.size())
        return -1;
    int value = 0;
    for (qsizetype i = pos; i < pos + count; ++i) {
        const char16_t c = s[i].unicode();
        if (c < u'0' || c > u'9')
            return -1;
        value = value * 10 + (c - u'0');
    }
    return value;
}

bool charAt(QStringView s, qsizetype pos, char16_t c)
{
    return pos < s.size() && s[pos].unicode() == c;
}

} // namespace

// xsd:dateTime as servers write it: `YYYY-MM-DDTHH:MM:SS[.fraction][Z|±HH[[:]MM]]`, any number
// of fraction digits (milliseconds are kept), no zone meaning UTC. Parsed by hand: a page of
// 1 000 tasks holds 3 000 of them, and this is the hottest part of decoding one.
QDateTime Codec<QDateTime>::decode(const QJsonValue &v)
{
    const QString text = Codec<QString>::decode(v);
    const QStringView s(text);
    const auto invalid = [&text] {
        detail::fail(QStringLiteral("invalid dateTime: ") + text.left(64));
    };
    const int year = asciiNumber(s, 0, 4);
    const int month = asciiNumber(s, 5, 2);
    const int day = asciiNumber(s, 8, 2);
    const int hour = asciiNumber(s, 11, 2);
    const int minute = asciiNumber(s, 14, 2);
    const int second = asciiNumber(s, 17, 2);
    if (year < 0 || month < 0 || day < 0 || hour < 0 || minute < 0 || second < 0 ||
        !charAt(s, 4, u'-') || !charAt(s, 7, u'-') || !charAt(s, 10, u'T') ||
        !charAt(s, 13, u':') || !charAt(s, 16, u':'))
        invalid();
    qsizetype pos = 19;
    int msec = 0;
    if (charAt(s, pos, u'.') || charAt(s, pos, u',')) {
        ++pos;
        int digits = 0;
        for (; asciiNumber(s, pos, 1) >= 0; ++pos, ++digits) {
            if (digits < 3)
                msec = msec * 10 + asciiNumber(s, pos, 1);
        }
        if (digits == 0)
            invalid();
        for (; digits < 3; ++digits)
            msec *= 10;
    }
    int sign = 0;
    int offsetHours = 0;
    int offsetMinutes = 0;
    const qsizetype zoneStart = pos;
    if (charAt(s, pos, u'Z') || charAt(s, pos, u'z')) {
        ++pos;
    } else if (charAt(s, pos, u'+') || charAt(s, pos, u'-')) {
        sign = s[pos] == u'-' ? -1 : 1;
        offsetHours = asciiNumber(s, pos + 1, 2);
        if (offsetHours < 0)
            invalid();
        pos += 3;
        const bool colon = charAt(s, pos, u':');
        if (colon || pos < s.size()) {
            offsetMinutes = asciiNumber(s, colon ? pos + 1 : pos, 2);
            if (offsetMinutes < 0)
                invalid();
            pos += colon ? 3 : 2;
        }
    }
    if (pos != s.size())
        invalid();
    const QDate date(year, month, day);
    const QTime time(hour, minute, second, msec);
    if (!date.isValid() || !time.isValid())
        invalid();
    if (offsetHours > 23 || offsetMinutes > 59)
        detail::fail(QStringLiteral("invalid dateTime offset: ") + text.mid(zoneStart));
    // No zone means UTC, as the server writes it.
    return QDateTime(date, time, Qt::UTC)
        .addSecs(-qint64(sign) * (offsetHours * 3600 + offsetMinutes * 60));
}

QJsonValue Codec<QDateTime>::encode(const QDateTime &d)
{
    const QDateTime utc = d.isValid() ? d.toUTC() : QDateTime::fromMSecsSinceEpoch(0, Qt::UTC);
    return QString(utc.toString(QStringLiteral("yyyy-MM-ddTHH:mm:ss.zzz")) +
                   QStringLiteral("000Z"));
}

// ---- AnyValue ---------------------------------------------------------------------------------

AnyValue AnyValue::boxed(const QString &typeName, const QJsonValue &value)
{
    AnyValue a;
    a.m_typeName = typeName;
    a.m_value = value;
    a.m_boxed = true;
    return a;
}

AnyValue AnyValue::inlineObject(const QJsonObject &object)
{
    AnyValue a;
    a.m_typeName = object.value(QLatin1String("_typeName")).toString();
    a.m_value = object;
    a.m_boxed = false;
    return a;
}

QJsonValue AnyValue::toJson() const
{
    if (isNull())
        return QJsonValue(QJsonValue::Null);
    if (!m_boxed)
        return m_value;
    QJsonObject o;
    o.insert(QStringLiteral("_typeName"), m_typeName);
    o.insert(QStringLiteral("_value"), m_value);
    return o;
}

QString AnyValue::toDisplayString() const
{
    if (isNull())
        return {};
    if (!m_boxed) {
        const QJsonObject o = m_value.toObject();
        if (m_typeName == QLatin1String("ManagedObjectReference"))
            return o.value(QLatin1String("type")).toString() + QLatin1Char(':') +
                   o.value(QLatin1String("value")).toString();
        return m_typeName;
    }
    if (m_value.isArray())
        return QStringLiteral("[%1 items]").arg(m_value.toArray().size());
    if (m_value.isBool())
        return m_value.toBool() ? QStringLiteral("true") : QStringLiteral("false");
    if (m_value.isDouble()) {
        const QCborValue c = QCborValue::fromJsonValue(m_value);
        return c.isInteger() ? QString::number(c.toInteger()) : QString::number(m_value.toDouble());
    }
    if (m_value.isString())
        return m_value.toString();
    return m_typeName;
}

namespace {

enum class BoxKind
{
    Unknown,
    Boolean,
    Int,
    Long,
    Double,
    DateTime,
    String,
    Array
};

/// What §3.3 says the `_value` of a box named `typeName` holds. Enum boxes and names this
/// client does not know are Unknown and kept unchecked.
BoxKind boxKind(const QString &typeName)
{
    static const QHash<QString, BoxKind> kinds{{QStringLiteral("boolean"), BoxKind::Boolean},
                                               {QStringLiteral("byte"), BoxKind::Int},
                                               {QStringLiteral("short"), BoxKind::Int},
                                               {QStringLiteral("int"), BoxKind::Int},
                                               {QStringLiteral("long"), BoxKind::Long},
                                               {QStringLiteral("float"), BoxKind::Double},
                                               {QStringLiteral("double"), BoxKind::Double},
                                               {QStringLiteral("dateTime"), BoxKind::DateTime},
                                               {QStringLiteral("string"), BoxKind::String},
                                               {QStringLiteral("anyURI"), BoxKind::String},
                                               {QStringLiteral("base64Binary"), BoxKind::String},
                                               {QStringLiteral("binary"), BoxKind::String},
                                               {QStringLiteral("TypeName"), BoxKind::String},
                                               {QStringLiteral("PropertyPath"), BoxKind::String},
                                               {QStringLiteral("MethodName"), BoxKind::String}};
    if (typeName.startsWith(QLatin1String("ArrayOf")))
        return BoxKind::Array;
    return kinds.value(typeName, BoxKind::Unknown);
}

void checkBoxedValue(BoxKind kind, const QJsonValue &value)
{
    switch (kind) {
    case BoxKind::Boolean:
        Codec<bool>::decode(value);
        break;
    case BoxKind::Int:
        Codec<qint32>::decode(value);
        break;
    case BoxKind::Long:
        Codec<qint64>::decode(value);
        break;
    case BoxKind::Double:
        Codec<double>::decode(value);
        break;
    case BoxKind::DateTime:
        Codec<QDateTime>::decode(value);
        break;
    case BoxKind::String:
        Codec<QString>::decode(value);
        break;
    case BoxKind::Array:
        if (!value.isArray())
            detail::fail(QStringLiteral("expected array, got ") + detail::jsonTypeName(value));
        break;
    case BoxKind::Unknown:
        break;
    }
}

/// The two anyType spellings of a MoRef (§3.3): inline, or wrapped in `_value` as the
/// Programming Guide shows it. Both become the inline form.
AnyValue decodeAnyMoRef(const QJsonObject &o, const QJsonValue &inner)
{
    QJsonObject flat = inner.isObject() ? inner.toObject() : o;
    flat.insert(QStringLiteral("_typeName"), QStringLiteral("ManagedObjectReference"));
    flat.remove(QStringLiteral("_value"));
    try {
        Codec<ManagedObjectReference>::decode(flat);
    } catch (DecodeFailure &e) {
        if (inner.isObject())
            e.prepend(QStringLiteral("_value"));
        throw;
    }
    return AnyValue::inlineObject(flat);
}

} // namespace

AnyValue Codec<AnyValue>::decode(const QJsonValue &v)
{
    const QJsonObject o = detail::requireObject(v);
    const QString typeName = detail::requiredTypeName(o);
    if (typeName == QLatin1String("ManagedObjectReference"))
        return decodeAnyMoRef(o, o.value(QLatin1String("_value")));
    const BoxKind kind = boxKind(typeName);
    const bool hasValue = o.contains(QLatin1String("_value"));
    if (!hasValue && kind == BoxKind::Unknown)
        return AnyValue::inlineObject(o);
    const QJsonValue inner = o.value(QLatin1String("_value"));
    try {
        // A box whose value is missing or null is broken, not an unset value.
        if (detail::isAbsent(inner))
            detail::fail(QStringLiteral("missing"));
        checkBoxedValue(kind, inner);
    } catch (DecodeFailure &e) {
        e.prepend(QStringLiteral("_value"));
        throw;
    }
    return AnyValue::boxed(typeName, inner);
}

AnyValue boxedAs(const QString &typeName, const QJsonValue &value)
{
    return AnyValue::boxed(typeName, value);
}

// ---- MethodFault ------------------------------------------------------------------------------

namespace {

enum class FieldKind
{
    String,
    MoRef,
    Int,
    Array
};
struct FaultField
{
    const char *name;
    FieldKind kind;
    bool required;
};
struct FaultType
{
    const char *name;
    const char *parent;
    std::initializer_list<FaultField> fields;
};

const std::initializer_list<FaultField> kNoPermissionFields{
    {"object", FieldKind::MoRef, false},
    {"privilegeId", FieldKind::String, false},
    {"missingPrivileges", FieldKind::Array, false}};

// Own fields only; decoding walks the supertype chain. Required/optional as §4.3 says; fault
// types that §4.3 does not list have their fields type-checked but never required.
const FaultType kFaultTypes[] = {
    {"MethodFault", nullptr, {}},
    {"RuntimeFault", "MethodFault", {}},
    {"VimFault", "MethodFault", {}},
    {"SecurityError", "RuntimeFault", {}},
    {"NoPermission", "SecurityError", kNoPermissionFields},
    {"NotAuthenticated", "NoPermission", {}},
    {"InvalidLogin", "VimFault", {}},
    {"InvalidLocale", "VimFault", {}},
    {"InvalidArgument", "RuntimeFault", {{"invalidProperty", FieldKind::String, false}}},
    {"InvalidState", "VimFault", {}},
    {"InvalidPowerState", "InvalidState", {}},
    {"NotSupported", "RuntimeFault", {}},
    {"ManagedObjectNotFound", "RuntimeFault", {{"obj", FieldKind::MoRef, true}}},
    {"RequestCanceled", "RuntimeFault", {}},
    {"InvalidCollectorVersion", "MethodFault", {}},
    {"InvalidProperty", "MethodFault", {{"name", FieldKind::String, true}}},
    {"InvalidRequest", "RuntimeFault", {}},
    {"InvalidType", "InvalidRequest", {{"argument", FieldKind::String, false}}},
    {"MethodNotFound",
     "InvalidRequest",
     {{"receiver", FieldKind::MoRef, true}, {"method", FieldKind::String, true}}},
    {"SystemError", "RuntimeFault", {{"reason", FieldKind::String, true}}},
    {"HostCommunication", "RuntimeFault", {}},
    {"NotFound", "VimFault", {}},
    {"AlreadyExists", "VimFault", {{"name", FieldKind::String, false}}},
    {"DuplicateName", "VimFault", {{"name", FieldKind::String, false}}},
    {"TaskInProgress", "VimFault", {{"task", FieldKind::MoRef, false}}},
    {"Timedout", "VimFault", {}},
    {"FileFault", "VimFault", {{"file", FieldKind::String, false}}},
    {"FileNotFound", "FileFault", {{"file", FieldKind::String, false}}},
    {"InsufficientResourcesFault", "VimFault", {}},
    {"NotEnoughLicenses", "RuntimeFault", {}},
};

const FaultType *findFaultType(const QString &name)
{
    for (const FaultType &t : kFaultTypes) {
        if (name == QLatin1String(t.name))
            return &t;
    }
    return nullptr;
}

} // namespace

MethodFault MethodFault::make(const QString &typeName, const QString &faultstring,
                              const QJsonObject &fields)
{
    MethodFault f;
    f.typeName = typeName;
    if (!faultstring.isEmpty())
        f.faultstring = faultstring;
    f.fields = fields;
    return f;
}

QStringList MethodFault::supertypes(const QString &type)
{
    QStringList out;
    const FaultType *t = findFaultType(type);
    while (t && t->parent) {
        out.append(QLatin1String(t->parent));
        t = findFaultType(QLatin1String(t->parent));
    }
    return out;
}

bool MethodFault::isKnownType(const QString &type)
{
    return findFaultType(type) != nullptr;
}

bool MethodFault::isA(const QString &type) const
{
    return typeName == type || supertypes(typeName).contains(type) ||
           type == QLatin1String("MethodFault");
}

QString MethodFault::message() const
{
    // A blank text is no message: fall through to the next source.
    if (faultstring && !faultstring->trimmed().isEmpty())
        return faultstring->trimmed();
    for (const LocalizableMessage &m : faultMessage) {
        if (m.message && !m.message->trimmed().isEmpty())
            return m.message->trimmed();
    }
    return typeName;
}

std::optional<QString> MethodFault::stringField(const QString &name) const
{
    const QJsonValue v = fields.value(name);
    if (!v.isString())
        return std::nullopt;
    return v.toString();
}

std::optional<ManagedObjectReference> MethodFault::morefField(const QString &name) const
{
    const QJsonValue v = fields.value(name);
    if (!v.isObject())
        return std::nullopt;
    auto r = decode<ManagedObjectReference>(v);
    if (!r)
        return std::nullopt;
    return r.value();
}

bool MethodFault::operator==(const MethodFault &o) const
{
    const bool causeEqual = (!faultCause && !o.faultCause) ||
                            (faultCause && o.faultCause && *faultCause == *o.faultCause);
    return causeEqual && typeName == o.typeName && faultMessage == o.faultMessage &&
           faultstring == o.faultstring && fields == o.fields;
}

MethodFault Codec<MethodFault>::decode(const QJsonValue &v)
{
    const QJsonObject o = detail::requireObject(v);
    MethodFault f;
    f.typeName = detail::requiredTypeName(o);
    for (auto it = o.begin(); it != o.end(); ++it) {
        const QString &k = it.key();
        const QJsonValue val = it.value();
        if (k == QLatin1String("_typeName") || val.isNull())
            continue;
        try {
            if (k == QLatin1String("faultCause"))
                f.faultCause = std::make_shared<const MethodFault>(decode(val));
            else if (k == QLatin1String("faultMessage"))
                f.faultMessage = Codec<QList<LocalizableMessage>>::decode(val);
            else if (k == QLatin1String("faultstring"))
                f.faultstring = Codec<QString>::decode(val);
            else
                f.fields.insert(k, val);
        } catch (DecodeFailure &e) {
            e.prepend(k);
            throw;
        }
    }
    // Known fault types get their own fields type-checked.
    for (const FaultType *t = findFaultType(f.typeName); t;
         t = t->parent ? findFaultType(QLatin1String(t->parent)) : nullptr) {
        for (const FaultField &ff : t->fields) {
            const QLatin1String name(ff.name);
            const QJsonValue fv = f.fields.value(name);
            try {
                if (fv.isUndefined()) {
                    if (ff.required)
                        detail::fail(QStringLiteral("missing"));
                    continue;
                }
                switch (ff.kind) {
                case FieldKind::String:
                    Codec<QString>::decode(fv);
                    break;
                case FieldKind::MoRef:
                    // Re-encoded so that a MoRef sent without `_typeName` (§4.3, meho #3566)
                    // gets one when the fault is written again.
                    f.fields.insert(name, vim::encode(Codec<ManagedObjectReference>::decode(fv)));
                    break;
                case FieldKind::Int:
                    Codec<qint64>::decode(fv);
                    break;
                case FieldKind::Array:
                    if (!fv.isArray())
                        detail::fail(QStringLiteral("expected array, got ") +
                                     detail::jsonTypeName(fv));
                    break;
                }
            } catch (DecodeFailure &e) {
                e.prepend(QLatin1String(ff.name));
                throw;
            }
        }
    }
    return f;
}

QJsonValue Codec<MethodFault>::encode(const MethodFault &f)
{
    QJsonObject o = f.fields;
    o.insert(QStringLiteral("_typeName"), f.typeName);
    if (f.faultCause)
        o.insert(QStringLiteral("faultCause"), encode(*f.faultCause));
    if (!f.faultMessage.isEmpty())
        o.insert(QStringLiteral("faultMessage"),
                 Codec<QList<LocalizableMessage>>::encode(f.faultMessage));
    if (f.faultstring)
        o.insert(QStringLiteral("faultstring"), *f.faultstring);
    return o;
}

// ---- TaskReason -------------------------------------------------------------------------------

TaskReason TaskReason::user(const QString &userName)
{
    TaskReason r;
    r.typeName = QStringLiteral("TaskReasonUser");
    r.userName = userName;
    return r;
}

TaskReason TaskReason::system()
{
    return TaskReason{};
}

TaskReason TaskReason::alarmReason(const QString &alarmName, const ManagedObjectReference &alarm,
                                   const QString &entityName, const ManagedObjectReference &entity)
{
    TaskReason r;
    r.typeName = QStringLiteral("TaskReasonAlarm");
    r.alarmName = alarmName;
    r.alarm = alarm;
    r.entityName = entityName;
    r.entity = entity;
    return r;
}

TaskReason TaskReason::schedule(const QString &name, const ManagedObjectReference &scheduledTask)
{
    TaskReason r;
    r.typeName = QStringLiteral("TaskReasonSchedule");
    r.name = name;
    r.scheduledTask = scheduledTask;
    return r;
}

TaskReason::Kind TaskReason::kind() const
{
    if (typeName == QLatin1String("TaskReasonUser"))
        return Kind::User;
    if (typeName == QLatin1String("TaskReasonSystem"))
        return Kind::System;
    if (typeName == QLatin1String("TaskReasonAlarm"))
        return Kind::Alarm;
    if (typeName == QLatin1String("TaskReasonSchedule"))
        return Kind::Schedule;
    return Kind::Unknown;
}

TaskReason Codec<TaskReason>::decode(const QJsonValue &v)
{
    const QJsonObject o = detail::requireObject(v);
    TaskReason r;
    r.typeName = detail::requiredTypeName(o);
    switch (r.kind()) {
    case TaskReason::Kind::User:
        r.userName = detail::requiredString(o, "userName");
        break;
    case TaskReason::Kind::Alarm:
        r.alarmName = detail::requiredString(o, "alarmName");
        r.alarm = detail::requiredMoRef(o, "alarm");
        r.entityName = detail::requiredString(o, "entityName");
        r.entity = detail::requiredMoRef(o, "entity");
        break;
    case TaskReason::Kind::Schedule:
        r.name = detail::requiredString(o, "name");
        r.scheduledTask = detail::requiredMoRef(o, "scheduledTask");
        break;
    case TaskReason::Kind::System:
    case TaskReason::Kind::Unknown:
        break;
    }
    return r;
}

QJsonValue Codec<TaskReason>::encode(const TaskReason &r)
{
    QJsonObject o;
    o.insert(QStringLiteral("_typeName"), r.typeName);
    switch (r.kind()) {
    case TaskReason::Kind::User:
        o.insert(QStringLiteral("userName"), r.userName);
        break;
    case TaskReason::Kind::Alarm:
        o.insert(QStringLiteral("alarmName"), r.alarmName);
        o.insert(QStringLiteral("alarm"), vim::encode(r.alarm));
        o.insert(QStringLiteral("entityName"), r.entityName);
        o.insert(QStringLiteral("entity"), vim::encode(r.entity));
        break;
    case TaskReason::Kind::Schedule:
        o.insert(QStringLiteral("name"), r.name);
        o.insert(QStringLiteral("scheduledTask"), vim::encode(r.scheduledTask));
        break;
    case TaskReason::Kind::System:
    case TaskReason::Kind::Unknown:
        break;
    }
    return o;
}

// ---- SelectionSpec ----------------------------------------------------------------------------

SelectionSpec SelectionSpec::reference(const QString &name)
{
    SelectionSpec s;
    s.name = name;
    return s;
}

SelectionSpec SelectionSpec::traversal(const QString &type, const QString &path,
                                       std::optional<QString> name, std::optional<bool> skip)
{
    SelectionSpec s;
    s.typeName = QStringLiteral("TraversalSpec");
    s.type = type;
    s.path = path;
    s.name = std::move(name);
    s.skip = skip;
    return s;
}

SelectionSpec Codec<SelectionSpec>::decode(const QJsonValue &v)
{
    const QJsonObject o = detail::requireObject(v);
    SelectionSpec s;
    s.typeName = detail::requiredTypeName(o);
    s.name = detail::optionalField<QString>(o, "name");
    if (s.isTraversal()) {
        s.type = detail::requiredString(o, "type");
        s.path = detail::requiredString(o, "path");
        s.skip = detail::optionalField<bool>(o, "skip");
        s.selectSet = detail::optionalField<QList<SelectionSpec>>(o, "selectSet")
                          .value_or(QList<SelectionSpec>{});
    }
    return s;
}

QJsonValue Codec<SelectionSpec>::encode(const SelectionSpec &s)
{
    QJsonObject o;
    o.insert(QStringLiteral("_typeName"), s.typeName);
    if (s.name)
        o.insert(QStringLiteral("name"), *s.name);
    if (s.isTraversal()) {
        o.insert(QStringLiteral("type"), s.type);
        o.insert(QStringLiteral("path"), s.path);
        if (s.skip)
            o.insert(QStringLiteral("skip"), *s.skip);
        if (!s.selectSet.isEmpty())
            o.insert(QStringLiteral("selectSet"), Codec<QList<SelectionSpec>>::encode(s.selectSet));
    }
    return o;
}

// ---- Extension --------------------------------------------------------------------------------

namespace {
std::optional<QString> extensionResource(const Extension &e, const QString &key,
                                         const QString &locale)
{
    const QString shortLocale = locale.section(QLatin1Char('_'), 0, 0);
    for (const QString &loc : {locale, shortLocale, QStringLiteral("en")}) {
        for (const ExtensionResourceInfo &r : e.resourceList) {
            if (r.module != QLatin1String("task") || r.locale != loc)
                continue;
            for (const KeyValue &kv : r.data) {
                if (kv.key == key)
                    return kv.value;
            }
        }
    }
    return std::nullopt;
}
} // namespace

std::optional<QString> Extension::taskLabel(const QString &taskId, const QString &locale) const
{
    return extensionResource(*this, taskId + QStringLiteral(".label"), locale);
}

std::optional<QString> Extension::taskSummary(const QString &taskId, const QString &locale) const
{
    return extensionResource(*this, taskId + QStringLiteral(".summary"), locale);
}

// ---- Parsing with limits ----------------------------------------------------------------------

namespace {

/// Checks nesting depth and array lengths in one pass over the bytes, before Qt's parser
/// allocates anything for them. Only structure is counted, so malformed JSON passes through
/// to the parser, which reports it.
bool structureWithin(const QByteArray &bytes, const ParseLimits &limits, QString *message)
{
    struct Container
    {
        bool isArray;
        qsizetype elements;
    };
    QList<Container> open;
    // Elements are counted by their separators; an array's first one by its first byte.
    const auto valueStarts = [&open] {
        if (!open.isEmpty() && open.last().isArray && open.last().elements == 0)
            open.last().elements = 1;
    };
    bool inString = false;
    bool escape = false;
    for (qsizetype i = 0; i < bytes.size(); ++i) {
        const char c = bytes.at(i);
        if (inString) {
            if (escape)
                escape = false;
            else if (c == '\\')
                escape = true;
            else if (c == '"')
                inString = false;
            continue;
        }
        if (c == '"') {
            valueStarts();
            inString = true;
        } else if (c == '{' || c == '[') {
            if (open.size() >= limits.maxDepth) {
                *message = QStringLiteral("document nested deeper than %1 levels (at offset %2)")
                               .arg(limits.maxDepth)
                               .arg(i);
                return false;
            }
            valueStarts();
            open.append({c == '[', 0});
        } else if (c == '}' || c == ']') {
            if (!open.isEmpty())
                open.removeLast();
        } else if (c == ',') {
            if (!open.isEmpty() && open.last().isArray &&
                ++open.last().elements > limits.maxArrayLength) {
                *message = QStringLiteral("array longer than %1 elements (at offset %2)")
                               .arg(limits.maxArrayLength)
                               .arg(i);
                return false;
            }
        } else if (c != ' ' && c != '\t' && c != '\n' && c != '\r') {
            valueStarts();
        }
    }
    return true;
}

} // namespace

QJsonValue parseJson(const QByteArray &bytes, DecodeError *error, const ParseLimits &limits)
{
    *error = {};
    if (bytes.size() > limits.maxBytes) {
        error->message = QStringLiteral("document too large: %1 bytes (limit %2)")
                             .arg(bytes.size())
                             .arg(limits.maxBytes);
        return {};
    }
    if (!structureWithin(bytes, limits, &error->message))
        return {};
    const QByteArray trimmed = bytes.trimmed();
    if (trimmed.isEmpty()) {
        error->message = QStringLiteral("empty document");
        return {};
    }
    // QJsonDocument holds only objects and arrays; bare values (`32`, `"x"`) are wrapped.
    const bool bare = trimmed.front() != '{' && trimmed.front() != '[';
    QJsonParseError pe;
    const QJsonDocument doc =
        QJsonDocument::fromJson(bare ? QByteArray('[' + trimmed + ']') : trimmed, &pe);
    if (pe.error != QJsonParseError::NoError) {
        error->message = QStringLiteral("invalid JSON at offset %1: %2")
                             .arg(qMax<qsizetype>(0, pe.offset - (bare ? 1 : 0)))
                             .arg(pe.errorString());
        return {};
    }
    QJsonValue v;
    if (bare) {
        const QJsonArray a = doc.array();
        if (a.size() != 1) {
            error->message = QStringLiteral("invalid JSON: more than one value");
            return {};
        }
        v = a.at(0);
    } else {
        v = doc.isArray() ? QJsonValue(doc.array()) : QJsonValue(doc.object());
    }
    return v;
}

} // namespace vim
