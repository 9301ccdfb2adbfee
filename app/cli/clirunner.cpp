#include "clirunner.h"

#include "followstatus.h"

#include <extensionmanager.h>
#include <task.h>
#include <taskhistorycollector.h>
#include <taskhistorymodel.h>
#include <taskmanager.h>
#include <taskmonitor.h>
#include <tasktable.h>

#include <QCoreApplication>
#include <QJsonDocument>
#include <QTimer>

#include <cstdio>

#ifdef VTASKMON_HAVE_SIMULATOR
#include "demoserver.h"
#endif

namespace {
// Failed attempts (each reported by the monitor) before a one-shot `tasks` gives up.
constexpr int MaxOneShotAttempts = 4;
} // namespace

CliRunner::CliRunner(CliOptions &options, QObject *parent)
    : QObject(parent)
    , m_options(options)
    , m_json(options.isSet(QStringLiteral("json")))
{}

CliRunner::~CliRunner() = default;

void CliRunner::start()
{
    ConnectOptions connect;
    QString error;
    if (m_options.isSet(QStringLiteral("demo"))) {
#ifdef VTASKMON_HAVE_SIMULATOR
        if (!startDemoServer(&m_demo, &connect, &error))
            return fail(error);
        connect.locale = m_options.value(QStringLiteral("locale"));
#else
        return fail(tr("This build has no embedded simulator; --demo is unavailable."));
#endif
    } else if (!m_options.connectOptions(&connect, &error)) {
        return fail(error);
    }
    m_server = QUrl::fromUserInput(connect.server).host();
    if (m_server.isEmpty())
        m_server = connect.server;
    m_connection = new VimConnection(this);
    QObject::connect(
        m_connection, &VimConnection::stateChanged, this, [this](VimConnection::State s) {
            if (s == VimConnection::State::Connected && !m_monitor && !m_history && !m_finishing) {
                run();
            } else if (s == VimConnection::State::Failed && !m_finishing) {
                fail(m_connection->failureMessage());
            }
        });
    m_connection->connectToServer(connect);
}

void CliRunner::run()
{
    const QString command = m_options.command();
    if (command == QLatin1String("tasks"))
        runTasks();
    else if (command == QLatin1String("history"))
        runHistory();
    else if (command == QLatin1String("describe"))
        runDescribe();
    else if (command == QLatin1String("create-task"))
        runCreateTask();
    else if (command == QLatin1String("create-collector"))
        runCreateCollector();
    else if (command == QLatin1String("cancel"))
        runCancel();
    else if (command == QLatin1String("max-collectors"))
        runMaxCollectors();
    else
        fail(tr("Unknown command \"%1\"; see --help.").arg(command));
}

void CliRunner::printLine(const QString &line)
{
    std::fputs(line.toLocal8Bit().constData(), stdout);
    std::fputc('\n', stdout);
    std::fflush(stdout);
}

void CliRunner::printJson(const QJsonObject &object)
{
    printLine(QString::fromUtf8(QJsonDocument(object).toJson(QJsonDocument::Compact)));
}

void CliRunner::printTask(const vim::TaskInfo &info)
{
    const vim::TaskDescription *description = m_monitor ? &m_monitor->description() : nullptr;
    if (m_history)
        description = nullptr;
    if (m_json) {
        printJson(TaskTable::toJson(info, description, m_server));
        return;
    }
    const TaskTable::RowContext context{description, m_server, false, false, {}};
    QStringList cells;
    for (int column : {TaskTable::StartTimeColumn, TaskTable::TaskColumn, TaskTable::TargetColumn,
                       TaskTable::StatusColumn, TaskTable::InitiatorColumn}) {
        cells.append(TaskTable::cellData(info, context, column, Qt::DisplayRole).toString());
    }
    printLine(info.key + QLatin1Char('\t') + cells.join(QLatin1Char('\t')));
}

void CliRunner::printError(const QString &message)
{
    std::fputs(
        QString(QStringLiteral("vtaskmon-cli: ") + message.simplified()).toLocal8Bit().constData(),
        stderr);
    std::fputc('\n', stderr);
    std::fflush(stderr);
}

void CliRunner::fail(const QString &message)
{
    printError(message);
    finish(1);
}

void CliRunner::interrupt(int signal)
{
    finish(128 + signal);
}

