#include "credentialstore.h"

#include "uilogging.h"

#include <qt6keychain/keychain.h>

namespace {

const QString serviceName = QStringLiteral("vtaskmon");

QString errorText(const QKeychain::Job *job)
{
    switch (job->error()) {
    case QKeychain::NoError:
    case QKeychain::EntryNotFound:
        return {};
    case QKeychain::NoBackendAvailable:
    case QKeychain::NotImplemented:
        return CredentialStore::tr(
            "No system keychain is available (for example GNOME Keyring or KWallet), so the "
            "password cannot be remembered. It is kept in memory for this session only.");
    case QKeychain::AccessDenied:
        return CredentialStore::tr("Access to the system keychain was denied.");
    default:
        return CredentialStore::tr("The system keychain reported an error: %1")
            .arg(job->errorString());
    }
}

// Jobs have no parent and delete themselves when finished: the libsecret backend calls back
// into the job from the GLib main loop with no way to cancel, so a job deleted with a
// closed dialog's store would be used after it was freed. `this` as the context of the
// `finished` connection is what keeps a gone store from hearing the answer.

} // namespace

CredentialStore::CredentialStore(QObject *parent)
    : QObject(parent)
{}

QString CredentialStore::accountKey(const QString &hostKey, const QString &userName)
{
    return userName + QLatin1Char('@') + hostKey;
}

void CredentialStore::readPassword(const QString &account, ReadCallback done)
{
    auto *job = new QKeychain::ReadPasswordJob(serviceName);
    job->setKey(account);
    connect(job, &QKeychain::Job::finished, this, [done = std::move(done)](QKeychain::Job *j) {
        auto *read = static_cast<QKeychain::ReadPasswordJob *>(j);
        const QString error = errorText(j);
        if (!error.isEmpty())
            qCInfo(lcUi) << "keychain read failed:" << j->error();
        done(j->error() == QKeychain::NoError, read->textData(), error);
    });
    job->start();
}

void CredentialStore::writePassword(const QString &account, const QString &password,
                                    WriteCallback done)
{
    auto *job = new QKeychain::WritePasswordJob(serviceName);
    job->setKey(account);
    job->setTextData(password);
    connect(job, &QKeychain::Job::finished, this, [done = std::move(done)](QKeychain::Job *j) {
        if (done)
            done(errorText(j));
    });
    job->start();
}

void CredentialStore::deletePassword(const QString &account, WriteCallback done)
{
    auto *job = new QKeychain::DeletePasswordJob(serviceName);
    job->setKey(account);
    connect(job, &QKeychain::Job::finished, this, [done = std::move(done)](QKeychain::Job *j) {
        if (done)
            done(errorText(j));
    });
    job->start();
}
