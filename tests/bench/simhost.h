#pragma once

#include <simulator/simulatorthread.h>
#include <vimconnection.h>

#include <memory>
#include <pthread.h>

/// One simulator on its own QThread (loopback https, port 0) and a client connection to
/// it from the calling thread. A fresh host per measured phase keeps phases independent.
class SimHost final
{
public:
    explicit SimHost(const sim::SimulatorOptions &options);
    SimHost(const SimHost &) = delete;
    SimHost &operator=(const SimHost &) = delete;

    bool started() const { return m_started; }
    QString error() const { return m_error; }
    sim::Simulator *simulator() const { return m_sim.simulator(); }
    QThread *thread() { return m_sim.thread(); }
    /// CPU seconds used so far by the simulator's thread.
    double simulatorCpuSeconds() const;

    /// A new connection to the simulator, trusting its certificate by thumbprint; null when
    /// it did not reach Connected within the timeout. The caller owns it.
    std::unique_ptr<VimConnection> connect(int timeoutMs = 15'000) const;

    /// Defaults for benchmarks: no random workload (the scenarios drive the load), no
    /// history unless asked.
    static sim::SimulatorOptions quietOptions();

private:
    sim::SimulatorThread m_sim;
    pthread_t m_simThread{};
    bool m_started = false;
    QString m_error;
};
