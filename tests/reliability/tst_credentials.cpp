#include "keychainbus.h"
#include "simserver.h"

#include <connectdialog.h>
#include <credentialstore.h>
#include <taskmonitor.h>
#include <truststore.h>
#include <uisettings.h>

#include <QApplication>
#include <QDirIterator>
#include <QLineEdit>
#include <QLoggingCategory>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QProcess>
#include <QRegularExpression>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>

#include <signal.h>

using State = VimConnection::State;

namespace {

// Everything any logging category said, at every level.
QStringList g_log;

void captureMessage(QtMsgType, const QMessageLogContext &context, const QString &message)
{
    g_log.append(QString::fromLatin1(context.category ? context.category : "default") +
                 QLatin1String(": ") + message);
}

// A password nobody would log by accident, so that any hit is a real leak.
const QString secret = QStringLiteral("Pw-reliab1lity-7f3a9c!");

// The simulator's session tokens are 40 hex digits (docs/PROTOCOL.md §2.2). Any run of
// exactly that many in output is treated as a leaked token; longer runs (SHA-256
// thumbprints) are not.
QStringList tokenLikeRuns(const QString &text)
{
    static const QRegularExpression hexRun(QStringLiteral("[0-9a-fA-F]+"));
    QStringList out;
    for (auto it = hexRun.globalMatch(text); it.hasNext();) {
        const QString run = it.next().captured();
        if (run.size() == 40)
            out.append(run);
    }
    return out;
}

} // namespace

// Credentials (docs/ARCHITECTURE.md decision 7): the password lives in memory or in the system
// keychain through QtKeychain, never in settings files, logs, command lines or crash output; the
// session id is never logged, not even at debug level.
class tst_Credentials final : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<QTemporaryDir> m_home;
    PrivateSessionBus m_bus;
    std::unique_ptr<TestKeychainService> m_keychain;
    std::unique_ptr<SimServer> m_server;
    QtMessageHandler m_previousHandler = nullptr;

    // Files anywhere under the throw-away home that contain `needle`.
    QStringList filesContaining(const QString &needle) const
    {
        QStringList hits;
        QDirIterator it(m_home->path(), QDir::Files | QDir::Hidden | QDir::System,
                        QDirIterator::Subdirectories);
        while (it.hasNext()) {
            QFile file(it.next());
            if (file.open(QIODevice::ReadOnly) && file.readAll().contains(needle.toUtf8()))
                hits.append(file.fileName());
        }
        return hits;
    }

    // Session ids as they travel: every token the server handed out or we sent back.
    static void recordTokens(VimConnection &connection, QSet<QByteArray> &tokens)
    {
        QObject::connect(connection.networkAccessManager(), &QNetworkAccessManager::finished,
                         &connection, [&tokens](QNetworkReply *reply) {
                             for (const QByteArray &t :
                                  {reply->rawHeader("vmware-api-session-id"),
                                   reply->request().rawHeader("vmware-api-session-id")}) {
                                 if (!t.isEmpty())
                                     tokens.insert(t);
                             }
                         });
    }

    static QStringList leaksIn(const QString &text, const QSet<QByteArray> &tokens)
    {
        QStringList leaks;
        if (text.contains(secret))
            leaks.append(QStringLiteral("the password"));
        for (const QByteArray &t : tokens) {
            if (text.contains(QString::fromLatin1(t)))
                leaks.append(QStringLiteral("session id ") + QString::fromLatin1(t.left(6)) +
                             QStringLiteral("…"));
        }
        for (const QString &run : tokenLikeRuns(text))
            leaks.append(QStringLiteral("token-like ") + run.left(6) + QStringLiteral("…"));
        return leaks;
    }

    QStringList cliBase() const
    {
        return {QStringLiteral("--server"),       m_server->server(),
                QStringLiteral("--user"),         m_server->sim().options().userName,
                QStringLiteral("--trust-sha256"), m_server->sha256Hex()};
    }

    static QProcessEnvironment cliEnvironment(bool passwordInEnvironment)
    {
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.remove(QStringLiteral("VTASKMON_PASSWORD"));
        if (passwordInEnvironment)
            env.insert(QStringLiteral("VTASKMON_PASSWORD"), secret);
        env.insert(QStringLiteral("QT_LOGGING_RULES"), QStringLiteral("*.debug=true"));
        return env;
    }

