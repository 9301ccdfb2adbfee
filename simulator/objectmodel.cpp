#include "objectmodel.h"

#include "faults.h"
#include "inventory.h"
#include "session.h"
#include "sessionregistry.h"
#include "simcontext.h"
#include "taskcatalog.h"
#include "taskstore.h"

#include <vim/codec.h>

#include <QCryptographicHash>
#include <QSet>

#include <algorithm>

namespace sim {

namespace {

const QHash<QString, QString> &parentTypes()
{
    static const QHash<QString, QString> parents{
        {QStringLiteral("ManagedEntity"), QStringLiteral("ExtensibleManagedObject")},
        {QStringLiteral("Folder"), QStringLiteral("ManagedEntity")},
        {QStringLiteral("Datacenter"), QStringLiteral("ManagedEntity")},
        {QStringLiteral("ComputeResource"), QStringLiteral("ManagedEntity")},
        {QStringLiteral("ClusterComputeResource"), QStringLiteral("ComputeResource")},
        {QStringLiteral("HostSystem"), QStringLiteral("ManagedEntity")},
        {QStringLiteral("VirtualMachine"), QStringLiteral("ManagedEntity")},
        {QStringLiteral("Datastore"), QStringLiteral("ManagedEntity")},
        {QStringLiteral("Network"), QStringLiteral("ManagedEntity")},
        {QStringLiteral("Task"), QStringLiteral("ExtensibleManagedObject")},
        {QStringLiteral("TaskHistoryCollector"), QStringLiteral("HistoryCollector")},
        {QStringLiteral("ListView"), QStringLiteral("ManagedObjectView")},
        {QStringLiteral("ContainerView"), QStringLiteral("ManagedObjectView")},
        {QStringLiteral("ManagedObjectView"), QStringLiteral("View")},
        {QStringLiteral("ExtensibleManagedObject"), QString()},
        {QStringLiteral("HistoryCollector"), QString()},
        {QStringLiteral("View"), QString()},
        {QStringLiteral("ServiceInstance"), QString()},
        {QStringLiteral("SessionManager"), QString()},
        {QStringLiteral("TaskManager"), QString()},
        {QStringLiteral("PropertyCollector"), QString()},
        {QStringLiteral("PropertyFilter"), QString()},
        {QStringLiteral("ViewManager"), QString()},
        {QStringLiteral("ExtensionManager"), QString()},
        {QStringLiteral("EventManager"), QString()},
        {QStringLiteral("OptionManager"), QString()},
    };
    return parents;
}

PropValue objectValue(const QJsonValue &json)
{
    return {json, {}};
}

PropValue refValue(const vim::ManagedObjectReference &ref)
{
    return objectValue(vim::encode(ref));
}

PropValue refList(const QList<vim::ManagedObjectReference> &refs)
{
    return {vim::encode(refs), QStringLiteral("ArrayOfManagedObjectReference")};
}

PropValue stringList(const QStringList &list)
{
    return {vim::encode(QList<QString>(list)), QStringLiteral("ArrayOfString")};
}

template<typename T>
PropValue boxed(const T &v)
{
    return {vim::encode(v), vim::typeNameOf<T>()};
}

// Names of fields whose JSON type does not tell their vim type.
const QHash<QString, QString> &boxNames()
{
    static const QHash<QString, QString> names{
        {QStringLiteral("state"), QStringLiteral("TaskInfoState")},
        {QStringLiteral("queueTime"), QStringLiteral("dateTime")},
        {QStringLiteral("startTime"), QStringLiteral("dateTime")},
        {QStringLiteral("completeTime"), QStringLiteral("dateTime")},
        {QStringLiteral("loginTime"), QStringLiteral("dateTime")},
        {QStringLiteral("lastActiveTime"), QStringLiteral("dateTime")},
        {QStringLiteral("lastHeartbeatTime"), QStringLiteral("dateTime")},
        {QStringLiteral("callCount"), QStringLiteral("long")},
        {QStringLiteral("locked"), QStringLiteral("ArrayOfManagedObjectReference")},
        {QStringLiteral("progressDetails"), QStringLiteral("ArrayOfKeyAnyValue")},
        {QStringLiteral("arg"), QStringLiteral("ArrayOfKeyAnyValue")},
        {QStringLiteral("methodInfo"), QStringLiteral("ArrayOfElementDescription")},
        {QStringLiteral("reason"), QStringLiteral("ArrayOfTypeDescription")},
        {QStringLiteral("faultMessage"), QStringLiteral("ArrayOfLocalizableMessage")},
    };
    return names;
}

} // namespace

vim::AnyValue PropValue::toAny() const
{
    if (!isSet())
        return {};
    if (boxType.isEmpty() && json.isObject())
        return vim::AnyValue::inlineObject(json.toObject());
    return vim::AnyValue::boxed(boxType.isEmpty() ? ObjectModel::boxTypeFor({}, json) : boxType,
                                json);
}

QString ObjectModel::boxTypeFor(const QString &path, const QJsonValue &value)
{
    const QString last = path.section(QLatin1Char('.'), -1);
    if (value.isObject())
        return {};
    if (value.isArray()) {
        const QJsonArray a = value.toArray();
        if (!a.isEmpty() && a.first().isObject())
            return QStringLiteral("ArrayOf") +
                   a.first().toObject().value(QLatin1String("_typeName")).toString();
        if (last == QLatin1String("state") && path.contains(QLatin1String("description")))
            return QStringLiteral("ArrayOfElementDescription");
        const QString known = boxNames().value(last);
        if (known.startsWith(QLatin1String("ArrayOf")))
            return known;
        if (!a.isEmpty() && a.first().isDouble())
            return QStringLiteral("ArrayOfInt");
        return QStringLiteral("ArrayOfString");
    }
    if (value.isBool())
        return QStringLiteral("boolean");
    if (value.isDouble())
        return boxNames().value(last, QStringLiteral("int"));
    const QString known = boxNames().value(last);
    return known.isEmpty() || known.startsWith(QLatin1String("ArrayOf")) ? QStringLiteral("string")
                                                                         : known;
}

ObjectModel::ObjectModel(SimContext &context)
    : m_ctx(context)
{
    const auto &ids = m_ctx.ids;
    m_singletons = {{ids.serviceInstance, QStringLiteral("ServiceInstance")},
                    {ids.sessionManager, QStringLiteral("SessionManager")},
                    {ids.taskManager, QStringLiteral("TaskManager")},
                    {ids.propertyCollector, QStringLiteral("PropertyCollector")},
                    {ids.viewManager, QStringLiteral("ViewManager")},
                    {ids.eventManager, QStringLiteral("EventManager")},
                    {ids.setting, QStringLiteral("OptionManager")}};
    if (!m_ctx.options.esxi)
        m_singletons.insert(ids.extensionManager, QStringLiteral("ExtensionManager"));
    defineProperties();
    defineEntityProperties();
    defineSessionObjectProperties();
}

bool ObjectModel::isKnownType(const QString &type)
{
    return parentTypes().contains(type);
}

QStringList ObjectModel::typeChain(const QString &type)
{
    QStringList chain;
    for (QString t = type; !t.isEmpty(); t = parentTypes().value(t))
        chain.append(t);
    return chain;
}

bool ObjectModel::isA(const QString &type, const QString &base)
{
    for (QString t = type; !t.isEmpty(); t = parentTypes().value(t)) {
        if (t == base)
            return true;
    }
    return false;
}

QString ObjectModel::typeOf(const QString &moId, const Session *session) const
{
    if (const auto it = m_singletons.constFind(moId); it != m_singletons.cend())
        return *it;
    if (const QString t = m_ctx.inventory->typeOf(moId); !t.isEmpty())
        return t;
    if (m_ctx.tasks->find(moId))
        return QStringLiteral("Task");
    if (session && moId.startsWith(QLatin1String("session[")))
        return session->typeOf(moId);
    return {};
}

void ObjectModel::define(const QString &type, const QString &property, Getter getter)
{
    m_properties[type].insert(property, std::move(getter));
}

const ObjectModel::Getter *ObjectModel::getter(const QString &type, const QString &property) const
{
    return findInChain(m_properties, type, property);
}

bool ObjectModel::hasProperty(const QString &type, const QString &property) const
{
    return getter(type, property) != nullptr;
}

QStringList ObjectModel::propertyNames(const QString &type) const
{
    QStringList names;
    for (const QString &t : typeChain(type))
        names += m_properties.value(t).keys();
    std::sort(names.begin(), names.end());
    return names;
}

vim::ServiceContent ObjectModel::serviceContent() const
{
    const auto &ids = m_ctx.ids;
    const QString &release = m_ctx.options.release;
    const bool esxi = m_ctx.options.esxi;
    vim::ServiceContent c;
    c.rootFolder = m_ctx.inventory->ref(m_ctx.inventory->rootFolder());
    c.propertyCollector = {QStringLiteral("PropertyCollector"), ids.propertyCollector};
    c.viewManager = vim::ManagedObjectReference{QStringLiteral("ViewManager"), ids.viewManager};
    c.setting = vim::ManagedObjectReference{QStringLiteral("OptionManager"), ids.setting};
    c.sessionManager =
        vim::ManagedObjectReference{QStringLiteral("SessionManager"), ids.sessionManager};
    c.eventManager = vim::ManagedObjectReference{QStringLiteral("EventManager"), ids.eventManager};
    c.taskManager = vim::ManagedObjectReference{QStringLiteral("TaskManager"), ids.taskManager};
    if (!esxi)
        c.extensionManager =
            vim::ManagedObjectReference{QStringLiteral("ExtensionManager"), ids.extensionManager};
    const QString version = release.section(QLatin1Char('.'), 0, 2);
    QString build = QStringLiteral("24022515");
    if (release.startsWith(QLatin1String("8.0.1")))
        build = QStringLiteral("21560480");
    else if (release.startsWith(QLatin1String("8.0.2")))
        build = QStringLiteral("22385739");
    vim::AboutInfo &a = c.about;
    a.name = esxi ? QStringLiteral("VMware ESXi") : QStringLiteral("VMware vCenter Server");
    a.fullName = a.name + QLatin1Char(' ') + version + QStringLiteral(" build-") + build;
    a.vendor = QStringLiteral("VMware, Inc.");
    a.version = version;
    a.build = build;
    a.localeVersion = QStringLiteral("INTL");
    a.localeBuild = QStringLiteral("000");
    a.osType = esxi ? QStringLiteral("vmnix-x86") : QStringLiteral("linux-x64");
    a.productLineId = esxi ? QStringLiteral("embeddedEsx") : QStringLiteral("vpx");
    a.apiType = esxi ? QStringLiteral("HostAgent") : QStringLiteral("VirtualCenter");
    a.apiVersion = release;
    a.instanceUuid = m_ctx.options.instanceUuid;
    if (a.instanceUuid->isEmpty()) {
        // Stable for the same seed and mode, different otherwise (RFC 4122 layout, v5-ish).
        const QByteArray seed = QByteArray(esxi ? "vtaskmon-sim/esxi/" : "vtaskmon-sim/vc/") +
                                QByteArray::number(m_ctx.options.workload.seed);
        const QByteArray h =
            QCryptographicHash::hash(seed, QCryptographicHash::Sha1).left(16).toHex();
        const QByteArray uuid = h.left(8) + '-' + h.mid(8, 4) + "-5" + h.mid(13, 3) + "-8" +
                                h.mid(17, 3) + '-' + h.mid(20, 12);
        a.instanceUuid = QString::fromLatin1(uuid);
    }
    a.licenseProductName =
        esxi ? QStringLiteral("VMware ESX Server") : QStringLiteral("VMware VirtualCenter Server");
    a.licenseProductVersion = QStringLiteral("8.0");
    return c;
}

void ObjectModel::defineProperties()
{
    define(QStringLiteral("ServiceInstance"), QStringLiteral("content"),
           [this](const QString &, const Session *) {
               return objectValue(vim::encode(serviceContent()));
           });
    define(QStringLiteral("ServiceInstance"), QStringLiteral("serverClock"),
           [](const QString &, const Session *) { return boxed(QDateTime::currentDateTimeUtc()); });
    define(QStringLiteral("SessionManager"), QStringLiteral("currentSession"),
           [](const QString &, const Session *s) {
               return s ? objectValue(vim::encode(s->userSession())) : PropValue{};
           });
    define(QStringLiteral("SessionManager"), QStringLiteral("sessionList"),
           [this](const QString &, const Session *) {
               QList<vim::UserSession> list;
               for (const Session *s : m_ctx.sessions->all())
                   list.append(s->userSession());
               return boxed(list);
           });
    define(QStringLiteral("SessionManager"), QStringLiteral("defaultLocale"),
           [](const QString &, const Session *) { return boxed(QStringLiteral("en")); });
    define(
        QStringLiteral("SessionManager"), QStringLiteral("supportedLocaleList"),
        [](const QString &, const Session *) {
            return stringList({QStringLiteral("en"), QStringLiteral("de"), QStringLiteral("fr")});
        });
    define(QStringLiteral("TaskManager"), QStringLiteral("recentTask"),
           [this](const QString &, const Session *) {
               return refList(m_ctx.tasks->recentTasks(QDateTime::currentDateTimeUtc()));
           });
    define(QStringLiteral("TaskManager"), QStringLiteral("description"),
           [this](const QString &, const Session *s) {
               return objectValue(
                   vim::encode(m_ctx.catalog->description(s ? s->language : TaskCatalog::English)));
           });
    define(QStringLiteral("TaskManager"), QStringLiteral("maxCollector"),
           [this](const QString &, const Session *) {
               return boxed(qint32(m_ctx.options.maxCollectors));
           });
    define(QStringLiteral("Task"), QStringLiteral("info"),
           [this](const QString &moId, const Session *) {
               TaskRecord *r = m_ctx.tasks->find(moId);
               return r ? objectValue(m_ctx.tasks->json(*r)) : PropValue{};
           });
    define(QStringLiteral("ExtensionManager"), QStringLiteral("extensionList"),
           [this](const QString &, const Session *) { return boxed(m_ctx.catalog->extensions()); });
}

void ObjectModel::defineEntityProperties()
{
    Inventory *inv = m_ctx.inventory;
    define(QStringLiteral("ManagedEntity"), QStringLiteral("name"),
           [inv](const QString &moId, const Session *) { return boxed(inv->find(moId)->name); });
    define(QStringLiteral("ManagedEntity"), QStringLiteral("parent"),
           [inv](const QString &moId, const Session *) {
               const QString parent = inv->find(moId)->parent;
               return parent.isEmpty() ? PropValue{} : refValue(inv->ref(parent));
           });
    define(QStringLiteral("ManagedEntity"), QStringLiteral("overallStatus"),
           [](const QString &, const Session *) {
               return PropValue{QStringLiteral("green"), QStringLiteral("ManagedEntityStatus")};
           });
    define(QStringLiteral("ManagedEntity"), QStringLiteral("recentTask"),
           [this](const QString &moId, const Session *) {
               QList<vim::ManagedObjectReference> refs;
               const auto recent = m_ctx.tasks->recentTasks(QDateTime::currentDateTimeUtc());
               for (const auto &r : recent) {
                   const TaskRecord *t = m_ctx.tasks->find(r.value);
                   if (t && t->info.entity && t->info.entity->value == moId)
                       refs.append(r);
               }
               return refList(refs);
           });
    auto listProperty = [this, inv](const QString &type, const QString &name) {
        define(type, name, [inv, name](const QString &moId, const Session *) {
            QList<vim::ManagedObjectReference> refs;
            for (const QString &id : inv->find(moId)->lists.value(name))
                refs.append(inv->ref(id));
            return refList(refs);
        });
    };
    auto refProperty = [this, inv](const QString &type, const QString &name) {
        define(type, name, [inv, name](const QString &moId, const Session *) {
            return refValue(inv->ref(inv->find(moId)->refs.value(name)));
        });
    };
    listProperty(QStringLiteral("Folder"), QStringLiteral("childEntity"));
    define(QStringLiteral("Folder"), QStringLiteral("childType"),
           [inv](const QString &moId, const Session *) {
               const QString name = inv->find(moId)->name;
               if (name == QLatin1String("vm") || name == QLatin1String("Templates"))
                   return stringList({QStringLiteral("Folder"), QStringLiteral("VirtualMachine"),
                                      QStringLiteral("VirtualApp")});
               if (name == QLatin1String("host"))
                   return stringList({QStringLiteral("Folder"), QStringLiteral("ComputeResource")});
               if (name == QLatin1String("datastore"))
                   return stringList({QStringLiteral("Folder"), QStringLiteral("Datastore")});
               if (name == QLatin1String("network"))
                   return stringList({QStringLiteral("Folder"), QStringLiteral("Network")});
               return stringList({QStringLiteral("Folder"), QStringLiteral("Datacenter")});
           });
    for (const char *f : {"vmFolder", "hostFolder", "datastoreFolder", "networkFolder"})
        refProperty(QStringLiteral("Datacenter"), QLatin1String(f));
    listProperty(QStringLiteral("Datacenter"), QStringLiteral("datastore"));
    listProperty(QStringLiteral("Datacenter"), QStringLiteral("network"));
    listProperty(QStringLiteral("ComputeResource"), QStringLiteral("host"));
    listProperty(QStringLiteral("ComputeResource"), QStringLiteral("datastore"));
    listProperty(QStringLiteral("ComputeResource"), QStringLiteral("network"));
    listProperty(QStringLiteral("HostSystem"), QStringLiteral("vm"));
    listProperty(QStringLiteral("HostSystem"), QStringLiteral("datastore"));
    listProperty(QStringLiteral("VirtualMachine"), QStringLiteral("datastore"));
    listProperty(QStringLiteral("Datastore"), QStringLiteral("vm"));
}

void ObjectModel::defineSessionObjectProperties()
{
    define(QStringLiteral("HistoryCollector"), QStringLiteral("filter"),
           [](const QString &moId, const Session *s) {
               return objectValue(vim::encode(s->collectors.at(moId)->filter()));
           });
    define(QStringLiteral("TaskHistoryCollector"), QStringLiteral("latestPage"),
           [](const QString &moId, const Session *s) {
               return PropValue{s->collectors.at(moId)->latestPage(),
                                QStringLiteral("ArrayOfTaskInfo")};
           });
    define(QStringLiteral("PropertyCollector"), QStringLiteral("filter"),
           [](const QString &moId, const Session *s) {
               QList<vim::ManagedObjectReference> refs;
               if (s) {
                   if (const auto it = s->propertyCollectors.find(moId);
                       it != s->propertyCollectors.end()) {
                       for (const QString &f : it->second->filterIds())
                           refs.append({QStringLiteral("PropertyFilter"), f});
                   }
               }
               return refList(refs);
           });
    define(QStringLiteral("PropertyFilter"), QStringLiteral("spec"),
           [](const QString &moId, const Session *s) {
               return objectValue(vim::encode(s->collectorOfFilter(moId)->filter(moId)->spec));
           });
    define(QStringLiteral("PropertyFilter"), QStringLiteral("partialUpdates"),
           [](const QString &moId, const Session *s) {
               return boxed(s->collectorOfFilter(moId)->filter(moId)->partialUpdates);
           });
    define(QStringLiteral("ViewManager"), QStringLiteral("viewList"),
           [](const QString &, const Session *s) {
               QList<vim::ManagedObjectReference> refs;
               if (s) {
                   for (const auto &v : s->views)
                       refs.append({v.second.type, v.first});
               }
               return refList(refs);
           });
    define(QStringLiteral("ManagedObjectView"), QStringLiteral("view"),
           [this](const QString &moId, const Session *s) {
               const ObjectView &v = s->views.at(moId);
               if (v.type == QLatin1String("ListView"))
                   return refList(v.members);
               QList<vim::ManagedObjectReference> refs;
               QStringList queue = m_ctx.inventory->containedIn(v.container);
               // VMs are reachable through their folder and their host: list each once.
               QSet<QString> seen;
               for (qsizetype i = 0; i < queue.size(); ++i) {
                   if (seen.contains(queue.at(i)))
                       continue;
                   seen.insert(queue.at(i));
                   const QString type = m_ctx.inventory->typeOf(queue.at(i));
                   const bool wanted = v.types.isEmpty() ||
                                       std::any_of(v.types.begin(), v.types.end(),
                                                   [&](const QString &t) { return isA(type, t); });
                   if (wanted)
                       refs.append({type, queue.at(i)});
                   if (v.recursive)
                       queue += m_ctx.inventory->containedIn(queue.at(i));
               }
               return refList(refs);
           });
    define(QStringLiteral("ContainerView"), QStringLiteral("container"),
           [this](const QString &moId, const Session *s) {
               return refValue(m_ctx.inventory->ref(s->views.at(moId).container));
           });
    define(
        QStringLiteral("ContainerView"), QStringLiteral("type"),
        [](const QString &moId, const Session *s) { return stringList(s->views.at(moId).types); });
    define(
        QStringLiteral("ContainerView"), QStringLiteral("recursive"),
        [](const QString &moId, const Session *s) { return boxed(s->views.at(moId).recursive); });
}

std::optional<PropValue> ObjectModel::read(const vim::ManagedObjectReference &obj,
                                           const QString &path, const Session *session) const
{
    const QStringList segments = path.split(QLatin1Char('.'));
    const Getter *g = getter(obj.type, segments.first());
    if (!g)
        return std::nullopt;
    PropValue v = (*g)(obj.value, session);
    if (segments.size() == 1)
        return v;
    QJsonValue cur = v.json;
    for (qsizetype i = 1; i < segments.size(); ++i)
        cur = cur.isObject() ? cur.toObject().value(segments.at(i))
                             : QJsonValue(QJsonValue::Undefined);
    return PropValue{cur, boxTypeFor(path, cur)};
}

QList<vim::ManagedObjectReference> ObjectModel::refsOf(const vim::ManagedObjectReference &obj,
                                                       const QString &path,
                                                       const Session *session) const
{
    QList<vim::ManagedObjectReference> out;
    const auto v = read(obj, path, session);
    if (!v || !v->isSet())
        return out;
    const QJsonArray items = v->json.isArray() ? v->json.toArray() : QJsonArray{v->json};
    for (const QJsonValue &item : items) {
        if (auto r = vim::decode<vim::ManagedObjectReference>(item))
            out.append(r.value());
    }
    return out;
}

namespace {

void collectNamed(const QList<vim::SelectionSpec> &specs,
                  QHash<QString, const vim::SelectionSpec *> &named)
{
    for (const vim::SelectionSpec &s : specs) {
        if (s.isTraversal()) {
            if (s.name && !s.name->isEmpty())
                named.insert(*s.name, &s);
            collectNamed(s.selectSet, named);
        }
    }
}

} // namespace

void ObjectModel::validate(const vim::PropertyFilterSpec &spec) const
{
    if (spec.objectSet.isEmpty())
        faults::raise(faults::invalidArgument(QStringLiteral("objectSet")));
    for (const vim::PropertySpec &ps : spec.propSet) {
        if (!isKnownType(ps.type))
            faults::raise(faults::invalidType(ps.type));
        for (const QString &path : ps.pathSet) {
            if (!hasProperty(ps.type, path.section(QLatin1Char('.'), 0, 0)))
                faults::raise(faults::invalidProperty(path));
        }
    }
    QHash<QString, const vim::SelectionSpec *> named;
    for (const vim::ObjectSpec &os : spec.objectSet)
        collectNamed(os.selectSet, named);
    std::function<void(const QList<vim::SelectionSpec> &)> check =
        [&](const QList<vim::SelectionSpec> &specs) {
            for (const vim::SelectionSpec &s : specs) {
                if (!s.isTraversal()) {
                    if (!s.name || !named.contains(*s.name))
                        faults::raise(faults::invalidArgument(QStringLiteral("selectSet")));
                    continue;
                }
                if (!isKnownType(s.type))
                    faults::raise(faults::invalidType(s.type));
                if (!hasProperty(s.type, s.path))
                    faults::raise(faults::invalidProperty(s.path));
                check(s.selectSet);
            }
        };
    for (const vim::ObjectSpec &os : spec.objectSet)
        check(os.selectSet);
}

ObjectModel::Collected ObjectModel::collect(const vim::PropertyFilterSpec &spec,
                                            const Session *session) const
{
    Collected out;
    QSet<vim::ManagedObjectReference> selected;
    QHash<QString, const vim::SelectionSpec *> named;
    for (const vim::ObjectSpec &os : spec.objectSet)
        collectNamed(os.selectSet, named);

    auto select = [&](const vim::ManagedObjectReference &obj) {
        if (selected.contains(obj))
            return;
        selected.insert(obj);
        bool matched = false;
        QStringList paths;
        for (const vim::PropertySpec &ps : spec.propSet) {
            if (!isA(obj.type, ps.type))
                continue;
            matched = true;
            paths += ps.all.value_or(false) ? propertyNames(obj.type) : QStringList(ps.pathSet);
        }
        if (!matched)
            return;
        std::sort(paths.begin(), paths.end());
        paths.erase(std::unique(paths.begin(), paths.end()), paths.end());
        ObjectValues values{obj, {}};
        for (const QString &p : paths) {
            if (auto v = read(obj, p, session))
                values.props.append({p, *v});
        }
        out.objects.append(values);
    };

    QSet<QPair<QString, const vim::SelectionSpec *>> visited;
    std::function<void(const vim::ManagedObjectReference &, const vim::SelectionSpec &)> traverse =
        [&](const vim::ManagedObjectReference &obj, const vim::SelectionSpec &sel) {
            const vim::SelectionSpec *ts =
                sel.isTraversal() ? &sel : named.value(sel.name.value_or(QString()));
            if (!ts || !isA(obj.type, ts->type))
                return;
            const QPair<QString, const vim::SelectionSpec *> key{obj.value, ts};
            if (visited.contains(key))
                return;
            visited.insert(key);
            for (vim::ManagedObjectReference target : refsOf(obj, ts->path, session)) {
                target.type = typeOf(target.value, session);
                if (target.type.isEmpty())
                    continue;
                if (!ts->skip.value_or(false))
                    select(target);
                for (const vim::SelectionSpec &next : ts->selectSet)
                    traverse(target, next);
            }
        };

    for (const vim::ObjectSpec &os : spec.objectSet) {
        const QString type = typeOf(os.obj.value, session);
        if (type.isEmpty() || !isA(type, os.obj.type)) {
            out.missing.append(os.obj);
            continue;
        }
        const vim::ManagedObjectReference obj{type, os.obj.value};
        if (!os.skip.value_or(false))
            select(obj);
        for (const vim::SelectionSpec &sel : os.selectSet)
            traverse(obj, sel);
    }
    return out;
}

} // namespace sim
