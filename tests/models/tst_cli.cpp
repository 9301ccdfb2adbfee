#include <fakevcenter.h>
#include <hostileanswers.h>
#include <scriptedserver.h>
#include <simconnect.h>
#include <simulator/simulatorthread.h>
#include <taskwatchroutes.h>

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTest>

#include <memory>

namespace {

/// vtaskmon-cli running in the background with its output collected line by line while the
/// test's event loop runs (a scripted server in this thread must keep answering meanwhile).
class CliProcess final
{
public:
    CliProcess(const QStringList &arguments, const QString &password,
               const QList<QPair<QString, QString>> &environment = {})
    {
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("VTASKMON_PASSWORD"), password);
        for (const auto &[name, value] : environment)
            env.insert(name, value);
        m_process.setProcessEnvironment(env);
        QObject::connect(&m_process, &QProcess::readyReadStandardOutput, &m_process,
                         [this] { collect(QProcess::StandardOutput, m_outBuffer, m_out); });
        QObject::connect(&m_process, &QProcess::readyReadStandardError, &m_process,
                         [this] { collect(QProcess::StandardError, m_errBuffer, m_err); });
        m_process.start(QStringLiteral(VTASKMON_CLI_PATH), arguments);
    }
    ~CliProcess()
    {
        if (m_process.state() != QProcess::NotRunning) {
            m_process.kill();
            m_process.waitForFinished();
        }
    }
    Q_DISABLE_COPY_MOVE(CliProcess)

    const QStringList &out() const { return m_out; }
    const QStringList &err() const { return m_err; }
    bool isRunning() const { return m_process.state() != QProcess::NotRunning; }
    /// The exit code once it ended normally; -1 while running or after a crash.
    int exitCode() const
    {
        return isRunning() || m_process.exitStatus() != QProcess::NormalExit ? -1
                                                                             : m_process.exitCode();
    }
    /// SIGTERM, as a service manager stops it.
    void terminate() { m_process.terminate(); }

private:
    void collect(QProcess::ProcessChannel channel, QByteArray &buffer, QStringList &lines)
    {
        m_process.setReadChannel(channel);
        buffer += m_process.readAll();
        qsizetype end;
        while ((end = buffer.indexOf('\n')) >= 0) {
            lines.append(QString::fromUtf8(buffer.left(end)));
            buffer.remove(0, end + 1);
        }
    }

    QProcess m_process;
    QByteArray m_outBuffer;
    QByteArray m_errBuffer;
    QStringList m_out;
    QStringList m_err;
};

/// The arguments that reach an in-process simulator over https, its certificate trusted by
/// thumbprint.
QStringList simArguments(const sim::Simulator &simulator)
{
    const ConnectOptions c = simtest::connectOptions(simulator);
    return {
        QStringLiteral("--server"),       c.server,
        QStringLiteral("--user"),         c.userName,
        QStringLiteral("--trust-sha256"), QString::fromLatin1(c.trustedSha256.value(0).toHex())};
}

QString summary(const QString &state, const QJsonValue &progress, bool cancelled,
                const QString &error, const QString &completeTime)
{
    return QStringList{state, progress.isDouble() ? QString::number(progress.toInt()) : u"-"_qs,
                       cancelled ? u"cancelled"_qs : u"-"_qs, error.isEmpty() ? u"-"_qs : error,
                       completeTime.isEmpty() ? u"-"_qs : completeTime}
        .join(QLatin1Char(' '));
}

/// Every task's last printed state ("state progress cancelled error completeTime"), by key.
QHash<QString, QString> lastPrinted(const QStringList &jsonLines)
{
    QHash<QString, QString> out;
    for (const QString &line : jsonLines) {
        const QJsonObject o = QJsonDocument::fromJson(line.toUtf8()).object();
        if (!o.contains(QLatin1String("key")))
            continue;
        out.insert(
            o.value(QLatin1String("key")).toString(),
            summary(
                o.value(QLatin1String("state")).toString(), o.value(QLatin1String("progress")),
                o.value(QLatin1String("cancelled")).toBool(),
                o.value(QLatin1String("error")).toObject().value(QLatin1String("type")).toString(),
                o.value(QLatin1String("completeTime")).toString()));
    }
    return out;
}

/// The simulator's ground truth in the same form.
QHash<QString, QString> truthOf(const sim::Simulator &simulator)
{
    QHash<QString, QString> out;
    for (const vim::TaskInfo &t : simulator.tasks()) {
        out.insert(t.key,
                   summary(t.state.toString(), t.progress ? QJsonValue(*t.progress) : QJsonValue(),
                           t.cancelled, t.error ? t.error->typeName : QString(),
                           t.completeTime ? t.completeTime->toUTC().toString(Qt::ISODateWithMs)
                                          : QString()));
    }
    return out;
}

