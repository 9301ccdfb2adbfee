#include "rawhttpclient.h"

#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>

QJsonValue RawHttpClient::Response::json() const
{
    const QByteArray t = body.trimmed();
    if (t.isEmpty())
        return QJsonValue(QJsonValue::Undefined);
    const QJsonDocument doc = QJsonDocument::fromJson(QByteArray('[' + t + ']'));
    return doc.array().at(0);
}

QByteArray RawHttpClient::j(const char *singleQuoted)
{
    return QByteArray(singleQuoted).replace('\'', '"');
}

RawHttpClient::RawHttpClient(quint16 port, bool https, const QString &release_)
    : release(release_)
    , m_port(port)
    , m_https(https)
{}

QSslSocket *RawHttpClient::socket()
{
    ensureConnected();
    return m_socket.get();
}

void RawHttpClient::ensureConnected()
{
    if (m_socket && m_socket->state() == QAbstractSocket::ConnectedState)
        return;
    m_socket = std::make_unique<QSslSocket>();
    m_buffer.clear();
    if (m_https) {
        // The tests check the thumbprint themselves; accept the self-signed certificate.
        m_socket->setPeerVerifyMode(QSslSocket::VerifyNone);
        m_socket->connectToHostEncrypted(QStringLiteral("127.0.0.1"), m_port);
        m_socket->waitForEncrypted(10000);
    } else {
        m_socket->connectToHost(QStringLiteral("127.0.0.1"), m_port);
        m_socket->waitForConnected(10000);
    }
}

QByteArray RawHttpClient::rawRequest(const QByteArray &method, const QByteArray &target,
                                     const QByteArray &body, bool contentType) const
{
    QByteArray r = method + ' ' + target +
                   " HTTP/1.1\r\nHost: 127.0.0.1:" + QByteArray::number(m_port) +
                   "\r\nUser-Agent: vtaskmon-conformance/1\r\n";
    if (!token.isEmpty())
        r += "vmware-api-session-id: " + token + "\r\n";
    if (!body.isNull()) {
        if (contentType)
            r += "Content-Type: application/json\r\n";
        r += "Content-Length: " + QByteArray::number(body.size()) + "\r\n";
    }
    r += "\r\n" + body;
    return r;
}

QByteArray RawHttpClient::request(const QByteArray &method, const QString &path,
                                  const QByteArray &body, bool contentType) const
{
    return rawRequest(method, "/sdk/vim25/" + release.toUtf8() + '/' + path.toUtf8(), body,
                      contentType);
}

void RawHttpClient::send(const QByteArray &bytes)
{
    ensureConnected();
    m_socket->write(bytes);
    m_socket->flush();
}

RawHttpClient::Response RawHttpClient::receive(int timeoutMs)
{
    Response r;
    QElapsedTimer clock;
    clock.start();
    auto fill = [&] {
        if (m_socket->bytesAvailable() == 0 &&
            !m_socket->waitForReadyRead(int(qMax<qint64>(1, timeoutMs - clock.elapsed()))))
            return false;
        m_buffer += m_socket->readAll();
        return true;
    };
    qsizetype headerEnd = -1;
    while ((headerEnd = m_buffer.indexOf("\r\n\r\n")) < 0) {
        if (clock.elapsed() > timeoutMs || !fill())
            return r;
    }
    const QList<QByteArray> lines = m_buffer.left(headerEnd).split('\n');
    r.status = lines.value(0).split(' ').value(1).toInt();
    for (qsizetype i = 1; i < lines.size(); ++i) {
        const QByteArray line = lines.at(i).trimmed();
        const qsizetype colon = line.indexOf(':');
        if (colon > 0)
            r.headers.insert(line.left(colon).trimmed().toLower(), line.mid(colon + 1).trimmed());
    }
    const qsizetype length = r.header("content-length").toLongLong();
    while (m_buffer.size() < headerEnd + 4 + length) {
        if (clock.elapsed() > timeoutMs || !fill())
            break;
    }
    r.body = m_buffer.mid(headerEnd + 4, length);
    r.complete = m_buffer.size() >= headerEnd + 4 + length;
    m_buffer.remove(0, qMin(m_buffer.size(), headerEnd + 4 + length));
    return r;
}

RawHttpClient::Response RawHttpClient::get(const QString &path)
{
    send(request("GET", path, QByteArray()));
    return receive();
}

RawHttpClient::Response RawHttpClient::post(const QString &path, const QByteArray &body,
                                            bool contentType)
{
    send(request("POST", path, body, contentType));
    return receive();
}

QString RawHttpClient::sessionKey()
{
    return get(QStringLiteral("SessionManager/SessionManager/currentSession"))
        .object()
        .value(QLatin1String("key"))
        .toString();
}

RawHttpClient::Response RawHttpClient::login(const QString &user, const QString &password,
                                             const QString &locale)
{
    const QByteArray body = "{\"userName\":\"" + user.toUtf8() + "\",\"password\":\"" +
                            password.toUtf8() + "\",\"locale\":\"" + locale.toUtf8() + "\"}";
    Response r = post(QStringLiteral("SessionManager/SessionManager/Login"), body);
    token = r.header("vmware-api-session-id");
    return r;
}
