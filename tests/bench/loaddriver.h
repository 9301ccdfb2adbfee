#pragma once

#include <QElapsedTimer>
#include <QObject>
#include <QStringList>
#include <QTimer>

#include <atomic>
#include <map>

namespace sim {
class Simulator;
}

/// Drives the simulator through its in-process hooks (createTask, setTaskState,
/// setTaskProgress) from inside the simulator's thread, so that producing the load costs
/// no HTTP and never blocks the client. Create it, then moveToThread() the simulator's
/// thread; call its methods there (QMetaObject::invokeMethod).
class LoadDriver final : public QObject
{
    Q_OBJECT
public:
    explicit LoadDriver(sim::Simulator *simulator, QObject *parent = nullptr);

    /// `count` tasks set running at 0 %; returns their keys.
    QStringList createRunning(int count);
    /// `count` queued tasks in one go (no event-loop turn in between); returns their keys.
    QStringList createQueued(int count);
    /// `count` tasks that ran and succeeded; returns their keys.
    QStringList createFinished(int count);

    /// Steady load: every running task advances its progress once per second (spread
    /// evenly over the second), and `newPerSecond` tasks arrive, run `newTaskMs` and succeed.
    void startSteady(const QStringList &running, double newPerSecond, int newTaskMs);
    void stopSteady();

    qint64 progressUpdates() const { return m_progressUpdates.load(); }
    qint64 arrivals() const { return m_arrivals.load(); }
    /// Set by createQueued: monotonic ns at the start and end of the creation loop.
    qint64 burstStartNs() const { return m_burstStart.load(); }
    qint64 burstEndNs() const { return m_burstEnd.load(); }

private:
    QString newTask();
    void tick();

    sim::Simulator *m_sim;
    QTimer m_timer{this}; // a child, so moveToThread() takes it along
    QElapsedTimer m_clock;
    QStringList m_running;
    QList<int> m_progress;
    int m_nextSlot = 0;
    double m_newPerSecond = 0;
    int m_newTaskMs = 0;
    double m_arrivalDebt = 0;
    qint64 m_lastTickMs = 0;
    std::multimap<qint64, QString> m_finishAt;
    std::atomic<qint64> m_progressUpdates{0};
    std::atomic<qint64> m_arrivals{0};
    std::atomic<qint64> m_burstStart{0};
    std::atomic<qint64> m_burstEnd{0};
};
