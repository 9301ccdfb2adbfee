#pragma once

#include <vim/moref.h>
#include <vim/taskinfo.h>

#include <QHash>
#include <QList>
#include <QObject>
#include <QTimer>

class VimConnection;

/// What a simple REST script does instead of the push engine: every interval, GET
/// TaskManager.recentTask, then GET each task's `info`, one request per task with at most
/// `concurrency` in flight. Emits the tasks whose info changed, as TaskMonitor does, so it
/// feeds the same RecentTasksModel. A cycle that overruns the interval is followed by the
/// next one at once (no sleep): the most favourable reading of "every second".
class PollingBaseline final : public QObject
{
    Q_OBJECT
public:
    PollingBaseline(VimConnection *connection, int intervalMs, int concurrency,
                    QObject *parent = nullptr);

    void start();
    void stop();
    qint64 cycles() const { return m_cycles; }
    /// Ticks that found the previous cycle still running.
    qint64 overruns() const { return m_overruns; }
    qint64 errors() const { return m_errors; }

Q_SIGNALS:
    void tasksUpdated(const QList<vim::TaskInfo> &tasks);

private:
    void tick();
    void startCycle();
    void pump();
    void finishOne();

    VimConnection *m_connection;
    int m_concurrency;
    QTimer m_timer;
    bool m_running = false;
    bool m_cycleRunning = false;
    bool m_due = false;
    QList<vim::ManagedObjectReference> m_queue;
    int m_inFlight = 0;
    QHash<QString, vim::TaskInfo> m_known;
    qint64 m_cycles = 0;
    qint64 m_overruns = 0;
    qint64 m_errors = 0;
};
