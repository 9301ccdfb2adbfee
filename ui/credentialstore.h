#pragma once

#include <QObject>
#include <QString>

#include <functional>

/// Passwords in the system keychain (QtKeychain), keyed by `user@host:port`. Every call is
/// asynchronous; failures come back as a sentence (no keychain service and what to install,
/// access denied, the service's own error).
class CredentialStore final : public QObject
{
    Q_OBJECT
public:
    using ReadCallback =
        std::function<void(bool found, const QString &password, const QString &error)>;
    using WriteCallback = std::function<void(const QString &error)>;

    explicit CredentialStore(QObject *parent = nullptr);

    static QString accountKey(const QString &hostKey, const QString &userName);
    /// Keychain requests of all stores not answered yet. A store destroyed meanwhile is not
    /// called back, but its requests stay out until the keychain service answers them.
    static int requestsInFlight();

    void readPassword(const QString &account, ReadCallback done);
    /// An empty error means the password was stored.
    void writePassword(const QString &account, const QString &password, WriteCallback done);
    void deletePassword(const QString &account, WriteCallback done = {});
};
