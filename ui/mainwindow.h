#pragma once

#include <vimconnection.h>

#include <vim/taskinfo.h>

#include <QDateTime>
#include <QMainWindow>
#include <QSet>
#include <QTimer>

class CertificateNotice;
class CredentialStore;
class DescriptionsView;
class HistoryView;
class InventoryModel;
class RecentTasksModel;
class TaskDescriptionModel;
class TaskDetailsView;
class TaskFilterProxyModel;
class TaskMonitor;
class QAction;
class QActionGroup;
class QLabel;
class QLineEdit;
class QSplitter;
class QSystemTrayIcon;
class QTabWidget;
class QTreeView;

/// The main window: live recent tasks with filter and details, the History and Descriptions
/// tabs, the create dialogs, cancel, export, and the connection in the status bar.
class MainWindow final : public QMainWindow
{
    Q_OBJECT
public:
    enum class ExportFormat
    {
        Csv,
        Json
    };
    enum class QuickFilter
    {
        All,
        Running,
        Failed
    };

    explicit MainWindow(VimConnection *connection, QWidget *parent = nullptr);
    ~MainWindow() override;

    void setDemoMode(bool demo);
    void setInsecure(bool insecure);

    RecentTasksModel *recentTasksModel() const { return m_recent; }
    TaskFilterProxyModel *recentTasksProxy() const { return m_proxy; }
    QTreeView *recentTasksView() const { return m_table; }
    TaskMonitor *monitor() const { return m_monitor; }
    HistoryView *historyView() const { return m_historyView; }
    InventoryModel *inventory() const { return m_inventory; }
    QTabWidget *tabs() const { return m_tabs; }
    QAction *cancelAction() const { return m_cancelAction; }

    /// Selects the task with this key in the recent list (clearing the filter if it hides
    /// it); false if the list does not have it.
    bool selectTask(const QString &key);
    QString currentTaskKey() const;
    /// Writes the visible list; returns an error sentence or an empty string.
    QString exportTo(const QString &path, ExportFormat format) const;
    void setQuickFilter(QuickFilter filter);

public Q_SLOTS:
    void showConnectDialog(const QString &server = {}, const QString &userName = {});
    void newTask();
    void newCollector();
    void cancelSelectedTask();
    void refresh();
    void exportVisible(MainWindow::ExportFormat format);

protected:
    void closeEvent(QCloseEvent *event) override;

private:
    void createActions();
    void createMenus();
    QWidget *createRecentTab();
    void createStatusBar();
    void restoreSettings();
    void saveSettings();
    void onConnectionStateChanged(VimConnection::State state);
    void onTasksUpdated(const QList<vim::TaskInfo> &tasks);
    /// Shows, over the live list, since when it has not been updated and why.
    void updateStaleBanner();
    void onCancelFinished(const QString &key, bool ok, const QString &message);
    void updateActions();
    void updateDetails();
    void updateStatusBar();
    void updateTitle();
    std::optional<vim::TaskInfo> currentTask() const;
    QStringList knownTaskKeys() const;

    VimConnection *m_connection;
    TaskMonitor *m_monitor;
    RecentTasksModel *m_recent;
    TaskFilterProxyModel *m_proxy;
    TaskDescriptionModel *m_descriptions;
    InventoryModel *m_inventory;
    CredentialStore *m_credentials;

    QTabWidget *m_tabs = nullptr;
    QSplitter *m_splitter = nullptr;
    QTreeView *m_table = nullptr;
    TaskDetailsView *m_details = nullptr;
    QLineEdit *m_filterText = nullptr;
    QActionGroup *m_quickFilters = nullptr;
    HistoryView *m_historyView = nullptr;
    DescriptionsView *m_descriptionsView = nullptr;
    QSystemTrayIcon *m_tray = nullptr;
    CertificateNotice *m_certificateNotice = nullptr;

    QAction *m_connectAction = nullptr;
    QAction *m_disconnectAction = nullptr;
    QAction *m_newTaskAction = nullptr;
    QAction *m_newCollectorAction = nullptr;
    QAction *m_cancelAction = nullptr;
    QAction *m_refreshAction = nullptr;
    QAction *m_exportCsvAction = nullptr;
    QAction *m_exportJsonAction = nullptr;
    QAction *m_findAction = nullptr;
    QAction *m_notifyAction = nullptr;
    QAction *m_settingsAction = nullptr;

    QLabel *m_stateLabel = nullptr;
    QLabel *m_serverLabel = nullptr;
    QLabel *m_userLabel = nullptr;
    QLabel *m_updateLabel = nullptr;
    QLabel *m_warningLabel = nullptr;

    QTimer m_tick;
    QTimer m_bannerTick;
    QLabel *m_staleBanner = nullptr;
    QDateTime m_lastUpdate;
    QSet<QString> m_failureNotified;
    bool m_demo = false;
    bool m_insecure = false;
};
