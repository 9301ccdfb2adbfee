#include "simhost.h"

#include "eventwait.h"
#include "procstats.h"

SimHost::SimHost(const sim::SimulatorOptions &options)
{
    m_thread.setObjectName(QStringLiteral("simulator"));
    m_thread.start();
    m_sim = new sim::Simulator(options);
    m_sim->moveToThread(&m_thread);
    QMetaObject::invokeMethod(
        m_sim, [this] { m_simThread = pthread_self(); }, Qt::BlockingQueuedConnection);
    m_started = m_sim->start(&m_error);
}

SimHost::~SimHost()
{
    // Destroyed in its own thread: it owns sockets and timers there.
    sim::Simulator *s = m_sim;
    QMetaObject::invokeMethod(
        s, [s] { delete s; }, Qt::BlockingQueuedConnection);
    m_thread.quit();
    m_thread.wait();
}

double SimHost::simulatorCpuSeconds() const
{
    return procstats::threadCpuSeconds(m_simThread);
}

std::unique_ptr<VimConnection> SimHost::connect(int timeoutMs) const
{
    ConnectOptions c;
    c.server = m_sim->baseUrl().toString();
    const sim::SimulatorOptions o = m_sim->options();
    c.userName = o.userName;
    c.password = o.password;
    c.trustedSha256 = {
        QByteArray::fromHex(m_sim->thumbprint().remove(QLatin1Char(':')).toLatin1())};
    auto connection = std::make_unique<VimConnection>();
    connection->connectToServer(c);
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
