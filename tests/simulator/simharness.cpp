#include "simharness.h"

SimHarness::SimHarness(sim::SimulatorOptions options)
    : m_sim(options)
{
    if (m_sim.start())
        m_port = m_sim->port();
}

sim::SimulatorOptions SimHarness::quietOptions()
{
    sim::SimulatorOptions o;
    o.https = false;
    o.workload.enabled = false;
    o.workload.seed = 7;
    o.inventory.datacenters = 1;
    o.inventory.clustersPerDatacenter = 1;
    o.inventory.hostsPerCluster = 2;
    o.inventory.vmsPerHost = 3;
    o.inventory.datastoresPerDatacenter = 2;
    return o;
}
