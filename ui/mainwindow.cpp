#include "mainwindow.h"

#include "certificatenotice.h"
#include "connectdialog.h"
#include "createcollectordialog.h"
#include "createtaskdialog.h"
#include "credentialstore.h"
#include "descriptionsview.h"
#include "headercolumnsmenu.h"
#include "historyview.h"
#include "icons.h"
#include "inventorymodel.h"
#include "settingsdialog.h"
#include "taskdetailsview.h"
#include "taskexporter.h"
#include "taskitemdelegate.h"
#include "uilogging.h"
#include "uisettings.h"

#include <recenttasksmodel.h>
#include <taskdescriptionmodel.h>
#include <taskfilterproxymodel.h>
#include <taskmonitor.h>

#include <QActionGroup>
#include <QApplication>
#include <QCloseEvent>
#include <QFile>
#include <QFileDialog>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QMenuBar>
#include <QMessageBox>
#include <QPushButton>
#include <QSaveFile>
#include <QSplitter>
#include <QStatusBar>
#include <QSystemTrayIcon>
#include <QTabWidget>
#include <QToolBar>
#include <QToolButton>
#include <QTreeView>
#include <QVBoxLayout>

namespace {
enum Tab
{
    RecentTab,
    HistoryTab,
    DescriptionsTab
};
}