/// The keys whose printed state differs from the truth, with both, for a failure message.
QString differences(const QHash<QString, QString> &printed, const QHash<QString, QString> &truth)
{
    QStringList out;
    for (auto it = truth.cbegin(); it != truth.cend(); ++it) {
        if (printed.value(it.key()) != it.value())
            out.append(it.key() + u": printed \""_qs + printed.value(it.key()) +
                       u"\", server \""_qs + it.value() + u"\""_qs);
    }
    out.sort();
    return out.join(u"; "_qs);
}

} // namespace

// vtaskmon-cli end to end with its embedded simulator (--demo).
class tst_Cli final : public QObject
{
    Q_OBJECT
private:
    struct Run
    {
        int exitCode = -1;
        QStringList out;
        QStringList err;
    };

    static Run run(const QStringList &arguments)
    {
        QProcess p;
        p.start(QStringLiteral(VTASKMON_CLI_PATH), arguments);
        Run r;
        if (!p.waitForFinished(30'000)) {
            p.kill();
            p.waitForFinished();
            return r;
        }
        r.exitCode = p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
        r.out = QString::fromUtf8(p.readAllStandardOutput())
                    .split(QLatin1Char('\n'), Qt::SkipEmptyParts);
        r.err = QString::fromUtf8(p.readAllStandardError())
                    .split(QLatin1Char('\n'), Qt::SkipEmptyParts);
        return r;
    }

    static QJsonObject json(const QString &line)
    {
        return QJsonDocument::fromJson(line.toUtf8()).object();
    }

private Q_SLOTS:
    void tasksJsonSnapshot()
    {
        // When the recent tasks are listed as JSON
        const Run r =
            run({QStringLiteral("--demo"), QStringLiteral("tasks"), QStringLiteral("--json")});
        // Then it succeeds with one complete object per line
        QCOMPARE(r.exitCode, 0);
        for (const QString &line : r.out) {
            const QJsonObject o = json(line);
            for (const char *key :
                 {"key", "name", "descriptionId", "label", "entity", "entityName", "state",
                  "progress", "cancelable", "cancelled", "initiator", "reason", "queueTime",
                  "startTime", "completeTime", "error", "server"})
                QVERIFY2(o.contains(QLatin1String(key)), key);
            QVERIFY(o.value(QStringLiteral("key")).toString().startsWith(QStringLiteral("task-")));
        }
    }

    void describeJson()
    {
        const Run r =
            run({QStringLiteral("--demo"), QStringLiteral("describe"), QStringLiteral("--json")});
        QCOMPARE(r.exitCode, 0);
        QVERIFY(r.out.size() > 5);
        QStringList categories;
        for (const QString &line : r.out)
            categories.append(json(line).value(QStringLiteral("category")).toString());
        QVERIFY(categories.contains(QStringLiteral("method")));
        QVERIFY(categories.contains(QStringLiteral("state")));
    }

    void maxCollectors()
    {
        const Run r = run({QStringLiteral("--demo"), QStringLiteral("max-collectors")});
        QCOMPARE(r.exitCode, 0);
        QCOMPARE(r.out, QStringList{QStringLiteral("32")});
    }

    void historyHonoursTheLimit()
    {
        const Run r =
            run({QStringLiteral("--demo"), QStringLiteral("history"), QStringLiteral("--limit"),
                 QStringLiteral("3"), QStringLiteral("--begin"), QStringLiteral("-1h"),
                 QStringLiteral("--json")});
        QCOMPARE(r.exitCode, 0);
        QVERIFY(r.out.size() <= 3);
    }

    void cancelUnknownTaskFails()
    {
        // When an unknown task is cancelled
        const Run r = run(
            {QStringLiteral("--demo"), QStringLiteral("cancel"), QStringLiteral("task-999999")});
        // Then the exit code is non-zero and stderr holds exactly one line
        QVERIFY(r.exitCode > 0);
        QCOMPARE(r.err.size(), 1);
        QVERIFY(r.out.isEmpty());
    }

    void followAfterReloginLosesNothing()
    {
        // Given a simulator with a workload and three tasks of our own, running
        sim::SimulatorOptions options;
        options.workload.seed = 11;
        options.workload.tasksPerSecond = 4;
        options.workload.medianDurationMs = 600;
        options.workload.parentShare = 0;
        sim::SimulatorThread simulator(options);
        QVERIFY(simulator.start());
        const QString root = QStringLiteral("group-d1");
        QStringList ours;
        for (int i = 0; i < 3; ++i) {
            ours.append(simulator->createTask(QStringLiteral("Folder.createVm"), root));
            QCOMPARE(simulator->setTaskState(ours.last(), vim::TaskInfoState::Value::Running),
                     QString());
        }
        // and `tasks --follow --json` that has printed them running
        CliProcess cli(simArguments(*simulator) +
                           QStringList{u"tasks"_qs, u"--follow"_qs, u"--json"_qs},
                       options.password);
        QTRY_VERIFY_WITH_TIMEOUT(std::all_of(ours.cbegin(), ours.cend(),
                                             [&](const QString &k) {
                                                 return lastPrinted(cli.out()).value(k).startsWith(
                                                     u"running"_qs);
                                             }),
                                 15'000);
        // When every session expires twice, and each time our tasks change before the CLI has
        // logged in again and rebuilt its watch
        const auto rebuilt = [&] {
            const sim::SimulatorStats s = simulator->stats();
            return s.sessions == 1 && s.propertyCollectors == 1 && s.filters == 2 && s.views == 1;
        };
        simulator->expireAllSessions();
        QCOMPARE(simulator->setTaskState(ours.at(0), vim::TaskInfoState::Value::Success),
                 QString());
        QCOMPARE(simulator->setTaskProgress(ours.at(1), 60), QString());
        QTRY_VERIFY_WITH_TIMEOUT(rebuilt(), 15'000);
        simulator->expireAllSessions();
        QCOMPARE(simulator->setTaskState(ours.at(1), vim::TaskInfoState::Value::Error, std::nullopt,
                                         vim::MethodFault::make(u"SystemError"_qs, u"disk full"_qs,
                                                                {{u"reason"_qs, u"disk full"_qs}})),
                 QString());
        QTRY_VERIFY_WITH_TIMEOUT(rebuilt(), 15'000);
        QCOMPARE(simulator->setTaskState(ours.at(2), vim::TaskInfoState::Value::Success),
                 QString());
        // and the workload, having made a few dozen tasks, stops and every task has ended
        QTRY_VERIFY_WITH_TIMEOUT(simulator->tasks().size() > 25, 15'000);
        simulator->setWorkloadRate(0);
        QTRY_VERIFY_WITH_TIMEOUT(
            [&] {
                const auto tasks = simulator->tasks();
                return std::all_of(tasks.cbegin(), tasks.cend(),
                                   [](const vim::TaskInfo &t) { return t.isFinished(); });
            }(),
            20'000);
        // Then every task's last printed state is the server's
        QTRY_VERIFY2_WITH_TIMEOUT(
            lastPrinted(cli.out()) == truthOf(*simulator),
            qPrintable(differences(lastPrinted(cli.out()), truthOf(*simulator))), 15'000);
        // And SIGTERM still logs out and ends it with 143
        cli.terminate();
        QTRY_VERIFY_WITH_TIMEOUT(!cli.isRunning(), 10'000);
        QCOMPARE(cli.exitCode(), 143);
        QTRY_COMPARE(simulator->stats().sessions, 0);
    }

    void tasksWithSessionsEndingEveryFewCalls()
    {
        // Given a quiet simulator whose sessions end after five calls, with running tasks
        sim::SimulatorOptions options;
        options.workload.enabled = false;
        options.faults.sessionCallLimit = 5;
        sim::SimulatorThread simulator(options);
        QVERIFY(simulator.start());
        QStringList ours;
        for (int i = 0; i < 3; ++i) {
            ours.append(simulator->createTask(QStringLiteral("Folder.createVm"), u"group-d1"_qs));
            QCOMPARE(simulator->setTaskState(ours.last(), vim::TaskInfoState::Value::Running),
                     QString());
        }
        // When the recent tasks are listed
        CliProcess cli(simArguments(*simulator) + QStringList{u"tasks"_qs, u"--json"_qs},
                       options.password);
        // Then it ends (by polling) with every one of them, as the server has them
        QTRY_VERIFY_WITH_TIMEOUT(!cli.isRunning(), 40'000);
        QVERIFY2(cli.exitCode() == 0, qPrintable(cli.err().join(QLatin1Char('\n'))));
        QCOMPARE(lastPrinted(cli.out()), truthOf(*simulator));
    }

    void hostileAnswersAfterLogin_data()
    {
        QTest::addColumn<HttpResponse>("answer");
        QTest::addColumn<QString>("reason");
        QTest::addColumn<bool>("follow");
        const QList<HostileAnswer> answers = hostileAnswers();
        for (bool follow : {false, true}) {
            for (const HostileAnswer &a : answers)
                QTest::addRow("%s%s", a.name, follow ? ", --follow" : "")
                    << a.response << a.reason << follow;
        }
    }

    void hostileAnswersAfterLogin()
    {
        QFETCH(HttpResponse, answer);
        QFETCH(QString, reason);
        QFETCH(bool, follow);
        // Given a server that logs in well, then answers everything with `answer`
        HostileServer hostile(answer);
        QVERIFY(hostile.started);
        const QStringList arguments{
            u"--server"_qs,      u"http://"_qs + hostile.server.hostAndPort(),
            u"--allow-http"_qs,  u"--user"_qs,
            hostile.vc.userName, u"tasks"_qs};
        if (!follow) {
            // When the recent tasks are listed once
            CliProcess cli(arguments, hostile.vc.password);
            // Then, after a few attempts, it fails with one line that says why, and no tasks
            QTRY_VERIFY_WITH_TIMEOUT(!cli.isRunning(), 30'000);
            QCOMPARE(cli.exitCode(), 1);
            QCOMPARE(cli.err().size(), 1);
            QVERIFY2(cli.err().first().contains(reason), qPrintable(cli.err().first()));
            QVERIFY(cli.out().isEmpty());
            return;
        }
        // When `tasks --follow --json` runs for a good number of attempts
        CliProcess cli(arguments + QStringList{u"--follow"_qs, u"--json"_qs}, hostile.vc.password);
        QTRY_VERIFY_WITH_TIMEOUT(hostile.server.requestsTo("/recentTask").size() >= 4, 30'000);
        // Then it keeps going, and has said why on stderr, once per reason, not per attempt
        QVERIFY(cli.isRunning());
        QTRY_VERIFY(std::any_of(cli.err().cbegin(), cli.err().cend(),
                                [&](const QString &l) { return l.contains(reason); }));
        QVERIFY2(cli.err().size() <= 2, qPrintable(cli.err().join(QLatin1Char('\n'))));
        // and stdout holds state records only, the last one saying it retries, and why
        QVERIFY(!cli.out().isEmpty());
        for (const QString &line : cli.out())
            QCOMPARE(json(line).value(u"type"_qs).toString(), u"state"_qs);
        const QJsonObject last = json(cli.out().last());
        QCOMPARE(last.value(u"state"_qs).toString(), u"retrying"_qs);
        QCOMPARE(last.value(u"live"_qs).toBool(true), false);
        QVERIFY2(last.value(u"reason"_qs).toString().contains(reason),
                 qPrintable(cli.out().last()));
        // And SIGTERM ends it as usual
        cli.terminate();
        QTRY_VERIFY_WITH_TIMEOUT(!cli.isRunning(), 10'000);
        QCOMPARE(cli.exitCode(), 143);
    }

    void taskWithAWronglyTypedFieldIsListedAndReported()
    {
        // Given a server whose tasks include one with a field of the wrong type
        ScriptedServer server;
        QVERIFY(server.start());
        FakeVCenter vc(&server);
        addTaskWatchRoutes(vc, taskUpdate(taskInfoJson("task-1") + ',' +
                                          taskInfoJson("task-2", R"(,"progress":"forty")")));
        // When the recent tasks are listed once
        CliProcess cli({u"--server"_qs, u"http://"_qs + server.hostAndPort(), u"--allow-http"_qs,
                        u"--user"_qs, vc.userName, u"tasks"_qs, u"--json"_qs},
                       vc.password);
        // Then both are listed, the broken one with what could be read
        QTRY_VERIFY_WITH_TIMEOUT(!cli.isRunning(), 20'000);
        QCOMPARE(cli.exitCode(), 0);
        const QHash<QString, QString> printed = lastPrinted(cli.out());
        QCOMPARE(QStringList(printed.keyBegin(), printed.keyEnd()).size(), 2);
        QVERIFY2(printed.value(u"task-2"_qs).startsWith(u"running - "_qs),
                 qPrintable(printed.value(u"task-2"_qs)));
        // and stderr says which task could not be read, and why, in one line
        QCOMPARE(cli.err().size(), 1);
        QVERIFY2(cli.err().first().contains(u"task-2"_qs) &&
                     cli.err().first().contains(u"TaskInfo.progress"_qs),
                 qPrintable(cli.err().first()));
    }

    void stderrHoldsOnlyOurLines()
    {
        // Given an environment that turns on every logging category, Qt's own included
        const QList<QPair<QString, QString>> everything{{u"QT_LOGGING_RULES"_qs, u"*=true"_qs}};
        // When the demo's tasks are listed
        CliProcess quiet({u"--demo"_qs, u"tasks"_qs}, {}, everything);
        QTRY_VERIFY_WITH_TIMEOUT(!quiet.isRunning(), 30'000);
        // Then stderr stays empty: it is for the program's own lines
        QCOMPARE(quiet.exitCode(), 0);
        QVERIFY2(quiet.err().isEmpty(), qPrintable(quiet.err().mid(0, 5).join(QLatin1Char('\n'))));
        QVERIFY(!quiet.out().isEmpty());
        // And with --verbose, the logging is there
        CliProcess verbose({u"--demo"_qs, u"--verbose"_qs, u"tasks"_qs}, {}, everything);
        QTRY_VERIFY_WITH_TIMEOUT(!verbose.isRunning(), 30'000);
        QCOMPARE(verbose.exitCode(), 0);
        QVERIFY(std::any_of(verbose.err().cbegin(), verbose.err().cend(),
                            [](const QString &l) { return l.contains(u"qt."_qs); }));
    }

    void followSaysWhenTheServerIsGoneAndBack()
    {
        // Given `tasks --follow --json` live on a quiet simulator (plain http, so that one
        // started later on the same port is the same server to it)
        sim::SimulatorOptions options;
        options.https = false;
        options.workload.enabled = false;
        auto simulator = std::make_unique<sim::SimulatorThread>(options);
        QVERIFY(simulator->start());
        options.port = (*simulator)->port();
        const QString key = (*simulator)->createTask(u"Folder.createVm"_qs, u"group-d1"_qs);
        CliProcess cli({u"--server"_qs, (*simulator)->baseUrl().toString(), u"--allow-http"_qs,
                        u"--user"_qs, options.userName, u"tasks"_qs, u"--follow"_qs, u"--json"_qs},
                       options.password);
        QTRY_VERIFY_WITH_TIMEOUT(lastPrinted(cli.out()).contains(key), 15'000);
        QVERIFY2(cli.err().isEmpty(), qPrintable(cli.err().join(QLatin1Char('\n'))));
        const auto states = [&cli] {
            QList<QJsonObject> out;
            for (const QString &line : cli.out()) {
                const QJsonObject o = json(line);
                if (o.value(u"type"_qs) == u"state"_qs)
                    out.append(o);
            }
            return out;
        };
        // When the server goes away
        simulator.reset();
        // Then stderr says since when nothing is updated and when the next attempt comes
        QTRY_VERIFY_WITH_TIMEOUT(!cli.err().isEmpty(), 15'000);
        const QString outage = cli.err().first();
        QVERIFY2(outage.contains(u"not updated since "_qs) &&
                     outage.contains(u"reconnecting, next attempt in "_qs),
                 qPrintable(outage));
        // and the state record says the same
        QTRY_VERIFY(!states().isEmpty());
        const QJsonObject gone = states().first();
        QCOMPARE(gone.value(u"state"_qs).toString(), u"reconnecting"_qs);
        QCOMPARE(gone.value(u"live"_qs).toBool(true), false);
        QVERIFY(QDateTime::fromString(gone.value(u"since"_qs).toString(), Qt::ISODate).isValid());
        QVERIFY(
            QDateTime::fromString(gone.value(u"nextAttempt"_qs).toString(), Qt::ISODate).isValid());
        // When it is back
        simulator = std::make_unique<sim::SimulatorThread>(options);
        QVERIFY(simulator->start());
        // Then it says so, in a line and a record
        QTRY_VERIFY_WITH_TIMEOUT(cli.err().last().endsWith(u": live again"_qs), 20'000);
        QTRY_COMPARE(states().last().value(u"state"_qs).toString(), u"live"_qs);
        QCOMPARE(states().last().value(u"live"_qs).toBool(), true);
        // and the outage took a few lines, not one per failed attempt
        QVERIFY2(cli.err().size() <= 4, qPrintable(cli.err().join(QLatin1Char('\n'))));
        cli.terminate();
        QTRY_VERIFY_WITH_TIMEOUT(!cli.isRunning(), 10'000);
    }

    void unknownCommandFails()
    {
        const Run r = run({QStringLiteral("--demo"), QStringLiteral("frobnicate")});
        QVERIFY(r.exitCode > 0);
        QCOMPARE(r.err.size(), 1);
    }
};

QTEST_GUILESS_MAIN(tst_Cli)
#include "tst_cli.moc"
