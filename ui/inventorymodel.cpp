#include "inventorymodel.h"

#include "serverobjects.h"
#include "uilogging.h"

#include <propertycollector.h>
#include <viewmanager.h>
#include <vimconnection.h>

#include <vim/codec.h>

#include <QPointer>

#include <functional>

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
    // A ContainerView may list an entity twice (a network in its folder and its cluster).
    if (m_known.contains(ref))
        return;
    m_known.insert(ref);
    auto *nameItem = new QStandardItem(name.isEmpty() ? ref.value : name);
    nameItem->setData(QVariant::fromValue(ref), MoRefRole);
    nameItem->setToolTip(ref.toString());
    nameItem->setEditable(false);
    auto *typeItem = new QStandardItem(ref.type);
    typeItem->setEditable(false);
    appendRow({nameItem, typeItem});
}

namespace {

/// One load: creates the ContainerView, reads it page by page until the token runs out and
/// destroys it on every path (success, fault, network error, model gone). It belongs to the
/// connection rather than to the model, so that a model destroyed while a call is in flight
/// still has its view destroyed.
class InventoryLoad final : public QObject
{
public:
    struct Client
    {
        /// False once the model is gone or has started another load: read no further.
        std::function<bool()> wanted;
        std::function<void(const QList<vim::ObjectContent> &)> page;
        /// Empty on success, otherwise a sentence for the user.
        std::function<void(const QString &error)> finished;
    };

    InventoryLoad(VimConnection *connection, Client client)
        : QObject(connection)
        , m_connection(connection)
        , m_collector(connection, connection->serviceContent().propertyCollector)
        , m_client(std::move(client))
    {}

    void start()
    {
        const vim::ServiceContent &content = m_connection->serviceContent();
        svc::ViewManager(m_connection, *content.viewManager)
            .createContainerView(content.rootFolder, {QStringLiteral("ManagedEntity")}, true)
            .then(this, [this](const VimResult<vim::ManagedObjectReference> &view) {
                if (!view) {
                    if (view.error().mayHaveTakenEffect())
                        ServerObjects::replaceSessionIfLost(
                            m_connection, "an inventory view create got no answer");
                    return finish(&view.error());
                }
                m_view = *view;
                if (!m_client.wanted())
                    return finish(nullptr);
                retrieve();
            });
    }

private:
    void retrieve()
    {
        vim::PropertyFilterSpec spec;
        spec.propSet = {
            vim::PropertySpec{QStringLiteral("ManagedEntity"), false, {QStringLiteral("name")}}};
        vim::ObjectSpec object;
        object.obj = m_view;
        object.skip = true;
        object.selectSet = {
            vim::SelectionSpec::traversal(QStringLiteral("ContainerView"), QStringLiteral("view"))};
        spec.objectSet = {object};
        m_collector.retrievePropertiesEx({spec}, vim::RetrieveOptions{1000})
            .then(this,
                  [this](const VimResult<std::optional<vim::RetrieveResult>> &r) { onPage(r); });
    }

    void onPage(const VimResult<std::optional<vim::RetrieveResult>> &result)
    {
        if (!result)
            return finish(&result.error());
        m_token.clear();
        if (!result->has_value()) // nothing in the view
            return finish(nullptr);
        if (m_client.wanted())
            m_client.page((*result)->objects);
        m_token = (*result)->token.value_or(QString());
        if (m_token.isEmpty() || !m_client.wanted())
            return finish(nullptr);
        // Pages follow until the token runs out.
        m_collector.continueRetrievePropertiesEx(m_token).then(
            this, [this](const VimResult<std::optional<vim::RetrieveResult>> &r) { onPage(r); });
    }

    void finish(const VimError *error)
    {
        // A retrieve left unfinished holds the rest of the result at the server.
        if (!m_token.isEmpty())
            m_collector.cancelRetrievePropertiesEx(m_token).then(m_connection,
                                                                 [](const VimResult<void> &) {});
        if (!m_view.isNull())
            ServerObjects::destroy(m_connection, m_view);
        if (m_client.wanted())
            m_client.finished(error ? error->message : QString());
        deleteLater();
    }

    VimConnection *m_connection;
    svc::PropertyCollector m_collector;
    Client m_client;
    vim::ManagedObjectReference m_view;
    QString m_token;
};

} // namespace

void InventoryModel::load(VimConnection *connection)
{
    const quint64 generation = ++m_generation;
    removeRows(0, rowCount());
    m_known.clear();
    const vim::ServiceContent &content = connection->serviceContent();
    addEntity(content.rootFolder, tr("Root folder"));
    if (!content.viewManager) {
        m_loading = false;
        Q_EMIT loaded();
        return;
    }
    m_loading = true;
    const QPointer<InventoryModel> model(this);
    InventoryLoad::Client client;
    client.wanted = [model, generation] {
        return model && model->m_generation == generation;
    };
    client.page = [this](const QList<vim::ObjectContent> &objects) {
        addContents(objects);
    };
    client.finished = [this](const QString &error) {
        m_loading = false;
        sort(NameColumn);
        if (error.isEmpty()) {
            Q_EMIT loaded();
            return;
        }
        qCWarning(lcUi) << "inventory:" << error;
        Q_EMIT failed(tr("The inventory could not be read completely: %1").arg(error));
    };
    (new InventoryLoad(connection, std::move(client)))->start();
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
