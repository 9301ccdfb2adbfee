#include "certificatetext.h"

#include <QCoreApplication>
#include <QLocale>
#include <QSslCertificate>
#include <QStringList>

namespace CertificateText {
namespace {

QString tr(const char *text, const char *disambiguation = nullptr)
{
    return QCoreApplication::translate("CertificateText", text, disambiguation);
}

QString names(const QSslCertificate &certificate, bool ofSubject)
{
    QStringList parts;
    const auto attributes = {QSslCertificate::CommonName, QSslCertificate::Organization,
                             QSslCertificate::OrganizationalUnitName, QSslCertificate::CountryName};
    for (const auto attribute : attributes) {
        const QStringList values =
            ofSubject ? certificate.subjectInfo(attribute) : certificate.issuerInfo(attribute);
        if (!values.isEmpty())
            parts.append(values.join(QStringLiteral(", ")));
    }
    return parts.isEmpty() ? tr("(none)") : parts.join(QStringLiteral(" · "));
}

} // namespace

QString subject(const QSslCertificate &certificate)
{
    return names(certificate, true);
}

QString issuer(const QSslCertificate &certificate)
{
    return names(certificate, false);
}

QString thumbprint(const QByteArray &sha256)
{
    return QString::fromLatin1(sha256.toHex(':').toUpper());
}

QString dateTime(const QDateTime &when)
{
    if (!when.isValid())
        return tr("not recorded", "an unknown date");
    return QLocale().toString(when.toLocalTime(), QLocale::ShortFormat);
}

QString validity(const QDateTime &from, const QDateTime &until)
{
    QString text;
    if (from.isValid())
        text = tr("%1 to %2").arg(dateTime(from), dateTime(until));
    else
        text = tr("until %1", "certificate validity").arg(dateTime(until));
    const QDateTime now = QDateTime::currentDateTimeUtc();
    if (until.isValid() && until < now)
        text += QLatin1Char(' ') + tr("(expired)");
    else if (from.isValid() && from > now)
        text += QLatin1Char(' ') + tr("(not yet valid)");
    return text;
}

} // namespace CertificateText
