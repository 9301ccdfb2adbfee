#pragma once

#include <QObject>
#include <QString>

#include <functional>

/// Passwords in the system keychain (QtKeychain), keyed by `user@host:port`. Every call is
/// asynchronous; failures come back as a sentence (no keychain service, access denied).
class CredentialStore final : public QObject
{
    Q_OBJECT
public:
    using ReadCallback =
        std::function<void(bool found, const QString &password, const QString &error)>;
    using WriteCallback = std::function<void(const QString &error)>;

    explicit CredentialStore(QObject *parent = nullptr);

    static QString accountKey(const QString &hostKey, const QString &userName);

    void readPassword(const QString &account, ReadCallback done);
    /// An empty error means the password was stored.
    void writePassword(const QString &account, const QString &password, WriteCallback done);
    void deletePassword(const QString &account, WriteCallback done = {});
};
