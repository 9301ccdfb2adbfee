#pragma once

#include "vimerror.h"

#include <QJsonValue>
#include <QObject>

class QNetworkReply;
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
    void finished();

private:
    friend class VimConnection;
    explicit VimReply(const QString &operation, QObject *parent = nullptr);
    void finish(QJsonValue value, int httpStatus);
    void fail(VimError error);

    QString m_operation;
    QJsonValue m_value;
    VimError m_error;
    int m_httpStatus = 0;
    bool m_finished = false;
    QNetworkReply *m_network = nullptr;
};
