#pragma once

#include <QByteArray>
#include <QList>

/// Decides whether a server's leaf certificate is accepted (DESIGN.md decision 7): a pin
/// wins over everything, then normal verification, then a thumbprint trusted by the user,
/// then an explicit `insecure`.
class CertificatePolicy final
{
public:
    enum class Verdict
    {
        Accept,
        Untrusted,
        Changed
    };

    CertificatePolicy() = default;
    CertificatePolicy(QByteArray pinnedSha256, QList<QByteArray> trustedSha256, bool insecure);

    /// `leafSha256`: raw SHA-256 of the leaf's DER; `chainVerified`: no TLS errors were reported.
    Verdict verdict(const QByteArray &leafSha256, bool chainVerified) const;
    bool hasPin() const { return !m_pinned.isEmpty(); }

private:
    QByteArray m_pinned;
    QList<QByteArray> m_trusted;
    bool m_insecure = false;
};
