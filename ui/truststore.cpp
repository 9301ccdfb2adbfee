#include "truststore.h"

#include "certificatetext.h"
#include "uilogging.h"
#include "uisettings.h"

#include <vimconnection.h>

#include <QCryptographicHash>
#include <QRegularExpression>
#include <QSet>
#include <QSettings>
#include <QSslCertificate>

namespace {

const QString shaKey = QStringLiteral("sha256");
const QString subjectKey = QStringLiteral("subject");
const QString notAfterKey = QStringLiteral("notAfter");
const QString pinnedSinceKey = QStringLiteral("pinnedSince");

QString groupOf(const QString &hostKey)
{
    return UiSettings::pinnedCertificatesGroup + QLatin1Char('/') + hostKey;
}

/// A slash would nest groups: such a key is no host:port the user could connect to anyway.
bool storable(const QString &hostKey)
{
    return !hostKey.isEmpty() && !hostKey.contains(QLatin1Char('/')) &&
           !hostKey.contains(QLatin1Char('\\'));
}

/// Says each distinct problem once per run, not at every connect.
void warnOnce(const QString &message)
{
    static QSet<QString> said;
    if (said.contains(message))
        return;
    said.insert(message);
    qCWarning(lcUi).noquote() << message;
}

/// A stored value as a person can read it in a message: text (shortened) or a byte count.
QString describe(const QVariant &value)
{
    if (!value.isValid())
        return TrustStore::tr("an unreadable value");
    if (value.typeId() == QMetaType::QByteArray) {
        const QByteArray bytes = value.toByteArray();
        const bool printable =
            std::all_of(bytes.cbegin(), bytes.cend(), [](char c) { return c >= 0x20 && c < 0x7f; });
        if (!printable)
            return TrustStore::tr("binary data (%1 bytes)").arg(bytes.size());
    } else if (!value.canConvert<QString>()) {
        return TrustStore::tr("a value of type %1").arg(QLatin1String(value.typeName()));
    }
    QString text = value.toString();
    if (text.size() > 40)
        text = text.left(37) + QStringLiteral("…");
    return QStringLiteral("“%1”").arg(text);
}

/// The raw SHA-256 in a stored value: 64 hex digits, colons and spaces allowed, or the 32 raw
/// bytes of a binary value. Anything else sets `problem`.
QByteArray parseThumbprint(const QVariant &value, QString *problem)
{
    if (value.typeId() == QMetaType::QByteArray && value.toByteArray().size() == 32)
        return value.toByteArray();
    if (!value.isValid() || (value.canConvert<QString>() && value.toString().isEmpty())) {
        *problem = TrustStore::tr("no thumbprint is stored");
        return {};
    }
    if (value.canConvert<QString>()) {
        QString digits = value.toString();
        digits.remove(QRegularExpression(QStringLiteral("[:\\s]")));
        static const QRegularExpression hex(QStringLiteral("^[0-9A-Fa-f]{64}$"));
        if (hex.match(digits).hasMatch())
            return QByteArray::fromHex(digits.toLatin1());
    }
    *problem = TrustStore::tr("%1 is not a SHA-256 thumbprint (64 hexadecimal digits)")
                   .arg(describe(value));
    return {};
}

QDateTime readTime(const QSettings &settings, const QString &key)
{
    const QString text = settings.value(key).toString();
    const QDateTime when = QDateTime::fromString(text, Qt::ISODate);
    if (!text.isEmpty() && !when.isValid())
        warnOnce(TrustStore::tr("%1 in %2 is not a date; it is shown as not recorded.")
                     .arg(settings.group() + QLatin1Char('/') + key, settings.fileName()));
    return when;
}

QString timeText(const QDateTime &when)
{
    return when.toUTC().toString(Qt::ISODate);
}

/// Moves the binary map of older versions (host → hex, or host → raw bytes) into the
/// readable groups. A pin made since wins; entries that cannot move stay where they were.
void migrateLegacy(QSettings &settings)
{
    const QString key = UiSettings::legacyPinnedCertificates.key();
    if (!settings.contains(key))
        return;
    const QVariant legacy = settings.value(key);
    if (legacy.typeId() != QMetaType::QVariantMap) {
        warnOnce(TrustStore::tr("%1 in %2 holds %3, not pinned certificates; it is ignored.")
                     .arg(key, settings.fileName(), describe(legacy)));
        return;
    }
    const QVariantMap map = legacy.toMap();
    QVariantMap kept;
    int moved = 0;
    for (auto it = map.cbegin(); it != map.cend(); ++it) {
        const QString host = it.key().trimmed().toLower();
        if (!storable(host)) {
            kept.insert(it.key(), it.value());
            continue;
        }
        const QString shaPath = groupOf(host) + QLatin1Char('/') + shaKey;
        if (settings.contains(shaPath))
            continue;
        QString problem;
        const QByteArray sha = parseThumbprint(it.value(), &problem);
        // An unreadable value moves as it is, so that nothing is lost; reading reports it.
        settings.setValue(shaPath, problem.isEmpty() ? QVariant(CertificateText::thumbprint(sha))
                                                     : it.value());
        ++moved;
    }
    if (kept.isEmpty()) {
        settings.remove(key);
    } else {
        settings.setValue(key, kept);
        warnOnce(TrustStore::tr("%1 in %2 keeps %3 entries that name no host; they are ignored.")
                     .arg(key, settings.fileName())
                     .arg(kept.size()));
    }
    qCInfo(lcUi) << "moved" << moved << "pinned certificate(s) to"
                 << UiSettings::pinnedCertificatesGroup;
}

PinnedCertificate read(QSettings &settings, const QString &hostKey)
{
    PinnedCertificate p;
    if (!storable(hostKey))
        return p;
    settings.beginGroup(groupOf(hostKey));
    if (!settings.childKeys().isEmpty()) {
        p.hostKey = hostKey;
        p.sha256 = parseThumbprint(settings.value(shaKey), &p.problem);
        p.subject = settings.value(subjectKey).toString();
        p.notAfter = readTime(settings, notAfterKey);
        p.pinnedSince = readTime(settings, pinnedSinceKey);
    }
    settings.endGroup();
    return p;
}

void write(const QString &hostKey, const QByteArray &sha256, const QSslCertificate *certificate)
{
    if (!storable(hostKey) || sha256.size() != 32) {
        qCWarning(lcUi) << "not pinned: no host or no SHA-256 for" << hostKey;
        return;
    }
    QSettings settings;
    migrateLegacy(settings);
    settings.remove(groupOf(hostKey));
    settings.beginGroup(groupOf(hostKey));
    settings.setValue(shaKey, CertificateText::thumbprint(sha256));
    if (certificate) {
        settings.setValue(subjectKey, CertificateText::subject(*certificate));
        settings.setValue(notAfterKey, timeText(certificate->expiryDate()));
    }
    settings.setValue(pinnedSinceKey, timeText(QDateTime::currentDateTimeUtc()));
    settings.endGroup();
}

} // namespace

