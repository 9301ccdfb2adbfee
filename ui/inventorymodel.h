#pragma once

#include <vim/moref.h>
#include <vim/propertycollectortypes.h>

#include <QSet>
#include <QStandardItemModel>

class VimConnection;

/// The server's managed entities (name, type, MoRef) for the entity pickers, read once per
/// connection through a ContainerView on the root folder and RetrievePropertiesEx, page by
/// page; the view is destroyed whatever happens, also when the model goes first.
class InventoryModel final : public QStandardItemModel
{
    Q_OBJECT
public:
    enum Column
    {
        NameColumn,
        TypeColumn
    };
    enum Role
    {
        MoRefRole = Qt::UserRole + 1
    };

    explicit InventoryModel(QObject *parent = nullptr);

    /// Reads the inventory again; loaded() or failed() follows (a later load() supersedes).
    void load(VimConnection *connection);
    bool isLoading() const { return m_loading; }
    /// Adds one entity (the root folder is not inside its own ContainerView; tests and
    /// callers that already know an entity use this too).
    void addEntity(const vim::ManagedObjectReference &ref, const QString &name);
    /// The row of `ref`, or -1.
    int rowOf(const vim::ManagedObjectReference &ref) const;
    static vim::ManagedObjectReference refAt(const QModelIndex &index);

Q_SIGNALS:
    void loaded();
    void failed(const QString &message);

private:
    void addContents(const QList<vim::ObjectContent> &objects);

    bool m_loading = false;
    quint64 m_generation = 0;
    /// The rows' references, so that adding stays linear for a large inventory.
    QSet<vim::ManagedObjectReference> m_known;
};
