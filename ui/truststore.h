#pragma once

#include <QByteArray>
#include <QString>

/// Certificates the user chose to "always trust", pinned per host:port by their SHA-256
/// thumbprint. A pinned host that presents another certificate is refused by VimConnection.
class TrustStore final
{
public:
    /// `host:port` for the server text the user typed (default port 443).
    static QString hostKey(const QString &server);
    /// Raw 32-byte thumbprint pinned for the host, or empty.
    static QByteArray pinned(const QString &hostKey);
    /// `thumbprintHex` as VimConnection::thumbprint() returns it.
    static void pin(const QString &hostKey, const QString &thumbprintHex);
    static void unpin(const QString &hostKey);
    /// `AB:CD:...` for people reading a thumbprint aloud or comparing it.
    static QString formatThumbprint(const QString &thumbprintHex);
};