void CliRunner::finish(int code)
{
    if (m_finishing)
        return;
    m_finishing = true;
    auto quit = [code] {
        QCoreApplication::exit(code);
    };
    if (m_monitor && m_monitor->mode() != TaskMonitor::Mode::Stopped) {
        // Let the monitor destroy its collector, filters and view before logging out.
        QObject::connect(m_monitor, &TaskMonitor::stopped, this, [this, quit] {
            m_connection->disconnectFromServer();
            QTimer::singleShot(200, this, quit);
        });
        m_monitor->stop();
        QTimer::singleShot(5000, this, quit);
        return;
    }
    if (m_history)
        m_history->close();
    if (m_connection && m_connection->hasSession()) {
        m_connection->disconnectFromServer();
        QTimer::singleShot(200, this, quit);
        return;
    }
    QMetaObject::invokeMethod(this, quit, Qt::QueuedConnection);
}

void CliRunner::runTasks()
{
    const bool follow = m_options.isSet(QStringLiteral("follow"));
    m_monitor = new TaskMonitor(m_connection, this);
    connect(m_monitor, &TaskMonitor::tasksUpdated, this, [this](const QList<vim::TaskInfo> &tasks) {
        // Until the first snapshot is printed (in order, once complete) it holds these too.
        // Later every change is printed, also those that arrive while the monitor is
        // synchronizing again after a loss: the first answer of a rebuilt watch holds
        // exactly what changed during the outage.
        if (!m_snapshotPrinted)
            return;
        for (const vim::TaskInfo &t : tasks)
            printTask(t);
    });
    connect(m_monitor, &TaskMonitor::synchronized, this, [this, follow] {
        if (!m_snapshotPrinted) {
            m_snapshotPrinted = true;
            // Recent tasks, as the desktop list shows them: running ones and those finished
            // in the last ten minutes on the server's clock.
            const QDateTime cutoff = QDateTime::currentDateTimeUtc()
                                         .addMSecs(m_monitor->serverClockOffsetMs())
                                         .addSecs(-600);
            QList<vim::TaskInfo> all = m_monitor->tasks().values();
            all.removeIf([&cutoff](const vim::TaskInfo &t) {
                return t.isFinished() && t.completeTime && *t.completeTime < cutoff;
            });
            std::sort(all.begin(), all.end(), [](const auto &a, const auto &b) {
                return a.queueTime != b.queueTime ? a.queueTime < b.queueTime : a.key < b.key;
            });
            for (const vim::TaskInfo &t : std::as_const(all))
                printTask(t);
        }
        if (follow)
            return reportState();
        // Some tasks could not be read (the poll said so): the list is incomplete.
        if (!m_monitor->errorString().isEmpty())
            return fail(
                tr("%1: the task list is incomplete: %2").arg(m_server, m_monitor->errorString()));
        finish(0);
    });
    connect(m_monitor, &TaskMonitor::errorOccurred, this, [this, follow](const QString &message) {
        if (follow)
            return reportState();
        // The monitor heals by itself (retrying, rebuilding, polling); a one-shot listing
        // gives it a few attempts, then ends with the last reason.
        if (m_snapshotPrinted || ++m_failedAttempts < MaxOneShotAttempts)
            return;
        fail(tr("%1: no task list after %2 attempts: %3")
                 .arg(m_server)
                 .arg(MaxOneShotAttempts)
                 .arg(message));
    });
    connect(m_monitor, &TaskMonitor::taskUnreadable, this,
            [this](const QString &key, const QString &message) {
                // Printed with what could be read (or left out, if nothing could): said once.
                if (!m_unreadable.contains(key)) {
                    m_unreadable.insert(key);
                    printError(
                        tr("%1: %2 cannot be read completely: %3").arg(m_server, key, message));
                }
            });
    if (follow) {
        m_status = std::make_unique<FollowStatus>(m_server);
        m_retryReport.setSingleShot(true);
        m_retryReport.setInterval(1000);
        connect(&m_retryReport, &QTimer::timeout, this, [this] {
            m_retrySettled = true;
            reportState();
        });
        connect(m_monitor, &TaskMonitor::modeChanged, this, [this](TaskMonitor::Mode mode) {
            if (mode == TaskMonitor::Mode::Polling)
                m_pollingReason = m_monitor->errorString();
            reportState();
        });
        connect(m_monitor, &TaskMonitor::errorCleared, this, &CliRunner::reportState);
        connect(m_monitor, &TaskMonitor::liveChanged, this, &CliRunner::reportState);
        connect(m_connection, &VimConnection::stateChanged, this, &CliRunner::reportState);
    }
    m_monitor->start();
}

