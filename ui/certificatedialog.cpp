#include "certificatedialog.h"

#include "certificatetext.h"

#include <QCryptographicHash>
#include <QDialogButtonBox>
#include <QFontDatabase>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QStyle>
#include <QVBoxLayout>

namespace {

QLabel *valueLabel(const QString &text, QWidget *parent, const char *name = nullptr)
{
    auto *label = new QLabel(text, parent);
    label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    label->setWordWrap(true);
    if (name)
        label->setObjectName(QLatin1String(name));
    return label;
}

QLabel *thumbprintLabel(const QByteArray &sha256, QWidget *parent, const char *name)
{
    auto *label = valueLabel(CertificateText::thumbprint(sha256), parent, name);
    label->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    label->setAccessibleName(CertificateDialog::tr("SHA-256 thumbprint"));
    return label;
}

QLabel *sectionLabel(const QString &text, QWidget *parent)
{
    auto *label = new QLabel(text, parent);
    QFont bold = label->font();
    bold.setBold(true);
    label->setFont(bold);
    label->setContentsMargins(0, 6, 0, 0);
    return label;
}

} // namespace

CertificateDialog::CertificateDialog(const QSslCertificate &certificate, const QString &hostKey,
                                     Mode mode, const PinnedCertificate &pinned, QWidget *parent)
    : QDialog(parent)
    , m_certificate(certificate)
    , m_hostKey(hostKey)
{
    setObjectName(QStringLiteral("CertificateDialog"));
    setWindowTitle(mode == Mode::Untrusted ? tr("Untrusted Certificate")
                                           : tr("Certificate Changed"));

    auto *icon = new QLabel(this);
    icon->setPixmap(style()->standardIcon(QStyle::SP_MessageBoxWarning).pixmap(48, 48));
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
            tr("<b>The certificate of %1 has changed since you pinned it.</b><br>Servers get a "
               "new certificate when the old one expires or is replaced, but someone who "
               "intercepts the connection would also show a different one. Compare the new "
               "thumbprint with the one your administrator gives you before you trust it. "
               "Until then nothing is sent to the server.")
                .arg(hostKey.toHtmlEscaped()));
    }

    auto *form = new QFormLayout;
    form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    form->addRow(tr("Host:"), valueLabel(hostKey, this));
    if (mode == Mode::Changed) {
        addPinned(form, pinned);
        form->addRow(sectionLabel(tr("Presented now"), this));
    }
    addPresented(form);
    if (mode == Mode::Changed && !pinned.subject.isEmpty()) {
        const bool same = pinned.subject == CertificateText::subject(certificate);
        auto *hint = valueLabel(same ? tr("Same subject as the pinned certificate.")
                                     : tr("The subject differs from the pinned certificate."),
                                this, "subjectHint");
        QFont italic = hint->font();
        italic.setItalic(true);
        hint->setFont(italic);
        form->addRow(QString(), hint);
    }

    auto *buttons = new QDialogButtonBox(this);
    if (mode == Mode::Untrusted) {
        addButton(buttons, tr("Trust &Once"), "trustOnce", TrustOnce);
        addButton(buttons, tr("&Always Trust This Certificate for This Host"), "trustAlways",
                  TrustAlways);
        auto *cancel = buttons->addButton(QDialogButtonBox::Cancel);
        cancel->setDefault(true);
        connect(cancel, &QPushButton::clicked, this, &QDialog::reject);
    } else {
        addButton(buttons, tr("&Trust the New Certificate"), "replacePin", ReplacePin);
        addButton(buttons, tr("&Refuse It"), "keepPin", KeepPin)->setDefault(true);
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
    setMinimumWidth(680);
    // The wrapped texts' height for the width the dialog really has, not for a narrower guess.
    resize(minimumWidth(), qMax(heightForWidth(minimumWidth()), minimumSizeHint().height()));
}

QPushButton *CertificateDialog::addButton(QDialogButtonBox *buttons, const QString &text,
                                          const char *name, Decision decision)
{
    auto *button = buttons->addButton(text, decision == KeepPin ? QDialogButtonBox::RejectRole
                                                                : QDialogButtonBox::AcceptRole);
    button->setObjectName(QLatin1String(name));
    connect(button, &QPushButton::clicked, this, [this, decision] {
        m_decision = decision;
        done(decision);
    });
    return button;
}

void CertificateDialog::addPresented(QFormLayout *form)
{
    form->addRow(tr("SHA-256:"), thumbprintLabel(m_certificate.digest(QCryptographicHash::Sha256),
                                                 this, "thumbprint"));
    form->addRow(tr("Subject:"),
                 valueLabel(CertificateText::subject(m_certificate), this, "subject"));
    form->addRow(tr("Issuer:"), valueLabel(CertificateText::issuer(m_certificate), this));
    form->addRow(tr("Valid:", "certificate validity period"),
                 valueLabel(CertificateText::validity(m_certificate.effectiveDate(),
                                                      m_certificate.expiryDate()),
                            this, "validity"));
}

void CertificateDialog::addPinned(QFormLayout *form, const PinnedCertificate &pinned)
{
    form->addRow(sectionLabel(tr("Pinned certificate"), this));
    if (pinned.isUsable())
        form->addRow(tr("SHA-256:"), thumbprintLabel(pinned.sha256, this, "pinnedThumbprint"));
    else
        form->addRow(tr("SHA-256:"),
                     valueLabel(pinned.problem.isEmpty() ? tr("not recorded") : pinned.problem,
                                this, "pinnedThumbprint"));
    form->addRow(tr("Subject:"),
                 valueLabel(pinned.subject.isEmpty() ? tr("not recorded") : pinned.subject, this,
                            "pinnedSubject"));
    if (pinned.notAfter.isValid())
        form->addRow(
            tr("Valid:", "certificate validity period"),
            valueLabel(CertificateText::validity({}, pinned.notAfter), this, "pinnedValidity"));
    form->addRow(tr("Pinned since:"),
                 valueLabel(CertificateText::dateTime(pinned.pinnedSince), this, "pinnedSince"));
}
