// Fault injection, the ground-truth and control API, and the standalone executable.

#include "rawhttpclient.h"
#include "simharness.h"

#include <QJsonArray>
#include <QProcess>
#include <QRegularExpression>
#include <QTest>

using R = RawHttpClient;

class TstSimFaults final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void errorRateAnswersSystemError()
    {
        SimHarness sim(SimHarness::quietOptions());
        R c(sim.port());
        sim::SimulatorOptions::Faults f;
        f.errorRate = 1.0;
        sim->setFaults(f);
        const auto r = c.get(QStringLiteral("ServiceInstance/ServiceInstance/content"));
        QCOMPARE(r.status, 500);
        QCOMPARE(r.typeName(), QStringLiteral("SystemError"));
        QVERIFY(r.object().contains(QLatin1String("faultstring")));
        sim->setFaults({});
        QCOMPARE(c.get(QStringLiteral("ServiceInstance/ServiceInstance/content")).status, 200);
        QVERIFY(sim->stats().faults >= 1);
    }

    void dropRateCutsResponses()
    {
        SimHarness sim(SimHarness::quietOptions());
        R c(sim.port());
        sim::SimulatorOptions::Faults f;
        f.dropRate = 1.0;
        sim->setFaults(f);
        c.send(c.request("GET", QStringLiteral("ServiceInstance/ServiceInstance/content"),
                         QByteArray()));
        QSslSocket *socket = c.socket();
        const auto r = c.receive(5000);
        QVERIFY(!r.complete);
        QTRY_COMPARE(socket->state(), QAbstractSocket::UnconnectedState);
    }

    void scriptedCutsCarryTheCallOut()
    {
        SimHarness sim(SimHarness::quietOptions());
        R c(sim.port());
        c.login();
        const QString create = QStringLiteral("TaskManager/TaskManager/CreateCollectorForTasks");
        const QByteArray filter = R::j("{'filter':{'_typeName':'TaskFilterSpec'}}");
        sim->cutAnswers(QStringLiteral("CreateCollectorForTasks"), 1, 200);

        // The first create is carried out, but its answer is cut off after the delay
        QElapsedTimer t;
        t.start();
        c.send(c.request("POST", create, filter));
        const auto cut = c.receive(5000);
        QVERIFY(!cut.complete);
        QVERIFY(t.elapsed() >= 190);
        QCOMPARE(sim->stats().collectors, 1);

        // and only that one: the next create is answered
        R d(sim.port());
        d.token = c.token;
        const auto whole = d.post(create, filter);
        QCOMPARE(whole.status, 200);
        QVERIFY(whole.complete);
        QCOMPARE(sim->stats().collectors, 2);
    }

    void lostLoginAnswersAreMarked()
    {
        sim::SimulatorOptions o = SimHarness::quietOptions();
        // Long enough for the client to leave before the answer is written, even on a busy
        // machine.
        o.faults.latencyMs = 1'000;
        SimHarness sim(o);

        // A Login answered in full: the client holds the token
        R kept(sim.port());
        kept.login();
        QVERIFY(!kept.token.isEmpty());

        // A Login whose client leaves before the answer: the session exists, nobody has its
        // token
        R gone(sim.port());
        gone.send(gone.request("POST", QStringLiteral("SessionManager/SessionManager/Login"),
                               R::j("{'userName':'administrator@vsphere.local',"
                                    "'password':'VMware1!demo'}")));
        QTRY_COMPARE(sim->stats().sessions, 2);
        gone.socket()->abort();

        QTRY_COMPARE(std::count_if(sim->stats().perSession.cbegin(), sim->stats().perSession.cend(),
                                   [](const auto &s) { return s.tokenLost; }),
                     1);
        const QString keptKey = kept.sessionKey();
        QVERIFY(!sim->stats().perSession.value(keptKey).tokenLost);
    }

    void latencyDelaysAnswers()
    {
        sim::SimulatorOptions o = SimHarness::quietOptions();
        o.faults.latencyMs = 300;
        SimHarness sim(o);
        R c(sim.port());
        QElapsedTimer t;
        t.start();
        QCOMPARE(c.get(QStringLiteral("ServiceInstance/ServiceInstance/content")).status, 200);
        QVERIFY(t.elapsed() >= 290);
    }

    void sessionExpiryAndRestart()
    {
        SimHarness sim(SimHarness::quietOptions());
        R a(sim.port());
        R b(sim.port());
        a.login();
        b.login();
        QCOMPARE(sim->sessionKeys().size(), 2);
        const QString aKey = a.sessionKey();
        QVERIFY(sim->expireSession(aKey));
        QCOMPARE(a.get(QStringLiteral("TaskManager/TaskManager/recentTask")).typeName(),
                 QStringLiteral("NotAuthenticated"));
        QCOMPARE(b.get(QStringLiteral("TaskManager/TaskManager/recentTask")).status, 200);
        sim->expireAllSessions();
        QCOMPARE(b.get(QStringLiteral("TaskManager/TaskManager/recentTask")).typeName(),
                 QStringLiteral("NotAuthenticated"));

        // Restart: connections and sessions go, tasks stay.
        b.login();
        const QString key =
            sim->createTask(QStringLiteral("Datastore.refresh"), QStringLiteral("group-d1"), false);
        b.post(QStringLiteral("TaskManager/TaskManager/CreateCollectorForTasks"),
               R::j("{'filter':{'_typeName':'TaskFilterSpec'}}"));
        QCOMPARE(sim->stats().collectors, 1);
        QSslSocket *socket = b.socket();
        sim->restart();
        QTRY_COMPARE(socket->state(), QAbstractSocket::UnconnectedState);
        QCOMPARE(sim->stats().sessions, 0);
        QCOMPARE(sim->stats().collectors, 0);
        QVERIFY(sim->task(key).has_value());
        QCOMPARE(b.get(QStringLiteral("TaskManager/TaskManager/recentTask")).typeName(),
                 QStringLiteral("NotAuthenticated"));
    }

    void groundTruthCountersAndSignals()
    {
        SimHarness sim(SimHarness::quietOptions());
        QObject receiver;
        int created = 0;
        int stateChanges = 0;
        QObject::connect(
            sim.simulator(), &sim::Simulator::taskCreated, &receiver,
            [&](const vim::TaskInfo &) { ++created; }, Qt::QueuedConnection);
        QObject::connect(
            sim.simulator(), &sim::Simulator::taskChanged, &receiver,
            [&](const vim::TaskInfo &, bool state) { stateChanges += state ? 1 : 0; },
            Qt::QueuedConnection);
        const QString key =
            sim->createTask(QStringLiteral("VirtualMachine.powerOn"), QStringLiteral("group-d1"),
                            true, QStringLiteral("VSPHERE.LOCAL\\Alice"));
        QCOMPARE(sim->task(key)->reason.userName, QStringLiteral("VSPHERE.LOCAL\\Alice"));
        QCOMPARE(sim->setTaskState(key, vim::TaskInfoState::Value::Running), QString());
        QCOMPARE(sim->setTaskProgress(key, 120), QString());
        QCOMPARE(sim->task(key)->progress, 100);
        QCOMPARE(sim->cancelTask(key), QString());
        QTRY_COMPARE(sim->task(key)->state.toString(), QStringLiteral("error"));
        QCOMPARE(sim->setTaskProgress(key, 10), QStringLiteral("InvalidState"));
        QCOMPARE(sim->setTaskState(QStringLiteral("task-999"), vim::TaskInfoState::Value::Success),
                 QStringLiteral("ManagedObjectNotFound"));
        QTRY_COMPARE(created, 1);
        QTRY_COMPARE(stateChanges, 2);

        R c(sim.port());
        c.login();
        c.post(QStringLiteral("PropertyCollector/propertyCollector/CreatePropertyCollector"));
        c.post(QStringLiteral("ViewManager/ViewManager/CreateListView"), "{}");
        const sim::SimulatorStats st = sim->stats();
        QCOMPARE(st.sessions, 1);
        QCOMPARE(st.propertyCollectors, 1);
        QCOMPARE(st.views, 1);
        QVERIFY(st.requests >= 3);
        QVERIFY(st.bytesSent > 0);
        QCOMPARE(st.perSession.begin()->userName, QStringLiteral("VSPHERE.LOCAL\\Administrator"));
    }

    void workloadIsSeededAndPausable()
    {
        // The same seed gives the same history.
        sim::SimulatorOptions o = SimHarness::quietOptions();
        o.workload.seed = 5;
        o.workload.historyTasks = 50;
        SimHarness one(o);
        SimHarness two(o);
        const auto a = one->tasks();
        const auto b = two->tasks();
        QCOMPARE(a.size(), 50);
        for (qsizetype i = 0; i < a.size(); ++i) {
            QCOMPARE(a.at(i).descriptionId, b.at(i).descriptionId);
            QCOMPARE(a.at(i).entity, b.at(i).entity);
            QCOMPARE(a.at(i).state, b.at(i).state);
        }
        // A running workload can be paused and resumed.
        o.workload.enabled = true;
        o.workload.historyTasks = 0;
        o.workload.tasksPerSecond = 100;
        SimHarness live(o);
        QTRY_VERIFY(live->stats().tasks > 5);
        live->pauseWorkload();
        const int paused = live->stats().tasks;
        R c(live.port());
        c.login();
        // A server-side 1 s wait lets time pass without a sleep in the test.
        const QString pc = R::moId(
            c.post(QStringLiteral("PropertyCollector/propertyCollector/CreatePropertyCollector")));
        c.post(QStringLiteral("PropertyCollector/") + pc + QStringLiteral("/WaitForUpdatesEx"),
               R::j("{'options':{'_typeName':'WaitOptions','maxWaitSeconds':1}}"));
        QCOMPARE(live->stats().tasks, paused);
        live->resumeWorkload();
        QTRY_VERIFY(live->stats().tasks > paused);
    }

    void standaloneExecutable()
    {
        QProcess p;
        p.setProgram(QStringLiteral(VTASKMON_SIM_BINARY));
        p.setArguments(
            {QStringLiteral("--port"), QStringLiteral("0"), QStringLiteral("--no-workload")});
        p.start();
        QVERIFY(p.waitForStarted());
        QByteArray out;
        QRegularExpression portLine(QStringLiteral("port (\\d+)"));
        QRegularExpression thumbLine(QStringLiteral("thumbprint ([0-9A-F:]{95})"));
        QTRY_VERIFY_WITH_TIMEOUT(
            (out += p.readAllStandardOutput(), thumbLine.match(QString::fromUtf8(out)).hasMatch()),
            20000);
        const quint16 port = quint16(portLine.match(QString::fromUtf8(out)).captured(1).toUInt());
        QVERIFY(port > 0);
        R c(port, true);
        QCOMPARE(c.get(QStringLiteral("ServiceInstance/ServiceInstance/content")).status, 200);
        const QString thumb =
            thumbLine.match(QString::fromUtf8(out)).captured(1).remove(QLatin1Char(':'));
        QCOMPARE(
            QString::fromLatin1(
                c.socket()->peerCertificate().digest(QCryptographicHash::Sha256).toHex().toUpper()),
            thumb);
        p.terminate();
        QVERIFY(p.waitForFinished(10000));

        QProcess help;
        help.start(QStringLiteral(VTASKMON_SIM_BINARY), {QStringLiteral("--help")});
        QVERIFY(help.waitForFinished(10000));
        const QString text = QString::fromUtf8(help.readAllStandardOutput());
        QVERIFY(text.contains(QStringLiteral("administrator@vsphere.local")));
        QVERIFY(text.contains(QStringLiteral("--no-hello")));
    }
};

QTEST_GUILESS_MAIN(TstSimFaults)
#include "tst_simfaults.moc"
