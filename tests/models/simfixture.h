#pragma once

#include <recenttasksmodel.h>
#include <taskmonitor.h>

#include <simconnect.h>
#include <simulator/simulatorthread.h>
#include <vimconnection.h>

#include <QSignalSpy>
#include <QTest>

#include <memory>

// A seeded simulator in its own thread (port 0, https) and a client connection to it.
class SimFixture final
{
public:
    explicit SimFixture(sim::SimulatorOptions options = quickOptions())
        : m_sim(options)
    {
        QString error;
        m_started = m_sim.start(&error);
        if (!m_started)
            qWarning("simulator did not start: %s", qPrintable(error));
    }

    static sim::SimulatorOptions quickOptions()
    {
        sim::SimulatorOptions o;
        o.workload.seed = 7;
        o.workload.tasksPerSecond = 6;
        o.workload.medianDurationMs = 700;
        o.workload.durationSpread = 0.5;
        o.workload.failureRatio = 0.15;
        o.workload.cancelRatio = 0.1;
        o.workload.parentShare = 0;
        return o;
    }

    ConnectOptions connectOptions() const
    {
        ConnectOptions c = simtest::connectOptions(*m_sim);
        c.requestTimeoutMs = 10'000;
        return c;
    }

    /// Connects; false when it did not reach Connected in time.
    bool connect()
    {
        m_connection = std::make_unique<VimConnection>();
        m_connection->connectToServer(connectOptions());
        return QTest::qWaitFor(
            [this] { return m_connection->state() == VimConnection::State::Connected; }, 10'000);
    }

    sim::Simulator &sim() { return *m_sim; }
    VimConnection &connection() { return *m_connection; }
    bool started() const { return m_started; }

private:
    sim::SimulatorThread m_sim;
    // Declared after the simulator, so that it is closed before the simulator goes.
    std::unique_ptr<VimConnection> m_connection;
    bool m_started = false;
};

// "key state progress cancelled error" per task, sorted: short strings that compare well.
inline QStringList summarize(const QList<vim::TaskInfo> &tasks)
{
    QStringList out;
    for (const vim::TaskInfo &t : tasks) {
        out.append(QStringLiteral("%1 %2 %3 %4 %5 %6")
                       .arg(t.key, t.state.toString(),
                            t.progress ? QString::number(*t.progress) : QStringLiteral("-"),
                            t.cancelled ? QStringLiteral("cancelled") : QStringLiteral("-"),
                            t.error ? t.error->typeName : QStringLiteral("-"),
                            t.completeTime ? t.completeTime->toString(Qt::ISODateWithMs)
                                           : QStringLiteral("-")));
    }
    out.sort();
    return out;
}
