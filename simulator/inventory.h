#pragma once

#include "simulatoroptions.h"

#include <vim/moref.h>

#include <QHash>
#include <QList>
#include <QString>
#include <QStringList>

namespace sim {

/// The simulated vSphere inventory: datacenters with their four folders, clusters,
/// standalone hosts, hosts, VMs, datastores and networks. Built once, deterministic.
class Inventory final
{
public:
    struct Entity
    {
        QString moId;
        QString type;
        QString name;
        QString parent;
        /// Single references: `vmFolder`, `hostFolder`, ... (Datacenter).
        QHash<QString, QString> refs;
        /// Reference lists: `childEntity`, `host`, `vm`, `datastore`, `network`.
        QHash<QString, QStringList> lists;
        /// The entity and everything above it (for a VM also its host's chain);
        /// TaskFilterSpecByEntity matches on this.
        QStringList ancestors;
    };

    Inventory(const SimulatorOptions::Inventory &options, bool esxi);

    const Entity *find(const QString &moId) const;
    QString typeOf(const QString &moId) const;
    vim::ManagedObjectReference ref(const QString &moId) const;
    const QString &rootFolder() const { return m_root; }
    /// Entities of one type, in creation order (the workload picks targets here).
    const QStringList &ofType(const QString &type) const;
    /// Direct children for a ContainerView: folder children, a datacenter's folders,
    /// a compute resource's hosts, a host's VMs.
    QStringList containedIn(const QString &moId) const;
    int size() const { return int(m_entities.size()); }

private:
    QString add(const QString &type, const QString &moId, const QString &name,
                const QString &parent);
    void link(const QString &parent, const QString &list, const QString &child);
    /// The four folders of a datacenter, with ids vm, host, datastore, network.
    void addFolders(const QString &dc, const QStringList &ids);
    void buildVCenter(const SimulatorOptions::Inventory &options);
    void buildEsxi(const SimulatorOptions::Inventory &options);
    void computeAncestors();
    QString nextId(const QString &prefix);

    QHash<QString, Entity> m_entities;
    QHash<QString, QStringList> m_byType;
    QString m_root;
    int m_counter = 1;
};

} // namespace sim
