#pragma once

#include <QDialog>
#include <QSslCertificate>

/// Shows a server certificate the connection did not trust (SHA-256 thumbprint, subject,
/// issuer, validity) and asks whether to trust it once or pin it for the host; or, when a
/// pinned host presented a different certificate, explains that the connection was refused.
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
        Rejected = 0,
        TrustOnce = 2,
        TrustAlways = 3
    };

    CertificateDialog(const QSslCertificate &certificate, const QString &hostKey, Mode mode,
                      const QString &pinnedThumbprint = {}, QWidget *parent = nullptr);

    Decision decision() const { return m_decision; }

private:
    Decision m_decision = Rejected;
};