MainWindow::MainWindow(VimConnection *connection, QWidget *parent)
    : QMainWindow(parent)
    , m_connection(connection)
    , m_monitor(new TaskMonitor(connection, this))
    , m_recent(new RecentTasksModel(this))
    , m_proxy(new TaskFilterProxyModel(this))
    , m_descriptions(new TaskDescriptionModel(this))
    , m_inventory(new InventoryModel(this))
    , m_credentials(new CredentialStore(this))
{
    setObjectName(QStringLiteral("MainWindow"));
    setWindowIcon(Icons::app());
    m_proxy->setSourceModel(m_recent);

    createActions();
    m_tabs = new QTabWidget(this);
    m_tabs->setObjectName(QStringLiteral("tabs"));
    m_tabs->setDocumentMode(true);
    m_tabs->addTab(createRecentTab(), tr("&Recent Tasks"));
    m_historyView = new HistoryView(connection, m_inventory, this);
    m_tabs->addTab(m_historyView, tr("&History"));
    m_descriptionsView = new DescriptionsView(m_descriptions, this);
    m_tabs->addTab(m_descriptionsView, tr("&Descriptions"));
    m_certificateNotice = new CertificateNotice(connection, this);
    connect(m_certificateNotice, &CertificateNotice::changed, this, [this] {
        updateStatusBar();
        updateStaleBanner();
    });
    auto *central = new QWidget(this);
    auto *centralLayout = new QVBoxLayout(central);
    centralLayout->setContentsMargins(0, 0, 0, 0);
    centralLayout->setSpacing(0);
    centralLayout->addWidget(m_certificateNotice);
    centralLayout->addWidget(m_tabs, 1);
    setCentralWidget(central);
    createMenus();
    createStatusBar();

    if (QSystemTrayIcon::isSystemTrayAvailable()) {
        m_tray = new QSystemTrayIcon(Icons::app(), this);
        m_tray->setToolTip(tr("vSphere Task Monitor"));
        m_tray->show();
    }

    connect(m_connection, &VimConnection::stateChanged, this,
            &MainWindow::onConnectionStateChanged);
    // The live list follows the monitor by itself; the window only notices what it shows.
    m_recent->attach(m_monitor);
    connect(m_monitor, &TaskMonitor::tasksUpdated, this, &MainWindow::onTasksUpdated);
    connect(m_monitor, &TaskMonitor::liveChanged, this, &MainWindow::updateStaleBanner);
    connect(m_monitor, &TaskMonitor::serverChanged, this, [this] {
        // Another server answers at this address: what the window showed belongs to the
        // old one.
        m_failureNotified.clear();
        m_inventory->load(m_connection);
        updateDetails();
        updateActions();
    });
    connect(m_inventory, &InventoryModel::failed, this,
            [this](const QString &message) { statusBar()->showMessage(message, 15'000); });
    connect(m_monitor, &TaskMonitor::descriptionChanged, this,
            [this](const vim::TaskDescription &d) {
                m_descriptions->setDescription(d);
                m_historyView->setDescription(d);
                updateDetails();
            });
    connect(m_monitor, &TaskMonitor::modeChanged, this, [this] {
        m_historyView->setOtherCollectors(m_monitor->mode() == TaskMonitor::Mode::Live ? 1 : 0);
        updateStatusBar();
    });
    connect(m_monitor, &TaskMonitor::cancelFinished, this, &MainWindow::onCancelFinished);
    connect(m_historyView, &HistoryView::newCollectorRequested, this, &MainWindow::newCollector);
    connect(m_tabs, &QTabWidget::currentChanged, this, &MainWindow::updateActions);

    // Relative times ("3 min ago") and "last update" age while nothing else changes.
    m_tick.setInterval(15'000);
    connect(&m_tick, &QTimer::timeout, this, [this] {
        m_table->viewport()->update();
        m_historyView->view()->viewport()->update();
        updateStatusBar();
    });
    m_tick.start();
    // The banner's countdown to the next reconnect attempt.
    m_bannerTick.setInterval(1'000);
    connect(&m_bannerTick, &QTimer::timeout, this, &MainWindow::updateStaleBanner);

    restoreSettings();
    updateActions();
    updateTitle();
    updateStatusBar();
}

MainWindow::~MainWindow() = default;

void MainWindow::createActions()
{
    auto make = [this](const QString &text, const char *name, const QKeySequence &key = {}) {
        auto *a = new QAction(text, this);
        a->setObjectName(QLatin1String(name));
        if (!key.isEmpty())
            a->setShortcut(key);
        addAction(a);
        return a;
    };
    m_connectAction = make(tr("&Connect…"), "connectAction");
    connect(m_connectAction, &QAction::triggered, this, [this] { showConnectDialog(); });
    m_disconnectAction = make(tr("&Disconnect"), "disconnectAction");
    connect(m_disconnectAction, &QAction::triggered, this, [this] {
        m_monitor->stop();
        m_connection->disconnectFromServer();
    });
    m_newTaskAction = make(tr("New &Task…"), "newTaskAction", QKeySequence(tr("Ctrl+Shift+N")));
    m_newTaskAction->setIcon(Icons::action(Icons::Action::NewTask));
    m_newTaskAction->setToolTip(tr("Create a task on an entity (TaskManager.CreateTask)"));
    connect(m_newTaskAction, &QAction::triggered, this, &MainWindow::newTask);
    m_newCollectorAction =
        make(tr("New &Collector…"), "newCollectorAction", QKeySequence(tr("Ctrl+N")));
    m_newCollectorAction->setIcon(Icons::action(Icons::Action::NewCollector));
    m_newCollectorAction->setToolTip(tr("Browse the task history with a filter"));
    connect(m_newCollectorAction, &QAction::triggered, this, &MainWindow::newCollector);
    m_cancelAction = make(tr("C&ancel Task"), "cancelAction", QKeySequence(Qt::Key_Delete));
    m_cancelAction->setIcon(Icons::action(Icons::Action::Cancel));
    m_cancelAction->setToolTip(tr("Ask the server to cancel the selected task"));
    connect(m_cancelAction, &QAction::triggered, this, &MainWindow::cancelSelectedTask);
    m_refreshAction = make(tr("&Refresh"), "refreshAction", QKeySequence::Refresh);
    m_refreshAction->setIcon(Icons::action(Icons::Action::Refresh));
    connect(m_refreshAction, &QAction::triggered, this, &MainWindow::refresh);
    m_exportCsvAction = make(tr("Export as &CSV…"), "exportCsvAction");
    m_exportCsvAction->setIcon(Icons::action(Icons::Action::Export));
    connect(m_exportCsvAction, &QAction::triggered, this,
            [this] { exportVisible(ExportFormat::Csv); });
    m_exportJsonAction = make(tr("Export as &JSON…"), "exportJsonAction");
    connect(m_exportJsonAction, &QAction::triggered, this,
            [this] { exportVisible(ExportFormat::Json); });
    m_findAction = make(tr("&Filter…"), "findAction", QKeySequence::Find);
    connect(m_findAction, &QAction::triggered, this, [this] {
        if (m_tabs->currentIndex() == DescriptionsTab) {
            m_descriptionsView->focusSearch();
            return;
        }
        m_tabs->setCurrentIndex(RecentTab);
        m_filterText->setFocus();
        m_filterText->selectAll();
    });
    m_notifyAction = make(tr("&Notify When a Task Fails"), "notifyAction");
    m_notifyAction->setCheckable(true);
    m_notifyAction->setChecked(UiSettings::notifyFailures.get());
    connect(m_notifyAction, &QAction::toggled, this,
            [](bool on) { UiSettings::notifyFailures.set(on); });
    m_settingsAction =
        make(tr("&Configure vSphere Task Monitor…"), "settingsAction", QKeySequence::Preferences);
    m_settingsAction->setMenuRole(QAction::PreferencesRole);
    connect(m_settingsAction, &QAction::triggered, this, [this] {
        auto *dialog = new SettingsDialog(this);
        dialog->setAttribute(Qt::WA_DeleteOnClose);
        dialog->open();
    });
}

void MainWindow::createMenus()
{
    QMenu *file = menuBar()->addMenu(tr("&File"));
    file->addAction(m_connectAction);
    file->addAction(m_disconnectAction);
    file->addSeparator();
    file->addAction(m_exportCsvAction);
    file->addAction(m_exportJsonAction);
    file->addSeparator();
    QAction *quit = file->addAction(tr("&Quit"), QKeySequence::Quit, this, &QWidget::close);
    quit->setMenuRole(QAction::QuitRole);

    QMenu *tasks = menuBar()->addMenu(tr("&Tasks"));
    tasks->addAction(m_newTaskAction);
    tasks->addAction(m_cancelAction);
    tasks->addSeparator();
    tasks->addAction(m_findAction);
    tasks->addAction(m_refreshAction);

    QMenu *history = menuBar()->addMenu(tr("Hi&story"));
    history->addAction(m_newCollectorAction);

    QMenu *settings = menuBar()->addMenu(tr("S&ettings"));
    settings->addAction(m_notifyAction);
    settings->addSeparator();
    settings->addAction(m_settingsAction);

    QMenu *help = menuBar()->addMenu(tr("&Help"));
    help->addAction(tr("&About vSphere Task Monitor"), this, [this] {
        QMessageBox::about(
            this, tr("About vSphere Task Monitor"),
            tr("<h3>vSphere Task Monitor %1</h3><p>Live tasks, task history and task "
               "descriptions of vCenter Server over the VI/JSON API.</p>")
                .arg(QStringLiteral(VTASKMON_VERSION)));
    });

    QToolBar *toolbar = addToolBar(tr("Main Toolbar"));
    toolbar->setObjectName(QStringLiteral("mainToolBar"));
    toolbar->setMovable(false);
    toolbar->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    toolbar->setIconSize(QSize(20, 20));
    toolbar->addAction(m_newTaskAction);
    toolbar->addAction(m_newCollectorAction);
    toolbar->addSeparator();
    toolbar->addAction(m_cancelAction);
    toolbar->addAction(m_refreshAction);
    toolbar->addSeparator();
    toolbar->addAction(m_exportCsvAction);
}

QWidget *MainWindow::createRecentTab()
{
    auto *tab = new QWidget(this);

    auto *bar = new QHBoxLayout;
    m_quickFilters = new QActionGroup(this);
    const std::tuple<QuickFilter, QString, const char *> filters[] = {
        {QuickFilter::All, tr("All", "task filter"), "filterAll"},
        {QuickFilter::Running, tr("Running", "task filter"), "filterRunning"},
        {QuickFilter::Failed, tr("Failed", "task filter"), "filterFailed"}};
    for (const auto &[which, label, name] : filters) {
        auto *a = new QAction(label, m_quickFilters);
        a->setObjectName(QLatin1String(name));
        a->setCheckable(true);
        a->setChecked(which == QuickFilter::All);
        connect(a, &QAction::triggered, this, [this, w = which] { setQuickFilter(w); });
        auto *button = new QToolButton(tab);
        button->setDefaultAction(a);
        button->setAutoRaise(true);
        button->setToolButtonStyle(Qt::ToolButtonTextOnly);
        bar->addWidget(button);
    }
    m_quickFilters->actions().at(1)->setToolTip(tr("Queued and running tasks"));
    m_quickFilters->actions().at(2)->setToolTip(
        tr("Tasks that ended with an error (not cancelled)"));
    m_filterText = new QLineEdit(tab);
    m_filterText->setObjectName(QStringLiteral("filterText"));
    m_filterText->setAccessibleName(tr("Filter tasks"));
    m_filterText->setPlaceholderText(tr("Filter by task, target, initiator or details (Ctrl+F)"));
    m_filterText->setClearButtonEnabled(true);
    connect(m_filterText, &QLineEdit::textChanged, m_proxy, &TaskFilterProxyModel::setText);
    bar->addSpacing(8);
    bar->addWidget(m_filterText, 1);

    m_table = new QTreeView(tab);
    m_table->setObjectName(QStringLiteral("recentTasksView"));
    m_table->setAccessibleName(tr("Recent tasks"));
    m_table->setModel(m_proxy);
    m_table->setItemDelegate(new TaskItemDelegate(m_table));
    m_table->setRootIsDecorated(false);
    m_table->setUniformRowHeights(true);
    m_table->setAlternatingRowColors(true);
    m_table->setSortingEnabled(true);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->sortByColumn(TaskTable::StartTimeColumn, Qt::DescendingOrder);
    QHeaderView *header = m_table->header();
    header->setStretchLastSection(false);
    const std::pair<int, int> widths[] = {
        {TaskTable::TaskColumn, 200},           {TaskTable::TargetColumn, 125},
        {TaskTable::StatusColumn, 150},         {TaskTable::DetailsColumn, 90},
        {TaskTable::InitiatorColumn, 140},      {TaskTable::StartTimeColumn, 85},
        {TaskTable::CompletionTimeColumn, 110}, {TaskTable::DurationColumn, 70}};
    for (const auto &[column, width] : widths)
        header->resizeSection(column, width);
    header->setSectionHidden(TaskTable::QueuedForColumn, true);
    header->setSectionHidden(TaskTable::ServerColumn, true);
    new HeaderColumnsMenu(header);
    connect(m_table->selectionModel(), &QItemSelectionModel::currentRowChanged, this, [this] {
        updateDetails();
        updateActions();
    });
    // The selected task changes state under the cursor: keep the pane and the actions current.
    connect(m_proxy, &QAbstractItemModel::dataChanged, this,
            [this](const QModelIndex &tl, const QModelIndex &br) {
                const QModelIndex current = m_table->currentIndex();
                if (current.isValid() && current.row() >= tl.row() && current.row() <= br.row()) {
                    updateDetails();
                    updateActions();
                }
            });

    m_details = new TaskDetailsView(tab);
    connect(m_details, &TaskDetailsView::taskActivated, this, [this](const QString &key) {
        if (!selectTask(key))
            statusBar()->showMessage(tr("Task %1 is not in the recent list.").arg(key), 5000);
    });

    m_splitter = new QSplitter(Qt::Horizontal, tab);
    m_splitter->setObjectName(QStringLiteral("mainSplitter"));
    m_splitter->addWidget(m_table);
    m_splitter->addWidget(m_details);
    m_splitter->setStretchFactor(0, 1);
    m_splitter->setChildrenCollapsible(false);
    m_splitter->setSizes({990, 290});

    m_staleBanner = new QLabel(tab);
    m_staleBanner->setObjectName(QStringLiteral("staleBanner"));
    m_staleBanner->setWordWrap(true);
    m_staleBanner->setFrameShape(QFrame::StyledPanel);
    m_staleBanner->setMargin(6);
    m_staleBanner->setAutoFillBackground(true);
    {
        QPalette p = m_staleBanner->palette();
        p.setColor(QPalette::Window, QColor(0xfd, 0xf1, 0xc7)); // a calm warning yellow
        p.setColor(QPalette::WindowText, QColor(0x4a, 0x3b, 0x00));
        m_staleBanner->setPalette(p);
    }
    m_staleBanner->hide();

    auto *layout = new QVBoxLayout(tab);
    layout->setContentsMargins(4, 4, 4, 0);
    layout->addLayout(bar);
    layout->addWidget(m_staleBanner);
    layout->addWidget(m_splitter, 1);
    return tab;
}

void MainWindow::createStatusBar()
{
    auto label = [this](const char *name) {
        auto *l = new QLabel(this);
        l->setObjectName(QLatin1String(name));
        l->setContentsMargins(6, 0, 6, 0);
        return l;
    };
    m_stateLabel = label("connectionState");
    m_serverLabel = label("serverInfo");
    m_userLabel = label("userInfo");
    m_updateLabel = label("lastUpdate");
    m_warningLabel = label("warning");
    QFont bold = m_warningLabel->font();
    bold.setBold(true);
    m_warningLabel->setFont(bold);
    statusBar()->addWidget(m_stateLabel);
    statusBar()->addWidget(m_serverLabel);
    statusBar()->addWidget(m_userLabel);
    statusBar()->addWidget(m_warningLabel);
    statusBar()->addPermanentWidget(m_updateLabel);
}

void MainWindow::restoreSettings()
{
    resize(1280, 800);
    restoreGeometry(UiSettings::mainWindowGeometry.get());
    restoreState(UiSettings::mainWindowState.get());
    m_splitter->restoreState(UiSettings::mainSplitter.get());
    m_table->header()->restoreState(UiSettings::recentTasksHeader.get());
    m_tabs->setCurrentIndex(qBound(0, UiSettings::currentTab.get(), m_tabs->count() - 1));
}

void MainWindow::saveSettings()
{
    UiSettings::mainWindowGeometry.set(saveGeometry());
    UiSettings::mainWindowState.set(saveState());
    UiSettings::mainSplitter.set(m_splitter->saveState());
    UiSettings::recentTasksHeader.set(m_table->header()->saveState());
    UiSettings::currentTab.set(m_tabs->currentIndex());
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    saveSettings();
    m_historyView->model()->close();
    m_monitor->stop();
    event->accept();
}

void MainWindow::setDemoMode(bool demo)
{
    m_demo = demo;
    updateTitle();
    updateStatusBar();
}

void MainWindow::setInsecure(bool insecure)
{
    m_insecure = insecure;
    updateStatusBar();
}

void MainWindow::showConnectDialog(const QString &server, const QString &userName)
{
    ConnectDialog dialog(m_connection, m_credentials, this);
    dialog.setInsecure(m_insecure);
    if (!server.isEmpty()) {
        dialog.setServer(server);
        dialog.setUserName(userName);
    } else if (!m_connection->options().server.isEmpty()) {
        dialog.setServer(m_connection->options().server);
        dialog.setUserName(m_connection->options().userName);
    }
    dialog.exec();
}

void MainWindow::onConnectionStateChanged(VimConnection::State state)
{
    if (state == VimConnection::State::Connected &&
        m_monitor->mode() == TaskMonitor::Mode::Stopped) {
        const QString server = m_connection->baseUrl().host();
        m_recent->setServerName(server);
        m_historyView->model()->setServerName(server);
        m_failureNotified.clear();
        m_monitor->start();
        m_inventory->load(m_connection);
    } else if (state == VimConnection::State::Disconnected ||
               state == VimConnection::State::Failed) {
        m_monitor->stop();
    }
    updateActions();
    updateTitle();
    updateStatusBar();
    updateStaleBanner();
}

void MainWindow::updateStaleBanner()
{
    if (!m_staleBanner)
        return; // still being built
    const QDateTime asOf = m_recent->asOf();
    if (!asOf.isValid()) {
        m_staleBanner->hide();
        m_bannerTick.stop();
        return;
    }
    QString why;
    switch (m_connection->state()) {
    case VimConnection::State::Reconnecting: {
        const QDateTime next = m_connection->nextAttemptAt();
        const qint64 ms = next.isValid() ? QDateTime::currentDateTimeUtc().msecsTo(next) : -1;
        why = ms >= 0
                  ? tr("reconnecting, next attempt in %n s", "stale banner", int((ms + 999) / 1000))
                  : tr("reconnecting…", "stale banner");
        break;
    }
    case VimConnection::State::Failed:
        why = m_certificateNotice->isDecisionPending()
                  ? tr("the server's certificate needs your decision (see above)", "stale banner")
                  : tr("the connection failed: %1", "stale banner")
                        .arg(m_connection->failureMessage());
        break;
    case VimConnection::State::Disconnected:
        why = tr("not connected", "stale banner");
        break;
    case VimConnection::State::Connecting:
        why = tr("connecting…", "stale banner");
        break;
    case VimConnection::State::Connected:
        why = m_monitor->errorString().isEmpty()
                  ? tr("catching up with the server…", "stale banner")
                  : tr("catching up with the server after: %1", "stale banner")
                        .arg(m_monitor->errorString());
        break;
    }
    m_staleBanner->setText(
        tr("Not updated since %1 — %2")
            .arg(QLocale().toString(asOf.toLocalTime().time(), QStringLiteral("HH:mm:ss")), why));
    m_staleBanner->show();
    if (!m_bannerTick.isActive())
        m_bannerTick.start();
}

void MainWindow::onTasksUpdated(const QList<vim::TaskInfo> &tasks)
{
    // The model (attached first) holds the new state now; its dataChanged comes a turn later
    // (coalesced): the actions and details follow the selected row at once, so that Cancel
    // is never enabled for a task its row already shows finished.
    const QString current = currentTaskKey();
    if (std::any_of(tasks.cbegin(), tasks.cend(),
                    [&current](const vim::TaskInfo &t) { return t.key == current; })) {
        updateDetails();
        updateActions();
    }
    m_lastUpdate = QDateTime::currentDateTime();
    for (const vim::TaskInfo &t : tasks) {
        const bool failed = t.state == vim::TaskInfoState::Value::Error && !t.cancelled;
        if (!failed || m_failureNotified.contains(t.key))
            continue;
        m_failureNotified.insert(t.key);
        // Tasks that had failed before we connected are history, not news.
        if (!m_monitor->isSynchronized() || !m_tray || !m_notifyAction->isChecked())
            continue;
        m_tray->showMessage(
            tr("Task failed: %1").arg(TaskTable::taskLabel(t, &m_recent->description())),
            tr("%1 on %2: %3")
                .arg(TaskTable::initiator(t.reason), t.entityName.value_or(QString()),
                     t.error ? t.error->message() : QString()),
            QSystemTrayIcon::Warning);
    }
    updateStatusBar();
}

std::optional<vim::TaskInfo> MainWindow::currentTask() const
{
    const QModelIndex current = m_table->currentIndex();
    if (!current.isValid())
        return std::nullopt;
    const QVariant info =
        current.siblingAtColumn(TaskTable::TaskColumn).data(TaskTable::TaskInfoRole);
    return info.isValid() ? std::optional(info.value<vim::TaskInfo>()) : std::nullopt;
}

QString MainWindow::currentTaskKey() const
{
    const auto info = currentTask();
    return info ? info->key : QString();
}

QStringList MainWindow::knownTaskKeys() const
{
    QStringList keys;
    for (const vim::TaskInfo &t : m_recent->tasks())
        keys.append(t.key);
    return keys;
}

bool MainWindow::selectTask(const QString &key)
{
    const int sourceRow = m_recent->rowOf(key);
    if (sourceRow < 0)
        return false;
    QModelIndex index = m_proxy->mapFromSource(m_recent->index(sourceRow, 0));
    if (!index.isValid()) {
        setQuickFilter(QuickFilter::All);
        m_filterText->clear();
        index = m_proxy->mapFromSource(m_recent->index(sourceRow, 0));
    }
    m_tabs->setCurrentIndex(RecentTab);
    m_table->setCurrentIndex(index);
    m_table->scrollTo(index);
    return index.isValid();
}

void MainWindow::setQuickFilter(QuickFilter filter)
{
    using F = TaskFilterProxyModel;
    m_quickFilters->actions().at(int(filter))->setChecked(true);
    m_proxy->setStateFilter(filter == QuickFilter::Running  ? F::StateFilters(F::Active)
                            : filter == QuickFilter::Failed ? F::StateFilters(F::Failed)
                                                            : F::StateFilters(F::AllStates));
}

void MainWindow::updateDetails()
{
    const QModelIndex status = m_table->currentIndex().siblingAtColumn(TaskTable::StatusColumn);
    QString notice;
    if (status.data(TaskTable::UnreportedRole).toBool())
        notice = tr("The server no longer reports this task (it restarted, or the task aged out "
                    "while the connection was down). Shown as last seen.");
    else if (const QDateTime asOf = status.data(TaskTable::AsOfRole).toDateTime(); asOf.isValid())
        notice = tr("Not updated since %1.")
                     .arg(QLocale().toString(asOf.toLocalTime(), QLocale::ShortFormat));
    m_details->setTask(currentTask(), &m_recent->description(), notice);
}

void MainWindow::updateActions()
{
    const bool connected = m_connection->state() == VimConnection::State::Connected;
    const auto info = currentTask();
    const bool cancelPending = m_table->currentIndex()
                                   .siblingAtColumn(TaskTable::StatusColumn)
                                   .data(TaskTable::CancelPendingRole)
                                   .toBool();
    m_cancelAction->setEnabled(connected && info && !info->isFinished() && info->cancelable &&
                               !info->cancelled && !cancelPending &&
                               !m_table->currentIndex()
                                    .siblingAtColumn(TaskTable::StatusColumn)
                                    .data(TaskTable::UnreportedRole)
                                    .toBool() &&
                               m_tabs->currentIndex() == RecentTab);
    m_newTaskAction->setEnabled(connected);
    m_newCollectorAction->setEnabled(connected);
    m_refreshAction->setEnabled(connected);
    m_disconnectAction->setEnabled(m_connection->state() != VimConnection::State::Disconnected);
}

void MainWindow::updateTitle()
{
    QString title = tr("vSphere Task Monitor");
    const QString host = m_connection->baseUrl().host();
    if (!host.isEmpty())
        title = tr("%1 — vSphere Task Monitor").arg(host);
    if (m_demo)
        title += QLatin1Char(' ') + tr("(Demo)");
    setWindowTitle(title);
}

void MainWindow::updateStatusBar()
{
    QString state;
    switch (m_connection->state()) {
    case VimConnection::State::Disconnected:
        state = tr("Not connected");
        break;
    case VimConnection::State::Connecting:
        state = tr("Connecting…");
        break;
    case VimConnection::State::Connected:
        state = m_monitor->mode() == TaskMonitor::Mode::Polling ? tr("Connected (polling)")
                                                                : tr("Connected");
        break;
    case VimConnection::State::Reconnecting:
        state = tr("Reconnecting…");
        break;
    case VimConnection::State::Failed:
        state = m_certificateNotice->stateText();
        if (state.isEmpty())
            state = tr("Connection failed");
        break;
    }
    m_stateLabel->setText(state);
    const bool connected = m_connection->hasSession();
    const vim::AboutInfo &about = m_connection->serviceContent().about;
    m_serverLabel->setText(connected ? tr("%1 · %2 %3 · API %4")
                                           .arg(m_connection->baseUrl().host(), about.name,
                                                about.version, m_connection->apiRelease())
                                     : QString());
    m_userLabel->setText(connected ? m_connection->userSession().userName : QString());
    QStringList warnings;
    if (m_demo)
        warnings.append(tr("Demo: built-in simulator"));
    if (m_insecure)
        warnings.append(tr("⚠ Certificate checks are off (--insecure)"));
    m_warningLabel->setText(warnings.join(QStringLiteral(" · ")));
    m_updateLabel->setText(
        m_lastUpdate.isValid()
            ? tr("Last update %1")
                  .arg(QLocale().toString(m_lastUpdate.time(), QLocale::ShortFormat))
            : QString());
    m_updateLabel->setToolTip(
        m_lastUpdate.isValid() ? QLocale().toString(m_lastUpdate, QLocale::LongFormat) : QString());
}

void MainWindow::newTask()
{
    auto *dialog = new CreateTaskDialog(m_connection, m_inventory, knownTaskKeys(), this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &CreateTaskDialog::taskCreated, this, [this](const vim::TaskInfo &info) {
        m_recent->applyUpdates({info});
        selectTask(info.key);
    });
    dialog->open();
}

void MainWindow::newCollector()
{
    auto *dialog = new CreateCollectorDialog(m_connection, m_inventory, knownTaskKeys(), this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &CreateCollectorDialog::collectorCreated, this,
            [this](const vim::ManagedObjectReference &collector, const vim::TaskFilterSpec &filter,
                   int pageSize) {
                m_historyView->openCollector(collector, filter, pageSize);
                m_tabs->setCurrentIndex(HistoryTab);
            });
    dialog->open();
}

void MainWindow::cancelSelectedTask()
{
    const auto info = currentTask();
    if (!info || !m_cancelAction->isEnabled())
        return;
    const QString label = TaskTable::taskLabel(*info, &m_recent->description());
    QMessageBox box(
        QMessageBox::Question, tr("Cancel Task"),
        tr("Cancel “%1” on %2?").arg(label, info->entityName.value_or(tr("the server"))),
        QMessageBox::NoButton, this);
    box.setObjectName(QStringLiteral("confirmCancel"));
    box.setInformativeText(
        tr("The server stops the task as soon as it can. Work it has already done is not undone."));
    QPushButton *yes = box.addButton(tr("Cancel Task"), QMessageBox::DestructiveRole);
    box.addButton(tr("Keep Running"), QMessageBox::RejectRole);
    box.exec();
    if (box.clickedButton() != yes)
        return;
    m_recent->setCancelPending(info->key);
    m_monitor->cancelTask(info->key);
    updateActions();
}

void MainWindow::onCancelFinished(const QString &key, bool ok, const QString &message)
{
    if (ok) {
        statusBar()->showMessage(tr("Cancel requested for %1.").arg(key), 5000);
        return;
    }
    m_recent->setCancelPending(key, false);
    updateActions();
    QMessageBox::warning(this, tr("Task Not Cancelled"),
                         tr("The server did not cancel %1: %2").arg(key, message));
}

void MainWindow::refresh()
{
    if (m_tabs->currentIndex() == HistoryTab) {
        m_historyView->model()->refresh();
        return;
    }
    // A restart re-reads everything the server has, in case an update was missed.
    connect(m_monitor, &TaskMonitor::stopped, m_monitor, &TaskMonitor::start,
            Qt::SingleShotConnection);
    m_monitor->stop();
}

void MainWindow::exportVisible(ExportFormat format)
{
    const bool csv = format == ExportFormat::Csv;
    QString dir = UiSettings::lastExportDirectory.get();
    const QString name =
        QStringLiteral("vtaskmon-tasks-%1.%2")
            .arg(QDateTime::currentDateTime().toString(QStringLiteral("yyyyMMdd-HHmm")),
                 csv ? QStringLiteral("csv") : QStringLiteral("json"));
    const QString path = QFileDialog::getSaveFileName(
        this, csv ? tr("Export Tasks as CSV") : tr("Export Tasks as JSON"),
        QDir(dir).filePath(name), csv ? tr("CSV files (*.csv)") : tr("JSON files (*.json)"));
    if (path.isEmpty())
        return;
    UiSettings::lastExportDirectory.set(QFileInfo(path).absolutePath());
    const QString error = exportTo(path, format);
    if (!error.isEmpty())
        QMessageBox::warning(this, tr("Export Failed"), error);
    else
        statusBar()->showMessage(
            tr("Exported %n task(s) to %1.", nullptr, m_proxy->rowCount()).arg(path), 5000);
}

QString MainWindow::exportTo(const QString &path, ExportFormat format) const
{
    const bool history = m_tabs->currentIndex() == HistoryTab;
    const QAbstractItemModel *model =
        history ? static_cast<QAbstractItemModel *>(m_historyView->model()) : m_proxy;
    const QHeaderView *header = history ? m_historyView->view()->header() : m_table->header();
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return tr("%1 cannot be written: %2").arg(path, file.errorString());
    file.write(format == ExportFormat::Csv ? TaskExporter::toCsv(model, header)
                                           : TaskExporter::toJson(model));
    if (!file.commit())
        return tr("%1 cannot be written: %2").arg(path, file.errorString());
    return {};
}
