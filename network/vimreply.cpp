#include "vimreply.h"

#include <QNetworkReply>
#include <QTimer>

#include <utility>

VimReply::VimReply(const QString &operation, QObject *parent)
    : QObject(parent)
    , m_operation(operation)
{}

VimReply::~VimReply()
{
    dropNetwork();
}

void VimReply::abort()
{
    if (m_finished)
        return;
    dropNetwork();
    VimError error;
    error.kind = VimError::Kind::Canceled;
    error.message = tr("The request %1 was canceled.").arg(m_operation);
    fail(std::move(error));
}

void VimReply::dropNetwork()
{
    if (m_timer)
        m_timer->stop();
    if (QNetworkReply *network = std::exchange(m_network, nullptr)) {
        // Disconnect first: abort() emits finished() synchronously and nobody should see it.
        network->disconnect();
        network->abort();
        network->deleteLater();
    }
}

void VimReply::finish(QJsonValue value, int httpStatus)
{
    if (m_finished)
        return;
    dropNetwork();
    m_finished = true;
    m_value = std::move(value);
    m_httpStatus = httpStatus;
    Q_EMIT finished();
    deleteLater();
}

void VimReply::fail(VimError error)
{
    if (m_finished)
        return;
    dropNetwork();
    m_finished = true;
    m_httpStatus = error.httpStatus;
    m_error = std::move(error);
    Q_EMIT finished();
    deleteLater();
}
