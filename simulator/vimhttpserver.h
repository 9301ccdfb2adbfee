#pragma once

#include "httpexchange.h"
#include "reply.h"
#include "simulatoroptions.h"

#include <QAbstractHttpServer>
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

    /// Writes `reply` on `socket`, after the configured latency.
    void send(QTcpSocket *socket, const Reply &reply, bool close);

    qint64 requestCount() const { return m_requests.load(); }
    qint64 faultCount() const { return m_faultReplies.load(); }
    qint64 bytesSent() const { return m_bytesSent.load(); }

protected:
    bool handleRequest(const QHttpServerRequest &request, QTcpSocket *socket) override;
    void missingHandler(const QHttpServerRequest &request, QTcpSocket *socket) override;

private:
    void write(QTcpSocket *socket, const Reply &reply, bool close);
    bool chance(double rate);

    Handler m_handler;
    SimulatorOptions::Faults m_faults;
    QRandomGenerator m_random;
    std::atomic<qint64> m_requests{0};
    std::atomic<qint64> m_faultReplies{0};
    std::atomic<qint64> m_bytesSent{0};
};

} // namespace sim
