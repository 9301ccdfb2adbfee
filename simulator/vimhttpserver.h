#pragma once

#include "httpexchange.h"
#include "reply.h"
#include "simulatoroptions.h"

#include <QAbstractHttpServer>
#include <QHash>
#include <QRandomGenerator>

#include <atomic>
#include <functional>
#include <memory>

namespace sim {

/// The HTTP transport: copies each request into an HttpExchange for the handler, writes
/// replies itself (exact headers, deferred answers), and injects transport faults
/// (latency, SystemError answers, dropped connections).
class VimHttpServer final : public QAbstractHttpServer
{
    Q_OBJECT

public:
    using Handler = std::function<void(const std::shared_ptr<HttpExchange> &)>;

    explicit VimHttpServer(Handler handler, QObject *parent = nullptr);

    void setFaults(const SimulatorOptions::Faults &faults) { m_faults = faults; }
    const SimulatorOptions::Faults &faults() const { return m_faults; }
    void setSeed(quint32 seed) { m_random.seed(seed); }

    /// Writes `reply` on `socket`, after the configured latency; with `cutAfterMs` >= 0
    /// instead cuts it off mid-response that many ms later.
    void send(QTcpSocket *socket, const Reply &reply, bool close, int cutAfterMs = -1);
    /// The next `count` answers to `operation` (the last path segment, `CreateListView`)
    /// are cut off mid-response after `delayMs`; the server has carried the calls out.
    void cutAnswers(const QString &operation, int count, int delayMs);
    /// The next `count` calls of `operation` are answered with a SystemError fault and not
    /// carried out.
    void failAnswers(const QString &operation, int count);
    /// Called with the session token of an answer that never fully reached the client
    /// (cut off before the end of its headers, or the client had gone): nobody can use or
    /// end that session but the idle timeout.
    void setTokenLostHandler(std::function<void(const QByteArray &)> handler)
    {
        m_tokenLost = std::move(handler);
    }

    qint64 requestCount() const { return m_requests.load(); }
    qint64 faultCount() const { return m_faultReplies.load(); }
    qint64 bytesSent() const { return m_bytesSent.load(); }

protected:
    bool handleRequest(const QHttpServerRequest &request, QTcpSocket *socket) override;
    void missingHandler(const QHttpServerRequest &request, QTcpSocket *socket) override;

private:
    void write(QTcpSocket *socket, const Reply &reply, bool close, bool cut);
    void lost(const Reply &reply);
    bool chance(double rate);

    Handler m_handler;
    std::function<void(const QByteArray &)> m_tokenLost;
    struct Cut
    {
        int count = 0;
        int delayMs = 0;
    };
    QHash<QString, Cut> m_cuts;
    QHash<QString, int> m_failures;
    SimulatorOptions::Faults m_faults;
    QRandomGenerator m_random;
    std::atomic<qint64> m_requests{0};
    std::atomic<qint64> m_faultReplies{0};
    std::atomic<qint64> m_bytesSent{0};
};

} // namespace sim
