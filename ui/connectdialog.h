#pragma once

#include <vimconnection.h>

#include <QDialog>

class CertificateDialog;
class CredentialStore;
class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QProgressBar;
class QPushButton;

/// Asks for server, user and password (optionally remembered in the system keychain), API
/// release and locale, then connects `connection` and stays open until it is connected or the
/// user gives up. Untrusted and changed certificates go through CertificateDialog.
class ConnectDialog final : public QDialog
{
    Q_OBJECT
public:
    ConnectDialog(VimConnection *connection, CredentialStore *credentials,
                  QWidget *parent = nullptr);
    ~ConnectDialog() override;

    void setServer(const QString &server);
    void setUserName(const QString &userName);
    void setLocale(const QString &locale);
    /// Certificate checks off entirely (`--insecure`); shown as a warning in the dialog.
    void setInsecure(bool insecure);
    /// The options as filled in, without any trust decisions.
    ConnectOptions options() const;
    /// The last error shown, for tests and screen readers.
    QString errorText() const;

public Q_SLOTS:
    void connectToServer();

private:
    void onStateChanged(VimConnection::State state);
    void handleFailure();
    void onCertificateDecision(const CertificateDialog *dialog, bool changed);
    void showError(const QString &text);
    void setBusy(bool busy);
    void loadRememberedPassword();
    void checkKeychain();
    void saveOnSuccess();

    VimConnection *m_connection;
    CredentialStore *m_credentials;
    QComboBox *m_server;
    QLineEdit *m_user;
    QLineEdit *m_password;
    QCheckBox *m_remember;
    QLabel *m_keychainNote;
    QComboBox *m_release;
    QComboBox *m_locale;
    QLabel *m_insecureNote;
    QLabel *m_error;
    QProgressBar *m_busy;
    QPushButton *m_connectButton;
    bool m_insecure = false;
    bool m_connecting = false;
    /// Thumbprints trusted once, for this run only, per host.
    QHash<QString, QList<QByteArray>> m_trustedOnce;
};
