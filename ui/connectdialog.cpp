#include "connectdialog.h"

#include "certificatedialog.h"
#include "credentialstore.h"
#include "icons.h"
#include "truststore.h"
#include "uilogging.h"
#include "uisettings.h"

#include <QCheckBox>
#include <QComboBox>
#include <QCryptographicHash>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QProgressBar>
#include <QPushButton>
#include <QVBoxLayout>

namespace {
constexpr int maxRecentServers = 10;

QLabel *noteLabel(QWidget *parent, const QString &name)
{
    auto *label = new QLabel(parent);
    label->setObjectName(name);
    label->setWordWrap(true);
    label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    label->hide();
    return label;
}
} // namespace

ConnectDialog::ConnectDialog(VimConnection *connection, CredentialStore *credentials,
                             QWidget *parent)
    : QDialog(parent)
    , m_connection(connection)
    , m_credentials(credentials)
{
    setObjectName(QStringLiteral("ConnectDialog"));
    setWindowTitle(tr("Connect to vCenter"));
    setWindowIcon(Icons::app());

    m_server = new QComboBox(this);
    m_server->setObjectName(QStringLiteral("server"));
    m_server->setEditable(true);
    m_server->addItems(UiSettings::recentServers.get());
    m_server->setInsertPolicy(QComboBox::NoInsert);
    m_server->lineEdit()->setPlaceholderText(tr("vcenter.example.com or host:port"));
    m_server->setAccessibleName(tr("Server"));
    m_server->setMinimumContentsLength(28);

    m_user = new QLineEdit(UiSettings::lastUser.get(), this);
    m_user->setObjectName(QStringLiteral("user"));
    m_user->setPlaceholderText(tr("administrator@vsphere.local"));
    m_user->setAccessibleName(tr("User name"));

    m_password = new QLineEdit(this);
    m_password->setObjectName(QStringLiteral("password"));
    m_password->setEchoMode(QLineEdit::Password);
    m_password->setAccessibleName(tr("Password"));

    m_remember = new QCheckBox(tr("&Remember the password in the system keychain"), this);
    m_remember->setObjectName(QStringLiteral("remember"));
    m_remember->setChecked(UiSettings::rememberPassword.get());
    m_keychainNote = noteLabel(this, QStringLiteral("keychainNote"));

    m_release = new QComboBox(this);
    m_release->setObjectName(QStringLiteral("apiRelease"));
    m_release->setAccessibleName(tr("API release"));
    m_release->addItem(tr("Automatic (newest both sides speak)"), QString());
    for (const QString &r : VimConnection::knownReleases())
        m_release->addItem(r, r);
    m_release->setCurrentIndex(qMax(0, m_release->findData(UiSettings::apiRelease.get())));

    m_locale = new QComboBox(this);
    m_locale->setObjectName(QStringLiteral("locale"));
    m_locale->setAccessibleName(tr("Locale of server messages"));
    for (const char *code : {"en", "de", "fr"}) {
        const QString c = QLatin1String(code);
        const QLocale l(c);
        m_locale->addItem(QStringLiteral("%1 (%2)").arg(l.nativeLanguageName(), c), c);
    }
    QString locale = UiSettings::sessionLocale.get();
    if (locale.isEmpty())
        locale = QLocale().language() == QLocale::C
                     ? QStringLiteral("en")
                     : QLocale().name().section(QLatin1Char('_'), 0, 0);
    m_locale->setCurrentIndex(qMax(0, m_locale->findData(locale)));

    auto *form = new QFormLayout;
    form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    form->addRow(tr("&Server:"), m_server);
    form->addRow(tr("&User name:"), m_user);
    form->addRow(tr("&Password:"), m_password);
    form->addRow(QString(), m_remember);
    form->addRow(QString(), m_keychainNote);
    form->addRow(tr("API &release:"), m_release);
    form->addRow(tr("&Language:", "of server messages"), m_locale);

    m_insecureNote = noteLabel(this, QStringLiteral("insecureNote"));
    m_insecureNote->setText(tr("⚠ Certificate verification is switched off (--insecure). Anyone on "
                               "the network path can read and change this session."));
    m_error = noteLabel(this, QStringLiteral("error"));
    m_error->setAccessibleName(tr("Connection error"));
    QFont bold = m_error->font();
    bold.setBold(true);
    m_error->setFont(bold);

    m_busy = new QProgressBar(this);
    m_busy->setRange(0, 0);
    m_busy->setTextVisible(false);
    m_busy->setMaximumHeight(6);
    m_busy->hide();

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Cancel, this);
    m_connectButton = buttons->addButton(tr("&Connect"), QDialogButtonBox::AcceptRole);
    m_connectButton->setObjectName(QStringLiteral("connect"));
    m_connectButton->setDefault(true);
    connect(m_connectButton, &QPushButton::clicked, this, &ConnectDialog::connectToServer);
    connect(buttons, &QDialogButtonBox::rejected, this, [this] {
        if (m_connecting)
            m_connection->disconnectFromServer();
        reject();
    });

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(m_insecureNote);
    layout->addWidget(m_error);
    layout->addStretch();
    layout->addWidget(m_busy);
    layout->addWidget(buttons);

    connect(m_connection, &VimConnection::stateChanged, this, &ConnectDialog::onStateChanged);
    connect(m_remember, &QCheckBox::toggled, this, [this](bool on) {
        if (on)
            checkKeychain();
        else
            m_keychainNote->hide();
    });
    connect(m_user, &QLineEdit::editingFinished, this, &ConnectDialog::loadRememberedPassword);
    connect(m_server, &QComboBox::currentTextChanged, this, &ConnectDialog::loadRememberedPassword);

    restoreGeometry(UiSettings::connectDialogGeometry.get());
    setMinimumWidth(520);
    if (!m_user->text().isEmpty())
        m_password->setFocus();
    loadRememberedPassword();
}

