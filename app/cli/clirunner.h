#pragma once

#include "clioptions.h"

#include <vimconnection.h>

#include <QObject>
#include <QSet>
#include <QTimer>

#include <functional>
#include <memory>

class FollowStatus;
class TaskMonitor;
class TaskHistoryModel;

/// Runs one vtaskmon-cli command asynchronously over the models engine and quits the
/// application with the exit code when done (no nested event loops).
class CliRunner final : public QObject
{
    Q_OBJECT
public:
    explicit CliRunner(CliOptions &options, QObject *parent = nullptr);
    ~CliRunner() override;

    /// Connects (starting the demo simulator first if asked) and runs the command.
    void start();
    /// Ends the run as a command that completed would (logging out), with the shell's exit
    /// code for a process ended by `signal` (128 + signal).
    void interrupt(int signal);

private:
    void run();
    void runTasks();
    void runHistory();
    void runDescribe();
    void runCreateTask();
    void runCreateCollector();
    void runCancel();
    void runMaxCollectors();

    void printTask(const vim::TaskInfo &info);
    void printJson(const QJsonObject &object);
    void printLine(const QString &line);
    /// One line on stderr, prefixed with the program's name.
    void printError(const QString &message);
    /// --follow: says on stderr (and as a --json state record) when the tasks stop or start
    /// being live, and why.
    void reportState();
    /// One line on stderr, then finish with exit code 1.
    void fail(const QString &message);
    /// Logs out (which also drops every session object) and quits with `code`.
    void finish(int code);

    CliOptions &m_options;
    bool m_json = false;
    QString m_server;
    VimConnection *m_connection = nullptr;
    TaskMonitor *m_monitor = nullptr;
    TaskHistoryModel *m_history = nullptr;
    std::shared_ptr<void> m_demo;
    bool m_finishing = false;
    bool m_snapshotPrinted = false;
    int m_failedAttempts = 0;
    std::unique_ptr<FollowStatus> m_status;
    /// Why the monitor polls (its errorString() when it fell back), for the state reports.
    QString m_pollingReason;
    /// Tasks reported as unreadable on stderr already.
    QSet<QString> m_unreadable;
    /// Holds a "retrying" report back for a moment (see reportState()).
    QTimer m_retryReport;
    bool m_retrySettled = false;
    /// A Reconnecting report waits one turn of the event loop for the next attempt's time.
    bool m_reconnectQueued = false;
    bool m_reconnectLookedAgain = false;
};
