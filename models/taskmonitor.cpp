#include "taskmonitor.h"

#include "modelslogging.h"

#include <propertycollector.h>
#include <serviceinstance.h>
#include <task.h>
#include <taskhistorycollector.h>
#include <taskmanager.h>
#include <viewmanager.h>

#include <QJsonArray>
#include <QSignalBlocker>

#include <algorithm>

namespace {

using MoRef = vim::ManagedObjectReference;

// Queued < running < finished: a latestPage copy may only move a task forward, because the
// page is refreshed on state changes only and so carries stale progress and description.
int stateRank(const vim::TaskInfo &info)
{
    switch (info.state.value()) {
    case vim::TaskInfoState::Value::Queued:
        return 0;
    case vim::TaskInfoState::Value::Running:
        return 1;
    case vim::TaskInfoState::Value::Success:
    case vim::TaskInfoState::Value::Error:
        return 2;
    case vim::TaskInfoState::Value::Unknown:
        break;
    }
    return 1;
}

MoRef taskRef(const QString &key)
{
    return MoRef{QStringLiteral("Task"), key};
}

// One field of a TaskInfo that does not decode as a whole; a field that cannot be read keeps
// what `info` held.
template<typename Field>
void decodeIfPossible(const QJsonObject &object, vim::TaskInfo &info, const Field &field)
{
    try {
        vim::detail::decodeField(object, info, field);
    } catch (const vim::DecodeFailure &) {
    }
}

// Faults after which the session objects are gone or unusable and must be re-created.
bool needsRecreate(const VimError &error)
{
    return error.isFault(QStringLiteral("NotAuthenticated")) ||
           error.isFault(QStringLiteral("ManagedObjectNotFound")) ||
           error.isFault(QStringLiteral("InvalidCollectorVersion")) ||
           error.isFault(QStringLiteral("RequestCanceled"));
}

// Transport trouble, a server busy or restarting, and server errors it names heal by
// retrying; so does a certificate problem, which the connection decides on (it fails or asks).
// Anything else (another fault, an answer that cannot be read, a redirect, a 500 without a
// fault) means push does not work with this server as it answers now, and polling is the way
// left.
bool isTransient(const VimError &error)
{
    switch (error.kind) {
    case VimError::Kind::Network:
    case VimError::Kind::Timeout:
    case VimError::Kind::Tls:
        return true;
    case VimError::Kind::Http:
        return error.httpStatus == 502 || error.httpStatus == 503 || error.httpStatus == 504;
    case VimError::Kind::Fault:
        return needsRecreate(error) || error.isFault(QStringLiteral("SystemError")) ||
               error.isFault(QStringLiteral("HostCommunication"));
    default:
        return false;
    }
}

constexpr int MaxBackoffMs = 15'000;
// The longest pause before repeating a single failed request of a working watch.
constexpr int MaxRetryMs = 2'000;
// Tasks per ReadNextTasks while draining the collector after a latestPage change.
constexpr int DrainBatch = 500;
// ObjectUpdates per WaitForUpdatesEx answer; larger sets come truncated, in slices.
constexpr int MaxObjectUpdates = 500;
// The shortest time between the starts of two waits that returned changes.
constexpr qint64 MinWaitIntervalMs = 25;
// Finished tasks waiting to leave the ListView before they go without an add to ride on.
constexpr int RemoveBatch = 200;
// Watches set up in a row without reaching their first update before polling instead: a
// session that ends every few calls would otherwise have the watch rebuilt forever, while
// polling gets along with fewer calls per answer.
constexpr int MaxRebuilds = 4;

} // namespace

