#pragma once

#include <QSslCertificate>
#include <QSslKey>

namespace sim {

/// Makes the self-signed certificate the simulator serves https with: an EC P-256 key,
/// CN=localhost, SAN localhost and 127.0.0.1, valid for a year.
class CertificateGenerator final
{
public:
    struct Result
    {
        QSslCertificate certificate;
        QSslKey key;
        QString error;
        bool ok() const { return !certificate.isNull() && !key.isNull(); }
    };

    static Result generate();
    /// `AB:CD:...`, the SHA-256 thumbprint as vSphere tools print it.
    static QString thumbprint(const QSslCertificate &certificate);
};

} // namespace sim
