#include "simserver.h"

#include <certificatedialog.h>
#include <certificatenotice.h>
#include <certificatetext.h>
#include <mainwindow.h>
#include <taskmonitor.h>
#include <truststore.h>
#include <uisettings.h>

#include <QApplication>
#include <QFile>
#include <QLabel>
#include <QProcess>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>

#include <tuple>

using State = VimConnection::State;
using Reason = VimConnection::FailureReason;

// TLS policy (DESIGN.md decision 7) against the simulator's https endpoint with two
// different certificates: verification is on by default, a thumbprint can be trusted once or
// pinned per host:port, a pinned host that shows another certificate is refused before any
// password is sent, and skipping verification has to be asked for.
class tst_Certificates final : public QObject
{
    Q_OBJECT

private:
    /// The main window connected to a server whose certificate is pinned, and that server
    /// restarted on the same port with a new certificate.
    struct RenewalScene
    {
        sim::SimulatorOptions options = SimServer::calmOptions();
        std::unique_ptr<SimServer> first;
        std::unique_ptr<SimServer> second;
        QString key;
        QByteArray oldPin;
        VimConnection connection;
        std::unique_ptr<MainWindow> window;

        bool start()
        {
            first = std::make_unique<SimServer>(options);
            if (!first->started())
                return false;
            key = portKey(*first);
            TrustStore::pin(key, first->sim().certificate());
            oldPin = TrustStore::pinned(key);
            ConnectOptions o = first->bareOptions();
            o.pinnedSha256 = oldPin;
            connection.setReconnectPolicy({100, 1'000, 8});
            window = std::make_unique<MainWindow>(&connection);
            window->show();
            connection.connectToServer(o);
            return QTest::qWaitFor([this] { return window->monitor()->isSynchronized(); },
                                   15'000) &&
                   !notice()->isVisible();
        }
        bool restartWithNewCertificate(bool outage = false)
        {
            options.port = quint16(first->server().section(QLatin1Char(':'), -1).toUInt());
            first.reset();
            if (outage && !QTest::qWaitFor(
                              [this] { return connection.state() == State::Reconnecting; }, 15'000))
                return false;
            second = std::make_unique<SimServer>(options);
            return second->started() && second->sha256() != oldPin;
        }
        CertificateNotice *notice() const { return window->findChild<CertificateNotice *>(); }
        QString stateText() const
        {
            return window->findChild<QLabel *>(QStringLiteral("connectionState"))->text();
        }
        static QString label(const QWidget *dialog, const char *name)
        {
            const auto *l = dialog->findChild<QLabel *>(QLatin1String(name));
            return l ? l->text() : QStringLiteral("(no %1)").arg(QLatin1String(name));
        }
        ~RenewalScene()
        {
            window.reset();
            connection.disconnectFromServer();
            TrustStore::unpin(key);
        }
    };

    static void click(QWidget *button)
    {
        QVERIFY(button);
        QTest::mouseClick(button, Qt::LeftButton);
    }

    std::unique_ptr<QTemporaryDir> m_home;
    std::unique_ptr<SimServer> m_a;
    std::unique_ptr<SimServer> m_b;

    static QString portKey(const SimServer &server)
    {
        return QStringLiteral("127.0.0.1:%1").arg(server.server().section(QLatin1Char(':'), -1));
    }

    // Runs vtaskmon-cli with the password in its environment; returns exit code and stderr.
    static std::pair<int, QString> runCli(const QStringList &arguments, const QString &password)
    {
#ifdef VTASKMON_CLI_PATH
        QProcess cli;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("VTASKMON_PASSWORD"), password);
        cli.setProcessEnvironment(env);
        cli.start(QStringLiteral(VTASKMON_CLI_PATH), arguments);
        QSignalSpy finished(&cli, &QProcess::finished);
        if (!finished.wait(30'000))
            cli.kill();
        return {cli.exitStatus() == QProcess::NormalExit ? cli.exitCode() : -1,
                QString::fromLocal8Bit(cli.readAllStandardError())};
#else
        Q_UNUSED(arguments)
        Q_UNUSED(password)
        return {-1, QStringLiteral("vtaskmon-cli not built")};
#endif
    }

private Q_SLOTS:
    void initTestCase()
    {
        // Settings (the trust store) go to a throw-away place, never the user's own.
        m_home = std::make_unique<QTemporaryDir>();
        QVERIFY(m_home->isValid());
        qputenv("HOME", m_home->path().toLocal8Bit());
        qputenv("XDG_CONFIG_HOME", m_home->filePath(QStringLiteral("config")).toLocal8Bit());
        QStandardPaths::setTestModeEnabled(true);
        QApplication::setOrganizationName(QStringLiteral("vtaskmon-reliability"));
        QApplication::setApplicationName(QStringLiteral("tst_certificates"));
        QSettings().clear();
        QVERIFY2(QSettings().fileName().startsWith(m_home->path()),
                 qPrintable(QSettings().fileName()));

        m_a = std::make_unique<SimServer>();
        m_b = std::make_unique<SimServer>();
        QVERIFY2(m_a->started(), qPrintable(m_a->error()));
        QVERIFY2(m_b->started(), qPrintable(m_b->error()));
        QVERIFY(m_a->sha256() != m_b->sha256());
    }

    void cleanupTestCase()
    {
        m_a.reset();
        m_b.reset();
    }

    void verificationIsOnByDefault()
    {
        const ConnectOptions defaults;
        QVERIFY(!defaults.insecure);
        QVERIFY(!defaults.allowHttp);
        QVERIFY(defaults.trustedSha256.isEmpty());
        QVERIFY(defaults.pinnedSha256.isEmpty());
    }

    void untrustedCertificateIsRefusedWithItsChain()
    {
        // Given a self-signed server and no trust decision
        VimConnection connection;
        // When connecting
        // Then the connection fails as untrusted and shows what the server presented
        QCOMPARE(connectAndSettle(connection, m_a->bareOptions()), State::Failed);
        QCOMPARE(connection.failureReason(), Reason::CertificateUntrusted);
        QVERIFY(!connection.peerChain().isEmpty());
        QCOMPARE(connection.peerChain().constFirst(), m_a->sim().certificate());
        QVERIFY2(connection.failureMessage().contains(m_a->sha256Hex()),
                 qPrintable(connection.failureMessage()));
        // and the password never reached the server
        QCOMPARE(m_a->sim().stats().sessions, 0);
    }

    void trustedThumbprintConnects()
    {
        // Given the server's thumbprint trusted once
        VimConnection connection;
        // When connecting, Then it works
        QCOMPARE(connectAndSettle(connection, m_a->trustedOptions()), State::Connected);
        connection.disconnectFromServer();
        QTRY_COMPARE(m_a->objectCounts(), noObjectsLeft);
    }

    void trustOnceCoversOnlyThatCertificate()
    {
        // Given A's thumbprint trusted, When B answers instead
        ConnectOptions options = m_b->bareOptions();
        options.trustedSha256 = {m_a->sha256()};
        VimConnection connection;
        // Then B is untrusted
        QCOMPARE(connectAndSettle(connection, options), State::Failed);
        QCOMPARE(connection.failureReason(), Reason::CertificateUntrusted);
        QCOMPARE(connection.peerChain().constFirst(), m_b->sim().certificate());
    }

    void pinnedCertificateConnects()
    {
        ConnectOptions options = m_a->bareOptions();
        options.pinnedSha256 = m_a->sha256();
        VimConnection connection;
        QCOMPARE(connectAndSettle(connection, options), State::Connected);
        connection.disconnectFromServer();
        QTRY_COMPARE(m_a->objectCounts(), noObjectsLeft);
    }

    void changedCertificateIsRefused()
    {
        // Given A pinned, When the server shows B's certificate
        ConnectOptions options = m_b->bareOptions();
        options.pinnedSha256 = m_a->sha256();
        VimConnection connection;
        // Then the connection is refused as changed, with the new chain to show
        QCOMPARE(connectAndSettle(connection, options), State::Failed);
        QCOMPARE(connection.failureReason(), Reason::CertificateChanged);
        QVERIFY(!connection.peerChain().isEmpty());
        QCOMPARE(connection.peerChain().constFirst(), m_b->sim().certificate());
        QVERIFY2(connection.failureMessage().contains(m_b->sha256Hex()),
                 qPrintable(connection.failureMessage()));
        // and no login reached the impostor
        QCOMPARE(m_b->sim().stats().sessions, 0);
    }

    void pinWinsOverTrustAndInsecure()
    {
        // Given A pinned while B is also trusted by thumbprint and verification is off
        ConnectOptions options = m_b->bareOptions();
        options.pinnedSha256 = m_a->sha256();
        options.trustedSha256 = {m_b->sha256()};
        options.insecure = true;
        VimConnection connection;
        // Then the pin still refuses B
        QCOMPARE(connectAndSettle(connection, options), State::Failed);
        QCOMPARE(connection.failureReason(), Reason::CertificateChanged);
        QCOMPARE(m_b->sim().stats().sessions, 0);
    }

    void insecureConnectsWhenAsked()
    {
        ConnectOptions options = m_b->bareOptions();
        options.insecure = true;
        VimConnection connection;
        QCOMPARE(connectAndSettle(connection, options), State::Connected);
        connection.disconnectFromServer();
        QTRY_COMPARE(m_b->objectCounts(), noObjectsLeft);
    }

    void plainHttpOnlyWhenAllowed()
    {
        // Given a plain-http simulator
        sim::SimulatorOptions o = SimServer::calmOptions();
        o.https = false;
        SimServer plain(o);
        QVERIFY2(plain.started(), qPrintable(plain.error()));
        QVERIFY(plain.server().startsWith(QLatin1String("http://")));
        // When http is not allowed explicitly, Then nothing is sent
        VimConnection refused;
        QCOMPARE(connectAndSettle(refused, plain.bareOptions()), State::Failed);
        QCOMPARE(refused.failureReason(), Reason::InvalidServer);
        QCOMPARE(plain.sim().stats().requests, 0);
        // When it is, Then it connects
        ConnectOptions allowed = plain.bareOptions();
        allowed.allowHttp = true;
        VimConnection connection;
        QCOMPARE(connectAndSettle(connection, allowed), State::Connected);
        connection.disconnectFromServer();
        QTRY_COMPARE(plain.objectCounts(), noObjectsLeft);
    }

    void trustStorePinsPerHostAndPortAndKeepsThePin()
    {
        // Given a server at host:port whose certificate the user pins after seeing it
        sim::SimulatorOptions o = SimServer::calmOptions();
        auto first = std::make_unique<SimServer>(o);
        QVERIFY(first->started());
        const QString key = TrustStore::hostKey(first->server() + QStringLiteral("/sdk"));
        QCOMPARE(key, portKey(*first));
        QCOMPARE(TrustStore::hostKey(portKey(*first)), key);
        QVERIFY(TrustStore::pinned(key).isEmpty());
        {
            VimConnection connection;
            QCOMPARE(connectAndSettle(connection, first->bareOptions()), State::Failed);
            QCOMPARE(connection.failureReason(), Reason::CertificateUntrusted);
            TrustStore::pin(key, VimConnection::thumbprint(connection.peerChain().constFirst()));
        }
        const QByteArray pin = first->sha256();
        QCOMPARE(TrustStore::pinned(key), pin);
        // Then the pin is in the settings file, for that host:port only
        QSettings settings;
        settings.sync();
        QCOMPARE(settings
                     .value(UiSettings::pinnedCertificatesGroup + QLatin1Char('/') + key +
                            QStringLiteral("/sha256"))
                     .toString(),
                 CertificateText::thumbprint(pin));
        QFile file(settings.fileName());
        QVERIFY(file.open(QIODevice::ReadOnly));
        QVERIFY(file.readAll().contains(CertificateText::thumbprint(pin).toLatin1()));
        QVERIFY(TrustStore::pinned(portKey(*m_a)).isEmpty());
        // and connecting with it works
        {
            ConnectOptions options = first->bareOptions();
            options.pinnedSha256 = TrustStore::pinned(key);
            VimConnection connection;
            QCOMPARE(connectAndSettle(connection, options), State::Connected);
            connection.disconnectFromServer();
            QTRY_COMPARE(first->objectCounts(), noObjectsLeft);
        }

        // When the server at the same host:port comes back with a new certificate
        o.port = quint16(first->server().section(QLatin1Char(':'), -1).toUInt());
        first.reset();
        SimServer second(o);
        QVERIFY2(second.started(), qPrintable(second.error()));
        QCOMPARE(portKey(second), key);
        QVERIFY(second.sha256() != pin);
        ConnectOptions options = second.bareOptions();
        options.pinnedSha256 = TrustStore::pinned(key);
        VimConnection connection;
        // Then it is refused as changed, nothing is sent past the handshake, and the pin stays
        QCOMPARE(connectAndSettle(connection, options), State::Failed);
        QCOMPARE(connection.failureReason(), Reason::CertificateChanged);
        QCOMPARE(second.sim().stats().sessions, 0);
        QCOMPARE(TrustStore::pinned(key), pin);
        TrustStore::unpin(key);
        QVERIFY(TrustStore::pinned(key).isEmpty());
    }

    void renewedCertificateDuringASessionIsComparedAndReplacesThePin_data()
    {
        QTest::addColumn<bool>("outage");
        QTest::newRow("back at once") << false;
        QTest::newRow("back after an outage") << true;
    }

    void renewedCertificateDuringASessionIsComparedAndReplacesThePin()
    {
        QFETCH(bool, outage);
        // Given the main window live on a pinned server
        RenewalScene scene;
        QVERIFY(scene.start());
        // When the server comes back from a restart with a new certificate, at once or after
        // the window noticed it was gone
        QVERIFY(scene.restartWithNewCertificate(outage));
        // Then the window asks, instead of just failing, and nothing reached the new server
        QTRY_COMPARE_WITH_TIMEOUT(scene.stateText(),
                                  QStringLiteral("Certificate needs your decision"), 15'000);
        QCOMPARE(scene.connection.failureReason(), Reason::CertificateChanged);
        QVERIFY(scene.notice()->isVisible());
        QCOMPARE(scene.second->sim().stats().sessions, 0);

        // When the user opens the comparison from the notice
        click(scene.notice()->findChild<QPushButton *>(QStringLiteral("reviewCertificate")));
        CertificateDialog *dialog = scene.notice()->dialog();
        QVERIFY(dialog);
        QVERIFY(dialog->isVisible());
        // Then it does not block the window, and shows the old pin beside the new certificate
        QVERIFY(!dialog->isModal());
        QCOMPARE(scene.label(dialog, "pinnedThumbprint"),
                 CertificateText::thumbprint(scene.oldPin));
        QCOMPARE(scene.label(dialog, "thumbprint"),
                 CertificateText::thumbprint(scene.second->sha256()));
        QCOMPARE(scene.label(dialog, "pinnedSince"),
                 CertificateText::dateTime(TrustStore::entry(scene.key).pinnedSince));

        // When the new certificate is accepted
        click(dialog->findChild<QPushButton *>(QStringLiteral("replacePin")));
        // Then it is the pin, the session comes back with the monitor, and the notice is gone
        QTRY_COMPARE_WITH_TIMEOUT(scene.connection.state(), State::Connected, 15'000);
        QCOMPARE(TrustStore::pinned(scene.key), scene.second->sha256());
        QCOMPARE(scene.connection.options().pinnedSha256, scene.second->sha256());
        QTRY_VERIFY_WITH_TIMEOUT(scene.window->monitor()->isSynchronized(), 15'000);
        QCOMPARE(scene.stateText(), QStringLiteral("Connected"));
        QVERIFY(!scene.notice()->isVisible());
        QCOMPARE(scene.second->sim().stats().sessions, 1);
    }

    void refusedRenewalKeepsThePinAndStaysDisconnected()
    {
        RenewalScene scene;
        QVERIFY(scene.start());
        QVERIFY(scene.restartWithNewCertificate());
        QTRY_VERIFY_WITH_TIMEOUT(scene.notice()->isDecisionPending(), 15'000);
        // When the user closes the comparison without an answer, Then the question stays
        scene.notice()->review();
        QVERIFY(scene.notice()->dialog());
        scene.notice()->dialog()->close();
        QVERIFY(scene.notice()->isDecisionPending());
        QCOMPARE(scene.stateText(), QStringLiteral("Certificate needs your decision"));
        // When the new certificate is refused
        scene.notice()->review();
        QVERIFY(scene.notice()->dialog());
        click(scene.notice()->dialog()->findChild<QPushButton *>(QStringLiteral("keepPin")));
        // Then the old pin stays, nothing is sent to the new server, and the window says why
        QCOMPARE(scene.stateText(), QStringLiteral("Certificate refused"));
        QVERIFY(!scene.notice()->isVisible());
        QCOMPARE(TrustStore::pinned(scene.key), scene.oldPin);
        QCOMPARE(scene.connection.state(), State::Failed);
        QCOMPARE(scene.second->sim().stats().sessions, 0);
    }

    void cliNeedsAnExplicitTrustDecision()
    {
#ifndef VTASKMON_CLI_PATH
        QSKIP("vtaskmon-cli is not part of this build");
#else
        const QString password = m_a->sim().options().password;
        const QStringList base{QStringLiteral("max-collectors"), QStringLiteral("--server"),
                               m_a->server(), QStringLiteral("--user"),
                               m_a->sim().options().userName};
        // Given no trust option, Then the CLI refuses the self-signed server
        auto [code, err] = runCli(base, password);
        QCOMPARE(code, 1);
        QVERIFY2(err.contains(QLatin1String("not trusted")), qPrintable(err));
        // Given B's thumbprint while A answers, Then it refuses too
        std::tie(code, err) = runCli(
            base + QStringList{QStringLiteral("--trust-sha256"), m_b->sha256Hex()}, password);
        QCOMPARE(code, 1);
        // Given A's thumbprint, or --insecure, Then it works
        std::tie(code, err) = runCli(
            base + QStringList{QStringLiteral("--trust-sha256"), m_a->sha256Hex()}, password);
        QVERIFY2(code == 0, qPrintable(err));
        std::tie(code, err) = runCli(base + QStringList{QStringLiteral("--insecure")}, password);
        QVERIFY2(code == 0, qPrintable(err));
        QTRY_COMPARE_WITH_TIMEOUT(m_a->objectCounts(), noObjectsLeft, 10'000);
#endif
    }
};

QTEST_MAIN(tst_Certificates)
#include "tst_certificates.moc"
