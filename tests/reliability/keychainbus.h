#pragma once

// A D-Bus session bus of the test's own, and a keychain service on it whose answers the test
// controls. QtKeychain on Linux talks to a keychain service over the session bus (libsecret to
// the Secret Service, or KWallet's daemon); with both under the test's control, a test sees
// the same back end behaviour on every machine, whether or not the machine runs a keychain.

#include <QByteArray>
#include <QDBusConnection>
#include <QDBusConnectionInterface>
#include <QDBusMessage>
#include <QDBusVirtualObject>
#include <QFile>
#include <QList>
#include <QMutex>
#include <QMutexLocker>
#include <QStandardPaths>
#include <QString>
#include <QTemporaryDir>
#include <QThread>

#include <memory>

#include <poll.h>
#include <signal.h>
#include <sys/prctl.h>
#include <unistd.h>

/// `dbus-daemon` with a configuration that can start no service: only the names a test
/// registers are on it. It ends when the test process ends (PR_SET_PDEATHSIG), never before:
/// GLib's shared bus connection would end the process when its bus went away.
class PrivateSessionBus final
{
public:
    bool start(QString *error)
    {
        const QString daemon = QStandardPaths::findExecutable(QStringLiteral("dbus-daemon"));
        if (daemon.isEmpty())
            return fail(error, QStringLiteral("dbus-daemon is not installed (Debian package "
                                              "dbus-daemon; scripts/common.sh installs it)"));
        if (!m_dir.isValid())
            return fail(error, QStringLiteral("no temporary directory"));
        QFile config(m_dir.filePath(QStringLiteral("session.conf")));
        if (!config.open(QIODevice::WriteOnly))
            return fail(error, config.errorString());
        config.write("<!DOCTYPE busconfig PUBLIC \"-//freedesktop//DTD D-Bus Bus Configuration "
                     "1.0//EN\" \"http://www.freedesktop.org/standards/dbus/1.0/busconfig.dtd\">\n"
                     "<busconfig><type>session</type><listen>unix:path=" +
                     QFile::encodeName(m_dir.filePath(QStringLiteral("bus"))) +
                     "</listen><auth>EXTERNAL</auth><policy context=\"default\">"
                     "<allow send_destination=\"*\" eavesdrop=\"true\"/><allow eavesdrop=\"true\"/>"
                     "<allow own=\"*\"/></policy></busconfig>\n");
        config.close();

        // Everything the child needs is prepared before fork(): after it, only
        // async-signal-safe calls.
        const QByteArray program = QFile::encodeName(daemon);
        const QByteArray configArg = "--config-file=" + QFile::encodeName(config.fileName());
        char *const argv[] = {
            const_cast<char *>(program.constData()), const_cast<char *>(configArg.constData()),
            const_cast<char *>("--nofork"), const_cast<char *>("--print-address=1"), nullptr};
        int out[2];
        if (::pipe(out) != 0)
            return fail(error, QStringLiteral("pipe() failed"));
        const pid_t parent = ::getpid();
        const pid_t child = ::fork();
        if (child < 0)
            return fail(error, QStringLiteral("fork() failed"));
        if (child == 0) {
            ::prctl(PR_SET_PDEATHSIG, SIGTERM);
            if (::getppid() != parent)
                ::_exit(1);
            ::dup2(out[1], STDOUT_FILENO);
            ::close(out[0]);
            ::close(out[1]);
            ::execv(argv[0], argv);
            ::_exit(127);
        }
        ::close(out[1]);
        // The daemon prints its address once it listens.
        QByteArray line;
        pollfd fd{out[0], POLLIN, 0};
        while (!line.contains('\n') && ::poll(&fd, 1, 10'000) > 0) {
            char buffer[256];
            const ssize_t n = ::read(out[0], buffer, sizeof buffer);
            if (n <= 0)
                break;
            line.append(buffer, n);
        }
        ::close(out[0]);
        m_address = QString::fromLocal8Bit(line.trimmed());
        if (m_address.isEmpty())
            return fail(error, QStringLiteral("dbus-daemon printed no address"));
        return true;
    }

    QString address() const { return m_address; }

private:
    static bool fail(QString *error, const QString &message)
    {
        *error = message;
        return false;
    }

    QTemporaryDir m_dir;
    QString m_address;
};

/// Answers for a Secret Service (org.freedesktop.secrets) and a KWallet daemon
/// (org.kde.kwalletd5) at once, on its own bus connection and thread, so that QtKeychain
/// talks to it through the bus whichever back end it picked. It keeps no secrets: every call
/// is answered with an error, either at once or, while held, when released; while withdrawn,
/// with the bus's own "no such service". KWallet's
/// networkWallet is answered at once, since QtKeychain asks it synchronously to pick KWallet.
class TestKeychainService final : public QDBusVirtualObject
{
public:
    explicit TestKeychainService(const QString &busAddress)
        : m_bus(QDBusConnection::connectToBus(busAddress, QStringLiteral("test-keychain")))
    {
        // Registered first, so that the helper object QtDBus makes moves along with this one.
        m_bus.registerVirtualObject(QStringLiteral("/"), this, QDBusConnection::SubPath);
        m_thread.setObjectName(QStringLiteral("test-keychain"));
        m_thread.start();
        moveToThread(&m_thread);
    }

