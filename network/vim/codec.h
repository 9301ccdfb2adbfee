#pragma once

// The VI/JSON codec (§3): strict about JSON types and required fields, lenient where real
// servers vary. Entry points: vim::decode<T>(), vim::encode(), vim::parse<T>(),
// vim::fromAny<T>() and vim::toAny().

#include "anyvalue.h"
#include "decodeerror.h"
#include "enumvalue.h"
#include "extension.h"
#include "methodfault.h"
#include "moref.h"
#include "propertycollectortypes.h"
#include "servicecontent.h"
#include "taskdescription.h"
#include "taskfilterspec.h"
#include "taskinfo.h"

#include <QByteArray>
#include <QDateTime>
#include <QJsonArray>
#include <QJsonObject>
#include <QJsonValue>
#include <QList>

#include <optional>
#include <tuple>
#include <type_traits>

namespace vim {

/// Limits applied to every document the codec parses. The byte limit sits well above the
/// largest page a task monitor reads (1000 TaskInfos are about 2 MB) and below what would let
/// a hostile server make the client allocate hundreds of megabytes.
struct ParseLimits
{
    qsizetype maxBytes = 16 * 1024 * 1024;
    int maxDepth = 64;
    qsizetype maxArrayLength = 1'000'000;
};

namespace detail {

[[noreturn]] void fail(const QString &message);
QString jsonTypeName(const QJsonValue &v);
QJsonObject requireObject(const QJsonValue &v);
/// Checks `_typeName`, if present, is a string; returns it (empty when absent).
QString optionalTypeName(const QJsonObject &o);
/// `_typeName` must be present (polymorphic positions).
QString requiredTypeName(const QJsonObject &o);

template<typename T>
struct IsOptional : std::false_type
{
};
template<typename T>
struct IsOptional<std::optional<T>> : std::true_type
{
    using Inner = T;
};
template<typename T>
struct IsList : std::false_type
{
};
template<typename T>
struct IsList<QList<T>> : std::true_type
{
    using Inner = T;
};

/// AlwaysWrite: an empty list is still written (`[]`).
/// Required: the key must be present and not null, even where the C++ member is a list or an
/// optional (required arrays, and UserSession fields that older code declared optional).
enum FieldFlag
{
    Normal = 0,
    AlwaysWrite = 1,
    Required = 2
};

template<typename S, typename M>
struct Field
{
    const char *name;
    M S::*member;
    int flags;
};

template<typename S, typename M>
constexpr Field<S, M> field(const char *name, M S::*member, int flags = Normal)
{
    return Field<S, M>{name, member, flags};
}

} // namespace detail

/// Specialized for every data object: its wire type name and its fields.
template<typename T>
struct Traits;

template<typename T>
concept Described = requires
{
    Traits<T>::typeName;
    Traits<T>::fields();
};

template<typename T>
struct Codec;

template<>
struct Codec<QString>
{
    static QString decode(const QJsonValue &v);
    static QJsonValue encode(const QString &s) { return s; }
    static QString typeName() { return QStringLiteral("string"); }
};
template<>
struct Codec<bool>
{
    static bool decode(const QJsonValue &v);
    static QJsonValue encode(bool b) { return b; }
    static QString typeName() { return QStringLiteral("boolean"); }
};
template<>
struct Codec<qint32>
{
    static qint32 decode(const QJsonValue &v);
    static QJsonValue encode(qint32 i) { return i; }
    static QString typeName() { return QStringLiteral("int"); }
};
template<>
struct Codec<qint64>
{
    static qint64 decode(const QJsonValue &v);
    static QJsonValue encode(qint64 i) { return i; }
    static QString typeName() { return QStringLiteral("long"); }
};
template<>
struct Codec<double>
{
    static double decode(const QJsonValue &v);
    static QJsonValue encode(double d) { return d; }
    static QString typeName() { return QStringLiteral("double"); }
};
template<>
struct Codec<QDateTime>
{
    static QDateTime decode(const QJsonValue &v);
    static QJsonValue encode(const QDateTime &d);
    static QString typeName() { return QStringLiteral("dateTime"); }
};

template<typename Tr>
struct Codec<EnumValue<Tr>>
{
    static EnumValue<Tr> decode(const QJsonValue &v)
    {
        return EnumValue<Tr>::fromString(Codec<QString>::decode(v));
    }
    static QJsonValue encode(const EnumValue<Tr> &e) { return e.toString(); }
    static QString typeName() { return QLatin1String(Tr::typeName); }
};

template<typename T>
struct Codec<QList<T>>
{
    static QList<T> decode(const QJsonValue &v)
    {
        if (!v.isArray())
            detail::fail(QStringLiteral("expected array, got ") + detail::jsonTypeName(v));
        const QJsonArray a = v.toArray();
        QList<T> out;
        out.reserve(a.size());
        for (qsizetype i = 0; i < a.size(); ++i) {
            try {
                out.append(Codec<T>::decode(a.at(i)));
            } catch (DecodeFailure &e) {
                e.prepend(QLatin1Char('[') + QString::number(i) + QLatin1Char(']'));
                throw;
            }
        }
        return out;
    }
    static QJsonValue encode(const QList<T> &list)
    {
        QJsonArray a;
        for (const T &t : list)
            a.append(Codec<T>::encode(t));
        return a;
    }
    static QString typeName()
    {
        QString inner = Codec<T>::typeName();
        inner[0] = inner[0].toUpper();
        return QStringLiteral("ArrayOf") + inner;
    }
};

// Polymorphic and special types, implemented in codec.cpp.
template<>
struct Codec<AnyValue>
{
    static AnyValue decode(const QJsonValue &v);
    static QJsonValue encode(const AnyValue &a) { return a.toJson(); }
    static QString typeName() { return QStringLiteral("anyType"); }
};
template<>
struct Codec<MethodFault>
{
    static MethodFault decode(const QJsonValue &v);
    static QJsonValue encode(const MethodFault &f);
    static QString typeName() { return QStringLiteral("MethodFault"); }
};
template<>
struct Codec<TaskReason>
{
    static TaskReason decode(const QJsonValue &v);
    static QJsonValue encode(const TaskReason &r);
    static QString typeName() { return QStringLiteral("TaskReason"); }
};
template<>
struct Codec<SelectionSpec>
{
    static SelectionSpec decode(const QJsonValue &v);
    static QJsonValue encode(const SelectionSpec &s);
    static QString typeName() { return QStringLiteral("SelectionSpec"); }
};

namespace detail {

template<typename S, typename M>
void decodeField(const QJsonObject &o, S &s, const Field<S, M> &f)
{
    const QJsonValue v = o.value(QLatin1String(f.name));
    const bool absent = v.isUndefined() || v.isNull();
    try {
        if (absent && (f.flags & Required))
            fail(QStringLiteral("missing"));
        if constexpr (IsOptional<M>::value) {
            if (absent)
                (s.*(f.member)).reset();
            else
                s.*(f.member) = Codec<typename IsOptional<M>::Inner>::decode(v);
        } else if constexpr (IsList<M>::value) {
            // A missing or null optional array is an empty one.
            if (absent)
                (s.*(f.member)).clear();
            else
                s.*(f.member) = Codec<M>::decode(v);
        } else {
            if (absent)
                fail(QStringLiteral("missing"));
            s.*(f.member) = Codec<M>::decode(v);
        }
    } catch (DecodeFailure &e) {
        e.prepend(QLatin1String(f.name));
        throw;
    }
}

template<typename S, typename M>
void encodeField(QJsonObject &o, const S &s, const Field<S, M> &f)
{
    const M &m = s.*(f.member);
    if constexpr (IsOptional<M>::value) {
        if (m)
            o.insert(QLatin1String(f.name), Codec<typename IsOptional<M>::Inner>::encode(*m));
    } else if constexpr (IsList<M>::value) {
        if (!m.isEmpty() || (f.flags & (AlwaysWrite | Required)))
            o.insert(QLatin1String(f.name), Codec<M>::encode(m));
    } else {
        o.insert(QLatin1String(f.name), Codec<M>::encode(m));
    }
}

} // namespace detail

template<Described T>
struct Codec<T>
{
    static T decode(const QJsonValue &v)
    {
        const QJsonObject o = detail::requireObject(v);
        // `_typeName` may be absent on final types and sit anywhere in the object; a
        // different name is a subtype, which carries every field of this type.
        detail::optionalTypeName(o);
        T t{};
        std::apply([&](const auto &...f) { (detail::decodeField(o, t, f), ...); },
                   Traits<T>::fields());
        return t;
    }
    static QJsonValue encode(const T &t)
    {
        QJsonObject o;
        o.insert(QStringLiteral("_typeName"), typeName());
        std::apply([&](const auto &...f) { (detail::encodeField(o, t, f), ...); },
                   Traits<T>::fields());
        return o;
    }
    static QString typeName() { return QLatin1String(Traits<T>::typeName); }
};

/// The wire type name of T (`TaskInfo`, `int`, `ArrayOfTaskInfo`).
template<typename T>
QString typeNameOf()
{
    return Codec<T>::typeName();
}

/// Decodes `v` as T. Errors name the JSON path from the type name (`TaskInfo.reason._typeName`).
template<typename T>
Result<T> decode(const QJsonValue &v, const QString &root = typeNameOf<T>())
{
    try {
        return Codec<T>::decode(v);
    } catch (const DecodeFailure &e) {
        return e.error(root);
    }
}

template<typename T>
QJsonValue encode(const T &t)
{
    return Codec<T>::encode(t);
}

/// Parses a JSON document within `limits` (size, depth, array length) and decodes it.
QJsonValue parseJson(const QByteArray &bytes, DecodeError *error, const ParseLimits &limits = {});

template<typename T>
Result<T> parse(const QByteArray &bytes, const ParseLimits &limits = {})
{
    DecodeError err;
    const QJsonValue v = parseJson(bytes, &err, limits);
    if (!err.message.isEmpty())
        return err;
    return decode<T>(v);
}

/// Decodes an anyType value as T: a data object written inline, a boxed primitive or a
/// boxed array (`ArrayOfTaskInfo`) into QList<T>.
template<typename T>
Result<T> fromAny(const AnyValue &any)
{
    if (any.isNull())
        return DecodeError{typeNameOf<T>(), QStringLiteral("no value")};
    if constexpr (Described<T> || std::is_same_v<T, MethodFault>) {
        if (any.isBoxed())
            return DecodeError{any.typeName(),
                               QStringLiteral("expected a data object, got a boxed value")};
        return decode<T>(any.value(), any.typeName());
    } else {
        if (!any.isBoxed())
            return DecodeError{any.typeName(),
                               QStringLiteral("expected a boxed value, got a data object")};
        return decode<T>(any.value(), any.typeName() + QStringLiteral("._value"));
    }
}

/// Wraps a value for an anyType position: data objects inline, everything else boxed.
template<typename T>
AnyValue toAny(const T &t)
{
    if constexpr (Described<T> || std::is_same_v<T, MethodFault>)
        return AnyValue::inlineObject(encode(t).toObject());
    else
        return AnyValue::boxed(typeNameOf<T>(), encode(t));
}

/// Boxes an enum or string-typed list under an explicit wire name (`TaskInfoState`).
AnyValue boxedAs(const QString &typeName, const QJsonValue &value);

// ---- Field tables -------------------------------------------------------------------------

using detail::AlwaysWrite;
using detail::field;
using detail::Required;

#define VIM_TRAITS(T)                                                                              \
    template<>                                                                                     \
    struct Traits<T>                                                                               \
    {                                                                                              \
        static constexpr const char *typeName = #T;                                                \
        static constexpr auto fields();                                                            \
    };                                                                                             \
    constexpr auto Traits<T>::fields()

VIM_TRAITS(ManagedObjectReference)
{
    return std::make_tuple(field("type", &ManagedObjectReference::type),
                           field("value", &ManagedObjectReference::value));
}
VIM_TRAITS(KeyAnyValue)
{
    return std::make_tuple(field("key", &KeyAnyValue::key), field("value", &KeyAnyValue::value));
}
VIM_TRAITS(LocalizableMessage)
{
    return std::make_tuple(field("key", &LocalizableMessage::key),
                           field("arg", &LocalizableMessage::arg),
                           field("message", &LocalizableMessage::message));
}
VIM_TRAITS(TaskInfo)
{
    using T = TaskInfo;
    return std::make_tuple(
        field("key", &T::key), field("task", &T::task), field("description", &T::description),
        field("name", &T::name), field("descriptionId", &T::descriptionId),
        field("entity", &T::entity), field("entityName", &T::entityName),
        field("locked", &T::locked), field("state", &T::state), field("cancelled", &T::cancelled),
        field("cancelable", &T::cancelable), field("error", &T::error), field("result", &T::result),
        field("progress", &T::progress), field("progressDetails", &T::progressDetails),
        field("reason", &T::reason), field("queueTime", &T::queueTime),
        field("startTime", &T::startTime), field("completeTime", &T::completeTime),
        field("eventChainId", &T::eventChainId), field("changeTag", &T::changeTag),
        field("parentTaskKey", &T::parentTaskKey), field("rootTaskKey", &T::rootTaskKey),
        field("activationId", &T::activationId));
}
VIM_TRAITS(Description)
{
    return std::make_tuple(field("label", &Description::label),
                           field("summary", &Description::summary));
}
VIM_TRAITS(ElementDescription)
{
    return std::make_tuple(field("label", &ElementDescription::label),
                           field("summary", &ElementDescription::summary),
                           field("key", &ElementDescription::key));
}
VIM_TRAITS(TypeDescription)
{
    return std::make_tuple(field("label", &TypeDescription::label),
                           field("summary", &TypeDescription::summary),
                           field("key", &TypeDescription::key));
}
VIM_TRAITS(TaskDescription)
{
    return std::make_tuple(field("methodInfo", &TaskDescription::methodInfo, Required),
                           field("state", &TaskDescription::state, Required),
                           field("reason", &TaskDescription::reason, Required));
}
VIM_TRAITS(TaskFilterSpecByEntity)
{
    return std::make_tuple(field("entity", &TaskFilterSpecByEntity::entity),
                           field("recursion", &TaskFilterSpecByEntity::recursion));
}
VIM_TRAITS(TaskFilterSpecByTime)
{
    return std::make_tuple(field("timeType", &TaskFilterSpecByTime::timeType),
                           field("beginTime", &TaskFilterSpecByTime::beginTime),
                           field("endTime", &TaskFilterSpecByTime::endTime));
}
VIM_TRAITS(TaskFilterSpecByUsername)
{
    return std::make_tuple(field("systemUser", &TaskFilterSpecByUsername::systemUser),
                           field("userList", &TaskFilterSpecByUsername::userList));
}
VIM_TRAITS(TaskFilterSpec)
{
    using T = TaskFilterSpec;
    return std::make_tuple(
        field("entity", &T::entity), field("time", &T::time), field("userName", &T::userName),
        field("activationId", &T::activationId), field("state", &T::state),
        field("alarm", &T::alarm), field("scheduledTask", &T::scheduledTask),
        field("eventChainId", &T::eventChainId), field("tag", &T::tag),
        field("parentTaskKey", &T::parentTaskKey), field("rootTaskKey", &T::rootTaskKey));
}
VIM_TRAITS(TaskInfoFilterSpecFilterTaskResults)
{
    using T = TaskInfoFilterSpecFilterTaskResults;
    return std::make_tuple(field("removeAll", &T::removeAll),
                           field("descriptionIds", &T::descriptionIds),
                           field("filterIn", &T::filterIn));
}
VIM_TRAITS(TaskInfoFilterSpec)
{
    return std::make_tuple(field("filterTaskResults", &TaskInfoFilterSpec::filterTaskResults));
}
VIM_TRAITS(AboutInfo)
{
    using T = AboutInfo;
    return std::make_tuple(
        field("name", &T::name), field("fullName", &T::fullName), field("vendor", &T::vendor),
        field("version", &T::version), field("patchLevel", &T::patchLevel),
        field("build", &T::build), field("localeVersion", &T::localeVersion),
        field("localeBuild", &T::localeBuild), field("osType", &T::osType),
        field("productLineId", &T::productLineId), field("apiType", &T::apiType),
        field("apiVersion", &T::apiVersion), field("instanceUuid", &T::instanceUuid),
        field("licenseProductName", &T::licenseProductName),
        field("licenseProductVersion", &T::licenseProductVersion));
}
VIM_TRAITS(ServiceContent)
{
    using T = ServiceContent;
    return std::make_tuple(
        field("rootFolder", &T::rootFolder), field("propertyCollector", &T::propertyCollector),
        field("viewManager", &T::viewManager), field("about", &T::about),
        field("setting", &T::setting), field("userDirectory", &T::userDirectory),
        field("sessionManager", &T::sessionManager),
        field("authorizationManager", &T::authorizationManager),
        field("scheduledTaskManager", &T::scheduledTaskManager),
        field("alarmManager", &T::alarmManager), field("eventManager", &T::eventManager),
        field("taskManager", &T::taskManager), field("extensionManager", &T::extensionManager),
        field("searchIndex", &T::searchIndex));
}
VIM_TRAITS(UserSession)
{
    using T = UserSession;
    return std::make_tuple(
        field("key", &T::key), field("userName", &T::userName), field("fullName", &T::fullName),
        field("loginTime", &T::loginTime), field("lastActiveTime", &T::lastActiveTime),
        field("locale", &T::locale), field("messageLocale", &T::messageLocale),
        field("extensionSession", &T::extensionSession),
        field("ipAddress", &T::ipAddress, Required), field("userAgent", &T::userAgent, Required),
        field("callCount", &T::callCount));
}
VIM_TRAITS(KeyValue)
{
    return std::make_tuple(field("key", &KeyValue::key), field("value", &KeyValue::value));
}
VIM_TRAITS(ExtensionTaskTypeInfo)
{
    return std::make_tuple(field("taskID", &ExtensionTaskTypeInfo::taskID));
}
VIM_TRAITS(ExtensionResourceInfo)
{
    return std::make_tuple(field("locale", &ExtensionResourceInfo::locale),
                           field("module", &ExtensionResourceInfo::module),
                           field("data", &ExtensionResourceInfo::data, Required));
}
VIM_TRAITS(Extension)
{
    using T = Extension;
    return std::make_tuple(field("description", &T::description), field("key", &T::key),
                           field("company", &T::company), field("version", &T::version),
                           field("taskList", &T::taskList), field("resourceList", &T::resourceList),
                           field("lastHeartbeatTime", &T::lastHeartbeatTime));
}
VIM_TRAITS(PropertySpec)
{
    return std::make_tuple(field("type", &PropertySpec::type), field("all", &PropertySpec::all),
                           field("pathSet", &PropertySpec::pathSet));
}
VIM_TRAITS(ObjectSpec)
{
    return std::make_tuple(field("obj", &ObjectSpec::obj), field("skip", &ObjectSpec::skip),
                           field("selectSet", &ObjectSpec::selectSet));
}
VIM_TRAITS(PropertyFilterSpec)
{
    using T = PropertyFilterSpec;
    return std::make_tuple(
        field("propSet", &T::propSet, Required), field("objectSet", &T::objectSet, Required),
        field("reportMissingObjectsInResults", &T::reportMissingObjectsInResults));
}
VIM_TRAITS(WaitOptions)
{
    return std::make_tuple(field("maxWaitSeconds", &WaitOptions::maxWaitSeconds),
                           field("maxObjectUpdates", &WaitOptions::maxObjectUpdates));
}
VIM_TRAITS(PropertyChange)
{
    return std::make_tuple(field("name", &PropertyChange::name), field("op", &PropertyChange::op),
                           field("val", &PropertyChange::val));
}
VIM_TRAITS(MissingProperty)
{
    return std::make_tuple(field("path", &MissingProperty::path),
                           field("fault", &MissingProperty::fault));
}
VIM_TRAITS(MissingObject)
{
    return std::make_tuple(field("obj", &MissingObject::obj),
                           field("fault", &MissingObject::fault));
}
VIM_TRAITS(ObjectUpdate)
{
    return std::make_tuple(field("kind", &ObjectUpdate::kind), field("obj", &ObjectUpdate::obj),
                           field("changeSet", &ObjectUpdate::changeSet),
                           field("missingSet", &ObjectUpdate::missingSet));
}
VIM_TRAITS(PropertyFilterUpdate)
{
    return std::make_tuple(field("filter", &PropertyFilterUpdate::filter),
                           field("objectSet", &PropertyFilterUpdate::objectSet),
                           field("missingSet", &PropertyFilterUpdate::missingSet));
}
VIM_TRAITS(UpdateSet)
{
    return std::make_tuple(field("version", &UpdateSet::version),
                           field("filterSet", &UpdateSet::filterSet),
                           field("truncated", &UpdateSet::truncated));
}
VIM_TRAITS(RetrieveOptions)
{
    return std::make_tuple(field("maxObjects", &RetrieveOptions::maxObjects));
}
VIM_TRAITS(DynamicProperty)
{
    return std::make_tuple(field("name", &DynamicProperty::name),
                           field("val", &DynamicProperty::val));
}
VIM_TRAITS(ObjectContent)
{
    return std::make_tuple(field("obj", &ObjectContent::obj),
                           field("propSet", &ObjectContent::propSet),
                           field("missingSet", &ObjectContent::missingSet));
}
VIM_TRAITS(RetrieveResult)
{
    return std::make_tuple(field("token", &RetrieveResult::token),
                           field("objects", &RetrieveResult::objects, Required));
}

#undef VIM_TRAITS

} // namespace vim
