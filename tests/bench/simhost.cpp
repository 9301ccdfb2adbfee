#include "simhost.h"

#include "eventwait.h"
#include "procstats.h"

#include <simconnect.h>

SimHost::SimHost(const sim::SimulatorOptions &options)
    : m_sim(options)
{
    QMetaObject::invokeMethod(
        m_sim.simulator(), [this] { m_simThread = pthread_self(); }, Qt::BlockingQueuedConnection);
    m_started = m_sim.start(&m_error);
}

double SimHost::simulatorCpuSeconds() const
{
    return procstats::threadCpuSeconds(m_simThread);
}

std::unique_ptr<VimConnection> SimHost::connect(int timeoutMs) const
{
    auto connection = std::make_unique<VimConnection>();
    connection->connectToServer(simtest::connectOptions(*m_sim));
    const bool ok = waitFor(
        [&] {
            const auto s = connection->state();
            return s == VimConnection::State::Connected || s == VimConnection::State::Failed;
        },
        timeoutMs);
    if (!ok || connection->state() != VimConnection::State::Connected) {
        qWarning("bench: cannot connect to the simulator: %s",
                 qPrintable(connection->failureMessage()));
        return {};
    }
    return connection;
}

sim::SimulatorOptions SimHost::quietOptions()
{
    sim::SimulatorOptions o;
    o.workload.enabled = false;
    o.workload.historyTasks = 0;
    return o;
}