QString TrustStore::hostKey(const QString &server)
{
    const QUrl url = VimConnection::baseUrlFor(server, true);
    if (!url.isValid() || url.host().isEmpty())
        return server.trimmed().toLower();
    const int defaultPort = url.scheme() == QLatin1String("http") ? 80 : 443;
    return url.host().toLower() + QLatin1Char(':') + QString::number(url.port(defaultPort));
}

PinnedCertificate TrustStore::entry(const QString &hostKey)
{
    QSettings settings;
    migrateLegacy(settings);
    return read(settings, hostKey);
}

QByteArray TrustStore::pinned(const QString &hostKey)
{
    const PinnedCertificate p = entry(hostKey);
    if (!p.hostKey.isEmpty() && !p.isUsable())
        warnOnce(tr("The certificate pinned for %1 cannot be used: %2. The host counts as not "
                    "pinned; pin its certificate again, or remove the pin under Settings, "
                    "Certificates.")
                     .arg(hostKey, p.problem));
    return p.isUsable() ? p.sha256 : QByteArray();
}

QList<PinnedCertificate> TrustStore::pins()
{
    QSettings settings;
    migrateLegacy(settings);
    settings.beginGroup(UiSettings::pinnedCertificatesGroup);
    QStringList hosts = settings.childGroups();
    settings.endGroup();
    hosts.sort();
    QList<PinnedCertificate> out;
    for (const QString &host : std::as_const(hosts)) {
        PinnedCertificate p = read(settings, host);
        if (!p.hostKey.isEmpty())
            out.append(std::move(p));
    }
    return out;
}

void TrustStore::pin(const QString &hostKey, const QSslCertificate &certificate)
{
    write(hostKey, certificate.digest(QCryptographicHash::Sha256), &certificate);
}

void TrustStore::pin(const QString &hostKey, const QString &thumbprintHex)
{
    write(hostKey, QByteArray::fromHex(thumbprintHex.toLatin1()), nullptr);
}

void TrustStore::unpin(const QString &hostKey)
{
    QSettings settings;
    migrateLegacy(settings);
    if (storable(hostKey))
        settings.remove(groupOf(hostKey));
}

QString TrustStore::formatThumbprint(const QString &thumbprintHex)
{
    return CertificateText::thumbprint(QByteArray::fromHex(thumbprintHex.toLatin1()));
}