private Q_SLOTS:
    void initTestCase()
    {
        // A throw-away home: settings, caches and any keychain fallback file land there, and a
        // real keychain on the developer's machine is never touched.
        m_home = std::make_unique<QTemporaryDir>();
        QVERIFY(m_home->isValid());
        for (const char *var :
             {"XDG_CONFIG_HOME", "XDG_DATA_HOME", "XDG_CACHE_HOME", "XDG_STATE_HOME"})
            qputenv(var, m_home->filePath(QString::fromLatin1(var).toLower()).toLocal8Bit());
        qputenv("HOME", m_home->path().toLocal8Bit());
        // A session bus of the test's own, on which a keychain service exists only while a
        // test offers it; the desktop the tests run in cannot change which back end
        // QtKeychain picks (libsecret first, KWallet without it).
        for (const char *var :
             {"XDG_CURRENT_DESKTOP", "DESKTOP_SESSION", "KDE_FULL_SESSION", "KDE_SESSION_VERSION",
              "GNOME_DESKTOP_SESSION_ID", "SECRET_BACKEND"})
            qunsetenv(var);
        QString busError;
        QVERIFY2(m_bus.start(&busError), qPrintable(busError));
        qputenv("DBUS_SESSION_BUS_ADDRESS", m_bus.address().toLocal8Bit());
        m_keychain = std::make_unique<TestKeychainService>(m_bus.address());
        QVERIFY(m_keychain->isConnected());
        // QtKeychain picks its back end once, at its first request, among those it finds:
        // a service is there for that one, then goes again.
        QVERIFY(m_keychain->offer());
        bool picked = false;
        CredentialStore picking;
        picking.readPassword(QStringLiteral("someone@pick:443"),
                             [&picked](bool, const QString &, const QString &) { picked = true; });
        QTRY_VERIFY_WITH_TIMEOUT(picked, 15'000);
        m_keychain->withdraw();
        QStandardPaths::setTestModeEnabled(true);
        QCoreApplication::setOrganizationName(QStringLiteral("vtaskmon-reliability"));
        QCoreApplication::setApplicationName(QStringLiteral("tst_credentials"));
        QSettings().clear();
        QVERIFY2(QSettings().fileName().startsWith(m_home->path()),
                 qPrintable(QSettings().fileName()));

        sim::SimulatorOptions o = SimServer::calmOptions();
        o.password = secret;
        m_server = std::make_unique<SimServer>(o);
        QVERIFY2(m_server->started(), qPrintable(m_server->error()));
    }

    void cleanupTestCase()
    {
        m_server.reset();
        m_keychain.reset();
    }

    void init()
    {
        g_log.clear();
        m_previousHandler = qInstallMessageHandler(captureMessage);
        QLoggingCategory::setFilterRules(QStringLiteral("*.debug=true"));
    }

    void cleanup()
    {
        qInstallMessageHandler(m_previousHandler);
        QLoggingCategory::setFilterRules(QString());
    }

    void logsCarryNeitherPasswordNorSessionId()
    {
        // Given every logging category at debug level and the session ids recorded on the wire
        QSet<QByteArray> tokens;
        VimConnection connection;
        recordTokens(connection, tokens);

        // When a wrong password fails
        ConnectOptions wrong = m_server->trustedOptions();
        wrong.password = secret + QStringLiteral("-wrong");
        QCOMPARE(connectAndSettle(connection, wrong), State::Failed);
        QCOMPARE(connection.failureReason(), VimConnection::FailureReason::InvalidLogin);
        QVERIFY(!connection.failureMessage().contains(secret));

        // and the right one logs in, the engine runs, the session expires and is renewed
        QCOMPARE(connectAndSettle(connection, m_server->trustedOptions()), State::Connected);
        TaskMonitor monitor(&connection);
        monitor.start();
        QTRY_VERIFY_WITH_TIMEOUT(monitor.isSynchronized(), 10'000);
        QSignalSpy renewed(&connection, &VimConnection::sessionRenewed);
        m_server->sim().expireAllSessions();
        QTRY_VERIFY_WITH_TIMEOUT(renewed.size() >= 1, 15'000);
        QTRY_COMPARE_WITH_TIMEOUT(monitor.mode(), TaskMonitor::Mode::Live, 10'000);

        // and the engine stops and logs out
        QSignalSpy stopped(&monitor, &TaskMonitor::stopped);
        monitor.stop();
        QVERIFY(stopped.wait(10'000) || stopped.size() == 1);
        connection.disconnectFromServer();
        QTRY_COMPARE_WITH_TIMEOUT(m_server->objectCounts(), noObjectsLeft, 10'000);

        // Then two sessions' ids went over the wire, the debug log is not empty, and neither
        // the password nor any session id is in it
        qInstallMessageHandler(m_previousHandler);
        QVERIFY2(tokens.size() >= 2, "expected the first and the renewed session id on the wire");
        QVERIFY2(g_log.size() > 20, qPrintable(g_log.join(QLatin1Char('\n'))));
        QVERIFY(g_log.join(QLatin1Char('\n')).contains(QLatin1String("vtaskmon.network")));
        QStringList leakingLines;
        for (const QString &line : std::as_const(g_log)) {
            // The simulator serving this test runs in this process; its server-side logging
            // (Qt HTTP Server's request dumps) is checked by tst_demologging, not here.
            if (line.startsWith(QLatin1String("qt.httpserver")) ||
                line.startsWith(QLatin1String("vtaskmon.simulator")))
                continue;
            const QStringList leaks = leaksIn(line, tokens);
            if (!leaks.isEmpty())
                leakingLines.append(leaks.constFirst() + QStringLiteral(" in \"") + line.left(160) +
                                    QLatin1Char('"'));
        }
        QVERIFY2(leakingLines.isEmpty(),
                 qPrintable(leakingLines.mid(0, 5).join(QLatin1Char('\n'))));
        // and the connection forgot the password when it disconnected
        QVERIFY(connection.options().password.isEmpty());
    }

    void settingsKeepNoPassword()
    {
        // Given a user who asks to remember the password, with no keychain service reachable
        const QString host = TrustStore::hostKey(m_server->server());
        TrustStore::pin(host, m_server->sha256Hex());
        VimConnection connection;
        QSet<QByteArray> tokens;
        recordTokens(connection, tokens);
        CredentialStore credentials;
        {
            UiSettings::rememberPassword.set(true);
            ConnectDialog dialog(&connection, &credentials);
            dialog.setServer(m_server->server());
            dialog.setUserName(m_server->sim().options().userName);
            dialog.findChild<QLineEdit *>(QStringLiteral("password"))->setText(secret);
            // When the dialog connects and saves what it keeps
            dialog.connectToServer();
            QTRY_COMPARE_WITH_TIMEOUT(connection.state(), State::Connected, 15'000);
            QTRY_COMPARE_WITH_TIMEOUT(dialog.result(), int(QDialog::Accepted), 5'000);
        }
        // and the keychain is asked directly too
        QString writeError = QStringLiteral("(no answer)");
        credentials.writePassword(CredentialStore::accountKey(host, QStringLiteral("someone")),
                                  secret,
                                  [&writeError](const QString &error) { writeError = error; });
        QTRY_VERIFY_WITH_TIMEOUT(writeError != QLatin1String("(no answer)"), 15'000);
        connection.disconnectFromServer();
        QTRY_COMPARE_WITH_TIMEOUT(m_server->objectCounts(), noObjectsLeft, 10'000);
        QSettings().sync();

        // Then the settings hold the server, the user and the pin
        QCOMPARE(UiSettings::recentServers.get().value(0), m_server->server());
        QCOMPARE(UiSettings::lastUser.get(), m_server->sim().options().userName);
        QCOMPARE(TrustStore::pinned(host), m_server->sha256());
        // and no file under the home holds the password (no plain-text keychain fallback)
        // or a session id
        QVERIFY2(!writeError.isEmpty(),
                 "a keychain answered although none should be reachable here");
        QVERIFY2(filesContaining(secret).isEmpty(),
                 qPrintable(filesContaining(secret).join(QLatin1Char(' '))));
        QVERIFY(!tokens.isEmpty());
        for (const QByteArray &t : std::as_const(tokens))
            QVERIFY2(filesContaining(QString::fromLatin1(t)).isEmpty(),
                     "a session id was written to disk");
        TrustStore::unpin(host);
    }

    void storeGoneBeforeTheKeychainAnswers()
    {
        // Given a keychain service that takes its time to answer
        QVERIFY(m_keychain->offer());
        m_keychain->hold();
        int answers = 0;
        {
            // and a store (a dialog) with three requests out to it
            CredentialStore credentials;
            const QString account =
                CredentialStore::accountKey(QStringLiteral("gone:443"), QStringLiteral("someone"));
            credentials.readPassword(
                account, [&answers](bool, const QString &, const QString &) { ++answers; });
            credentials.writePassword(account, secret, [&answers](const QString &) { ++answers; });
            credentials.deletePassword(account, [&answers](const QString &) { ++answers; });
            // The jobs start from the event loop and then wait for the service.
            QTRY_VERIFY2_WITH_TIMEOUT(m_keychain->heldCalls() > 0 || answers > 0,
                                      "no keychain request reached the service", 15'000);
            QVERIFY2(answers == 0, "the keychain back end answered without asking the service "
                                   "(is libsecret-1-0 installed?)");
            QCOMPARE(CredentialStore::requestsInFlight(), 3);
        }
        // When the store is gone (the dialog that asked was closed) before the service
        // answers, and then it answers (libsecret calls back into the job from the GLib main
        // loop)
        QCOMPARE(CredentialStore::requestsInFlight(), 3);
        m_keychain->release();
        QTRY_COMPARE_WITH_TIMEOUT(CredentialStore::requestsInFlight(), 0, 15'000);
        // Then nothing is called back into the dead store, and nothing crashed on the way
        QCOMPARE(answers, 0);

        // and a store alive when the answer comes still hears it
        CredentialStore credentials;
        bool answered = false;
        m_keychain->hold();
        credentials.readPassword(
            QStringLiteral("someone@alive:443"),
            [&answered](bool, const QString &, const QString &) { answered = true; });
        QTRY_VERIFY_WITH_TIMEOUT(m_keychain->heldCalls() > 0, 15'000);
        QVERIFY(!answered);
        m_keychain->release();
        QTRY_VERIFY_WITH_TIMEOUT(answered, 15'000);
        m_keychain->withdraw();
    }

    void keychainErrorsSayWhatIsWrong_data()
    {
        QTest::addColumn<bool>("serviceRuns");
        QTest::newRow("no keychain service") << false;
        QTest::newRow("a keychain service that fails") << true;
    }

    void keychainErrorsSayWhatIsWrong()
    {
        QFETCH(bool, serviceRuns);
        // Given a session bus with or without a keychain service
        if (serviceRuns)
            QVERIFY(m_keychain->offer());
        // When a password is to be remembered
        CredentialStore credentials;
        QString error = QStringLiteral("(no answer)");
        credentials.writePassword(QStringLiteral("someone@errors:443"), secret,
                                  [&error](const QString &e) { error = e; });
        QTRY_VERIFY_WITH_TIMEOUT(error != QLatin1String("(no answer)"), 15'000);
        m_keychain->withdraw();
        // Then the message says what is wrong: no service, and what to install to get one;
        // or the service's own error
        QVERIFY2(!error.isEmpty(), "the test keychain stored a password");
        QVERIFY2(!error.contains(QLatin1String("Unknown error")), qPrintable(error));
        const bool saysNoService = error.contains(QLatin1String("No keychain service")) &&
                                   error.contains(QLatin1String("gnome-keyring")) &&
                                   error.contains(QLatin1String("KWallet"));
        QVERIFY2(saysNoService != serviceRuns, qPrintable(error));
        if (serviceRuns)
            QVERIFY2(error.contains(QLatin1String("reported an error")), qPrintable(error));
    }

    void cliRefusesPasswordOnTheCommandLine_data()
    {
        QTest::addColumn<QStringList>("passwordArguments");
        QTest::newRow("--password value") << QStringList{QStringLiteral("--password"), secret};
        QTest::newRow("--password=value") << QStringList{QStringLiteral("--password=") + secret};
        QTest::newRow("-p value") << QStringList{QStringLiteral("-p"), secret};
    }

    void cliRefusesPasswordOnTheCommandLine()
    {
#ifndef VTASKMON_CLI_PATH
        QSKIP("vtaskmon-cli is not part of this build");
#else
        QFETCH(QStringList, passwordArguments);
        const qint64 requestsBefore = m_server->sim().stats().requests;
        // Given a password on the command line, where `ps` shows it to every user
        QProcess cli;
        cli.setProcessEnvironment(cliEnvironment(false));
        cli.start(QStringLiteral(VTASKMON_CLI_PATH),
                  QStringList{QStringLiteral("max-collectors")} + cliBase() + passwordArguments);
        QSignalSpy finished(&cli, &QProcess::finished);
        QVERIFY(finished.wait(20'000));
        // Then the CLI refuses to run, says why, does not echo it and contacts nobody
        QCOMPARE(cli.exitCode(), 2);
        const QString out =
            QString::fromLocal8Bit(cli.readAllStandardOutput() + cli.readAllStandardError());
        QVERIFY2(out.contains(QLatin1String("Unknown option")), qPrintable(out));
        QVERIFY2(!out.contains(secret), qPrintable(out));
        QCOMPARE(m_server->sim().stats().requests, requestsBefore);
#endif
    }

    void cliOutputCarriesNoSecrets_data()
    {
        QTest::addColumn<bool>("passwordInEnvironment");
        QTest::newRow("VTASKMON_PASSWORD") << true;
        QTest::newRow("--password-stdin") << false;
    }

    void cliOutputCarriesNoSecrets()
    {
#ifndef VTASKMON_CLI_PATH
        QSKIP("vtaskmon-cli is not part of this build");
#else
        QFETCH(bool, passwordInEnvironment);
        // Given the CLI following tasks with every category at debug level
        QProcess cli;
        cli.setProcessEnvironment(cliEnvironment(passwordInEnvironment));
        QStringList args{QStringLiteral("tasks"), QStringLiteral("--follow"),
                         QStringLiteral("--json"), QStringLiteral("--verbose")};
        args += cliBase();
        if (!passwordInEnvironment)
            args.append(QStringLiteral("--password-stdin"));
        cli.start(QStringLiteral(VTASKMON_CLI_PATH), args);
        QVERIFY(cli.waitForStarted(10'000));
        if (!passwordInEnvironment) {
            cli.write(secret.toUtf8() + '\n');
            cli.closeWriteChannel();
        }
        QByteArray output;
        connect(&cli, &QProcess::readyReadStandardOutput, this,
                [&] { output += cli.readAllStandardOutput(); });
        connect(&cli, &QProcess::readyReadStandardError, this,
                [&] { output += cli.readAllStandardError(); });
        QTRY_COMPARE_WITH_TIMEOUT(m_server->sim().stats().sessions, 1, 15'000);
        const QString firstSession = m_server->sim().sessionKeys().value(0);
        m_server->sim().createTask(QStringLiteral("Folder.createVm"), QStringLiteral("group-d1"));

        // Then its command line does not hold the password
        QFile cmdline(QStringLiteral("/proc/%1/cmdline").arg(cli.processId()));
        QVERIFY(cmdline.open(QIODevice::ReadOnly));
        QVERIFY(!cmdline.readAll().contains(secret.toUtf8()));

        // When its session expires and it logs in again
        m_server->sim().expireAllSessions();
        QTRY_VERIFY_WITH_TIMEOUT(m_server->sim().sessionKeys().size() == 1 &&
                                     m_server->sim().sessionKeys().constFirst() != firstSession,
                                 15'000);
        QTRY_VERIFY_WITH_TIMEOUT(m_server->sim().stats().filters > 0, 15'000);
        // and then crashes
        ::kill(pid_t(cli.processId()), SIGSEGV);
        QSignalSpy finished(&cli, &QProcess::finished);
        QVERIFY(finished.wait(15'000) || cli.state() == QProcess::NotRunning);
        QCOMPARE(cli.exitStatus(), QProcess::CrashExit);
        output += cli.readAllStandardOutput() + cli.readAllStandardError();

        // Then its output, debug log and crash output included, holds no password or session id
        const QString text = QString::fromLocal8Bit(output);
        QVERIFY2(text.contains(QLatin1String("Login")), "the debug log of the requests is missing");
        const QStringList leaks = leaksIn(text, {});
        QVERIFY2(leaks.isEmpty(), qPrintable(leaks.join(QStringLiteral(", "))));
        // The crashed CLI could not log out; its session is ended here for the next test.
        m_server->sim().expireAllSessions();
#endif
    }

    void cliInterruptedLogsOut_data()
    {
        QTest::addColumn<int>("signal");
        QTest::newRow("Ctrl-C (SIGINT)") << int(SIGINT);
        QTest::newRow("SIGTERM") << int(SIGTERM);
    }

    void cliInterruptedLogsOut()
    {
#ifndef VTASKMON_CLI_PATH
        QSKIP("vtaskmon-cli is not part of this build");
#else
        QFETCH(int, signal);
        // Given the CLI following tasks, its watch set up on the server
        QProcess cli;
        cli.setProcessEnvironment(cliEnvironment(true));
        cli.start(QStringLiteral(VTASKMON_CLI_PATH),
                  QStringList{QStringLiteral("tasks"), QStringLiteral("--follow")} + cliBase());
        QVERIFY(cli.waitForStarted(10'000));
        QTRY_COMPARE_WITH_TIMEOUT(m_server->objectCounts(),
                                  QStringLiteral("sessions=1 collectors=1 propertyCollectors=1 "
                                                 "filters=2 views=1"),
                                  15'000);
        // When the operator presses Ctrl-C (or a service manager stops it)
        ::kill(pid_t(cli.processId()), signal);
        QSignalSpy finished(&cli, &QProcess::finished);
        QVERIFY(finished.wait(15'000) || cli.state() == QProcess::NotRunning);
        // Then it ends as the shell expects of that signal, after logging out: nothing of it
        // is left on the server
        QCOMPARE(cli.exitStatus(), QProcess::NormalExit);
        QCOMPARE(cli.exitCode(), 128 + signal);
        QCOMPARE(m_server->objectCounts(), noObjectsLeft);
#endif
    }

    void cliLogoutRunCarriesNoSecrets()
    {
#ifndef VTASKMON_CLI_PATH
        QSKIP("vtaskmon-cli is not part of this build");
#else
        // Given a one-shot command at debug level, which logs in, runs and logs out
        QProcess cli;
        cli.setProcessEnvironment(cliEnvironment(true));
        cli.start(QStringLiteral(VTASKMON_CLI_PATH),
                  QStringList{QStringLiteral("tasks"), QStringLiteral("--json"),
                              QStringLiteral("--verbose")} +
                      cliBase());
        QSignalSpy finished(&cli, &QProcess::finished);
        QVERIFY(finished.wait(30'000));
        const QString text =
            QString::fromLocal8Bit(cli.readAllStandardOutput() + cli.readAllStandardError());
        QVERIFY2(cli.exitCode() == 0, qPrintable(text));
        QVERIFY2(text.contains(QLatin1String("Logout")),
                 "the debug log of the requests is missing");
        // Then nothing secret is in it
        const QStringList leaks = leaksIn(text, {});
        QVERIFY2(leaks.isEmpty(), qPrintable(leaks.join(QStringLiteral(", "))));
        QTRY_COMPARE_WITH_TIMEOUT(m_server->objectCounts(), noObjectsLeft, 10'000);
#endif
    }
};

QTEST_MAIN(tst_Credentials)
#include "tst_credentials.moc"
