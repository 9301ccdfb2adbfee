#pragma once

#include "vimerror.h"

#include <QElapsedTimer>
#include <QJsonValue>
#include <QObject>
#include <QUrl>

class QNetworkReply;
class QTimer;
class VimConnection;

/// One in-flight VI/JSON request. Finishes exactly once (signal `finished`) with either a
/// JSON value (Undefined for 204 / an empty body) or a VimError, then deletes itself
/// later. Use it through Pending<T>::then(), which decodes the value.
class VimReply final : public QObject
{
    Q_OBJECT
public:
    ~VimReply() override;

    bool isFinished() const { return m_finished; }
    bool isOk() const { return m_finished && !m_error.isError(); }
    const VimError &error() const { return m_error; }
    /// The response body; Undefined when the server answered 204 or an empty body.
    const QJsonValue &value() const { return m_value; }
    int httpStatus() const { return m_httpStatus; }
    /// What was called, for logs and errors: `TaskManager/TaskManager/CreateCollectorForTasks`.
    const QString &operation() const { return m_operation; }

    /// Aborts the request; finishes with Kind::Canceled unless already finished.
    void abort();

Q_SIGNALS:
    /// A success status and the whole body have arrived; finished() follows once the body is
    /// decoded (or found broken). Never emitted for errors, nor for a request that is retried.
    void answered();
    void finished();

private:
    friend class VimConnection;
    explicit VimReply(const QString &operation, QObject *parent = nullptr);
    void finish(QJsonValue value, int httpStatus);
    void fail(VimError error);

    /// Detaches and aborts the network request without finishing this reply.
    void dropNetwork();

    QString m_operation;
    QJsonValue m_value;
    VimError m_error;
    int m_httpStatus = 0;
    bool m_finished = false;
    QNetworkReply *m_network = nullptr;

    // What VimConnection needs to (re)send the request and to explain why it ended.
    enum class AbortReason
    {
        None,
        Timeout,
        TooLarge,
        /// More answer bytes in flight on the connection than it allows together.
        TooMuchInFlight,
        /// Too many or too large response headers, or headers Qt refused to read.
        BadHeaders,
        CertificateChanged,
        /// Qt was about to send a call with effects again after the connection closed
        /// without an answer; the server may have carried out the first copy.
        Repeated,
    };
    QByteArray m_verb;
    QUrl m_url;
    QByteArray m_body;
    int m_flags = 0;
    bool m_retried = false;
    /// How often Qt has written this request since startNetwork() (it resends on its own
    /// when a connection closes before any answer).
    int m_sends = 0;
    /// Answer bytes received so far for the request on the wire.
    qint64 m_received = 0;
    QByteArray m_sentWithSession;
    AbortReason m_abortReason = AbortReason::None;
    QList<QSslError> m_sslErrors;
    QList<QSslCertificate> m_peerChain;
    QTimer *m_timer = nullptr;
    QElapsedTimer m_clock;
};
