#include "vimhttpserver.h"

#include "faults.h"

#include <QHttpServerRequest>
#include <QLoggingCategory>
#include <QPointer>
#include <QTcpSocket>
#include <QTimer>

Q_DECLARE_LOGGING_CATEGORY(lcSimulator)

namespace sim {

namespace {

QByteArray reasonPhrase(int status)
{
    switch (status) {
    case 200:
        return QByteArrayLiteral("OK");
    case 204:
        return QByteArrayLiteral("No Content");
    case 400:
        return QByteArrayLiteral("Bad Request");
    case 404:
        return QByteArrayLiteral("Not Found");
    case 405:
        return QByteArrayLiteral("Method Not Allowed");
    case 500:
        return QByteArrayLiteral("Internal Server Error");
    default:
        return QByteArrayLiteral("Unknown");
    }
}

QByteArray methodName(QHttpServerRequest::Method m)
{
    switch (m) {
    case QHttpServerRequest::Method::Get:
        return QByteArrayLiteral("GET");
    case QHttpServerRequest::Method::Post:
        return QByteArrayLiteral("POST");
    case QHttpServerRequest::Method::Put:
        return QByteArrayLiteral("PUT");
    case QHttpServerRequest::Method::Delete:
        return QByteArrayLiteral("DELETE");
    case QHttpServerRequest::Method::Head:
        return QByteArrayLiteral("HEAD");
    case QHttpServerRequest::Method::Patch:
        return QByteArrayLiteral("PATCH");
    case QHttpServerRequest::Method::Options:
        return QByteArrayLiteral("OPTIONS");
    default:
        return QByteArrayLiteral("UNKNOWN");
    }
}

} // namespace

VimHttpServer::VimHttpServer(Handler handler, QObject *parent)
    : QAbstractHttpServer(parent)
    , m_handler(std::move(handler))
{}

bool VimHttpServer::handleRequest(const QHttpServerRequest &request, QTcpSocket *socket)
{
    ++m_requests;
    auto exchange = std::make_shared<HttpExchange>(this, socket);
    exchange->method = methodName(request.method());
    exchange->path = request.url().path(QUrl::FullyEncoded);
    exchange->query = request.query();
    exchange->body = request.body();
    exchange->peer = request.remoteAddress().toString();
    const auto headers = request.headers();
    for (const auto &h : headers)
        exchange->setHeader(h.first, h.second);
    exchange->closeAfterReply =
        exchange->header(QByteArrayLiteral("connection")).toLower() == QByteArrayLiteral("close");
    qCDebug(lcSimulator).noquote() << "request" << m_requests.load() << exchange->method
                                   << exchange->path << "on port" << socket->peerPort();

    if (!m_failures.isEmpty()) {
        const auto failure = m_failures.find(exchange->path.section(QLatin1Char('/'), -1));
        if (failure != m_failures.end()) {
            if (--*failure <= 0)
                m_failures.erase(failure);
            exchange->respond(Reply::fault(faults::systemError(QStringLiteral("injected fault"))));
            return true;
        }
    }
    if (!m_cuts.isEmpty()) {
        const QString operation = exchange->path.section(QLatin1Char('/'), -1);
        const auto cut = m_cuts.find(operation);
        if (cut != m_cuts.end()) {
            exchange->cutAfterMs = cut->delayMs;
            if (--cut->count <= 0)
                m_cuts.erase(cut);
        }
    }
    if (chance(m_faults.errorRate)) {
        exchange->respond(Reply::fault(faults::systemError(QStringLiteral("injected fault"))));
        return true;
    }
    m_handler(exchange);
    return true;
}

void VimHttpServer::missingHandler(const QHttpServerRequest &, QTcpSocket *socket)
{
    write(socket, Reply::http(404), false, false);
}

bool VimHttpServer::chance(double rate)
{
    return rate > 0 && m_random.generateDouble() < rate;
}

void VimHttpServer::cutAnswers(const QString &operation, int count, int delayMs)
{
    if (count > 0)
        m_cuts.insert(operation, Cut{count, std::max(0, delayMs)});
    else
        m_cuts.remove(operation);
}

void VimHttpServer::failAnswers(const QString &operation, int count)
{
    if (count > 0)
        m_failures.insert(operation, count);
    else
        m_failures.remove(operation);
}

void VimHttpServer::send(QTcpSocket *socket, const Reply &reply, bool close, int cutAfterMs)
{
    const bool cut = cutAfterMs >= 0;
    int delay = cut ? cutAfterMs : m_faults.latencyMs;
    if (!cut && m_faults.latencyJitterMs > 0)
        delay += int(m_random.bounded(m_faults.latencyJitterMs + 1));
    if (delay <= 0) {
        write(socket, reply, close, cut);
        return;
    }
    QTimer::singleShot(delay, this, [this, s = QPointer<QTcpSocket>(socket), reply, close, cut] {
        write(s.data(), reply, close, cut);
    });
}

void VimHttpServer::lost(const Reply &reply)
{
    if (!m_tokenLost)
        return;
    for (const auto &h : reply.headers) {
        if (h.first.compare("vmware-api-session-id", Qt::CaseInsensitive) == 0)
            m_tokenLost(h.second);
    }
}

void VimHttpServer::write(QTcpSocket *socket, const Reply &reply, bool close, bool cut)
{
    if (!socket || socket->state() != QAbstractSocket::ConnectedState) {
        qCDebug(lcSimulator) << "answer" << reply.status << "not sent: the client has gone";
        lost(reply);
        return;
    }
    if (reply.isFault)
        ++m_faultReplies;
    QByteArray out = QByteArrayLiteral("HTTP/1.1 ") + QByteArray::number(reply.status) + ' ' +
                     reasonPhrase(reply.status) + "\r\n";
    if (!reply.contentType.isEmpty())
        out += QByteArrayLiteral("Content-Type: ") + reply.contentType + "\r\n";
    out += QByteArrayLiteral("Content-Length: ") + QByteArray::number(reply.body.size()) + "\r\n";
    for (const auto &h : reply.headers)
        out += h.first + QByteArrayLiteral(": ") + h.second + "\r\n";
    // vCenter answers through Envoy (§9 item 10).
    out += QByteArrayLiteral("x-envoy-upstream-service-time: 1\r\n");
    if (close)
        out += QByteArrayLiteral("Connection: close\r\n");
    out += "\r\n";
    const qsizetype headerSize = out.size();
    out += reply.body;

    if (cut || chance(m_faults.dropRate)) {
        // Half a response, then the connection goes away: the client sees a short body.
        const QByteArray part = out.left(qMax<qsizetype>(1, out.size() / 2));
        if (part.size() < headerSize)
            lost(reply);
        qCDebug(lcSimulator) << "answer" << reply.status << "cut off on port" << socket->peerPort();
        m_bytesSent += part.size();
        socket->write(part);
        socket->flush();
        socket->disconnectFromHost();
        return;
    }
    m_bytesSent += out.size();
    socket->write(out);
    if (close)
        socket->disconnectFromHost();
}

} // namespace sim
