#include "inventory.h"

namespace sim {

namespace {
const char *const kCities[] = {"Berlin",  "Paris",  "Munich", "Lyon",
                               "Hamburg", "Zurich", "Vienna", "Madrid"};
const char *const kVmRoles[] = {"web",  "app",   "db",     "cache",   "build",     "k8s-node",
                                "mail", "proxy", "backup", "monitor", "ci-runner", "fileserver"};
} // namespace

Inventory::Inventory(const SimulatorOptions::Inventory &options, bool esxi)
{
    if (esxi)
        buildEsxi(options);
    else
        buildVCenter(options);
    computeAncestors();
}

QString Inventory::nextId(const QString &prefix)
{
    return prefix + QString::number(++m_counter);
}

QString Inventory::add(const QString &type, const QString &moId, const QString &name,
                       const QString &parent)
{
    Entity e;
    e.moId = moId;
    e.type = type;
    e.name = name;
    e.parent = parent;
    m_entities.insert(moId, e);
    m_byType[type].append(moId);
    if (!parent.isEmpty() && m_entities.value(parent).type == QLatin1String("Folder"))
        link(parent, QStringLiteral("childEntity"), moId);
    return moId;
}

void Inventory::link(const QString &parent, const QString &list, const QString &child)
{
    m_entities[parent].lists[list].append(child);
}

void Inventory::addFolders(const QString &dc, const QStringList &ids)
{
    static const char *const names[] = {"vm", "host", "datastore", "network"};
    static const char *const refs[] = {"vmFolder", "hostFolder", "datastoreFolder",
                                       "networkFolder"};
    for (int i = 0; i < 4; ++i) {
        add(QStringLiteral("Folder"), ids.at(i), QLatin1String(names[i]), dc);
        m_entities[dc].refs.insert(QLatin1String(refs[i]), ids.at(i));
    }
}

void Inventory::buildVCenter(const SimulatorOptions::Inventory &o)
{
    m_root = add(QStringLiteral("Folder"), QStringLiteral("group-d1"),
                 QStringLiteral("Datacenters"), {});
    for (int d = 0; d < o.datacenters; ++d) {
        const QString city =
            QLatin1String(kCities[d % 8]) + (d >= 8 ? QString::number(d / 8 + 1) : QString());
        const QString site = city.toLower();
        const QString dc = add(QStringLiteral("Datacenter"), nextId(QStringLiteral("datacenter-")),
                               QStringLiteral("DC-") + city, m_root);
        addFolders(dc, {nextId(QStringLiteral("group-v")), nextId(QStringLiteral("group-h")),
                        nextId(QStringLiteral("group-s")), nextId(QStringLiteral("group-n"))});
        const QString vmFolder = m_entities[dc].refs.value(QStringLiteral("vmFolder"));
        const QString hostFolder = m_entities[dc].refs.value(QStringLiteral("hostFolder"));
        const QString dsFolder = m_entities[dc].refs.value(QStringLiteral("datastoreFolder"));
        const QString netFolder = m_entities[dc].refs.value(QStringLiteral("networkFolder"));

        QStringList datastores;
        for (int s = 0; s < o.datastoresPerDatacenter; ++s) {
            datastores << add(
                QStringLiteral("Datastore"), nextId(QStringLiteral("datastore-")),
                QStringLiteral("%1-ds-%2").arg(site).arg(s + 1, 2, 10, QLatin1Char('0')), dsFolder);
        }
        const QString network = add(QStringLiteral("Network"), nextId(QStringLiteral("network-")),
                                    QStringLiteral("VM Network"), netFolder);
        m_entities[dc].lists.insert(QStringLiteral("datastore"), datastores);
        m_entities[dc].lists.insert(QStringLiteral("network"), {network});
        const QString templates = add(QStringLiteral("Folder"), nextId(QStringLiteral("group-v")),
                                      QStringLiteral("Templates"), vmFolder);

        int hostNo = 0;
        int vmNo = 0;
        // Clusters plus one standalone host per datacenter.
        for (int c = 0; c <= o.clustersPerDatacenter; ++c) {
            const bool standalone = c == o.clustersPerDatacenter;
            const QString cr =
                standalone
                    ? add(QStringLiteral("ComputeResource"), nextId(QStringLiteral("domain-s")),
                          QStringLiteral("esx-standalone.%1.example.local").arg(site), hostFolder)
                    : add(QStringLiteral("ClusterComputeResource"),
                          nextId(QStringLiteral("domain-c")),
                          QStringLiteral("Cluster-%1").arg(QChar(u'A' + c)), hostFolder);
            m_entities[cr].lists.insert(QStringLiteral("datastore"), datastores);
            m_entities[cr].lists.insert(QStringLiteral("network"), {network});
            const int hosts = standalone ? 1 : o.hostsPerCluster;
            for (int h = 0; h < hosts; ++h) {
                const QString hostName = standalone ? m_entities[cr].name
                                                    : QStringLiteral("esx-%1.%2.example.local")
                                                          .arg(++hostNo, 2, 10, QLatin1Char('0'))
                                                          .arg(site);
                const QString host = add(QStringLiteral("HostSystem"),
                                         nextId(QStringLiteral("host-")), hostName, cr);
                link(cr, QStringLiteral("host"), host);
                m_entities[host].lists.insert(QStringLiteral("datastore"), datastores);
                for (int v = 0; v < o.vmsPerHost; ++v) {
                    const int n = vmNo++;
                    const QString vmName = QStringLiteral("%1-%2-%3")
                                               .arg(QLatin1String(kVmRoles[n % 12]), site)
                                               .arg(n / 12 + 1, 2, 10, QLatin1Char('0'));
                    const QString vm =
                        add(QStringLiteral("VirtualMachine"), nextId(QStringLiteral("vm-")), vmName,
                            n % 17 == 16 ? templates : vmFolder);
                    link(host, QStringLiteral("vm"), vm);
                    const QString ds =
                        datastores.isEmpty() ? QString() : datastores.at(n % datastores.size());
                    if (!ds.isEmpty()) {
                        m_entities[vm].lists.insert(QStringLiteral("datastore"), {ds});
                        link(ds, QStringLiteral("vm"), vm);
                    }
                    m_entities[vm].refs.insert(QStringLiteral("runtime.host"), host);
                }
            }
        }
    }
}

void Inventory::buildEsxi(const SimulatorOptions::Inventory &o)
{
    m_root = add(QStringLiteral("Folder"), QStringLiteral("ha-folder-root"),
                 QStringLiteral("ha-folder-root"), {});
    const QString dc = add(QStringLiteral("Datacenter"), QStringLiteral("ha-datacenter"),
                           QStringLiteral("ha-datacenter"), m_root);
    addFolders(dc, {QStringLiteral("ha-folder-vm"), QStringLiteral("ha-folder-host"),
                    QStringLiteral("ha-folder-datastore"), QStringLiteral("ha-folder-network")});
    const QString vmFolder = QStringLiteral("ha-folder-vm");
    const QString hostFolder = QStringLiteral("ha-folder-host");
    const QString dsFolder = QStringLiteral("ha-folder-datastore");
    const QString netFolder = QStringLiteral("ha-folder-network");
    const QString cr = add(QStringLiteral("ComputeResource"), QStringLiteral("ha-compute-res"),
                           QStringLiteral("esx-01.example.local"), hostFolder);
    const QString host = add(QStringLiteral("HostSystem"), QStringLiteral("ha-host"),
                             QStringLiteral("esx-01.example.local"), cr);
    link(cr, QStringLiteral("host"), host);
    const QString ds = add(QStringLiteral("Datastore"), QStringLiteral("datastore1"),
                           QStringLiteral("datastore1"), dsFolder);
    add(QStringLiteral("Network"), QStringLiteral("HaNetwork-VM Network"),
        QStringLiteral("VM Network"), netFolder);
    const int vms = qMax(1, o.vmsPerHost);
    for (int v = 0; v < vms; ++v) {
        const QString vm = add(
            QStringLiteral("VirtualMachine"), QString::number(v + 1),
            QStringLiteral("%1-%2").arg(QLatin1String(kVmRoles[v % 12])).arg(v / 12 + 1), vmFolder);
        link(host, QStringLiteral("vm"), vm);
        m_entities[vm].lists.insert(QStringLiteral("datastore"), {ds});
        m_entities[vm].refs.insert(QStringLiteral("runtime.host"), host);
    }
}

void Inventory::computeAncestors()
{
    for (auto it = m_entities.begin(); it != m_entities.end(); ++it) {
        QStringList chain;
        for (QString id = it.key(); !id.isEmpty(); id = m_entities.value(id).parent)
            chain.append(id);
        // A VM also sits below its host and cluster (vCenter's resource hierarchy).
        const QString host = it->refs.value(QStringLiteral("runtime.host"));
        for (QString id = host; !id.isEmpty(); id = m_entities.value(id).parent) {
            if (!chain.contains(id))
                chain.append(id);
        }
        it->ancestors = chain;
    }
}

const Inventory::Entity *Inventory::find(const QString &moId) const
{
    const auto it = m_entities.constFind(moId);
    return it == m_entities.cend() ? nullptr : &*it;
}

QString Inventory::typeOf(const QString &moId) const
{
    const Entity *e = find(moId);
    return e ? e->type : QString();
}

vim::ManagedObjectReference Inventory::ref(const QString &moId) const
{
    return {typeOf(moId), moId};
}

const QStringList &Inventory::ofType(const QString &type) const
{
    static const QStringList empty;
    const auto it = m_byType.constFind(type);
    return it == m_byType.cend() ? empty : *it;
}

QStringList Inventory::containedIn(const QString &moId) const
{
    const Entity *e = find(moId);
    if (!e)
        return {};
    if (e->type == QLatin1String("Folder"))
        return e->lists.value(QStringLiteral("childEntity"));
    if (e->type == QLatin1String("Datacenter")) {
        return {e->refs.value(QStringLiteral("vmFolder")),
                e->refs.value(QStringLiteral("hostFolder")),
                e->refs.value(QStringLiteral("datastoreFolder")),
                e->refs.value(QStringLiteral("networkFolder"))};
    }
    if (e->type.endsWith(QLatin1String("ComputeResource")))
        return e->lists.value(QStringLiteral("host"));
    if (e->type == QLatin1String("HostSystem"))
        return e->lists.value(QStringLiteral("vm"));
    return {};
}

} // namespace sim
