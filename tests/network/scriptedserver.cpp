#include "scriptedserver.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSslSocket>

namespace {

QByteArray reasonPhrase(int status)
{
    switch (status) {
    case 200:
        return "OK";
    case 204:
        return "No Content";
    case 400:
        return "Bad Request";
    case 404:
        return "Not Found";
    case 500:
        return "Internal Server Error";
    case 503:
        return "Service Unavailable";
    default:
        return "Status";
    }
}

constexpr qint64 kChunk = 64 * 1024;

} // namespace

QJsonValue HttpRequest::json() const
{
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(body, &error);
    if (error.error != QJsonParseError::NoError)
        return QJsonValue(QJsonValue::Undefined);
    return doc.isObject() ? QJsonValue(doc.object()) : QJsonValue(doc.array());
}

HttpResponse HttpResponse::json(int status, const QByteArray &body)
{
    return raw(status, body, "application/json");
}

HttpResponse HttpResponse::noContent()
{
    HttpResponse r;
    r.status = 204;
    return r;
}

HttpResponse HttpResponse::emptyOk()
{
    return raw(200, {}, "application/json");
}

HttpResponse HttpResponse::raw(int status, const QByteArray &body, const QByteArray &contentType)
{
    HttpResponse r;
    r.status = status;
    r.body = body;
    r.headers.append({"Content-Type", contentType});
    return r;
}

HttpResponse HttpResponse::drop()
{
    HttpResponse r;
    r.action = Action::Drop;
    return r;
}

HttpResponse HttpResponse::hang()
{
    HttpResponse r;
    r.action = Action::Hang;
    return r;
}

HttpResponse HttpResponse::defer()
{
    HttpResponse r;
    r.action = Action::Defer;
    return r;
}

HttpResponse HttpResponse::cut(HttpResponse response)
{
    response.action = Action::Cut;
    return response;
}

HttpResponse HttpResponse::stream(qint64 bytes, bool declareLength)
{
    HttpResponse r;
    r.action = Action::Stream;
    r.streamBytes = bytes;
    r.declareLength = declareLength;
    return r;
}

HttpResponse &HttpResponse::withHeader(const QByteArray &name, const QByteArray &value)
{
    headers.append({name, value});
    return *this;
}

ScriptedServer::ScriptedServer(QObject *parent)
    : QTcpServer(parent)
{}

ScriptedServer::~ScriptedServer()
{
    stop();
}

void ScriptedServer::setTls(const QSslCertificate &certificate, const QSslKey &key)
{
    m_certificate = certificate;
    m_key = key;
}

bool ScriptedServer::start(quint16 port)
{
    if (!listen(QHostAddress::LocalHost, port))
        return false;
    m_port = serverPort();
    return true;
}

void ScriptedServer::stop()
{
    close();
    const auto sockets = m_buffers.keys();
    for (QSslSocket *socket : sockets) {
        socket->disconnect(this);
        socket->abort();
        socket->deleteLater();
    }
    m_buffers.clear();
    m_streams.clear();
}

QString ScriptedServer::hostAndPort() const
{
    return QStringLiteral("127.0.0.1:%1").arg(m_port);
}

QList<HttpRequest> ScriptedServer::requestsTo(const QByteArray &suffix) const
{
    QList<HttpRequest> out;
    for (const HttpRequest &r : m_requests) {
        if (r.path.endsWith(suffix))
            out.append(r);
    }
    return out;
}

void ScriptedServer::incomingConnection(qintptr socketDescriptor)
{
    auto *socket = new QSslSocket(this);
    if (!socket->setSocketDescriptor(socketDescriptor)) {
        delete socket;
        return;
    }
    m_buffers.insert(socket, {});
    connect(socket, &QSslSocket::readyRead, this, [this, socket] { onReadyRead(socket); });
    connect(socket, &QSslSocket::bytesWritten, this, [this, socket] { pumpStream(socket); });
    connect(socket, &QSslSocket::disconnected, this, [this, socket] {
        m_buffers.remove(socket);
        m_streams.remove(socket);
        socket->deleteLater();
    });
    // The client may refuse our certificate; that is what the TLS tests are about.
    connect(socket, &QSslSocket::sslErrors, socket, [](const QList<QSslError> &) {});
    if (!m_certificate.isNull()) {
        socket->setLocalCertificate(m_certificate);
        socket->setPrivateKey(m_key);
        socket->setPeerVerifyMode(QSslSocket::VerifyNone);
        socket->startServerEncryption();
    }
}

