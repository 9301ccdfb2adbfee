#pragma once

#include "simulator.h"

#include <QThread>

namespace sim {

/// A Simulator on a QThread of its own (named `simulator`): its work never stalls a window,
/// and whoever holds it may block (a test waiting on a raw socket or a QProcess, a benchmark
/// measuring its client) while the server keeps answering.
///
/// The simulator is built inside its thread and deleted there, since everything it creates
/// (sockets, timers) belongs to that thread; the destructor then stops and joins the thread.
/// Create and destroy a SimulatorThread in one thread, never in the simulator's own.
class SimulatorThread final
{
public:
    explicit SimulatorThread(const SimulatorOptions &options = {});
    ~SimulatorThread();
    Q_DISABLE_COPY_MOVE(SimulatorThread)

    /// Simulator::start(): it runs in the simulator's thread by itself, as every public method
    /// of Simulator does when called from another thread, and waits for it.
    bool start(QString *error = nullptr);

    Simulator *simulator() const { return m_sim; }
    Simulator *operator->() const { return m_sim; }
    Simulator &operator*() const { return *m_sim; }
    /// The simulator's thread, for moving other objects that serve it there.
    QThread *thread() { return &m_thread; }

private:
    QThread m_thread;
    Simulator *m_sim = nullptr;
};

} // namespace sim
