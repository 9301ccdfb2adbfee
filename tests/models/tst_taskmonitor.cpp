#include "simfixture.h"

#include <tasktable.h>

#include <QAbstractItemModelTester>

using State = vim::TaskInfoState::Value;

// The live engine against the simulator: the model must equal the simulator's ground
// truth after bursts, cancels, failures, session expiry and a restart, without a reset,
// and leave no session object behind when stopped.
class tst_TaskMonitor final : public QObject
{
    Q_OBJECT
private:
    struct Engine
    {
        explicit Engine(VimConnection *connection)
            : monitor(connection)
            , tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest)
            , resets(&model, &QAbstractItemModel::modelReset)
        {
            model.setRetention(0, 0);
            monitor.setMaxWaitSeconds(2);
            monitor.setRecentTaskInterval(1000);
            QObject::connect(&monitor, &TaskMonitor::tasksUpdated, &model,
                             &RecentTasksModel::applyUpdates);
            QObject::connect(&monitor, &TaskMonitor::descriptionChanged, &model,
                             &RecentTasksModel::setDescription);
        }
        RecentTasksModel model;
        TaskMonitor monitor;
        QAbstractItemModelTester tester;
        QSignalSpy resets;
    };

    static bool matchesTruth(SimFixture &f, const RecentTasksModel &model, bool verbose = false)
    {
        const QStringList truth = summarize(f.sim().tasks());
        const QStringList seen = summarize(model.tasks());
        if (verbose && truth != seen) {
            QStringList missing, extra;
            for (const QString &s : truth)
                if (!seen.contains(s))
                    missing.append(s);
            for (const QString &s : seen)
                if (!truth.contains(s))
                    extra.append(s);
            qWarning() << "truth" << truth.size() << "model" << seen.size() << "missing"
                       << missing.mid(0, 5) << "stale" << extra.mid(0, 5);
        }
        return truth == seen;
    }

    static bool allFinished(SimFixture &f)
    {
        const auto tasks = f.sim().tasks();
        return std::all_of(tasks.cbegin(), tasks.cend(),
                           [](const vim::TaskInfo &t) { return t.isFinished(); });
    }

    // Lets the workload create tasks for a while, then stops arrivals and waits for every
    // task to end (pausing would freeze the running ones).
    static void burst(SimFixture &f, int ms)
    {
        f.sim().setWorkloadRate(SimFixture::quickOptions().workload.tasksPerSecond);
        f.sim().resumeWorkload();
        QTest::qWait(ms); // the workload's own duration, not a wait for our code
        f.sim().setWorkloadRate(0);
        QTRY_VERIFY_WITH_TIMEOUT(allFinished(f), 20'000);
    }

private Q_SLOTS:
    void liveMatchesGroundTruth()
    {
        // Given a simulator with a running workload and a started monitor
        SimFixture f;
        QVERIFY(f.started());
        QVERIFY(f.connect());
        Engine e(&f.connection());
        e.monitor.start();
        QTRY_VERIFY_WITH_TIMEOUT(e.monitor.isSynchronized(), 10'000);
        QCOMPARE(e.monitor.mode(), TaskMonitor::Mode::Live);
        // When tasks are created, progress, fail and get cancelled
        burst(f, 2500);
        // Then the model equals the ground truth, and was never reset
        QTRY_VERIFY_WITH_TIMEOUT(matchesTruth(f, e.model), 15'000);
        QVERIFY(matchesTruth(f, e.model, true));
        QVERIFY(e.model.rowCount() > 5);
        QCOMPARE(e.resets.size(), 0);
        // And the labels come from the server's description
        QTRY_VERIFY(!e.model.description().methodInfo.isEmpty());
    }

    void showsProgressCancelAndFailure()
    {
        // Given a quiet simulator and a monitor
        SimFixture f;
        f.sim().pauseWorkload();
        QVERIFY(f.connect());
        Engine e(&f.connection());
        e.monitor.start();
        QTRY_VERIFY_WITH_TIMEOUT(e.monitor.isSynchronized(), 10'000);
        const QString root = f.connection().serviceContent().rootFolder.value;
        // When a task runs at 40 % with a description
        const QString a = f.sim().createTask(QStringLiteral("Folder.createVm"), root, true);
        const QString b = f.sim().createTask(QStringLiteral("Folder.createVm"), root, true);
        QVERIFY(!a.isEmpty() && !b.isEmpty());
        QCOMPARE(f.sim().setTaskState(a, State::Running), QString());
        QCOMPARE(f.sim().setTaskProgress(a, 40), QString());
        QCOMPARE(f.sim().setTaskDescription(
                     a, {QStringLiteral("k"), {}, QStringLiteral("Copying disk0")}),
                 QString());
        // Then the model shows progress and details live
        QTRY_COMPARE_WITH_TIMEOUT(e.model.task(a).value_or(vim::TaskInfo()).progress.value_or(-1),
                                  40, 10'000);
        const int row = e.model.rowOf(a);
        QTRY_COMPARE(e.model.index(row, TaskTable::DetailsColumn).data().toString(),
                     QStringLiteral("Copying disk0"));
        // When one is cancelled through the monitor and the other fails
        QSignalSpy cancelled(&e.monitor, &TaskMonitor::cancelFinished);
        e.model.setCancelPending(a);
        e.monitor.cancelTask(a);
        QTRY_COMPARE(cancelled.size(), 1);
        QVERIFY(cancelled.at(0).at(1).toBool());
        QCOMPARE(f.sim().setTaskState(b, State::Running), QString());
        QCOMPARE(f.sim().setTaskState(
                     b, State::Error, std::nullopt,
                     vim::MethodFault::make(QStringLiteral("SystemError"),
                                            QStringLiteral("backend unavailable"),
                                            {{QStringLiteral("reason"), QStringLiteral("x")}})),
                 QString());
        // Then both end as the simulator says
        QTRY_VERIFY_WITH_TIMEOUT(e.model.task(a).value_or(vim::TaskInfo()).isFinished(), 10'000);
        QVERIFY(e.model.task(a)->cancelled);
        QTRY_VERIFY_WITH_TIMEOUT(matchesTruth(f, e.model), 10'000);
        QTRY_COMPARE(e.model.index(e.model.rowOf(b), TaskTable::StatusColumn).data().toString(),
                     QStringLiteral("backend unavailable"));
        QVERIFY(!e.model.index(e.model.rowOf(a), TaskTable::StatusColumn)
                     .data(TaskTable::CancelPendingRole)
                     .toBool());
    }

    void burstLargerThanThePageLosesNothing()
    {
        // Given a quiet simulator and a monitor whose latest page holds 20 tasks and whose
        // recentTask re-read is far away
        SimFixture f;
        f.sim().pauseWorkload();
        QVERIFY(f.connect());
        Engine e(&f.connection());
        e.monitor.setPageSize(20);
        e.monitor.setRecentTaskInterval(600'000);
        e.monitor.start();
        QTRY_VERIFY_WITH_TIMEOUT(e.monitor.isSynchronized(), 10'000);
        const QString root = f.connection().serviceContent().rootFolder.value;
        // When 1 500 tasks are created at once, far more than one page
        QStringList keys;
        for (int i = 0; i < 1500; ++i)
            keys.append(f.sim().createTask(QStringLiteral("Folder.createVm"), root, true));
        // Then every one of them reaches the model through the collector, not the timer
        QTRY_VERIFY_WITH_TIMEOUT(
            std::all_of(keys.cbegin(), keys.cend(),
                        [&](const QString &k) { return e.model.rowOf(k) >= 0; }),
            15'000);
        QCOMPARE(e.model.rowCount(), int(f.sim().tasks().size()));
        QCOMPARE(e.resets.size(), 0);
    }

    void forgetsLongFinishedTasksWithoutReportingThemAgain()
    {
        // Given a quiet simulator and a monitor that forgets tasks one second after they
        // finished, looking whenever it knows 20 more, and re-reads recentTask every second
        SimFixture f;
        f.sim().pauseWorkload();
        QVERIFY(f.connect());
        Engine e(&f.connection());
        e.monitor.setPageSize(10);
        e.monitor.setForgetFinishedAfter(1, 20);
        QHash<QString, int> finishedReports;
        connect(&e.monitor, &TaskMonitor::tasksUpdated, this,
                [&finishedReports](const QList<vim::TaskInfo> &tasks) {
                    for (const vim::TaskInfo &t : tasks)
                        finishedReports[t.key] += t.isFinished() ? 1 : 0;
                });
        e.monitor.start();
        QTRY_VERIFY_WITH_TIMEOUT(e.monitor.isSynchronized(), 10'000);
        const QString root = f.connection().serviceContent().rootFolder.value;
        const auto runToEnd = [&](int count) {
            QStringList keys;
            for (int i = 0; i < count; ++i) {
                const QString key = f.sim().createTask(QStringLiteral("Folder.createVm"), root);
                f.sim().setTaskState(key, State::Running);
                f.sim().setTaskState(key, State::Success);
                keys.append(key);
            }
            return keys;
        };
        const auto reportedOnce = [&finishedReports](const QStringList &keys) {
            return std::all_of(keys.cbegin(), keys.cend(),
                               [&](const QString &k) { return finishedReports.value(k) == 1; });
        };
        // When 40 tasks run to their end and are seen finished
        const QStringList early = runToEnd(40);
        QTRY_VERIFY_WITH_TIMEOUT(reportedOnce(early), 15'000);
        // and, more than a second later, 40 more
        QTest::qWait(1'500);
        const QStringList late = runToEnd(40);
        QTRY_VERIFY_WITH_TIMEOUT(reportedOnce(late), 15'000);
        // Then the early ones left the engine's map, the late ones are still in it
        QTRY_VERIFY_WITH_TIMEOUT(
            std::none_of(early.cbegin(), early.cend(),
                         [&](const QString &k) { return e.monitor.tasks().contains(k); }),
            10'000);
        for (const QString &k : late)
            QVERIFY(e.monitor.tasks().contains(k));
        // and although recentTask still lists them, none was reported finished twice
        QTest::qWait(2'500); // two recentTask re-reads
        QVERIFY(reportedOnce(early + late));
        QVERIFY(matchesTruth(f, e.model, true));
    }

    void healsAfterSessionExpiryAndRestart()
    {
        // Given a live monitor
        SimFixture f;
        QVERIFY(f.connect());
        Engine e(&f.connection());
        e.monitor.start();
        QTRY_VERIFY_WITH_TIMEOUT(e.monitor.isSynchronized(), 10'000);
        burst(f, 800);
        QTRY_VERIFY_WITH_TIMEOUT(matchesTruth(f, e.model), 15'000);
        // When every session expires while tasks keep coming
        f.sim().expireAllSessions();
        burst(f, 1500);
        // Then the model catches up without duplicates or losses
        QTRY_VERIFY_WITH_TIMEOUT(matchesTruth(f, e.model), 20'000);
        QVERIFY(matchesTruth(f, e.model, true));
        // When the server restarts
        f.sim().restart();
        burst(f, 1500);
        // Then again
        QTRY_VERIFY_WITH_TIMEOUT(matchesTruth(f, e.model), 25'000);
        QVERIFY(matchesTruth(f, e.model, true));
        QCOMPARE(e.resets.size(), 0);
        // And only one set of session objects is alive
        QTRY_VERIFY_WITH_TIMEOUT(f.sim().stats().collectors == 1 && f.sim().stats().views == 1 &&
                                     f.sim().stats().propertyCollectors == 1,
                                 10'000);
    }

    void sessionEndingEveryFewCallsEndsInPolling()
    {
        // Given a quiet simulator whose sessions end after five calls, three running tasks
        sim::SimulatorOptions o = SimFixture::quickOptions();
        o.workload.enabled = false;
        o.faults.sessionCallLimit = 5;
        SimFixture f(o);
        QVERIFY(f.connect());
        const QString root = f.connection().serviceContent().rootFolder.value;
        QStringList keys;
        for (int i = 0; i < 3; ++i) {
            keys.append(f.sim().createTask(QStringLiteral("Folder.createVm"), root, true));
            QCOMPARE(f.sim().setTaskState(keys.last(), State::Running), QString());
        }
        // When the monitor starts (setting up a watch takes about twelve calls)
        Engine e(&f.connection());
        QSignalSpy errors(&e.monitor, &TaskMonitor::errorOccurred);
        QString whyPolling;
        connect(&e.monitor, &TaskMonitor::modeChanged, this, [&](TaskMonitor::Mode mode) {
            if (mode == TaskMonitor::Mode::Polling)
                whyPolling = e.monitor.errorString();
        });
        e.monitor.start();
        // Then it stops rebuilding the watch, polls instead and says why
        QTRY_COMPARE_WITH_TIMEOUT(e.monitor.mode(), TaskMonitor::Mode::Polling, 30'000);
        QVERIFY(!errors.isEmpty());
        QVERIFY2(errors.last().at(0).toString().contains(QLatin1String("polling")),
                 qPrintable(errors.last().at(0).toString()));
        QCOMPARE(whyPolling, errors.last().at(0).toString());
        // and the model follows the server
        QTRY_VERIFY_WITH_TIMEOUT(e.monitor.isSynchronized(), 10'000);
        QCOMPARE(f.sim().setTaskState(keys.at(0), State::Success), QString());
        QCOMPARE(f.sim().setTaskProgress(keys.at(1), 70), QString());
        QTRY_VERIFY_WITH_TIMEOUT(matchesTruth(f, e.model), 15'000);
        QVERIFY(matchesTruth(f, e.model, true));
        // When sessions last again, Then push is tried again later, and works
        sim::SimulatorOptions::Faults calm;
        f.sim().setFaults(calm);
        e.monitor.setPushRetryInterval(300);
        QTRY_COMPARE_WITH_TIMEOUT(e.monitor.mode(), TaskMonitor::Mode::Live, 15'000);
        QCOMPARE(f.sim().setTaskState(keys.at(2), State::Success), QString());
        QTRY_VERIFY_WITH_TIMEOUT(matchesTruth(f, e.model), 15'000);
    }

    void stopLeavesNothingBehind()
    {
        // Given a live monitor that has seen tasks
        SimFixture f;
        QVERIFY(f.connect());
        Engine e(&f.connection());
        e.monitor.start();
        QTRY_VERIFY_WITH_TIMEOUT(e.monitor.isSynchronized(), 10'000);
        QVERIFY(f.sim().stats().collectors >= 1);
        // When it stops
        QSignalSpy stopped(&e.monitor, &TaskMonitor::stopped);
        e.monitor.stop();
        QTRY_COMPARE_WITH_TIMEOUT(stopped.size(), 1, 10'000);
        // Then the simulator holds no collector, filter or view of ours
        const sim::SimulatorStats s = f.sim().stats();
        QCOMPARE(s.collectors, 0);
        QCOMPARE(s.filters, 0);
        QCOMPARE(s.views, 0);
        QCOMPARE(s.propertyCollectors, 0);
    }

    void fallsBackWithoutCollectors()
    {
        // Given an ESXi host (no TaskHistoryCollector)
        sim::SimulatorOptions o = SimFixture::quickOptions();
        o.esxi = true;
        SimFixture f(o);
        QVERIFY(f.connect());
        Engine e(&f.connection());
        // When the monitor starts
        e.monitor.start();
        QTRY_VERIFY_WITH_TIMEOUT(e.monitor.isSynchronized(), 10'000);
        // Then it watches recentTask + ListView, still by push, and stays correct
        QCOMPARE(e.monitor.mode(), TaskMonitor::Mode::LiveWithoutCollector);
        QVERIFY(!e.monitor.isDegraded());
        burst(f, 1500);
        QTRY_VERIFY_WITH_TIMEOUT(matchesTruth(f, e.model), 15'000);
    }

    void pollingIsTheDegradedLastResort()
    {
        // Given a monitor limited to polling
        SimFixture f;
        QVERIFY(f.connect());
        Engine e(&f.connection());
        e.monitor.setModeLimit(TaskMonitor::Mode::Polling);
        e.monitor.start();
        // Then it says it is degraded, and still converges
        QTRY_COMPARE_WITH_TIMEOUT(e.monitor.mode(), TaskMonitor::Mode::Polling, 10'000);
        QVERIFY(e.monitor.isDegraded());
        burst(f, 1000);
        QTRY_VERIFY_WITH_TIMEOUT(matchesTruth(f, e.model), 15'000);
    }
};

QTEST_GUILESS_MAIN(tst_TaskMonitor)
#include "tst_taskmonitor.moc"
