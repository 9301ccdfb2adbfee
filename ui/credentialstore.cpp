#include "credentialstore.h"

#include "uilogging.h"

#include <qt6keychain/keychain.h>

#include <QDBusConnection>
#include <QDBusConnectionInterface>

namespace {

const QString serviceName = QStringLiteral("vtaskmon");

// The D-Bus names of the keychain services QtKeychain can talk to on Linux: the Secret Service
// (GNOME Keyring, KeePassXC, recent KWallet) and the KWallet daemons.
const char *const keychainServices[] = {"org.freedesktop.secrets", "org.kde.kwalletd6",
                                        "org.kde.kwalletd5", "org.kde.kwalletd"};

// Whether any keychain service runs on the session bus or can be started by it. Only asked
// after a job failed: without one, QtKeychain's own error says nothing useful ("Unknown
// error" when it found no library to ask, a D-Bus error text from libsecret).
bool keychainServiceAvailable()
{
    QDBusConnection bus = QDBusConnection::sessionBus();
    if (!bus.isConnected() || !bus.interface())
        return false;
    const QStringList activatable = bus.interface()->activatableServiceNames().value();
    for (const char *name : keychainServices) {
        const QString service = QString::fromLatin1(name);
        if (activatable.contains(service) || bus.interface()->isServiceRegistered(service).value())
            return true;
    }
    return false;
}

QString errorText(const QKeychain::Job *job)
{
    switch (job->error()) {
    case QKeychain::NoError:
    case QKeychain::EntryNotFound:
        return {};
    case QKeychain::AccessDenied:
        return CredentialStore::tr("Access to the system keychain was denied.");
    case QKeychain::NoBackendAvailable:
    case QKeychain::NotImplemented:
        break;
    default:
        if (keychainServiceAvailable())
            return CredentialStore::tr("The system keychain reported an error: %1")
                .arg(job->errorString());
        break;
    }
    return CredentialStore::tr(
        "No keychain service is available, so the password cannot be remembered; it is kept in "
        "memory for this session only. To remember passwords, install and start a Secret "
        "Service provider such as GNOME Keyring (Debian package gnome-keyring) or KWallet "
        "(kwalletmanager).");
}

// Jobs not finished yet, in every store.
int g_inFlight = 0;

// Counts the job until it finishes, whether or not anyone still listens.
template<typename Job>
Job *track(Job *job)
{
    ++g_inFlight;
    QObject::connect(job, &QKeychain::Job::finished, job, [] { --g_inFlight; });
    return job;
}

// Jobs have no parent and delete themselves when finished: the libsecret backend calls back
// into the job from the GLib main loop with no way to cancel, so a job deleted with a
// closed dialog's store would be used after it was freed. `this` as the context of the
// `finished` connection is what keeps a gone store from hearing the answer.

} // namespace

CredentialStore::CredentialStore(QObject *parent)
    : QObject(parent)
{}

int CredentialStore::requestsInFlight()
{
    return g_inFlight;
}

QString CredentialStore::accountKey(const QString &hostKey, const QString &userName)
{
    return userName + QLatin1Char('@') + hostKey;
}

void CredentialStore::readPassword(const QString &account, ReadCallback done)
{
    auto *job = track(new QKeychain::ReadPasswordJob(serviceName));
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
    auto *job = track(new QKeychain::WritePasswordJob(serviceName));
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
    auto *job = track(new QKeychain::DeletePasswordJob(serviceName));
    job->setKey(account);
    connect(job, &QKeychain::Job::finished, this, [done = std::move(done)](QKeychain::Job *j) {
        if (done)
            done(errorText(j));
    });
    job->start();
}
