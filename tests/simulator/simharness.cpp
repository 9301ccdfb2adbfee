#include "simharness.h"

SimHarness::SimHarness(sim::SimulatorOptions options)
{
    m_sim = new sim::Simulator(options);
    m_sim->moveToThread(&m_thread);
    QObject::connect(&m_thread, &QThread::finished, m_sim, &QObject::deleteLater);
    m_thread.start();
    if (m_sim->start())
        m_port = m_sim->port();
}

SimHarness::~SimHarness()
{
    m_thread.quit();
    m_thread.wait();
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
