#pragma once

#include <vim/anyvalue.h>
#include <vim/moref.h>
#include <vim/propertycollectortypes.h>
#include <vim/servicecontent.h>

#include <QHash>
#include <QJsonValue>
#include <QList>
#include <QPair>
#include <QString>
#include <QStringList>

#include <functional>
#include <optional>

namespace sim {

class Session;
struct SimContext;

/// A property value as JSON in its declared type, plus the name it is boxed under in
/// anyType positions (empty for data objects, which stay inline).
struct PropValue
{
    QJsonValue json = QJsonValue(QJsonValue::Undefined);
    QString boxType;

    bool isSet() const { return !json.isUndefined() && !json.isNull(); }
    vim::AnyValue toAny() const;
};

/// The managed-object model: the type hierarchy, which object a moId names, every
/// property the simulator serves (GET and PropertyCollector) and traversal of
/// PropertyFilterSpecs.
class ObjectModel final
{
public:
    struct ObjectValues
    {
        vim::ManagedObjectReference obj;
        /// Requested paths in name order; unset values have !isSet().
        QList<QPair<QString, PropValue>> props;
    };
    struct Collected
    {
        QList<ObjectValues> objects;
        QList<vim::ManagedObjectReference> missing;
    };

    explicit ObjectModel(SimContext &context);

    static bool isKnownType(const QString &type);
    /// True when `type` is `base` or derives from it (ClusterComputeResource → ManagedEntity).
    static bool isA(const QString &type, const QString &base);
    static QStringList typeChain(const QString &type);
    /// The entry for `name` registered on `type` or its nearest supertype, or null.
    template<typename T>
    static const T *findInChain(const QHash<QString, QHash<QString, T>> &table, const QString &type,
                                const QString &name)
    {
        for (const QString &t : typeChain(type)) {
            const auto it = table.constFind(t);
            if (it == table.cend())
                continue;
            const auto entry = it->constFind(name);
            if (entry != it->cend())
                return &*entry;
        }
        return nullptr;
    }

    /// The actual type of `moId` as `session` sees it, or empty when there is no such object.
    QString typeOf(const QString &moId, const Session *session) const;
    bool hasProperty(const QString &type, const QString &property) const;
    QStringList propertyNames(const QString &type) const;

    /// Reads a top-level or nested (`info.state`) property; nullopt when the type has no
    /// such top-level property.
    std::optional<PropValue> read(const vim::ManagedObjectReference &obj, const QString &path,
                                  const Session *session) const;

    /// Faults (InvalidArgument, InvalidType, InvalidProperty) for a malformed spec.
    void validate(const vim::PropertyFilterSpec &spec) const;
    /// The objects a spec selects with their requested properties; objects that do not
    /// exist are listed in `missing`.
    Collected collect(const vim::PropertyFilterSpec &spec, const Session *session) const;

    vim::ServiceContent serviceContent() const;
    /// The anyType box name for a nested value (`info.state` → `TaskInfoState`).
    static QString boxTypeFor(const QString &path, const QJsonValue &value);

private:
    using Getter = std::function<PropValue(const QString &moId, const Session *session)>;
    void define(const QString &type, const QString &property, Getter getter);
    void defineProperties();
    void defineEntityProperties();
    void defineSessionObjectProperties();
    const Getter *getter(const QString &type, const QString &property) const;
    QList<vim::ManagedObjectReference> refsOf(const vim::ManagedObjectReference &obj,
                                              const QString &path, const Session *session) const;

    SimContext &m_ctx;
    QHash<QString, QHash<QString, Getter>> m_properties;
    QHash<QString, QString> m_singletons;
};

} // namespace sim
