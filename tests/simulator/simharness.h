#pragma once

#include <simulator/simulatorthread.h>

/// Runs a Simulator on its own QThread, so the test thread can block on raw sockets.
class SimHarness final
{
public:
    explicit SimHarness(sim::SimulatorOptions options);

    /// Quiet defaults for tests: http, no workload, seed 7, small inventory.
    static sim::SimulatorOptions quietOptions();

    sim::Simulator *operator->() const { return m_sim.simulator(); }
    sim::Simulator *simulator() const { return m_sim.simulator(); }
    quint16 port() const { return m_port; }
    bool ok() const { return m_port != 0; }

private:
    sim::SimulatorThread m_sim;
    quint16 m_port = 0;
};