void CliRunner::reportState()
{
    if (!m_status || !m_monitor || m_finishing)
        return;
    using State = FollowStatus::State;
    const TaskMonitor::Mode mode = m_monitor->mode();
    const QString error = m_monitor->errorString();
    // isLive(), but also right at synchronized(), before liveChanged() follows.
    const bool watching = m_monitor->isSynchronized() && mode != TaskMonitor::Mode::Starting &&
                          mode != TaskMonitor::Mode::Recovering;
    State state = State::Live;
    QString reason;
    if (mode == TaskMonitor::Mode::Stopped) {
        return;
    } else if (m_connection->state() == VimConnection::State::Reconnecting) {
        // Each failed call of the outage has its own message; the outage is one state.
        state = State::Reconnecting;
    } else if (!watching && m_snapshotPrinted) {
        // Rebuilding the watch after a loss; the loss itself (a lost session) is no news.
        state = State::Recovering;
    } else if (!error.isEmpty() &&
               !(mode == TaskMonitor::Mode::Polling && error == m_pollingReason)) {
        state = State::Retrying;
        reason = error;
    } else if (watching) {
        state = mode == TaskMonitor::Mode::Polling ? State::Polling : State::Live;
        if (state == State::Polling)
            reason = m_pollingReason;
    } else {
        state = State::Starting;
    }
    // A failure is told once it has lasted a moment: a network error is often the first
    // sign of an outage the connection is about to report as such, and a blip heals.
    if (state == State::Retrying && !m_retryReport.isActive() && !m_retrySettled) {
        m_retryReport.start();
        return;
    }
    m_retrySettled = false;
    // Reconnecting is entered just before the connection sets the time of its next attempt.
    const QDateTime nextAttempt = m_connection->nextAttemptAt();
    if (state == State::Reconnecting && !nextAttempt.isValid() && !m_reconnectLookedAgain) {
        if (!m_reconnectQueued) {
            m_reconnectQueued = true;
            QMetaObject::invokeMethod(
                this,
                [this] {
                    m_reconnectQueued = false;
                    m_reconnectLookedAgain = true;
                    reportState();
                    m_reconnectLookedAgain = false;
                },
                Qt::QueuedConnection);
        }
        return;
    }
    const auto report = m_status->update(state, reason, m_monitor->lastUpdate(), nextAttempt);
    if (!report)
        return;
    printError(report->line);
    if (m_json)
        printJson(report->record);
}

void CliRunner::runHistory()
{
    vim::TaskFilterSpec filter;
    QString error;
    if (!m_options.taskFilter(&filter, &error))
        return fail(error);
    if (!filter.entity)
        filter.entity = vim::TaskFilterSpecByEntity{m_connection->serviceContent().rootFolder,
                                                    vim::TaskFilterSpecRecursionOption::Value::All};
    bool ok = false;
    const int limit = m_options.value(QStringLiteral("limit")).toInt(&ok);
    if (!ok || limit <= 0)
        return fail(tr("--limit needs a positive number."));
    m_history = new TaskHistoryModel(m_connection, this);
    m_history->setPageSize(qMin(limit, m_options.value(QStringLiteral("page-size")).toInt()));
    m_history->setServerName(m_server);
    auto emitRows = std::make_shared<int>(0);
    auto drain = [this, limit, emitRows] {
        const int rows = qMin(m_history->rowCount(), limit);
        for (; *emitRows < rows; ++*emitRows)
            printTask(m_history->task(*emitRows));
    };
    connect(m_history, &TaskHistoryModel::statusChanged, this,
            [this, limit, drain](TaskHistoryModel::Status status) {
                switch (status) {
                case TaskHistoryModel::Status::Ready:
                    drain();
                    if (m_history->rowCount() >= limit)
                        return finish(0);
                    m_history->fetchMore({});
                    return;
                case TaskHistoryModel::Status::Complete:
                    drain();
                    return finish(0);
                case TaskHistoryModel::Status::Unsupported:
                case TaskHistoryModel::Status::TooManyCollectors:
                case TaskHistoryModel::Status::Failed:
                    return fail(m_history->errorString());
                case TaskHistoryModel::Status::Idle:
                case TaskHistoryModel::Status::Loading:
                    return;
                }
            });
    m_history->setFilter(filter);
}

