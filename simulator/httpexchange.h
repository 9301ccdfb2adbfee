#pragma once

#include "reply.h"

#include <QByteArray>
#include <QHash>
#include <QPointer>
#include <QString>
#include <QTcpSocket>
#include <QUrlQuery>

namespace sim {

class VimHttpServer;

/// One request copied out of QHttpServerRequest (which Qt reuses per connection), plus the
/// connection to answer on. Shared, so a long-poll can keep it and answer later.
class HttpExchange final
{
public:
    HttpExchange(VimHttpServer *server, QTcpSocket *socket);

    QByteArray method;
    /// The path as sent (percent-encoding kept); VimService decodes each segment.
    QString path;
    QUrlQuery query;
    QByteArray body;
    QString peer;
    bool closeAfterReply = false;
    /// Cut the answer off mid-response this many ms after it is ready (a scripted fault);
    /// negative: answer normally.
    int cutAfterMs = -1;

    QByteArray header(const QByteArray &name) const { return m_headers.value(name.toLower()); }
    void setHeader(const QByteArray &name, const QByteArray &value)
    {
        m_headers.insert(name.toLower(), value);
    }

    /// Sends the reply once; later calls and calls after the client left do nothing.
    void respond(const Reply &reply);
    bool answered() const { return m_answered; }
    /// False once the client closed the connection.
    bool isConnected() const;
    QTcpSocket *socket() const { return m_socket.data(); }

private:
    QPointer<VimHttpServer> m_server;
    QPointer<QTcpSocket> m_socket;
    QHash<QByteArray, QByteArray> m_headers;
    bool m_answered = false;
};

} // namespace sim
