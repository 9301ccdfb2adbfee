#include "certificatepolicy.h"

#include <utility>

CertificatePolicy::CertificatePolicy(QByteArray pinnedSha256, QList<QByteArray> trustedSha256,
                                     bool insecure)
    : m_pinned(std::move(pinnedSha256))
    , m_trusted(std::move(trustedSha256))
    , m_insecure(insecure)
{}

CertificatePolicy::Verdict CertificatePolicy::verdict(const QByteArray &leafSha256,
                                                      bool chainVerified) const
{
    // A pinned host must present exactly that certificate, even if another one would verify:
    // a silently replaced certificate is what pinning exists to catch.
    if (!m_pinned.isEmpty())
        return leafSha256 == m_pinned ? Verdict::Accept : Verdict::Changed;
    if (chainVerified || m_insecure)
        return Verdict::Accept;
    if (!leafSha256.isEmpty() && m_trusted.contains(leafSha256))
        return Verdict::Accept;
    return Verdict::Untrusted;
}
