#pragma once

#include <pending.h>
#include <vimconnection.h>

#include <simconnect.h>
#include <simulator/simulatorthread.h>

#include <QCryptographicHash>
#include <QTest>

#include <algorithm>
#include <optional>

/// One in-process simulator in a thread of its own, so that the test thread may block (on a
/// QProcess, on a QTRY loop) while the server keeps answering. Several may run side by side;
/// each start() generates a fresh self-signed certificate.
class SimServer final
{
public:
    explicit SimServer(const sim::SimulatorOptions &options = calmOptions())
        : m_sim(options)
    {
        m_started = m_sim.start(&m_error);
    }
    Q_DISABLE_COPY_MOVE(SimServer)

    /// No workload: the counters and task lists change only when a test says so.
    static sim::SimulatorOptions calmOptions()
    {
        sim::SimulatorOptions o;
        o.workload.enabled = false;
        return o;
    }

    bool started() const { return m_started; }
    QString error() const { return m_error; }
    sim::Simulator &sim() { return *m_sim; }
    sim::Simulator *operator->() { return m_sim.simulator(); }

    QString server() const { return m_sim->baseUrl().toString(); }
    /// Raw SHA-256 of the certificate this instance serves.
    QByteArray sha256() const { return m_sim->certificate().digest(QCryptographicHash::Sha256); }
    QString sha256Hex() const { return QString::fromLatin1(sha256().toHex()); }

    /// Credentials only, no trust decision: verification stays at its default.
    ConnectOptions bareOptions() const
    {
        ConnectOptions c = simtest::connectOptions(*m_sim, /*trust=*/false);
        c.requestTimeoutMs = 10'000;
        return c;
    }
    /// The certificate trusted once by thumbprint, as the demo mode and `--trust-sha256` do.
    ConnectOptions trustedOptions() const
    {
        ConnectOptions c = bareOptions();
        c.trustedSha256 = {sha256()};
        return c;
    }

    /// Sessions and session objects alive on the server, as one comparable line.
    QString objectCounts() const
    {
        const sim::SimulatorStats s = m_sim->stats();
        return QStringLiteral("sessions=%1 collectors=%2 propertyCollectors=%3 filters=%4 views=%5")
            .arg(s.sessions)
            .arg(s.collectors)
            .arg(s.propertyCollectors)
            .arg(s.filters)
            .arg(s.views);
    }

    /// The server's sessions as seen by the client holding session `ours` (a UserSession
    /// key): that session's objects, then every other session, except the ones that hold
    /// nothing and whose token never reached a client (a cut-off Login answer: nobody can
    /// end those but the idle timeout).
    QString sessionObjects(const QString &ours) const
    {
        const sim::SimulatorStats s = m_sim->stats();
        const auto counts = [](const sim::SimulatorStats::PerSession &p) {
            return QStringLiteral("collectors=%1 propertyCollectors=%2 filters=%3 views=%4")
                .arg(p.collectors)
                .arg(p.propertyCollectors)
                .arg(p.filters)
                .arg(p.views);
        };
        const auto mine = s.perSession.constFind(ours);
        QStringList out{QStringLiteral("ours: ") + (mine == s.perSession.cend()
                                                        ? QStringLiteral("no session")
                                                        : counts(*mine))};
        for (auto it = s.perSession.cbegin(); it != s.perSession.cend(); ++it) {
            const bool empty =
                it->collectors + it->propertyCollectors + it->filters + it->views == 0;
            if (it.key() == ours || (it->tokenLost && empty))
                continue;
            out.append(QStringLiteral("another session: ") + counts(*it) +
                       (it->tokenLost ? QStringLiteral(" (token lost)") : QString()));
        }
        return out.join(QStringLiteral("; "));
    }
    /// Sessions whose Login answer was cut off before the token (see sessionObjects()).
    int sessionsWithLostToken() const
    {
        const sim::SimulatorStats s = m_sim->stats();
        return int(
            std::count_if(s.perSession.cbegin(), s.perSession.cend(),
                          [](const sim::SimulatorStats::PerSession &p) { return p.tokenLost; }));
    }

private:
    sim::SimulatorThread m_sim;
    bool m_started = false;
    QString m_error;
};

inline const QString noObjectsLeft =
    QStringLiteral("sessions=0 collectors=0 propertyCollectors=0 filters=0 views=0");

/// The result of one service call, with the event loop running meanwhile; a Canceled error
/// when nothing came back in time.
template<typename T>
VimResult<T> resultOf(const Pending<T> &pending, int timeoutMs = 10'000)
{
    std::optional<VimResult<T>> out;
    QObject context;
    pending.then(&context, [&out](const VimResult<T> &r) { out = r; });
    if (QTest::qWaitFor([&out] { return out.has_value(); }, timeoutMs))
        return *out;
    return VimError::make(VimError::Kind::Canceled,
                          QStringLiteral("no answer within the test's limit"));
}

/// Connects and waits for a final state (Connected or Failed).
inline VimConnection::State connectAndSettle(VimConnection &connection,
                                             const ConnectOptions &options, int timeoutMs = 10'000)
{
    connection.connectToServer(options);
    // The state itself is the answer; a timeout shows up as Connecting.
    [[maybe_unused]] const bool settled = QTest::qWaitFor(
        [&connection] {
            return connection.state() == VimConnection::State::Connected ||
                   connection.state() == VimConnection::State::Failed;
        },
        timeoutMs);
    return connection.state();
}
