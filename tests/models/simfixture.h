#pragma once

#include <recenttasksmodel.h>
#include <taskmonitor.h>

#include <simulator/simulator.h>
#include <vimconnection.h>

#include <QSignalSpy>
#include <QTest>
#include <QThread>

#include <memory>

// A seeded simulator in its own thread (port 0, https) and a client connection to it.
class SimFixture final
{
public:
    explicit SimFixture(sim::SimulatorOptions options = quickOptions())
    {
        m_thread.start();
        // Built inside its thread, so that everything it creates lives there too.
        m_anchor->moveToThread(&m_thread);
        QMetaObject::invokeMethod(
            m_anchor, [this, options] { m_sim = std::make_unique<sim::Simulator>(options); },
            Qt::BlockingQueuedConnection);
        QString error;
        m_started = m_sim->start(&error);
        if (!m_started)
            qWarning("simulator did not start: %s", qPrintable(error));
    }
    ~SimFixture()
    {
        m_connection.reset();
        // Destroyed in its own thread: it owns sockets and timers there.
        sim::Simulator *sim = m_sim.release();
        QMetaObject::invokeMethod(
            m_anchor,
            [sim, anchor = m_anchor] {
                delete sim;
                anchor->deleteLater();
            },
            Qt::BlockingQueuedConnection);
        m_thread.quit();
        m_thread.wait();
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
        ConnectOptions c;
        c.server = m_sim->baseUrl().toString();
        c.userName = m_sim->options().userName;
        c.password = m_sim->options().password;
        c.trustedSha256 = {
            QByteArray::fromHex(m_sim->thumbprint().remove(QLatin1Char(':')).toLatin1())};
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
    QThread m_thread;
    QObject *m_anchor = new QObject;
    std::unique_ptr<sim::Simulator> m_sim;
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