ConnectDialog::~ConnectDialog()
{
    UiSettings::connectDialogGeometry.set(saveGeometry());
}

void ConnectDialog::setServer(const QString &server)
{
    m_server->setCurrentText(server);
}
void ConnectDialog::setUserName(const QString &userName)
{
    m_user->setText(userName);
}

void ConnectDialog::setLocale(const QString &locale)
{
    const int i = m_locale->findData(locale);
    if (i >= 0)
        m_locale->setCurrentIndex(i);
}

void ConnectDialog::setInsecure(bool insecure)
{
    m_insecure = insecure;
    m_insecureNote->setVisible(insecure);
}

QString ConnectDialog::errorText() const
{
    return m_error->isVisible() ? m_error->text() : QString();
}

ConnectOptions ConnectDialog::options() const
{
    ConnectOptions o;
    o.server = m_server->currentText().trimmed();
    o.userName = m_user->text().trimmed();
    o.password = m_password->text();
    o.locale = m_locale->currentData().toString();
    o.apiRelease = m_release->currentData().toString();
    o.insecure = m_insecure;
    o.allowHttp = o.server.startsWith(QLatin1String("http://"));
    return o;
}

void ConnectDialog::connectToServer()
{
    ConnectOptions o = options();
    if (o.server.isEmpty() || o.userName.isEmpty()) {
        showError(tr("Enter the server and your user name."));
        (o.server.isEmpty() ? static_cast<QWidget *>(m_server) : m_user)->setFocus();
        return;
    }
    QString urlError;
    if (!VimConnection::baseUrlFor(o.server, o.allowHttp, &urlError).isValid()) {
        showError(tr("“%1” is not a server address: %2").arg(o.server, urlError));
        return;
    }
    const QString host = TrustStore::hostKey(o.server);
    o.pinnedSha256 = TrustStore::pinned(host);
    o.trustedSha256 = m_trustedOnce.value(host);
    qCInfo(lcUi) << "connecting to" << o.server << "as" << o.userName;
    m_error->hide();
    setBusy(true);
    m_connection->connectToServer(o);
}

void ConnectDialog::setBusy(bool busy)
{
    m_connecting = busy;
    m_busy->setVisible(busy);
    m_connectButton->setEnabled(!busy);
    for (QWidget *w :
         std::initializer_list<QWidget *>{m_server, m_user, m_password, m_release, m_locale})
        w->setEnabled(!busy);
}

void ConnectDialog::onStateChanged(VimConnection::State state)
{
    if (!m_connecting)
        return;
    if (state == VimConnection::State::Connected) {
        setBusy(false);
        saveOnSuccess();
        accept();
    } else if (state == VimConnection::State::Failed) {
        // Disconnected is not a failure here: connecting again passes through it.
        setBusy(false);
        // Out of the signal emission: the handler may show a modal dialog and reconnect.
        QMetaObject::invokeMethod(this, &ConnectDialog::handleFailure, Qt::QueuedConnection);
    }
}

