#include <QProcess>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QTest>

// Demo mode (`vtaskmon-cli --demo`, `vtaskmon --demo`) runs the simulator inside the app's
// own process, so the simulator's logging is the app's logging: with every category at debug
// level it must not print the session id either (DESIGN.md decision 7).
class tst_DemoLogging final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void demoModeLogsNoSessionId()
    {
#ifndef VTASKMON_CLI_PATH
        QSKIP("vtaskmon-cli is not part of this build");
#else
        // Given the CLI in demo mode with every logging category at debug level
        QProcess cli;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("QT_LOGGING_RULES"), QStringLiteral("*.debug=true"));
        cli.setProcessEnvironment(env);
        cli.start(QStringLiteral(VTASKMON_CLI_PATH),
                  {QStringLiteral("--demo"), QStringLiteral("tasks"), QStringLiteral("--json"),
                   QStringLiteral("--verbose")});
        // When it logs in, lists the tasks and logs out
        QSignalSpy finished(&cli, &QProcess::finished);
        QVERIFY(finished.wait(60'000));
        const QString text =
            QString::fromLocal8Bit(cli.readAllStandardOutput() + cli.readAllStandardError());
        QVERIFY2(cli.exitCode() == 0, qPrintable(text.right(2000)));
        QVERIFY2(text.contains(QLatin1String("Logout")),
                 "the debug log of the requests is missing");
        // Then no 40-hex-digit session token (§2.2) appears anywhere in its output
        static const QRegularExpression token(
            QStringLiteral("(?<![0-9a-fA-F])[0-9a-fA-F]{40}(?![0-9a-fA-F])"));
        const QRegularExpressionMatch hit = token.match(text);
        QVERIFY2(!hit.hasMatch(),
                 qPrintable(
                     QStringLiteral("session id in: ") +
                     text.mid(text.lastIndexOf(QLatin1Char('\n'), hit.capturedStart()) + 1, 200)));
        // and neither does the demo password
        QVERIFY(!text.contains(QLatin1String("VMware1!demo")));
#endif
    }
};

QTEST_GUILESS_MAIN(tst_DemoLogging)
#include "tst_demologging.moc"
