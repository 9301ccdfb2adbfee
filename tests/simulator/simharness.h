#pragma once

#include <simulator/simulator.h>

#include <QThread>

#include <memory>

/// Runs a Simulator on its own QThread, so the test thread can block on raw sockets.
class SimHarness final
{
public:
    explicit SimHarness(sim::SimulatorOptions options);
    ~SimHarness();

    /// Quiet defaults for tests: http, no workload, seed 7, small inventory.
    static sim::SimulatorOptions quietOptions();

    sim::Simulator *operator->() const { return m_sim; }
    sim::Simulator *simulator() const { return m_sim; }
    quint16 port() const { return m_port; }
    bool ok() const { return m_port != 0; }

private:
    QThread m_thread;
    sim::Simulator *m_sim = nullptr;
    quint16 m_port = 0;
};
