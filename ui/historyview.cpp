#include "historyview.h"

#include "filtersummary.h"
#include "headercolumnsmenu.h"
#include "icons.h"
#include "inventorymodel.h"
#include "taskitemdelegate.h"
#include "uisettings.h"

#include <taskhistorycollector.h>

#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QSpinBox>
#include <QToolBar>
#include <QTreeView>
#include <QVBoxLayout>

HistoryView::HistoryView(VimConnection *connection, InventoryModel *inventory, QWidget *parent)
    : QWidget(parent)
    , m_connection(connection)
    , m_inventory(inventory)
    , m_model(new TaskHistoryModel(connection, this))
{
    auto *toolbar = new QToolBar(this);
    toolbar->setObjectName(QStringLiteral("historyToolBar"));
    toolbar->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    toolbar->setIconSize(QSize(18, 18));
    QAction *create =
        toolbar->addAction(Icons::action(Icons::Action::NewCollector), tr("New Collector…"));
    create->setObjectName(QStringLiteral("historyNewCollector"));
    connect(create, &QAction::triggered, this, &HistoryView::newCollectorRequested);
    toolbar->addSeparator();
    m_rewind = toolbar->addAction(tr("Rewind", "history collector: oldest first"));
    m_rewind->setToolTip(tr("Read from the oldest task forward"));
    connect(m_rewind, &QAction::triggered, m_model, &TaskHistoryModel::rewind);
    m_reset = toolbar->addAction(tr("Reset", "history collector: newest first"));
    m_reset->setToolTip(tr("Read from the newest task backward"));
    connect(m_reset, &QAction::triggered, m_model, &TaskHistoryModel::reset);
    toolbar->addSeparator();
    auto *pageLabel = new QLabel(tr("Page size:"), this);
    pageLabel->setContentsMargins(6, 0, 4, 0);
    toolbar->addWidget(pageLabel);
    m_pageSize = new QSpinBox(this);
    m_pageSize->setObjectName(QStringLiteral("historyPageSize"));
    m_pageSize->setAccessibleName(tr("Page size"));
    m_pageSize->setRange(1, 1000);
    m_pageSize->setValue(UiSettings::historyPageSize.get());
    m_model->setPageSize(m_pageSize->value());
    toolbar->addWidget(m_pageSize);
    connect(m_pageSize, &QSpinBox::valueChanged, this, [this](int size) {
        m_model->setPageSize(size);
        UiSettings::historyPageSize.set(size);
    });
    toolbar->addSeparator();
    m_destroy = toolbar->addAction(Icons::action(Icons::Action::Cancel), tr("Destroy Collector"));
    m_destroy->setObjectName(QStringLiteral("historyDestroy"));
    connect(m_destroy, &QAction::triggered, m_model, &TaskHistoryModel::close);

    m_filterLabel = new QLabel(this);
    m_filterLabel->setObjectName(QStringLiteral("historyFilter"));
    m_filterLabel->setWordWrap(true);
    m_filterLabel->setTextInteractionFlags(Qt::TextSelectableByMouse);
    QFont bold = m_filterLabel->font();
    bold.setBold(true);
    m_filterLabel->setFont(bold);
    m_statusLabel = new QLabel(this);
    m_statusLabel->setObjectName(QStringLiteral("historyStatus"));
    m_budgetLabel = new QLabel(this);
    m_budgetLabel->setObjectName(QStringLiteral("historyBudget"));

    m_view = new QTreeView(this);
    m_view->setObjectName(QStringLiteral("historyView"));
    m_view->setAccessibleName(tr("Task history"));
    m_view->setModel(m_model);
    m_view->setItemDelegate(new TaskItemDelegate(m_view));
    m_view->setRootIsDecorated(false);
    m_view->setUniformRowHeights(true);
    m_view->setAlternatingRowColors(true);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->header()->setStretchLastSection(false);
    m_view->header()->resizeSection(TaskTable::TaskColumn, 240);
    m_view->header()->resizeSection(TaskTable::TargetColumn, 140);
    m_view->header()->resizeSection(TaskTable::StatusColumn, 220);
    m_view->header()->resizeSection(TaskTable::DetailsColumn, 110);
    m_view->header()->resizeSection(TaskTable::InitiatorColumn, 150);
    m_view->header()->resizeSection(TaskTable::CompletionTimeColumn, 120);
    // One server per window: the column only repeats it (the column menu brings it back).
    m_view->header()->setSectionHidden(TaskTable::ServerColumn, true);
    new HeaderColumnsMenu(m_view->header());
    m_view->header()->restoreState(UiSettings::historyHeader.get());
    connect(m_view->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            [this](const QModelIndex &current) {
                if (current.isValid())
                    Q_EMIT taskSelected(m_model->task(current.row()));
            });

    auto *info = new QHBoxLayout;
    info->addWidget(m_filterLabel, 1);
    info->addWidget(m_budgetLabel);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(toolbar);
    layout->addLayout(info);
    layout->addWidget(m_view, 1);
    layout->addWidget(m_statusLabel);

    connect(m_model, &TaskHistoryModel::statusChanged, this, &HistoryView::updateStatus);
    connect(m_model, &TaskHistoryModel::maxCollectorChanged, this, &HistoryView::updateStatus);
    updateStatus();
}

HistoryView::~HistoryView()
{
    UiSettings::historyHeader.set(m_view->header()->saveState());
}

void HistoryView::openCollector(const vim::ManagedObjectReference &collector,
                                const vim::TaskFilterSpec &filter, int pageSize)
{
    m_pageSize->setValue(pageSize);
    m_model->setPageSize(pageSize);
    m_model->adoptCollector(collector, filter);
    m_filterLabel->setText(FilterSummary::describe(filter, m_inventory));
}

void HistoryView::setOtherCollectors(int count)
{
    m_otherCollectors = count;
    updateStatus();
}

void HistoryView::setDescription(const vim::TaskDescription &description)
{
    m_model->setDescription(description);
}

QString HistoryView::filterText() const
{
    return m_filterLabel->text();
}
QString HistoryView::budgetText() const
{
    return m_budgetLabel->text();
}

void HistoryView::updateStatus()
{
    using S = TaskHistoryModel::Status;
    const S status = m_model->status();
    const bool open = !m_model->collector().isNull();
    m_rewind->setEnabled(open);
    m_reset->setEnabled(open);
    m_destroy->setEnabled(open);
    if (status == S::Idle)
        m_filterLabel->setText(tr("No collector yet. Create one to browse the task history."));
    QString text;
    switch (status) {
    case S::Idle:
        break;
    case S::Loading:
        text = tr("Loading…");
        break;
    case S::Ready:
        text = tr("%n task(s) loaded; scroll down for more.", nullptr, m_model->rowCount());
        break;
    case S::Complete:
        text = tr("%n task(s); that is all.", nullptr, m_model->rowCount());
        break;
    case S::Unsupported:
        text = tr("This server keeps no task history (ESXi hosts have no collectors).");
        break;
    case S::TooManyCollectors:
        text = tr("The server allows no more collectors for this session.");
        break;
    case S::Failed:
        text = tr("The history could not be read: %1").arg(m_model->errorString());
        break;
    }
    m_statusLabel->setText(text);
    const int max = m_model->maxCollector();
    const int used = m_otherCollectors + (open ? 1 : 0);
    m_budgetLabel->setText(
        max < 0 ? QString()
                : tr("%1 of %2 collectors", "in use of the server's maximum").arg(used).arg(max));
}
