#pragma once

#include <vimconnection.h>

#include <vim/taskdescription.h>
#include <vim/taskinfo.h>

#include <QDateTime>
#include <QElapsedTimer>
#include <QHash>
#include <QObject>
#include <QPointer>
#include <QSet>
#include <QTimer>

class VimReply;

/// The live-update engine (DESIGN.md decision 3): push through one private
/// PropertyCollector with one outstanding WaitForUpdatesEx, watching a TaskHistoryCollector's
/// latestPage (new tasks, state changes), a ListView of the running tasks' Task.info
/// (progress, description) and TaskManager.recentTask (re-read on a slow timer). Emits
/// batched upserts keyed by TaskInfo.key; connect tasksUpdated to
/// RecentTasksModel::applyUpdates.
///
///   Stopped ─start─▶ Starting ─▶ Live | LiveWithoutCollector | Polling
///        ▲                          │ session renewed, objects lost, network loss
///        └─stop── (any) ◀─────── Recovering ─▶ (re-create objects, re-read, version "")
class TaskMonitor final : public QObject
{
    Q_OBJECT
public:
    enum class Mode
    {
        Stopped,
        Starting,
        Live,                 ///< collector latestPage + ListView on Task.info
        LiveWithoutCollector, ///< ESXi / no collector budget: recentTask + ListView
        Polling,              ///< degraded: recentTask and Task.info read on a timer
        Recovering,           ///< re-creating the session objects after a loss
    };
    Q_ENUM(Mode)

    explicit TaskMonitor(VimConnection *connection, QObject *parent = nullptr);
    ~TaskMonitor() override;

    /// Starts (or waits for the connection, then starts).
    void start();
    /// Destroys every collector, filter and view it created; emits stopped() when done.
    void stop();

    Mode mode() const { return m_mode; }
    bool isDegraded() const { return m_mode == Mode::Polling; }
    /// True once the first complete snapshot after (re)start has been delivered.
    bool isSynchronized() const { return m_synchronized; }
    /// The problem the monitor is healing from, as errorOccurred() reported it; empty once
    /// the server answers as expected again (errorCleared()). At modeChanged(Polling) after
    /// a fallback from push, it says why.
    QString errorString() const { return m_errorString; }

    /// Never go beyond `mode` (LiveWithoutCollector or Polling); for tests and odd servers.
    void setModeLimit(Mode mode) { m_modeLimit = mode; }
    /// Latest-page size set with SetCollectorPageSize (default 50).
    void setPageSize(int size) { m_pageSize = size; }
    /// How often recentTask is re-read while a collector finds new tasks (default 5 min);
    /// without a collector, and when polling, a quarter of it but at most 5 s.
    void setRecentTaskInterval(int ms);
    /// WaitForUpdatesEx maxWaitSeconds; default 15 s below the request timeout, at most 60 s.
    void setMaxWaitSeconds(int seconds) { m_maxWaitSeconds = seconds; }
    /// After falling back from push to polling, push is tried again this much later
    /// (default 5 min).
    void setPushRetryInterval(int ms);

