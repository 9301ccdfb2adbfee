#include "httpexchange.h"

#include "vimhttpserver.h"

namespace sim {

HttpExchange::HttpExchange(VimHttpServer *server, QTcpSocket *socket)
    : m_server(server)
    , m_socket(socket)
{}

void HttpExchange::respond(const Reply &reply)
{
    if (m_answered)
        return;
    m_answered = true;
    if (m_server && m_socket)
        m_server->send(m_socket, reply, closeAfterReply, cutAfterMs);
}

bool HttpExchange::isConnected() const
{
    return m_socket && m_socket->state() == QAbstractSocket::ConnectedState;
}

} // namespace sim
