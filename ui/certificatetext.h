#pragma once

#include <QDateTime>
#include <QString>

class QSslCertificate;

/// How certificates read to people, the same in the certificate dialog, the trust store and
/// the Certificates settings page.
namespace CertificateText {

/// Common name, organisation, unit and country, joined by " · "; "(none)" if it names nothing.
QString subject(const QSslCertificate &certificate);
QString issuer(const QSslCertificate &certificate);
/// `AB:CD:…` from a raw digest, for people reading a thumbprint aloud or comparing it.
QString thumbprint(const QByteArray &sha256);
/// A point in time in the user's locale and time zone; "not recorded" when unknown.
QString dateTime(const QDateTime &when);
/// "from to until", marked "(expired)" or "(not yet valid)" against the current time. Either
/// end may be unknown.
QString validity(const QDateTime &from, const QDateTime &until);

} // namespace CertificateText