void CliRunner::runDescribe()
{
    svc::TaskManager(m_connection, *m_connection->serviceContent().taskManager)
        .description()
        .then(this, [this](const VimResult<vim::TaskDescription> &r) {
            if (!r.ok())
                return fail(r.error().toString());
            auto emit = [this](const char *category, const QString &key, const QString &label,
                               const QString &summary) {
                if (m_json)
                    printJson({{QStringLiteral("category"), QLatin1String(category)},
                               {QStringLiteral("key"), key},
                               {QStringLiteral("label"), label},
                               {QStringLiteral("summary"), summary}});
                else
                    printLine(QLatin1String(category) + QLatin1Char('\t') + key +
                              QLatin1Char('\t') + label);
            };
            for (const auto &d : r.value().methodInfo)
                emit("method", d.key, d.label, d.summary);
            for (const auto &d : r.value().state)
                emit("state", d.key, d.label, d.summary);
            for (const auto &d : r.value().reason)
                emit("reason", d.key, d.label, d.summary);
            finish(0);
        });
}

void CliRunner::runCreateTask()
{
    svc::TaskManager::CreateTaskArgs args;
    if (!CliOptions::parseMoRef(m_options.value(QStringLiteral("entity")), &args.obj))
        return fail(tr("create-task needs --entity TYPE:ID."));
    args.taskTypeId = m_options.value(QStringLiteral("type"));
    if (args.taskTypeId.isEmpty())
        return fail(tr("create-task needs --type TASKTYPEID."));
    args.cancelable = m_options.isSet(QStringLiteral("cancelable"));
    if (m_options.isSet(QStringLiteral("initiated-by")))
        args.initiatedBy = m_options.value(QStringLiteral("initiated-by"));
    if (m_options.isSet(QStringLiteral("parent")))
        args.parentTaskKey = m_options.value(QStringLiteral("parent"));
    if (m_options.isSet(QStringLiteral("activation-id")))
        args.activationId = m_options.value(QStringLiteral("activation-id"));
    svc::TaskManager(m_connection, *m_connection->serviceContent().taskManager)
        .createTask(args)
        .then(this, [this](const VimResult<vim::TaskInfo> &r) {
            if (!r.ok())
                return fail(r.error().toString());
            printTask(r.value());
            finish(0);
        });
}

void CliRunner::runCreateCollector()
{
    vim::TaskFilterSpec filter;
    QString error;
    if (!m_options.taskFilter(&filter, &error))
        return fail(error);
    const int pageSize = m_options.value(QStringLiteral("page-size")).toInt();
    svc::TaskManager(m_connection, *m_connection->serviceContent().taskManager)
        .createCollectorForTasks(filter)
        .then(this, [this, pageSize](const VimResult<vim::ManagedObjectReference> &r) {
            if (!r.ok())
                return fail(r.error().toString());
            const vim::ManagedObjectReference ref = r.value();
            if (m_json)
                printJson({{QStringLiteral("collector"), ref.value}});
            else
                printLine(ref.value);
            svc::TaskHistoryCollector collector(m_connection, ref);
            collector.setCollectorPageSize(pageSize).then(
                this, [this, ref](const VimResult<void> &s) {
                    if (!s.ok())
                        return fail(s.error().toString());
                    svc::TaskHistoryCollector(m_connection, ref)
                        .latestPage()
                        .then(this, [this](const VimResult<QList<vim::TaskInfo>> &p) {
                            if (!p.ok())
                                return fail(p.error().toString());
                            for (const vim::TaskInfo &t : p.value())
                                printTask(t);
                            finish(0);
                        });
                });
        });
}

void CliRunner::runCancel()
{
    if (m_options.arguments().size() != 1)
        return fail(tr("cancel needs exactly one task key, e.g. cancel task-42."));
    const QString key = m_options.arguments().first();
    svc::Task(m_connection, {QStringLiteral("Task"), key})
        .cancelTask()
        .then(this, [this, key](const VimResult<void> &r) {
            if (!r.ok())
                return fail(QStringLiteral("%1: %2").arg(key, r.error().toString()));
            if (m_json)
                printJson(
                    {{QStringLiteral("key"), key}, {QStringLiteral("cancelRequested"), true}});
            else
                printLine(tr("Cancel requested for %1.").arg(key));
            finish(0);
        });
}

void CliRunner::runMaxCollectors()
{
    svc::TaskManager(m_connection, *m_connection->serviceContent().taskManager)
        .maxCollector()
        .then(this, [this](const VimResult<qint32> &r) {
            if (!r.ok())
                return fail(r.error().toString());
            if (m_json)
                printJson({{QStringLiteral("maxCollector"), r.value()}});
            else
                printLine(QString::number(r.value()));
            finish(0);
        });
}
