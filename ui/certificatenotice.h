#pragma once

#include "certificatedialog.h"

#include <vimconnection.h>

#include <QFrame>
#include <QPointer>
#include <QSslCertificate>

class QLabel;
class QPushButton;

/// A bar for a running session that met a certificate other than the pinned one on its way
/// back (a server restart, a renewal): it says so and opens the comparison, non-modally, so
/// nothing waits in a nested event loop. "Trust the new certificate" replaces the pin and
/// connects again with the held credentials; "Refuse it" keeps the pin and stays
/// disconnected. Connect attempts the user starts himself are the connect dialog's to ask.
class CertificateNotice final : public QFrame
{
    Q_OBJECT
public:
    explicit CertificateNotice(VimConnection *connection, QWidget *parent = nullptr);

    /// The connection state to show instead of "Connection failed" ("Certificate needs your
    /// decision", "Certificate refused"), or empty.
    QString stateText() const;
    bool isDecisionPending() const { return m_ask == Ask::Pending; }
    /// The open comparison, if any.
    CertificateDialog *dialog() const { return m_dialog; }

public Q_SLOTS:
    /// Opens the comparison, or raises it when it is open already: the bar's button.
    void review();

Q_SIGNALS:
    /// stateText() changed.
    void changed();

private:
    enum class Ask
    {
        None,
        Pending,
        Refused
    };
    void onStateChanged(VimConnection::State state);
    void onDecision(int decision);
    void setAsk(Ask ask);

    VimConnection *m_connection;
    QLabel *m_text;
    QPushButton *m_review;
    QPointer<CertificateDialog> m_dialog;
    Ask m_ask = Ask::None;
    QString m_host;
    QSslCertificate m_presented;
    /// The session was Connected since the last connect the user started: a failure now is
    /// a reconnect's, not the connect dialog's.
    bool m_sessionWasUp = false;
    /// The connect after "trust the new certificate" is ours too.
    bool m_ownConnect = false;
};