    ~TestKeychainService() override
    {
        release();
        m_bus.unregisterObject(QStringLiteral("/"), QDBusConnection::UnregisterTree);
        QDBusConnection::disconnectFromBus(QStringLiteral("test-keychain"));
        m_thread.quit();
        m_thread.wait();
    }

    bool isConnected() const { return m_bus.isConnected(); }

    /// Puts the services on the bus.
    bool offer()
    {
        {
            QMutexLocker lock(&m_mutex);
            m_offered = true;
        }
        bool ok = true;
        for (const QString &name : names())
            ok = m_bus.interface()->registerService(name).value() ==
                     QDBusConnectionInterface::ServiceRegistered &&
                 ok;
        return ok;
    }

    /// Takes them off: the bus then answers that no such service exists.
    void withdraw()
    {
        {
            QMutexLocker lock(&m_mutex);
            m_offered = false;
        }
        for (const QString &name : names())
            m_bus.interface()->unregisterService(name);
    }

    /// Calls from now on wait for release().
    void hold()
    {
        QMutexLocker lock(&m_mutex);
        m_holding = true;
    }

    /// Answers every waiting call, and later ones at once.
    void release()
    {
        QList<QDBusMessage> held;
        {
            QMutexLocker lock(&m_mutex);
            m_holding = false;
            held.swap(m_held);
        }
        for (const QDBusMessage &call : std::as_const(held))
            m_bus.send(refusal(call));
    }

    /// Calls waiting for release().
    int heldCalls() const
    {
        QMutexLocker lock(&m_mutex);
        return int(m_held.size());
    }

    bool handleMessage(const QDBusMessage &message, const QDBusConnection &) override
    {
        // A client that has not noticed yet that the names went (libsecret keeps talking to
        // the unique name it resolved until the owner change reaches it) hears what the bus
        // would tell it.
        if (!isOffered()) {
            m_bus.send(message.createErrorReply(
                QStringLiteral("org.freedesktop.DBus.Error.ServiceUnknown"),
                QStringLiteral("The name is not provided by any .service files")));
            return true;
        }
        if (message.member() == QLatin1String("networkWallet")) {
            m_bus.send(message.createReply(QStringLiteral("kdewallet")));
            return true;
        }
        {
            QMutexLocker lock(&m_mutex);
            if (m_holding) {
                m_held.append(message);
                return true;
            }
        }
        m_bus.send(refusal(message));
        return true;
    }

    QString introspect(const QString &) const override { return {}; }

private:
    bool isOffered() const
    {
        QMutexLocker lock(&m_mutex);
        return m_offered;
    }

    static QStringList names()
    {
        return {QStringLiteral("org.freedesktop.secrets"), QStringLiteral("org.kde.kwalletd5")};
    }

    static QDBusMessage refusal(const QDBusMessage &call)
    {
        return call.createErrorReply(QStringLiteral("org.freedesktop.DBus.Error.Failed"),
                                     QStringLiteral("The test keychain keeps no secrets."));
    }

    QDBusConnection m_bus;
    QThread m_thread;
    mutable QMutex m_mutex;
    bool m_offered = false;
    bool m_holding = false;
    QList<QDBusMessage> m_held;
};