void ScriptedServer::onReadyRead(QSslSocket *socket)
{
    QByteArray &buffer = m_buffers[socket];
    buffer += socket->readAll();
    for (;;) {
        const qsizetype headerEnd = buffer.indexOf("\r\n\r\n");
        if (headerEnd < 0)
            return;
        const QList<QByteArray> lines = buffer.left(headerEnd).split('\n');
        HttpRequest request;
        const QList<QByteArray> requestLine = lines.value(0).trimmed().split(' ');
        request.method = requestLine.value(0);
        request.target = requestLine.value(1);
        request.path = request.target.left(
            request.target.indexOf('?') < 0 ? request.target.size() : request.target.indexOf('?'));
        for (qsizetype i = 1; i < lines.size(); ++i) {
            const QByteArray line = lines.at(i).trimmed();
            const qsizetype colon = line.indexOf(':');
            if (colon > 0)
                request.headers.insert(line.left(colon).trimmed().toLower(),
                                       line.mid(colon + 1).trimmed());
        }
        const qsizetype length = request.header("content-length").toLongLong();
        if (buffer.size() < headerEnd + 4 + length)
            return;
        request.body = buffer.mid(headerEnd + 4, length);
        buffer.remove(0, headerEnd + 4 + length);
        m_requests.append(request);
        respond(socket, request);
        if (!m_buffers.contains(socket))
            return; // dropped
    }
}

void ScriptedServer::respond(QSslSocket *socket, const HttpRequest &request)
{
    const HttpResponse response = m_handler ? m_handler(request) : HttpResponse::json(404, "{}");
    Q_EMIT requestReceived();
    if (response.action == HttpResponse::Action::Defer)
        m_deferred.append(socket);
    else
        write(socket, response);
}

bool ScriptedServer::answerDeferred(const HttpResponse &response)
{
    while (!m_deferred.isEmpty()) {
        const QPointer<QSslSocket> socket = m_deferred.takeFirst();
        if (socket && m_buffers.contains(socket)) {
            write(socket, response);
            return true;
        }
    }
    return false;
}

void ScriptedServer::write(QSslSocket *socket, const HttpResponse &response)
{
    switch (response.action) {
    case HttpResponse::Action::Drop:
        m_buffers.remove(socket);
        socket->disconnect(this);
        socket->abort();
        socket->deleteLater();
        return;
    case HttpResponse::Action::Hang:
    case HttpResponse::Action::Defer:
        return;
    case HttpResponse::Action::Stream: {
        QByteArray head = "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\n";
        head += response.declareLength
                    ? "Content-Length: " + QByteArray::number(response.streamBytes) + "\r\n"
                    : QByteArray("Connection: close\r\n");
        socket->write(head + "\r\n");
        m_streams.insert(socket, {response.streamBytes, !response.declareLength});
        pumpStream(socket);
        return;
    }
    case HttpResponse::Action::Reply:
    case HttpResponse::Action::Cut:
        break;
    }
    QByteArray out = "HTTP/1.1 " + QByteArray::number(response.status) + ' ' +
                     reasonPhrase(response.status) + "\r\n";
    for (const auto &[name, value] : response.headers)
        out += name + ": " + value + "\r\n";
    if (response.status != 204)
        out += "Content-Length: " + QByteArray::number(response.body.size()) + "\r\n";
    if (response.action == HttpResponse::Action::Cut) {
        out += "\r\n" + response.body.left(response.body.size() / 2);
        socket->write(out);
        m_buffers.remove(socket);
        socket->disconnectFromHost();
        return;
    }
    out += "\r\n" + response.body;
    socket->write(out);
}

void ScriptedServer::pumpStream(QSslSocket *socket)
{
    auto it = m_streams.find(socket);
    if (it == m_streams.end())
        return;
    // Keep a little queued, not the whole body: the client must be able to abort midway.
    while (it->first > 0 && socket->bytesToWrite() < 4 * kChunk) {
        const qint64 n = qMin(kChunk, it->first);
        socket->write(QByteArray(n, ' '));
        it->first -= n;
    }
    if (it->first == 0) {
        const bool close = it->second;
        m_streams.erase(it);
        if (close)
            socket->disconnectFromHost();
    }
}