void ConnectDialog::handleFailure()
{
    const ConnectOptions o = options();
    const QString host = TrustStore::hostKey(o.server);
    const QString detail = m_connection->failureMessage();
    using R = VimConnection::FailureReason;
    switch (m_connection->failureReason()) {
    case R::CertificateUntrusted:
    case R::CertificateChanged: {
        const bool changed = m_connection->failureReason() == R::CertificateChanged;
        const QList<QSslCertificate> chain = m_connection->peerChain();
        if (chain.isEmpty()) {
            showError(changed ? detail
                              : tr("The server's certificate is not trusted, and it sent no "
                                   "certificate to show."));
            return;
        }
        if (changed)
            showError(tr("%1 presented a different certificate from the one you pinned. "
                         "Compare them and decide.")
                          .arg(host));
        // Opened, not exec()'d: no event loop nested in this reaction to the network.
        auto *dialog = new CertificateDialog(
            chain.first(), host,
            changed ? CertificateDialog::Mode::Changed : CertificateDialog::Mode::Untrusted,
            changed ? TrustStore::entry(host) : PinnedCertificate{}, this);
        dialog->setAttribute(Qt::WA_DeleteOnClose);
        connect(dialog, &QDialog::finished, this,
                [this, dialog, changed] { onCertificateDecision(dialog, changed); });
        dialog->open();
        return;
    }
    case R::InvalidLogin:
        showError(tr("The user name or password is wrong."));
        m_password->setFocus();
        m_password->selectAll();
        return;
    case R::NoPermission:
        showError(
            tr("User %1 may log in but has no permission to use this server.").arg(o.userName));
        return;
    case R::Unreachable:
        showError(
            tr("%1 cannot be reached. Check the name and port, and that the server is running "
               "and reachable from this computer.\n(%2)")
                .arg(host, detail));
        return;
    case R::NotVSphere:
        showError(tr("%1 answers, but not with the vSphere API. Is this the address of a vCenter "
                     "Server or ESXi host?")
                      .arg(host));
        return;
    case R::NoCommonRelease:
        showError(tr("%1 and vtaskmon have no API release in common. Choose an API release "
                     "explicitly, or use a newer vtaskmon.")
                      .arg(host));
        return;
    case R::InvalidServer:
    case R::ServerError:
    case R::None:
        break;
    }
    showError(detail.isEmpty() ? tr("The connection failed.") : detail);
}

void ConnectDialog::onCertificateDecision(const CertificateDialog *dialog, bool changed)
{
    const QString host = dialog->hostKey();
    switch (dialog->decision()) {
    case CertificateDialog::TrustOnce:
        m_trustedOnce[host].append(dialog->certificate().digest(QCryptographicHash::Sha256));
        connectToServer();
        return;
    case CertificateDialog::TrustAlways:
    case CertificateDialog::ReplacePin:
        TrustStore::pin(host, dialog->certificate());
        connectToServer();
        return;
    case CertificateDialog::KeepPin:
    case CertificateDialog::Rejected:
        break;
    }
    showError(changed ? tr("Refused: %1 presented a different certificate from the one you "
                           "pinned, and the pin stays. Someone may be intercepting the connection.")
                            .arg(host)
                      : tr("Not connected: the server's certificate was not trusted."));
}

void ConnectDialog::showError(const QString &text)
{
    m_error->setText(text);
    m_error->show();
}

void ConnectDialog::checkKeychain()
{
    // Probe early, so that a missing keychain is explained before the user relies on it.
    m_credentials->readPassword(
        QStringLiteral("vtaskmon-probe"),
        [this, guard = QPointer(this)](bool, const QString &, const QString &error) {
            if (!guard)
                return;
            m_keychainNote->setText(error);
            m_keychainNote->setVisible(!error.isEmpty());
            if (!error.isEmpty())
                m_remember->setChecked(false);
        });
}

void ConnectDialog::loadRememberedPassword()
{
    if (!m_remember->isChecked() || !m_password->text().isEmpty())
        return;
    const ConnectOptions o = options();
    if (o.server.isEmpty() || o.userName.isEmpty())
        return;
    m_credentials->readPassword(
        CredentialStore::accountKey(TrustStore::hostKey(o.server), o.userName),
        [this, guard = QPointer(this)](bool found, const QString &password, const QString &error) {
            if (!guard)
                return;
            if (found && m_password->text().isEmpty())
                m_password->setText(password);
            if (!error.isEmpty()) {
                m_keychainNote->setText(error);
                m_keychainNote->show();
            }
        });
}

void ConnectDialog::saveOnSuccess()
{
    const ConnectOptions o = options();
    QStringList recent = UiSettings::recentServers.get();
    recent.removeAll(o.server);
    recent.prepend(o.server);
    UiSettings::recentServers.set(recent.mid(0, maxRecentServers));
    UiSettings::lastUser.set(o.userName);
    UiSettings::apiRelease.set(o.apiRelease);
    UiSettings::sessionLocale.set(o.locale);
    UiSettings::rememberPassword.set(m_remember->isChecked());
    const QString account = CredentialStore::accountKey(TrustStore::hostKey(o.server), o.userName);
    if (m_remember->isChecked())
        m_credentials->writePassword(account, o.password, [](const QString &error) {
            if (!error.isEmpty())
                qCWarning(lcUi) << "password not remembered:" << error;
        });
    else
        m_credentials->deletePassword(account);
}