TaskMonitor::TaskMonitor(VimConnection *connection, QObject *parent)
    : QObject(parent)
    , m_connection(connection)
{
    m_recentTimer.setInterval(m_recentInterval);
    connect(&m_recentTimer, &QTimer::timeout, this,
            [this] { readRecentTasks(m_generation, false); });
    m_pollTimer.setInterval(fastInterval());
    connect(&m_pollTimer, &QTimer::timeout, this, &TaskMonitor::poll);
    m_viewRemoveTimer.setSingleShot(true);
    m_viewRemoveTimer.setInterval(2000);
    connect(&m_viewRemoveTimer, &QTimer::timeout, this, [this] { flushListView(true); });
    m_recoverTimer.setSingleShot(true);
    connect(&m_recoverTimer, &QTimer::timeout, this, &TaskMonitor::setup);
    m_pushRetryTimer.setSingleShot(true);
    m_pushRetryTimer.setInterval(5 * 60'000);
    connect(&m_pushRetryTimer, &QTimer::timeout, this, [this] {
        if (!m_running || m_mode != Mode::Polling)
            return;
        qCInfo(lcModels) << "trying push updates again";
        m_rebuilds = 0;
        abandonWatch(Mode::Recovering);
        setup();
    });

    connect(m_connection, &VimConnection::sessionRenewed, this, [this] {
        // Objects made after the re-login belong to the new session and are fine.
        if (m_running && m_sessionKey != m_connection->userSession().key) {
            qCInfo(lcModels) << "session renewed; re-creating the task watch";
            recover(true);
        }
    });
    connect(m_connection, &VimConnection::stateChanged, this, [this](VimConnection::State state) {
        updateLive();
        if (m_running && state == VimConnection::State::Connected && renewIfLostObjects())
            return;
        // Started before the connection was up, or waiting out a reconnect.
        if (m_running && state == VimConnection::State::Connected &&
            (m_mode == Mode::Starting || m_mode == Mode::Recovering) &&
            !m_recoverTimer.isActive() && m_propertyCollector.isNull() && !m_pollTimer.isActive())
            setup();
    });
}

TaskMonitor::~TaskMonitor()
{
    // The owner may be half destroyed already (we are its child): no signals to it now.
    const QSignalBlocker quiet(this);
    if (m_running)
        stop();
}

int TaskMonitor::fastInterval() const
{
    // Without a collector, recentTask is how new tasks are found: read it often.
    return qBound(100, m_recentInterval / 4, 5000);
}

void TaskMonitor::setRecentTaskInterval(int ms)
{
    m_recentInterval = qMax(100, ms);
    m_recentTimer.setInterval(m_useCollector ? m_recentInterval : fastInterval());
    m_pollTimer.setInterval(fastInterval());
}

void TaskMonitor::setMode(Mode mode)
{
    if (mode == m_mode)
        return;
    m_mode = mode;
    qCInfo(lcModels) << "task monitor mode" << mode;
    Q_EMIT modeChanged(mode);
    updateLive();
}

void TaskMonitor::updateLive()
{
    const bool watching =
        m_mode == Mode::Live || m_mode == Mode::LiveWithoutCollector || m_mode == Mode::Polling;
    const bool live = m_running && m_synchronized && watching &&
                      m_connection->state() == VimConnection::State::Connected;
    if (live == m_live)
        return;
    m_live = live;
    qCInfo(lcModels) << (live ? "tasks are live" : "tasks are not live") << "; last update"
                     << m_lastUpdate.toString(Qt::ISODate);
    Q_EMIT liveChanged(live);
}

void TaskMonitor::adoptIdentity(const vim::ServiceContent &content)
{
    // instanceUuid survives restarts and upgrades of a vCenter; a host without one is
    // known by where it answers and what it is.
    QString identity = content.about.instanceUuid.value_or(QString());
    if (identity.isEmpty())
        identity = m_connection->baseUrl().toString(QUrl::RemoveUserInfo) + QLatin1Char('#') +
                   content.about.apiType;
    if (identity == m_serverIdentity)
        return;
    const bool changed = !m_serverIdentity.isEmpty();
    m_serverIdentity = identity;
    if (!changed)
        return;
    qCInfo(lcModels) << "a different server answers now; dropping" << m_tasks.size()
                     << "tasks of the previous one";
    m_tasks.clear();
    m_forgotten.clear();
    m_vanished.clear();
    m_description = {};
    Q_EMIT serverChanged(identity);
}

void TaskMonitor::vanish(const QStringList &keys)
{
    QStringList gone;
    for (const QString &key : keys) {
        if (!m_tasks.remove(key))
            continue;
        m_vanished.insert(key);
        m_viewAdd.remove(key);
        m_viewRemove.remove(key);
        m_inView.remove(key);
        gone.append(key);
    }
    if (gone.isEmpty())
        return;
    qCInfo(lcModels) << gone.size() << "tasks are no longer known to the server";
    Q_EMIT tasksVanished(gone);
}

void TaskMonitor::start()
{
    if (m_running)
        return;
    m_running = true;
    m_backoffMs = 0;
    setMode(Mode::Starting);
    if (m_connection->state() == VimConnection::State::Connected)
        setup();
}

void TaskMonitor::stop()
{
    if (!m_running)
        return;
    m_running = false;
    abandonWatch(Mode::Stopped, [this] { Q_EMIT stopped(); });
}

bool TaskMonitor::current(quint64 generation, const VimResult<MoRef> &result)
{
    // Without an answer the server may have made the object, and nobody will ever learn its
    // reference.
    if (!result.ok() && result.error().mayHaveTakenEffect())
        noteLostObject("a create got no answer");
    if (generation == m_generation && m_running) {
        if (!result.ok())
            handleError(result.error(), "create");
        return result.ok();
    }
    if (result.ok())
        destroyObject(result.value());
    else if (m_running)
        renewIfLostObjects();
    return false;
}

void TaskMonitor::noteLostObject(const char *why)
{
    // Without a session id a re-login is under way: the old session is gone, and so is
    // everything in it.
    if (!m_connection->hasSession())
        return;
    m_lostObjectsIn = m_connection->userSession().key;
    qCInfo(lcModels) << why << "- the session may hold an object of ours; it will be replaced";
}

bool TaskMonitor::renewIfLostObjects()
{
    if (m_lostObjectsIn.isEmpty())
        return false;
    if (m_lostObjectsIn != m_connection->userSession().key) {
        m_lostObjectsIn.clear(); // that session has ended, and its objects with it
        return false;
    }
    if (!m_connection->renewSession()) {
        if (m_connection->state() == VimConnection::State::Connected) {
            // No password to log in again with: the object stays until the session ends.
            qCWarning(lcModels) << "cannot replace the session; an object of ours may remain "
                                   "on the server until the session ends";
            m_lostObjectsIn.clear();
        }
        // Otherwise the next Connected asks again.
        return false;
    }
    abandonWatch(Mode::Recovering);
    return true;
}

void TaskMonitor::abandonWatch(Mode next, const std::function<void()> &destroyed)
{
    ++m_generation;
    m_recentTimer.stop();
    m_pollTimer.stop();
    m_recoverTimer.stop();
    if (m_waitReply)
        m_waitReply->abort();
    setMode(next);
    // After a lost session the destroys fail harmlessly; when the session survived (network
    // blip, vanished objects) they stop the old objects from lingering.
    destroyAll(destroyed);
}

void TaskMonitor::destroyObject(const MoRef &ref, const std::function<void()> &done, int attempt)
{
    const QString session = m_connection->userSession().key;
    auto finish = [this, done, ref, attempt, session](const VimResult<void> &r) {
        if (!r.ok()) {
            qCDebug(lcModels) << "destroying" << ref.toString()
                              << "failed:" << r.error().toString();
            // Gone already, or gone with its session: nothing to retry. Otherwise the object
            // would linger in a live session, so it is asked again.
            const bool gone = r.error().isFault(QStringLiteral("ManagedObjectNotFound")) ||
                              r.error().isFault(QStringLiteral("NotAuthenticated"));
            const bool sameSession =
                m_connection->hasSession() && m_connection->userSession().key == session;
            if (!gone && sameSession) {
                if (r.error().kind != VimError::Kind::Canceled && attempt < 5) {
                    QTimer::singleShot(300 << attempt, this, [this, ref, done, attempt] {
                        destroyObject(ref, done, attempt + 1);
                    });
                    return;
                }
                noteLostObject("an object could not be destroyed");
                if (m_running && m_mode != Mode::Recovering)
                    renewIfLostObjects();
            }
        }
        if (done)
            done();
    };
    const QString &type = ref.type;
    if (type == QLatin1String("PropertyCollector"))
        svc::PropertyCollector(m_connection, ref).destroyPropertyCollector().then(this, finish);
    else if (type == QLatin1String("PropertyFilter"))
        svc::PropertyFilter(m_connection, ref).destroyPropertyFilter().then(this, finish);
    else if (type == QLatin1String("ListView"))
        svc::View(m_connection, ref).destroyView().then(this, finish);
    else if (type == QLatin1String("TaskHistoryCollector"))
        svc::TaskHistoryCollector(m_connection, ref).destroyCollector().then(this, finish);
    else if (done)
        done();
}

void TaskMonitor::destroyAll(const std::function<void()> &done)
{
    // Filters first: destroying the collector would take them along on a real server, but
    // being explicit costs little and leaves nothing to chance.
    QList<MoRef> objects = m_filters;
    for (const MoRef &ref : {m_propertyCollector, m_listView, m_collector}) {
        if (!ref.isNull())
            objects.append(ref);
    }
    m_filters.clear();
    m_propertyCollector = m_listView = m_collector = MoRef();
    m_inView.clear();
    m_viewAdd.clear();
    m_viewRemove.clear();
    m_viewInFlight.clear();
    m_viewCallInFlight = false;
    m_viewRemoveTimer.stop();
    m_version.clear();
    if (objects.isEmpty() || !m_connection->hasSession()) {
        if (done)
            QMetaObject::invokeMethod(this, done, Qt::QueuedConnection);
        return;
    }
    auto remaining = std::make_shared<int>(int(objects.size()));
    for (const MoRef &ref : std::as_const(objects)) {
        destroyObject(ref, [remaining, done] {
            if (--*remaining == 0 && done)
                done();
        });
    }
}

void TaskMonitor::setup()
{
    if (!m_running)
        return;
    if (m_connection->state() != VimConnection::State::Connected)
        return; // stateChanged brings us back
    if (renewIfLostObjects())
        return; // sessionRenewed brings us back
    const quint64 generation = ++m_generation;
    m_sessionKey = m_connection->userSession().key;
    m_synchronized = false;
    m_draining = false;
    m_drainAgain = false;
    updateLive();
    // The server at this address may not be the one of the last setup (restored from
    // another instance, or the user connected elsewhere): its tasks are not ours then.
    svc::ServiceInstance(m_connection)
        .content()
        .then(this, [this, generation](const VimResult<vim::ServiceContent> &r) {
            if (generation != m_generation || !m_running)
                return;
            if (!r.ok()) {
                handleError(r.error(), "ServiceInstance.content");
                return;
            }
            adoptIdentity(r.value());
            setupWatch(generation);
        });
}

void TaskMonitor::setupWatch(quint64 generation)
{
    const vim::ServiceContent &content = m_connection->serviceContent();
    if (!content.taskManager) {
        m_errorString = tr("The server has no TaskManager.", "task monitor error");
        Q_EMIT errorOccurred(m_errorString);
        return;
    }
    svc::TaskManager(m_connection, *content.taskManager)
        .description()
        .then(this, [this, generation](const VimResult<vim::TaskDescription> &r) {
            if (generation != m_generation || !r.ok())
                return;
            m_description = r.value();
            Q_EMIT descriptionChanged(m_description);
        });
    const qint64 askedAt = QDateTime::currentMSecsSinceEpoch();
    svc::ServiceInstance(m_connection)
        .currentTime()
        .then(this, [this, generation, askedAt](const VimResult<QDateTime> &r) {
            if (generation != m_generation || !r.ok() || !r.value().isValid())
                return;
            // The server read its clock about halfway through the round trip.
            const qint64 local = (askedAt + QDateTime::currentMSecsSinceEpoch()) / 2;
            const qint64 offset = r.value().toMSecsSinceEpoch() - local;
            if (offset != m_serverClockOffsetMs) {
                m_serverClockOffsetMs = offset;
                Q_EMIT serverClockOffsetChanged(offset);
            }
        });
    if (m_modeLimit == Mode::Polling || !content.viewManager) {
        startPolling();
        return;
    }
    svc::PropertyCollector(m_connection, content.propertyCollector)
        .createPropertyCollector()
        .then(this, [this, generation](const VimResult<MoRef> &r) {
            if (!current(generation, r))
                return;
            m_propertyCollector = r.value();
            createListView(generation);
        });
}

void TaskMonitor::createListView(quint64 generation)
{
    svc::ViewManager(m_connection, *m_connection->serviceContent().viewManager)
        .createListView()
        .then(this, [this, generation](const VimResult<MoRef> &r) {
            if (!current(generation, r))
                return;
            m_listView = r.value();
            createCollector(generation);
        });
}

void TaskMonitor::createCollector(quint64 generation)
{
    const vim::ServiceContent &content = m_connection->serviceContent();
    if (m_modeLimit == Mode::LiveWithoutCollector) {
        m_useCollector = false;
        createFilters(generation);
        return;
    }
    vim::TaskFilterSpec filter;
    filter.entity = vim::TaskFilterSpecByEntity{content.rootFolder,
                                                vim::TaskFilterSpecRecursionOption::Value::All};
    svc::TaskManager(m_connection, *content.taskManager)
        .createCollectorForTasks(filter)
        .then(this, [this, generation](const VimResult<MoRef> &r) {
            // ESXi (NotSupported) or the collector budget is spent (InvalidState): the
            // ListView and recentTask still give push updates, only discovery is slower.
            if (generation == m_generation && m_running && !r.ok() &&
                (r.error().isFault(QStringLiteral("NotSupported")) ||
                 r.error().isFault(QStringLiteral("InvalidState")))) {
                qCInfo(lcModels) << "no task collector:" << r.error().toString();
                m_useCollector = false;
                createFilters(generation);
                return;
            }
            if (!current(generation, r))
                return;
            m_useCollector = true;
            m_collector = r.value();
            // The default page size differs between servers (10 on some, 1000 on others).
            svc::TaskHistoryCollector(m_connection, m_collector)
                .setCollectorPageSize(m_pageSize)
                .then(this, [this, generation](const VimResult<void> &s) {
                    if (generation != m_generation)
                        return;
                    if (!s.ok()) {
                        handleError(s.error(), "SetCollectorPageSize");
                        return;
                    }
                    // The cursor starts at the oldest task; drains read forward from just
                    // before the latest page instead of through the whole history.
                    svc::TaskHistoryCollector(m_connection, m_collector)
                        .resetCollector()
                        .then(this, [this, generation](const VimResult<void> &reset) {
                            if (generation != m_generation)
                                return;
                            if (!reset.ok()) {
                                handleError(reset.error(), "ResetCollector");
                                return;
                            }
                            createFilters(generation);
                        });
                });
        });
}

void TaskMonitor::createFilters(quint64 generation)
{
    QList<vim::PropertyFilterSpec> specs;
    {
        vim::PropertyFilterSpec view;
        view.propSet = {
            vim::PropertySpec{QStringLiteral("Task"), std::nullopt, {QStringLiteral("info")}}};
        vim::ObjectSpec os{
            m_listView,
            true,
            {vim::SelectionSpec::traversal(QStringLiteral("ListView"), QStringLiteral("view"),
                                           std::nullopt, false)}};
        view.objectSet = {os};
        view.reportMissingObjectsInResults = true;
        specs.append(view);
    }
    if (m_useCollector) {
        vim::PropertyFilterSpec page;
        page.propSet = {vim::PropertySpec{
            QStringLiteral("TaskHistoryCollector"), std::nullopt, {QStringLiteral("latestPage")}}};
        page.objectSet = {vim::ObjectSpec{m_collector, std::nullopt, {}}};
        specs.append(page);
    }
    auto remaining = std::make_shared<int>(int(specs.size()));
    svc::PropertyCollector pc(m_connection, m_propertyCollector);
    for (const vim::PropertyFilterSpec &spec : std::as_const(specs)) {
        pc.createFilter(spec, false)
            .then(this, [this, generation, remaining](const VimResult<MoRef> &r) {
                if (!current(generation, r))
                    return;
                m_filters.append(r.value());
                if (--*remaining == 0) {
                    setMode(m_useCollector ? Mode::Live : Mode::LiveWithoutCollector);
                    m_recentTimer.setInterval(m_useCollector ? m_recentInterval : fastInterval());
                    m_recentTimer.start();
                    readRecentTasks(generation, true);
                }
            });
    }
}

void TaskMonitor::readRecentTasks(quint64 generation, bool initial)
{
    const auto &tm = m_connection->serviceContent().taskManager;
    if (!tm || m_listView.isNull())
        return;
    svc::TaskManager(m_connection, *tm)
        .recentTask()
        .then(this, [this, generation, initial](const VimResult<QList<MoRef>> &r) {
            if (generation != m_generation || !m_running)
                return;
            QList<MoRef> watch;
            if (r.ok()) {
                // At a (re)start everything listed is read once: after a server restart a
                // key we know may name another task now.
                for (const MoRef &ref : r.value()) {
                    if (initial || mayChange(ref.value))
                        watch.append(ref);
                }
            } else {
                qCInfo(lcModels) << "recentTask:" << r.error().toString();
            }
            if (initial) {
                // Every task we know is checked against the server once: those that moved
                // on meanwhile report their state, and those the server cannot resolve any
                // more (restarted, or aged out) come back unresolved and are marked.
                QSet<QString> listed;
                for (const MoRef &ref : std::as_const(watch))
                    listed.insert(ref.value);
                for (auto it = m_tasks.cbegin(); it != m_tasks.cend(); ++it) {
                    if (!listed.contains(it.key()))
                        watch.append(taskRef(it.key()));
                }
            }
            watchTasks(watch);
            if (initial) {
                m_version.clear();
                waitForUpdates(generation);
            }
        });
}

void TaskMonitor::watchTasks(const QList<MoRef> &tasks)
{
    for (const MoRef &ref : tasks) {
        if (!m_inView.contains(ref.value) && !m_viewInFlight.contains(ref.value))
            m_viewAdd.insert(ref.value);
    }
    flushListView(false);
}

void TaskMonitor::noteFinished(const QString &key)
{
    // A finished task has nothing more to report: it leaves the view, in batches.
    m_viewAdd.remove(key);
    if (m_inView.contains(key)) {
        m_viewRemove.insert(key);
        if (!m_viewRemoveTimer.isActive())
            m_viewRemoveTimer.start();
    }
}

void TaskMonitor::flushListView(bool includeRemovals)
{
    // One ModifyListView at a time carries every pending add; removals ride along, or go
    // on their own when the batch is large or the removal timer fires.
    if (m_listView.isNull() || !m_viewInFlight.isEmpty() || m_viewCallInFlight)
        return;
    const bool sendRemovals = !m_viewRemove.isEmpty() && (includeRemovals || !m_viewAdd.isEmpty() ||
                                                          m_viewRemove.size() >= RemoveBatch);
    if (m_viewAdd.isEmpty() && !sendRemovals)
        return;
    QList<MoRef> add;
    for (const QString &key : std::as_const(m_viewAdd))
        add.append(taskRef(key));
    QList<MoRef> remove;
    QSet<QString> removing;
    if (sendRemovals) {
        removing = m_viewRemove;
        for (const QString &key : std::as_const(m_viewRemove)) {
            remove.append(taskRef(key));
            m_inView.remove(key);
        }
        m_viewRemove.clear();
        m_viewRemoveTimer.stop();
    }
    m_viewInFlight = m_viewAdd;
    m_viewAdd.clear();
    m_viewCallInFlight = true;
    const quint64 generation = m_generation;
    svc::View(m_connection, m_listView)
        .modifyListView(add, remove)
        .then(this, [this, generation, removing](const VimResult<QList<MoRef>> &r) {
            if (generation != m_generation)
                return;
            m_viewCallInFlight = false;
            const QSet<QString> sent = std::exchange(m_viewInFlight, {});
            if (!r.ok()) {
                // Asked again later: adding or removing twice is harmless.
                m_viewAdd.unite(sent);
                m_viewRemove.unite(removing);
                handleError(r.error(), "ModifyListView");
                return;
            }
            // Unresolved tasks are gone from the server; nothing more will come for them.
            QSet<QString> missing;
            for (const MoRef &ref : r.value())
                missing.insert(ref.value);
            vanish(QStringList(missing.cbegin(), missing.cend()));
            for (const QString &key : sent) {
                if (missing.contains(key))
                    continue;
                m_inView.insert(key);
                const auto it = m_tasks.constFind(key);
                if (it != m_tasks.cend() && it->isFinished())
                    noteFinished(key);
            }
            flushListView(false);
        });
}

void TaskMonitor::waitForUpdates(quint64 generation)
{
    if (generation != m_generation || !m_running || m_propertyCollector.isNull())
        return;
    vim::WaitOptions options;
    const int timeoutSeconds = m_connection->options().requestTimeoutMs / 1000;
    options.maxWaitSeconds =
        m_maxWaitSeconds > 0 ? m_maxWaitSeconds : qBound(1, timeoutSeconds - 15, 60);
    // Big update sets arrive in slices, so no single decode stalls the event loop.
    options.maxObjectUpdates = MaxObjectUpdates;
    m_waitStarted.start();
    auto pending = svc::PropertyCollector(m_connection, m_propertyCollector)
                       .waitForUpdatesEx(m_version, options);
    m_waitReply = pending.reply();
    pending.then(this, [this, generation](const VimResult<std::optional<vim::UpdateSet>> &r) {
        if (generation != m_generation || !m_running)
            return;
        m_waitReply.clear();
        if (!r.ok()) {
            handleError(r.error(), "WaitForUpdatesEx");
            return;
        }
        m_backoffMs = 0;
        m_retryMs = 0;
        clearError();
        bool more = !r.value();
        if (r.value()) {
            processUpdateSet(*r.value());
            more = r.value()->truncated.value_or(false);
        }
        markSynchronized();
        // Under a steady stream every wait returns at once; a short floor between waits
        // batches changes into fewer requests. Truncated sets continue at once.
        const qint64 floor = more ? 0 : MinWaitIntervalMs - m_waitStarted.elapsed();
        if (floor <= 0) {
            waitForUpdates(generation);
            return;
        }
        QTimer::singleShot(floor, this, [this, generation] { waitForUpdates(generation); });
    });
}

void TaskMonitor::processUpdateSet(const vim::UpdateSet &set)
{
    m_version = set.version;
    QList<vim::TaskInfo> page;
    QList<vim::TaskInfo> infos;
    QStringList missing;
    for (const vim::PropertyFilterUpdate &filter : set.filterSet) {
        // A watched task the server cannot find any more (reportMissingObjectsInResults).
        for (const vim::MissingObject &m : filter.missingSet) {
            if (m.obj.type == QLatin1String("Task"))
                missing.append(m.obj.value);
        }
        for (const vim::ObjectUpdate &update : filter.objectSet) {
            if (update.kind == vim::ObjectUpdateKind::Value::Leave) {
                m_inView.remove(update.obj.value);
                continue;
            }
            for (const vim::PropertyChange &change : update.changeSet) {
                if (!change.val)
                    continue;
                if (change.name == QLatin1String("latestPage")) {
                    auto tasks = vim::fromAny<QList<vim::TaskInfo>>(*change.val);
                    if (tasks)
                        page.append(tasks.value());
                    else
                        page.append(readPagePartly(*change.val, tasks.error()));
                } else if (change.name == QLatin1String("info")) {
                    auto info = vim::fromAny<vim::TaskInfo>(*change.val);
                    if (info)
                        infos.append(info.value());
                    else if (auto part = readPartly(change.val->value(), info.error()))
                        infos.append(*part);
                }
            }
        }
    }
    // The page holds the newest tasks. If it still holds one we knew, every task created
    // since is on it; only a full page of strangers may have pushed some out unseen.
    // (A server may keep pages smaller than asked: the largest page seen counts as full.)
    m_largestPage = std::max(m_largestPage, int(page.size()));
    const bool pageHasNew = !page.isEmpty() && page.size() >= std::min(m_pageSize, m_largestPage) &&
                            std::none_of(page.cbegin(), page.cend(),
                                         [this](const vim::TaskInfo &t) { return isKnown(t.key); });
    // The page first: Task.info is the fresher source for the same task.
    ChangeSet changed;
    applyTasks(page, true, changed);
    applyTasks(infos, false, changed);
    emitChanged(changed);
    vanish(missing);
    forgetOldFinished();
    watchUnfinished(page);
    if (pageHasNew)
        drainCollector(m_generation);
}

QList<vim::TaskInfo> TaskMonitor::readPagePartly(const vim::AnyValue &page,
                                                 const vim::DecodeError &error)
{
    // One broken TaskInfo must not hide the others on the page.
    QList<vim::TaskInfo> out;
    if (!page.isBoxed() || !page.value().isArray()) {
        m_errorString = tr("The latest page of tasks cannot be read: %1", "task monitor error")
                            .arg(error.toString());
        Q_EMIT errorOccurred(m_errorString);
        return out;
    }
    const QJsonArray elements = page.value().toArray();
    for (const QJsonValue &element : elements) {
        auto info = vim::decode<vim::TaskInfo>(element);
        if (info)
            out.append(info.value());
        else if (auto part = readPartly(element, info.error()))
            out.append(*part);
    }
    return out;
}

std::optional<vim::TaskInfo> TaskMonitor::readPartly(const QJsonValue &value,
                                                     const vim::DecodeError &error)
{
    const QString key = value.toObject().value(QLatin1String("key")).toString();
    qCInfo(lcModels).noquote() << "Task.info" << key << "cannot be read:" << error.toString();
    if (key.isEmpty()) {
        m_errorString = tr("A task without a readable key was left out: %1", "task monitor error")
                            .arg(error.toString());
        Q_EMIT errorOccurred(m_errorString);
        return std::nullopt;
    }
    // What we knew of the task, with every field of the answer that can be read on top.
    vim::TaskInfo info = m_tasks.value(key);
    const QJsonObject object = value.toObject();
    std::apply([&](const auto &...field) { (decodeIfPossible(object, info, field), ...); },
               vim::Traits<vim::TaskInfo>::fields());
    info.key = key;
    if (info.task.isNull())
        info.task = taskRef(key);
    Q_EMIT taskUnreadable(key, error.toString());
    return info;
}

void TaskMonitor::watchUnfinished(const QList<vim::TaskInfo> &tasks)
{
    QList<MoRef> watch;
    for (const vim::TaskInfo &t : tasks) {
        if (!t.isFinished())
            watch.append(taskRef(t.key));
    }
    watchTasks(watch);
}

void TaskMonitor::drainCollector(quint64 generation)
{
    if (!m_useCollector || m_collector.isNull() || generation != m_generation)
        return;
    if (m_draining) {
        m_drainAgain = true;
        return;
    }
    m_draining = true;
    m_drainAgain = false;
    svc::TaskHistoryCollector(m_connection, m_collector)
        .readNextTasks(DrainBatch)
        .then(this, [this, generation](const VimResult<QList<vim::TaskInfo>> &r) {
            if (generation != m_generation || !m_running)
                return;
            m_draining = false;
            if (!r.ok()) {
                handleError(r.error(), "ReadNextTasks");
                return;
            }
            ChangeSet changed;
            applyTasks(r.value(), true, changed);
            emitChanged(changed);
            forgetOldFinished();
            watchUnfinished(r.value());
            if (r.value().size() >= DrainBatch || m_drainAgain)
                drainCollector(generation);
        });
}

bool TaskMonitor::mayChange(const QString &key) const
{
    const auto it = m_tasks.constFind(key);
    return it == m_tasks.cend() ? !m_forgotten.contains(key) && !m_vanished.contains(key)
                                : !it->isFinished();
}

bool TaskMonitor::isKnown(const QString &key) const
{
    return m_tasks.contains(key) || m_forgotten.contains(key);
}

void TaskMonitor::applyTasks(const QList<vim::TaskInfo> &tasks, bool fromPage, ChangeSet &changed)
{
    const QDateTime forgetCutoff = QDateTime::currentDateTimeUtc()
                                       .addMSecs(m_serverClockOffsetMs)
                                       .addSecs(-m_forgetAfterSeconds);
    for (const vim::TaskInfo &info : tasks) {
        if (m_forgotten.contains(info.key)) {
            // The forgotten task itself, reported again: nothing new. Anything else under
            // its key is a new task of a restarted server.
            if (info.isFinished() && info.completeTime && *info.completeTime < forgetCutoff)
                continue;
            m_forgotten.remove(info.key);
        }
        m_vanished.remove(info.key);
        auto it = m_tasks.find(info.key);
        if (it == m_tasks.end()) {
            m_tasks.insert(info.key, info);
        } else {
            if (*it == info || (fromPage && stateRank(info) <= stateRank(*it)))
                continue;
            *it = info;
        }
        if (info.isFinished())
            noteFinished(info.key);
        const auto same = changed.index.constFind(info.key);
        if (same != changed.index.cend()) {
            changed.tasks[*same] = info;
        } else {
            changed.index.insert(info.key, changed.tasks.size());
            changed.tasks.append(info);
        }
    }
}

void TaskMonitor::setForgetFinishedAfter(int seconds, int keepAtLeast)
{
    m_forgetAfterSeconds = std::max(0, seconds);
    m_keepAtLeast = std::max(0, keepAtLeast);
    m_forgetCheckAt = m_keepAtLeast;
}

void TaskMonitor::forgetOldFinished()
{
    if (m_tasks.size() < std::max<qsizetype>(m_forgetCheckAt, 1))
        return;
    const QDateTime cutoff = QDateTime::currentDateTimeUtc()
                                 .addMSecs(m_serverClockOffsetMs)
                                 .addSecs(-m_forgetAfterSeconds);
    // Tasks still moving between view sets are kept: their removal from the view is pending.
    for (auto it = m_tasks.begin(); it != m_tasks.end();) {
        const vim::TaskInfo &t = it.value();
        if (t.isFinished() && t.completeTime && *t.completeTime < cutoff &&
            !m_inView.contains(t.key) && !m_viewInFlight.contains(t.key) &&
            !m_viewRemove.contains(t.key)) {
            m_forgotten.insert(t.key);
            it = m_tasks.erase(it);
        } else {
            ++it;
        }
    }
    // Look again once the map has doubled, so the scan costs O(1) per task on average.
    m_forgetCheckAt = std::max<qsizetype>(m_keepAtLeast, 2 * m_tasks.size());
}

void TaskMonitor::markSynchronized()
{
    m_lastUpdate = QDateTime::currentDateTimeUtc();
    if (m_synchronized)
        return;
    m_synchronized = true;
    Q_EMIT synchronized();
    updateLive();
}

void TaskMonitor::emitChanged(const ChangeSet &changed)
{
    if (!changed.tasks.isEmpty())
        Q_EMIT tasksUpdated(changed.tasks);
}

void TaskMonitor::handleError(const VimError &error, const char *operation)
{
    if (!m_running || error.kind == VimError::Kind::Canceled)
        return;
    qCInfo(lcModels) << operation << "failed:" << error.toString();
    if (!isTransient(error)) {
        fallBackToPolling(error.toString());
        return;
    }
    m_errorString = error.toString();
    Q_EMIT errorOccurred(m_errorString);
    if (needsRecreate(error)) {
        recover();
        return;
    }
    if (qstrcmp(operation, "create") == 0) {
        // current() noted a create without an answer; a refusal (a fault) made nothing.
        if (!renewIfLostObjects())
            recover();
        return;
    }
    // Transport trouble or a server error on a working watch: the objects are most likely
    // intact, so the operation is repeated rather than everything rebuilt.
    const int delay = nextBackoff();
    const quint64 generation = m_generation;
    if (qstrcmp(operation, "WaitForUpdatesEx") == 0) {
        QTimer::singleShot(delay, this, [this, generation] { waitForUpdates(generation); });
    } else if (qstrcmp(operation, "ModifyListView") == 0) {
        QTimer::singleShot(delay, this, [this, generation] {
            if (generation == m_generation)
                flushListView(true);
        });
    } else if (qstrcmp(operation, "ReadNextTasks") == 0) {
        QTimer::singleShot(delay, this, [this, generation] { drainCollector(generation); });
    } else {
        recover();
    }
}

int TaskMonitor::nextBackoff()
{
    // Repeating one request is cheap and the connection has its own reconnect backoff, so
    // retries stay quick: a long pause here would also delay noticing a lost session.
    const int delay = qMax(250, m_retryMs);
    m_retryMs = qBound(500, m_retryMs * 2, MaxRetryMs);
    return delay;
}

void TaskMonitor::recover(bool sessionEnded)
{
    // Polling holds no session objects: a new session changes nothing for it.
    if (!m_running || m_mode == Mode::Polling)
        return;
    // Only sessions that end before the watch gets going count towards the livelock:
    // dropped connections and server errors heal by retrying, however often they come.
    if (sessionEnded)
        m_rebuilds = m_synchronized ? 1 : m_rebuilds + 1;
    if (m_rebuilds > MaxRebuilds) {
        m_rebuilds = 0;
        fallBackToPolling(tr("The task watch was set up %1 times in a row without getting to its "
                             "first update (does the session end every few calls?); polling for "
                             "changes instead.",
                             "task monitor error")
                              .arg(MaxRebuilds));
        return;
    }
    abandonWatch(Mode::Recovering);
    m_recoverTimer.start(m_backoffMs);
    m_backoffMs = qBound(500, m_backoffMs * 2, MaxBackoffMs);
}

void TaskMonitor::startPolling()
{
    if (m_mode == Mode::Polling && m_pollTimer.isActive())
        return;
    qCInfo(lcModels) << "polling for tasks";
    abandonWatch(Mode::Polling);
    m_pollTimer.start();
    poll();
}

void TaskMonitor::fallBackToPolling(const QString &reason)
{
    qCInfo(lcModels).noquote() << "polling instead of push:" << reason;
    // The reason is there before the mode changes, and the signal comes once it has.
    m_errorString = reason;
    startPolling();
    m_pushRetryTimer.start();
    Q_EMIT errorOccurred(reason);
}

void TaskMonitor::clearError()
{
    if (m_errorString.isEmpty())
        return;
    m_errorString.clear();
    Q_EMIT errorCleared();
}

void TaskMonitor::pollFailed(const VimError &error, quint64 generation)
{
    if (!m_running || error.kind == VimError::Kind::Canceled)
        return;
    qCInfo(lcModels) << "poll failed:" << error.toString();
    m_errorString = error.toString();
    Q_EMIT errorOccurred(m_errorString);
    // Sooner than the next regular poll at first: a blip heals quickly.
    QTimer::singleShot(nextBackoff(), this, [this, generation] {
        if (generation == m_generation && m_running)
            poll();
    });
}

void TaskMonitor::setPushRetryInterval(int ms)
{
    m_pushRetryTimer.setInterval(std::max(100, ms));
    if (m_pushRetryTimer.isActive())
        m_pushRetryTimer.start();
}

void TaskMonitor::poll()
{
    const auto &tm = m_connection->serviceContent().taskManager;
    if (m_pollInFlight || !tm || m_connection->state() != VimConnection::State::Connected)
        return;
    m_pollInFlight = true;
    const quint64 generation = m_generation;
    svc::TaskManager(m_connection, *tm)
        .recentTask()
        .then(this, [this, generation](const VimResult<QList<MoRef>> &r) {
            if (generation != m_generation || !r.ok()) {
                m_pollInFlight = false;
                if (generation == m_generation)
                    pollFailed(r.error(), generation);
                return;
            }
            QList<MoRef> refs;
            for (const MoRef &ref : r.value()) {
                if (mayChange(ref.value))
                    refs.append(ref);
            }
            QSet<QString> listed;
            for (const MoRef &ref : std::as_const(refs))
                listed.insert(ref.value);
            for (auto it = m_tasks.cbegin(); it != m_tasks.cend(); ++it) {
                if (!it->isFinished() && !listed.contains(it.key()))
                    refs.append(taskRef(it.key()));
            }
            if (refs.isEmpty()) {
                m_pollInFlight = false;
                m_retryMs = 0;
                clearError();
                markSynchronized();
                return;
            }
            auto remaining = std::make_shared<int>(int(refs.size()));
            auto batch = std::make_shared<QList<vim::TaskInfo>>();
            auto gone = std::make_shared<QStringList>();
            auto failure = std::make_shared<VimError>();
            for (const MoRef &ref : std::as_const(refs)) {
                svc::Task(m_connection, ref)
                    .info()
                    .then(this, [this, generation, remaining, batch, gone, failure,
                                 key = ref.value](const VimResult<vim::TaskInfo> &i) {
                        if (i.ok())
                            batch->append(i.value());
                        else if (i.error().isFault(QStringLiteral("ManagedObjectNotFound")))
                            gone->append(key);
                        else
                            noteTaskFailure(key, i.error(), *failure);
                        if (--*remaining > 0)
                            return;
                        m_pollInFlight = false;
                        if (generation != m_generation)
                            return;
                        ChangeSet changed;
                        applyTasks(*batch, false, changed);
                        emitChanged(changed);
                        vanish(*gone);
                        // What could be read is shown; a task that failed is asked again.
                        if (failure->isError()) {
                            pollFailed(*failure, generation);
                        } else {
                            m_retryMs = 0;
                            clearError();
                        }
                        markSynchronized();
                    });
            }
        });
}

void TaskMonitor::noteTaskFailure(const QString &key, const VimError &error, VimError &first)
{
    if (error.kind == VimError::Kind::Canceled)
        return;
    // Asking again will not make it readable: said once per poll, not retried faster.
    if (error.kind == VimError::Kind::Decode) {
        Q_EMIT taskUnreadable(key, error.message);
        return;
    }
    if (!first.isError())
        first = error;
}

void TaskMonitor::cancelTask(const QString &key)
{
    svc::Task(m_connection, taskRef(key))
        .cancelTask()
        .then(this, [this, key](const VimResult<void> &r) {
            Q_EMIT cancelFinished(key, r.ok(), r.ok() ? QString() : r.error().message);
        });
}