    /// Finished tasks leave tasks() once they completed this long ago on the server's clock
    /// (default 15 min; recentTask lists them for 10), looked at whenever the map has doubled
    /// beyond `keepAtLeast`. Only their keys stay, so the same task is never reported again;
    /// an all-day session on a busy server keeps ~60 bytes instead of ~1.5 KB per task.
    void setForgetFinishedAfter(int seconds, int keepAtLeast = 1'000);

    /// The tasks seen since start that are running or finished recently, by key.
    const QHash<QString, vim::TaskInfo> &tasks() const { return m_tasks; }
    const vim::TaskDescription &description() const { return m_description; }
    /// Server clock minus local clock in ms (from CurrentTime at start), for aging tasks.
    qint64 serverClockOffsetMs() const { return m_serverClockOffsetMs; }

    /// Requests a cancel; answers with cancelFinished.
    void cancelTask(const QString &key);

    /// True while the tasks are known to be current: synchronized with the server since the
    /// last (re)start and the connection up. Views grey their rows and stop relative times
    /// otherwise (see lastUpdate()).
    bool isLive() const { return m_live; }
    /// Local time (UTC) of the last server answer that brought the tasks up to date.
    QDateTime lastUpdate() const { return m_lastUpdate; }
    /// The server's identity: about.instanceUuid, or its address and API type when it has
    /// none. Empty before the first setup.
    QString serverIdentity() const { return m_serverIdentity; }

Q_SIGNALS:
    /// Tasks that are new or changed since the last emission; one signal per server update.
    void tasksUpdated(const QList<vim::TaskInfo> &tasks);
    void descriptionChanged(const vim::TaskDescription &description);
    void serverClockOffsetChanged(qint64 ms);
    void modeChanged(TaskMonitor::Mode mode);
    /// A complete snapshot was delivered after start or recovery.
    void synchronized();
    /// Something went wrong that the monitor heals from by retrying, rebuilding the watch or
    /// polling; `message` (also errorString()) says what. Emitted for every failed attempt.
    void errorOccurred(const QString &message);
    /// The server answered as expected again after errorOccurred().
    void errorCleared();
    /// The server's Task.info for `key` could not be read completely (`message` says what
    /// is wrong): the task is reported with the fields that could be read, or not at all
    /// when nothing could.
    void taskUnreadable(const QString &key, const QString &message);
    void cancelFinished(const QString &key, bool ok, const QString &message);
    void stopped();
    /// Tasks reported before that the server no longer knows (it restarted, or they aged
    /// out while we were away); their last known state is all there is. No further
    /// updates come for them unless the server reports the key again.
    void tasksVanished(const QStringList &keys);
    /// The monitor now watches a different server (another instanceUuid) than before: every
    /// task reported so far belongs to the old one and must be dropped.
    void serverChanged(const QString &identity);
    void liveChanged(bool live);

private:
    using MoRef = vim::ManagedObjectReference;

    void setMode(Mode mode);
    void updateLive();
    /// Part of setup(): everything after the server's identity is known.
    void setupWatch(quint64 generation);
    void adoptIdentity(const vim::ServiceContent &content);
    /// Forgets tasks the server could not resolve and tells the views.
    void vanish(const QStringList &keys);
    int fastInterval() const;
    void setup();
    void createListView(quint64 generation);
    void createCollector(quint64 generation);
    void createFilters(quint64 generation);
    void readRecentTasks(quint64 generation, bool initial);
    void waitForUpdates(quint64 generation);
    void processUpdateSet(const vim::UpdateSet &set);
    /// The tasks of a latestPage that does not decode as a whole, each as far as it can be
    /// read (see readPartly()).
    QList<vim::TaskInfo> readPagePartly(const vim::AnyValue &page, const vim::DecodeError &error);
    /// What can be read of a TaskInfo that does not decode (`error`), on top of what was
    /// known of the task; reported with taskUnreadable(). None without a key.
    std::optional<vim::TaskInfo> readPartly(const QJsonValue &value, const vim::DecodeError &error);
    /// Tasks changed by one server answer, each once, in first-seen order.
    struct ChangeSet
    {
        QList<vim::TaskInfo> tasks;
        QHash<QString, qsizetype> index;
    };
    void applyTasks(const QList<vim::TaskInfo> &tasks, bool fromPage, ChangeSet &changed);
    /// In m_tasks, or finished long ago and forgotten.
    bool isKnown(const QString &key) const;
    /// Unknown, or known and not finished: worth watching.
    bool mayChange(const QString &key) const;
    /// Reads the collector forward (ReadNextTasks) until it is at the newest task, so a
    /// burst larger than the latest page loses nothing.
    void drainCollector(quint64 generation);
    void watchUnfinished(const QList<vim::TaskInfo> &tasks);
    void watchTasks(const QList<MoRef> &tasks);
    void noteFinished(const QString &key);
    void flushListView(bool includeRemovals);
    void handleError(const VimError &error, const char *operation);
    /// Ends the current generation (timers, the wait, the server objects) and enters `next`;
    /// `destroyed` runs once the objects are gone.
    void abandonWatch(Mode next, const std::function<void()> &destroyed = {});
    void recover(bool sessionEnded = false);
    void startPolling();
    /// Polls instead of push because of `reason` (errorString()), and tries push again later.
    void fallBackToPolling(const QString &reason);
    /// Reports a failed poll and polls again soon.
    void pollFailed(const VimError &error, quint64 generation);
    /// Keeps the first failure of a poll's Task.info reads that asking again may heal.
    void noteTaskFailure(const QString &key, const VimError &error, VimError &first);
    void clearError();
    void poll();
    /// True when the callback belongs to the current generation; otherwise destroys what
    /// the late answer created, so that nothing is left behind.
    bool current(quint64 generation, const VimResult<MoRef> &result);
    /// The server may hold an object of ours that we no longer know of: a create whose answer
    /// was lost, or a destroy that never went through. Only a fresh session clears it.
    void noteLostObject(const char *why);
    /// Replaces a session that may hold lost objects before anything new is made in it;
    /// true when that is under way (sessionRenewed brings the monitor back).
    bool renewIfLostObjects();
    void destroyObject(const MoRef &ref, const std::function<void()> &done = {}, int attempt = 0);
    /// The next retry delay; grows until a wait succeeds.
    int nextBackoff();
    void destroyAll(const std::function<void()> &done);
    void emitChanged(const ChangeSet &changed);
    /// Drops long-finished tasks when the map has doubled since the last time (amortized).
    void forgetOldFinished();
    void markSynchronized();

    VimConnection *m_connection;
    Mode m_mode = Mode::Stopped;
    Mode m_modeLimit = Mode::Live;
    bool m_running = false;
    bool m_synchronized = false;
    quint64 m_generation = 0;
    QString m_errorString;
    QString m_sessionKey;
    /// UserSession.key of a session that may hold objects of ours we lost track of.
    QString m_lostObjectsIn;

    MoRef m_propertyCollector;
    MoRef m_listView;
    MoRef m_collector;
    QList<MoRef> m_filters;
    bool m_useCollector = true;
    QString m_version;
    QPointer<VimReply> m_waitReply;
    bool m_draining = false;
    bool m_drainAgain = false;

    QHash<QString, vim::TaskInfo> m_tasks;
    /// Keys of finished tasks dropped from m_tasks: known and final, never re-reported.
    QSet<QString> m_forgotten;
    /// Keys the server no longer knows (tasksVanished); not watched again.
    QSet<QString> m_vanished;
    QString m_serverIdentity;
    bool m_live = false;
    QDateTime m_lastUpdate;
    int m_forgetAfterSeconds = 15 * 60;
    int m_keepAtLeast = 1'000;
    qsizetype m_forgetCheckAt = 1'000;
    QSet<QString> m_inView;
    QSet<QString> m_viewAdd;
    QSet<QString> m_viewRemove;
    QSet<QString> m_viewInFlight;
    bool m_viewCallInFlight = false;
    QTimer m_viewRemoveTimer;
    QElapsedTimer m_waitStarted;
    vim::TaskDescription m_description;
    qint64 m_serverClockOffsetMs = 0;

    int m_pageSize = 50;
    int m_largestPage = 0;
    int m_maxWaitSeconds = 0;
    // The collector finds new tasks; recentTask is only a safety net then (idle cost).
    int m_recentInterval = 300'000;
    int m_backoffMs = 0;
    int m_retryMs = 0;
    bool m_pollInFlight = false;
    /// Watches set up in a row that never reached their first update.
    int m_rebuilds = 0;
    QTimer m_pushRetryTimer;
    QTimer m_recentTimer;
    QTimer m_pollTimer;
    QTimer m_recoverTimer;
};
