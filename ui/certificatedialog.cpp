#include "certificatedialog.h"

#include "truststore.h"

#include <vimconnection.h>

#include <QDialogButtonBox>
#include <QFontDatabase>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLocale>
#include <QPushButton>
#include <QStyle>
#include <QVBoxLayout>

namespace {

QString names(const QSslCertificate &cert, bool subject)
{
    QStringList parts;
    const auto attrs = {QSslCertificate::CommonName, QSslCertificate::Organization,
                        QSslCertificate::OrganizationalUnitName, QSslCertificate::CountryName};
    for (const auto attr : attrs) {
        const QStringList values = subject ? cert.subjectInfo(attr) : cert.issuerInfo(attr);
        if (!values.isEmpty())
            parts.append(values.join(QStringLiteral(", ")));
    }
    return parts.isEmpty() ? CertificateDialog::tr("(none)") : parts.join(QStringLiteral(" · "));
}

QLabel *valueLabel(const QString &text, QWidget *parent)
{
    auto *label = new QLabel(text, parent);
    label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    label->setWordWrap(true);
    return label;
}

} // namespace

CertificateDialog::CertificateDialog(const QSslCertificate &certificate, const QString &hostKey,
                                     Mode mode, const QString &pinnedThumbprint, QWidget *parent)
    : QDialog(parent)
{
    setObjectName(QStringLiteral("CertificateDialog"));
    setWindowTitle(mode == Mode::Untrusted ? tr("Untrusted Certificate")
                                           : tr("Certificate Changed"));

    auto *icon = new QLabel(this);
    const auto pixmap =
        mode == Mode::Untrusted ? QStyle::SP_MessageBoxWarning : QStyle::SP_MessageBoxCritical;
    icon->setPixmap(style()->standardIcon(pixmap).pixmap(48, 48));
    icon->setAlignment(Qt::AlignTop);

    auto *headline = new QLabel(this);
    headline->setWordWrap(true);
    headline->setTextFormat(Qt::RichText);
    if (mode == Mode::Untrusted) {
        headline->setText(
            tr("<b>The certificate of %1 is not trusted.</b><br>Nobody vouches that this server is "
               "the one you meant. Compare the thumbprint below with the one your administrator "
               "gave you before you trust it.")
                .arg(hostKey.toHtmlEscaped()));
    } else {
        headline->setText(
            tr("<b>The certificate of %1 has changed, so the connection was refused.</b><br>You "
               "pinned a different certificate for this host. Someone may be intercepting the "
               "connection; or the server got a new certificate. Ask your administrator before "
               "you connect again.")
                .arg(hostKey.toHtmlEscaped()));
    }

    const QFont mono = QFontDatabase::systemFont(QFontDatabase::FixedFont);
    const QString thumbprint = VimConnection::thumbprint(certificate);
    auto *form = new QFormLayout;
    form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    form->addRow(tr("Host:"), valueLabel(hostKey, this));
    form->addRow(tr("Subject:"), valueLabel(names(certificate, true), this));
    form->addRow(tr("Issuer:"), valueLabel(names(certificate, false), this));
    const QLocale locale;
    const QDateTime now = QDateTime::currentDateTimeUtc();
    QString validity =
        tr("%1 to %2")
            .arg(locale.toString(certificate.effectiveDate().toLocalTime(), QLocale::ShortFormat),
                 locale.toString(certificate.expiryDate().toLocalTime(), QLocale::ShortFormat));
    if (certificate.expiryDate() < now)
        validity += QLatin1Char(' ') + tr("(expired)");
    else if (certificate.effectiveDate() > now)
        validity += QLatin1Char(' ') + tr("(not yet valid)");
    form->addRow(tr("Valid:", "certificate validity period"), valueLabel(validity, this));
    auto *thumbLabel = valueLabel(TrustStore::formatThumbprint(thumbprint), this);
    thumbLabel->setObjectName(QStringLiteral("thumbprint"));
    thumbLabel->setFont(mono);
    thumbLabel->setAccessibleName(tr("SHA-256 thumbprint"));
    form->addRow(tr("SHA-256:"), thumbLabel);
    if (mode == Mode::Changed && !pinnedThumbprint.isEmpty()) {
        auto *pinnedLabel = valueLabel(TrustStore::formatThumbprint(pinnedThumbprint), this);
        pinnedLabel->setFont(mono);
        form->addRow(tr("Pinned:", "the certificate thumbprint the user pinned"), pinnedLabel);
    }

    auto *buttons = new QDialogButtonBox(this);
    if (mode == Mode::Untrusted) {
        auto *once = buttons->addButton(tr("Trust &Once"), QDialogButtonBox::AcceptRole);
        once->setObjectName(QStringLiteral("trustOnce"));
        auto *always = buttons->addButton(tr("&Always Trust This Certificate for This Host"),
                                          QDialogButtonBox::AcceptRole);
        always->setObjectName(QStringLiteral("trustAlways"));
        auto *cancel = buttons->addButton(QDialogButtonBox::Cancel);
        cancel->setDefault(true);
        connect(once, &QPushButton::clicked, this, [this] {
            m_decision = TrustOnce;
            done(TrustOnce);
        });
        connect(always, &QPushButton::clicked, this, [this] {
            m_decision = TrustAlways;
            done(TrustAlways);
        });
        connect(cancel, &QPushButton::clicked, this, &QDialog::reject);
    } else {
        auto *close = buttons->addButton(QDialogButtonBox::Close);
        close->setDefault(true);
        connect(close, &QPushButton::clicked, this, &QDialog::reject);
    }

    auto *text = new QVBoxLayout;
    text->addWidget(headline);
    text->addSpacing(8);
    text->addLayout(form);
    auto *top = new QHBoxLayout;
    top->addWidget(icon, 0, Qt::AlignTop);
    top->addSpacing(8);
    top->addLayout(text, 1);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(top);
    layout->addStretch();
    layout->addWidget(buttons);
    setMinimumWidth(620);
}
