#pragma once

#include <QByteArray>
#include <QHash>
#include <QJsonObject>
#include <QJsonValue>
#include <QList>
#include <QPair>
#include <QSslSocket>
#include <QString>

#include <memory>

/// A deliberately dumb HTTP/1.1 client for conformance tests: it writes the request bytes
/// as given and parses the answer by hand. Blocking; the simulator runs in another thread.
class RawHttpClient final
{
public:
    struct Response
    {
        int status = 0;
        QHash<QByteArray, QByteArray> headers; // lower-case names
        QByteArray body;
        bool complete = false;

        QByteArray header(const QByteArray &name) const { return headers.value(name.toLower()); }
        QJsonValue json() const;
        QJsonObject object() const { return json().toObject(); }
        QString typeName() const { return object().value(QLatin1String("_typeName")).toString(); }
    };

    /// JSON literal written with single quotes, for readable request bodies in tests:
    /// j("{'maxCount':10}") → {"maxCount":10}.
    static QByteArray j(const char *singleQuoted);
    /// The `value` of a MoRef response.
    static QString moId(const Response &r)
    {
        return r.object().value(QLatin1String("value")).toString();
    }

    explicit RawHttpClient(quint16 port, bool https = false,
                           const QString &release = QStringLiteral("8.0.3.0"));

    /// The session token sent as `vmware-api-session-id` (empty: none).
    QByteArray token;
    QString release;

    /// `GET /sdk/vim25/{release}/{path}`.
    Response get(const QString &path);
    /// `POST /sdk/vim25/{release}/{path}` with `body` (no body when null) and JSON Content-Type.
    Response post(const QString &path, const QByteArray &body = QByteArray(),
                  bool contentType = true);
    /// Logs in; keeps the token. Returns the Login response.
    Response login(const QString &user = QStringLiteral("administrator@vsphere.local"),
                   const QString &password = QStringLiteral("VMware1!demo"),
                   const QString &locale = QStringLiteral("en"));

    /// UserSession.key of the session this client is logged in with (currentSession).
    QString sessionKey();

    /// Writes exact request bytes; pair with receive() for overlapping calls.
    void send(const QByteArray &request);
    Response receive(int timeoutMs = 20000);
    /// Builds request bytes for the VI/JSON path.
    QByteArray request(const QByteArray &method, const QString &path, const QByteArray &body,
                       bool contentType = true) const;
    QByteArray rawRequest(const QByteArray &method, const QByteArray &target,
                          const QByteArray &body, bool contentType) const;

    QSslSocket *socket();

private:
    void ensureConnected();

    quint16 m_port;
    bool m_https;
    std::unique_ptr<QSslSocket> m_socket;
    QByteArray m_buffer;
};
