#include "inventorymodel.h"

#include "uilogging.h"

#include <propertycollector.h>
#include <viewmanager.h>
#include <vimconnection.h>

#include <vim/codec.h>

InventoryModel::InventoryModel(QObject *parent)
    : QStandardItemModel(0, 2, parent)
{
    setHorizontalHeaderLabels({tr("Name"), tr("Type", "managed object type")});
}

vim::ManagedObjectReference InventoryModel::refAt(const QModelIndex &index)
{
    return index.siblingAtColumn(NameColumn).data(MoRefRole).value<vim::ManagedObjectReference>();
}

int InventoryModel::rowOf(const vim::ManagedObjectReference &ref) const
{
    for (int row = 0; row < rowCount(); ++row) {
        if (refAt(index(row, NameColumn)) == ref)
            return row;
    }
    return -1;
}

void InventoryModel::addEntity(const vim::ManagedObjectReference &ref, const QString &name)
{
    if (rowOf(ref) >= 0)
        return;
    auto *nameItem = new QStandardItem(name.isEmpty() ? ref.value : name);
    nameItem->setData(QVariant::fromValue(ref), MoRefRole);
    nameItem->setToolTip(ref.toString());
    nameItem->setEditable(false);
    auto *typeItem = new QStandardItem(ref.type);
    typeItem->setEditable(false);
    appendRow({nameItem, typeItem});
}

void InventoryModel::load(VimConnection *connection)
{
    removeRows(0, rowCount());
    const vim::ServiceContent &content = connection->serviceContent();
    addEntity(content.rootFolder, tr("Root folder"));
    if (!content.viewManager) {
        Q_EMIT loaded();
        return;
    }
    m_loading = true;
    svc::ViewManager(connection, *content.viewManager)
        .createContainerView(content.rootFolder, {QStringLiteral("ManagedEntity")}, true)
        .then(this, [this, connection](const VimResult<vim::ManagedObjectReference> &view) {
            if (!view) {
                m_loading = false;
                qCWarning(lcUi) << "inventory view:" << view.error().toString();
                Q_EMIT failed(view.error().message);
                return;
            }
            retrieve(connection, *view);
        });
}

void InventoryModel::retrieve(VimConnection *connection, const vim::ManagedObjectReference &view)
{
    vim::PropertyFilterSpec spec;
    spec.propSet = {
        vim::PropertySpec{QStringLiteral("ManagedEntity"), false, {QStringLiteral("name")}}};
    vim::ObjectSpec object;
    object.obj = view;
    object.skip = true;
    object.selectSet = {
        vim::SelectionSpec::traversal(QStringLiteral("ContainerView"), QStringLiteral("view"))};
    spec.objectSet = {object};
    const svc::PropertyCollector pc(connection, connection->serviceContent().propertyCollector);
    auto handle = [this, connection, view,
                   pc](const VimResult<std::optional<vim::RetrieveResult>> &result) {
        if (!result) {
            m_loading = false;
            Q_EMIT failed(result.error().message);
            return;
        }
        if (!result->has_value()) {
            finish(connection, view);
            return;
        }
        addContents((*result)->objects);
        if ((*result)->token) {
            // Pages follow until the token runs out; the same handler takes each.
            pc.continueRetrievePropertiesEx(*(*result)->token)
                .then(this, [this, connection, view](const auto &next) {
                    if (next && next->has_value())
                        addContents((*next)->objects);
                    finish(connection, view);
                });
            return;
        }
        finish(connection, view);
    };
    pc.retrievePropertiesEx({spec}, vim::RetrieveOptions{1000}).then(this, std::move(handle));
}

void InventoryModel::addContents(const QList<vim::ObjectContent> &objects)
{
    for (const vim::ObjectContent &o : objects) {
        QString name;
        for (const vim::DynamicProperty &p : o.propSet) {
            if (p.name != QLatin1String("name"))
                continue;
            if (auto decoded = vim::fromAny<QString>(p.val))
                name = *decoded;
        }
        addEntity(o.obj, name);
    }
}

void InventoryModel::finish(VimConnection *connection, const vim::ManagedObjectReference &view)
{
    m_loading = false;
    sort(NameColumn);
    svc::View(connection, view).destroyView().then(this, [](const VimResult<void> &) {});
    Q_EMIT loaded();
}
