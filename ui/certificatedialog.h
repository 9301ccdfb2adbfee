#pragma once

#include "truststore.h"

#include <QDialog>
#include <QSslCertificate>

class QDialogButtonBox;
class QFormLayout;
class QPushButton;

/// Shows a server certificate the connection did not trust (SHA-256 thumbprint, subject,
/// issuer, validity) and asks whether to trust it once or pin it for the host; or, when a
/// pinned host presented a different certificate, sets the pinned one beside the new one and
/// asks whether the new one replaces the pin. Works with exec() and, non-modally, with show()
/// or open() and finished().
class CertificateDialog final : public QDialog
{
    Q_OBJECT
public:
    enum class Mode
    {
        Untrusted,
        Changed
    };
    enum Decision
    {
        /// Closed without an answer.
        Rejected = 0,
        TrustOnce = 2,
        TrustAlways = 3,
        /// Changed: the new certificate replaces the pin.
        ReplacePin = 4,
        /// Changed: the new certificate is refused, the pin stays.
        KeepPin = 5
    };

    /// `pinned`: what the trust store holds for the host (Changed only).
    CertificateDialog(const QSslCertificate &certificate, const QString &hostKey, Mode mode,
                      const PinnedCertificate &pinned = {}, QWidget *parent = nullptr);

    Decision decision() const { return m_decision; }
    const QSslCertificate &certificate() const { return m_certificate; }
    const QString &hostKey() const { return m_hostKey; }

private:
    void addPresented(QFormLayout *form);
    void addPinned(QFormLayout *form, const PinnedCertificate &pinned);
    QPushButton *addButton(QDialogButtonBox *buttons, const QString &text, const char *name,
                           Decision decision);

    QSslCertificate m_certificate;
    QString m_hostKey;
    Decision m_decision = Rejected;
};
