#include "truststore.h"

#include "uisettings.h"

#include <vimconnection.h>

QString TrustStore::hostKey(const QString &server)
{
    const QUrl url = VimConnection::baseUrlFor(server, true);
    if (!url.isValid() || url.host().isEmpty())
        return server.trimmed().toLower();
    const int defaultPort = url.scheme() == QLatin1String("http") ? 80 : 443;
    return url.host().toLower() + QLatin1Char(':') + QString::number(url.port(defaultPort));
}

QByteArray TrustStore::pinned(const QString &hostKey)
{
    return QByteArray::fromHex(
        UiSettings::pinnedCertificates.get().value(hostKey).toString().toLatin1());
}

void TrustStore::pin(const QString &hostKey, const QString &thumbprintHex)
{
    QVariantMap map = UiSettings::pinnedCertificates.get();
    map.insert(hostKey, thumbprintHex.toLower());
    UiSettings::pinnedCertificates.set(map);
}

void TrustStore::unpin(const QString &hostKey)
{
    QVariantMap map = UiSettings::pinnedCertificates.get();
    map.remove(hostKey);
    UiSettings::pinnedCertificates.set(map);
}

QString TrustStore::formatThumbprint(const QString &thumbprintHex)
{
    const QString hex = thumbprintHex.toUpper();
    QStringList pairs;
    for (qsizetype i = 0; i + 1 < hex.size(); i += 2)
        pairs.append(hex.mid(i, 2));
    return pairs.join(QLatin1Char(':'));
}
