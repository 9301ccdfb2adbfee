#pragma once

#include <QMetaType>

#include <QByteArray>
#include <QHash>
#include <QJsonValue>
#include <QList>
#include <QPair>
#include <QPointer>
#include <QSslCertificate>
#include <QSslKey>
#include <QTcpServer>

#include <functional>

class QSslSocket;

/// One HTTP request as it arrived on the wire.
struct HttpRequest
{
    QByteArray method;
    /// The request-target exactly as sent, query included (`/sdk/vim25/.../session[a]b/X`).
    QByteArray target;
    /// `target` up to the `?`.
    QByteArray path;
    /// Header names lower-cased.
    QHash<QByteArray, QByteArray> headers;
    QByteArray body;

    QByteArray header(const QByteArray &name) const { return headers.value(name.toLower()); }
    bool hasHeader(const QByteArray &name) const { return headers.contains(name.toLower()); }
    /// The body as JSON; Undefined when it is empty or not JSON.
    QJsonValue json() const;
};

/// What the server does with one request.
struct HttpResponse
{
    enum class Action
    {
        Reply,  ///< status, headers, body
        Drop,   ///< close the connection without answering
        Hang,   ///< never answer
        Defer,  ///< answer when the test calls answerDeferred()
        Cut,    ///< status, headers and half the body, then close the connection
        Stream, ///< a 200 with `streamBytes` of filler, sent in chunks
    };

    Action action = Action::Reply;
    int status = 200;
    QByteArray body;
    QList<QPair<QByteArray, QByteArray>> headers;
    qint64 streamBytes = 0;
    /// Stream only: announce Content-Length (else the body ends when the connection closes).
    bool declareLength = true;

    static HttpResponse json(int status, const QByteArray &body);
    static HttpResponse ok(const QByteArray &json) { return HttpResponse::json(200, json); }
    static HttpResponse fault(const QByteArray &json) { return HttpResponse::json(500, json); }
    static HttpResponse noContent();
    /// 200 with Content-Length: 0.
    static HttpResponse emptyOk();
    static HttpResponse raw(int status, const QByteArray &body, const QByteArray &contentType);
    static HttpResponse drop();
    static HttpResponse hang();
    static HttpResponse defer();
    /// `response` cut off halfway through its body.
    static HttpResponse cut(HttpResponse response);
    static HttpResponse stream(qint64 bytes, bool declareLength);

    HttpResponse &withHeader(const QByteArray &name, const QByteArray &value);
};

Q_DECLARE_METATYPE(HttpResponse)

/// A loopback HTTP/1.1 server (plain or TLS) whose answers a test scripts per request, and
/// which records every request for inspection. Keep-alive and several connections work.
class ScriptedServer final : public QTcpServer
{
    Q_OBJECT
public:
    using Handler = std::function<HttpResponse(const HttpRequest &)>;

    explicit ScriptedServer(QObject *parent = nullptr);
    ~ScriptedServer() override;

    /// Serve TLS with this certificate from the next connection on.
    void setTls(const QSslCertificate &certificate, const QSslKey &key);
    /// Listens on 127.0.0.1; port 0 picks a free one (use it again to come back after stop()).
    bool start(quint16 port = 0);
    /// Stops listening and cuts every open connection: the server "goes away".
    void stop();
    quint16 port() const { return m_port; }
    /// `127.0.0.1:<port>`, as a user would type it.
    QString hostAndPort() const;

    void setHandler(Handler handler) { m_handler = std::move(handler); }
    /// Answers the oldest request held back with HttpResponse::defer(); false if none is.
    bool answerDeferred(const HttpResponse &response);

    const QList<HttpRequest> &requests() const { return m_requests; }
    void clearRequests() { m_requests.clear(); }
    /// Requests whose path ends with `suffix`.
    QList<HttpRequest> requestsTo(const QByteArray &suffix) const;

Q_SIGNALS:
    void requestReceived();

protected:
    void incomingConnection(qintptr socketDescriptor) override;

private:
    void onReadyRead(QSslSocket *socket);
    void respond(QSslSocket *socket, const HttpRequest &request);
    void write(QSslSocket *socket, const HttpResponse &response);
    void pumpStream(QSslSocket *socket);

    Handler m_handler;
    QList<HttpRequest> m_requests;
    QHash<QSslSocket *, QByteArray> m_buffers;
    /// Bytes left to stream per socket, and whether to close once done.
    QHash<QSslSocket *, QPair<qint64, bool>> m_streams;
    QList<QPointer<QSslSocket>> m_deferred;
    QSslCertificate m_certificate;
    QSslKey m_key;
    quint16 m_port = 0;
};
