#include "certificatenotice.h"

#include "certificatedialog.h"
#include "truststore.h"
#include "uilogging.h"

#include <QCryptographicHash>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QStyle>

CertificateNotice::CertificateNotice(VimConnection *connection, QWidget *parent)
    : QFrame(parent)
    , m_connection(connection)
{
    setObjectName(QStringLiteral("certificateNotice"));
    // Fixed light colours for both text and background, so it reads the same in dark mode.
    setStyleSheet(QStringLiteral("QFrame#certificateNotice { background: #fff4ce; border: 1px "
                                 "solid #d9a400; border-radius: 3px; }"
                                 "QFrame#certificateNotice QLabel { color: #3d2e00; }"));
    auto *icon = new QLabel(this);
    icon->setPixmap(style()->standardIcon(QStyle::SP_MessageBoxWarning).pixmap(20, 20));
    m_text = new QLabel(this);
    m_text->setObjectName(QStringLiteral("certificateNoticeText"));
    m_text->setWordWrap(true);
    m_text->setTextFormat(Qt::RichText);
    m_review = new QPushButton(tr("&Compare Certificates…"), this);
    m_review->setObjectName(QStringLiteral("reviewCertificate"));
    connect(m_review, &QPushButton::clicked, this, &CertificateNotice::review);

    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(8, 6, 8, 6);
    layout->addWidget(icon, 0, Qt::AlignVCenter);
    layout->addWidget(m_text, 1);
    layout->addWidget(m_review, 0, Qt::AlignVCenter);
    hide();

    connect(m_connection, &VimConnection::stateChanged, this, &CertificateNotice::onStateChanged);
}

QString CertificateNotice::stateText() const
{
    switch (m_ask) {
    case Ask::Pending:
        return tr("Certificate needs your decision");
    case Ask::Refused:
        return tr("Certificate refused");
    case Ask::None:
        break;
    }
    return {};
}

void CertificateNotice::onStateChanged(VimConnection::State state)
{
    using S = VimConnection::State;
    if (state == S::Reconnecting)
        return;
    if (state != S::Failed) {
        // Connecting again (by anyone) makes the question moot; only our own connect after
        // "trust the new certificate" still counts as the session's.
        m_sessionWasUp = state == S::Connected;
        if (state != S::Connecting)
            m_ownConnect = false;
        setAsk(Ask::None);
        return;
    }
    const bool ours = m_sessionWasUp || m_ownConnect;
    m_ownConnect = false;
    const QList<QSslCertificate> chain = m_connection->peerChain();
    if (!ours ||
        m_connection->failureReason() != VimConnection::FailureReason::CertificateChanged ||
        chain.isEmpty()) {
        setAsk(Ask::None);
        return;
    }
    m_presented = chain.constFirst();
    m_host = TrustStore::hostKey(m_connection->options().server);
    m_text->setText(tr("<b>The certificate of %1 has changed since you pinned it.</b> The "
                       "connection is paused until you compare the certificates and decide.")
                        .arg(m_host.toHtmlEscaped()));
    setAsk(Ask::Pending);
}

void CertificateNotice::review()
{
    if (m_ask != Ask::Pending)
        return;
    if (!m_dialog) {
        m_dialog = new CertificateDialog(m_presented, m_host, CertificateDialog::Mode::Changed,
                                         TrustStore::entry(m_host), window());
        m_dialog->setAttribute(Qt::WA_DeleteOnClose);
        connect(m_dialog, &QDialog::finished, this, &CertificateNotice::onDecision);
    }
    m_dialog->show();
    m_dialog->raise();
    m_dialog->activateWindow();
}

void CertificateNotice::onDecision(int decision)
{
    if (m_ask != Ask::Pending)
        return;
    if (decision == CertificateDialog::KeepPin) {
        qCInfo(lcUi) << "the new certificate of" << m_host << "was refused; the pin stays";
        setAsk(Ask::Refused);
        return;
    }
    if (decision != CertificateDialog::ReplacePin)
        return; // closed without an answer: the question stays open
    qCInfo(lcUi) << "the new certificate of" << m_host << "replaces the pin";
    TrustStore::pin(m_host, m_presented);
    ConnectOptions options = m_connection->options();
    options.pinnedSha256 = m_presented.digest(QCryptographicHash::Sha256);
    setAsk(Ask::None);
    m_ownConnect = true;
    m_connection->connectToServer(options);
}

void CertificateNotice::setAsk(Ask ask)
{
    const bool change = ask != m_ask;
    m_ask = ask;
    // The question is moot once the connection moved on (a connect started elsewhere).
    if (ask != Ask::Pending && m_dialog && m_dialog->isVisible())
        m_dialog->close();
    setVisible(ask == Ask::Pending);
    if (change)
        Q_EMIT changed();
}
