#pragma once

#include <QByteArray>
#include <QCoreApplication>
#include <QDateTime>
#include <QList>
#include <QString>

class QSslCertificate;

/// One certificate pinned for a host, as the trust store keeps it.
struct PinnedCertificate
{
    /// `host:port`, as TrustStore::hostKey() makes it.
    QString hostKey;
    /// Raw SHA-256 of the leaf certificate's DER (32 bytes); empty when `problem` is set.
    QByteArray sha256;
    /// As CertificateText::subject(); empty for a pin made by an older version.
    QString subject;
    /// End of the pinned certificate's validity; invalid when not recorded.
    QDateTime notAfter;
    /// When the user pinned it; invalid when not recorded.
    QDateTime pinnedSince;
    /// Why the stored value cannot be used (the host then counts as not pinned); else empty.
    QString problem;

    bool isUsable() const { return problem.isEmpty() && sha256.size() == 32; }
};

/// Certificates the user chose to "always trust", pinned per host:port by their SHA-256
/// thumbprint. A pinned host that presents another certificate is refused by VimConnection.
///
/// Stored readably in the settings, one group per host under `PinnedCertificates`:
/// `sha256` (hex with colons), `subject`, `notAfter` and `pinnedSince` (ISO 8601, UTC).
/// Pins kept by older versions in the binary map `Security/pinnedCertificates` move there on
/// the first read; a value that is not a thumbprint is reported and ignored, never used.
class TrustStore final
{
    Q_DECLARE_TR_FUNCTIONS(TrustStore)
public:
    /// `host:port` for the server text the user typed (default port 443).
    static QString hostKey(const QString &server);
    /// Raw 32-byte thumbprint pinned for the host, or empty (also when the pin is unreadable).
    static QByteArray pinned(const QString &hostKey);
    /// What is stored for the host; an empty hostKey when nothing is.
    static PinnedCertificate entry(const QString &hostKey);
    /// Every pin by host, the unreadable ones with their problem.
    static QList<PinnedCertificate> pins();
    /// Pins `certificate` for the host, replacing what it had; pinned since now.
    static void pin(const QString &hostKey, const QSslCertificate &certificate);
    /// Pins a bare thumbprint (`thumbprintHex` as VimConnection::thumbprint() returns it).
    static void pin(const QString &hostKey, const QString &thumbprintHex);
    static void unpin(const QString &hostKey);
    /// `AB:CD:...` for people reading a thumbprint aloud or comparing it.
    static QString formatThumbprint(const QString &thumbprintHex);
};
