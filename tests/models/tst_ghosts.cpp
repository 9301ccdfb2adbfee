#include "simfixture.h"

#include <taskfilterproxymodel.h>
#include <tasktable.h>

#include <QAbstractItemModelTester>

#include <memory>

using State = vim::TaskInfoState::Value;

// The live list must say what the server says, nothing more: after a server restart with
// another task set, a restart that reuses task keys, and a switch to another server, every
// row is either the server's truth for its key, or visibly marked as no longer reported.
// While the server is away, the list says so (not live, rows as of the last update).
class tst_Ghosts final : public QObject
{
    Q_OBJECT
private:
    static constexpr quint16 AnyPort = 0;

    // A plain-http simulator that can be killed and started again on the same port, as an
    // operator restarting vtaskmon-sim would.
    static std::unique_ptr<sim::SimulatorThread> startSim(sim::SimulatorOptions o,
                                                          quint16 port = AnyPort)
    {
        o.https = false;
        o.port = port;
        auto s = std::make_unique<sim::SimulatorThread>(o);
        QString error;
        if (!s->start(&error)) {
            qWarning("simulator did not start: %s", qPrintable(error));
            return nullptr;
        }
        return s;
    }

    // Tasks that stay running for a while, so that some are running when the server goes.
    static sim::SimulatorOptions slowOptions(quint32 seed)
    {
        sim::SimulatorOptions o = SimFixture::quickOptions();
        o.workload.seed = seed;
        o.workload.tasksPerSecond = 8;
        o.workload.medianDurationMs = 60'000;
        o.workload.durationSpread = 0.2;
        o.workload.cancelRatio = 0;
        o.workload.failureRatio = 0;
        o.instanceUuid = QStringLiteral("11111111-2222-4333-8444-555555555555");
        return o;
    }

    struct Client
    {
        explicit Client(const sim::Simulator &simulator)
            : tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest)
        {
            ConnectOptions c = simtest::connectOptions(simulator, false);
            c.allowHttp = true;
            c.requestTimeoutMs = 10'000;
            connection.setReconnectPolicy(ReconnectPolicy{100, 300, 200});
            connection.connectToServer(c);
            monitor = std::make_unique<TaskMonitor>(&connection);
            monitor->setMaxWaitSeconds(2);
            monitor->setRecentTaskInterval(1000);
            model.setRetention(0, 0);
            model.attach(monitor.get());
            running.setSourceModel(&model);
            running.setStateFilter(TaskFilterProxyModel::Active);
        }
        VimConnection connection;
        std::unique_ptr<TaskMonitor> monitor;
        RecentTasksModel model;
        TaskFilterProxyModel running;
        QAbstractItemModelTester tester;
    };

    static bool unreported(const RecentTasksModel &model, const QString &key)
    {
        const int row = model.rowOf(key);
        return row >= 0 &&
               model.index(row, TaskTable::StatusColumn).data(TaskTable::UnreportedRole).toBool();
    }

    // The rows the model presents as current, against the server's ground truth; every
    // other row must be marked and must not be a key the server knows.
    static bool matchesTruth(const sim::Simulator &simulator, const RecentTasksModel &model,
                             bool verbose = false)
    {
        const QList<vim::TaskInfo> truth = simulator.tasks();
        QSet<QString> serverKeys;
        for (const vim::TaskInfo &t : truth)
            serverKeys.insert(t.key);
        QList<vim::TaskInfo> current;
        QStringList wrong;
        for (const vim::TaskInfo &t : model.tasks()) {
            if (!unreported(model, t.key))
                current.append(t);
            else if (serverKeys.contains(t.key))
                wrong.append(t.key + QStringLiteral(" marked unreported but known"));
        }
        const QStringList want = summarize(truth);
        const QStringList seen = summarize(current);
        if (verbose && (want != seen || !wrong.isEmpty())) {
            QStringList missing, extra;
            for (const QString &s : want)
                if (!seen.contains(s))
                    missing.append(s);
            for (const QString &s : seen)
                if (!want.contains(s))
                    extra.append(s);
            qWarning() << "truth" << want.size() << "current rows" << seen.size() << "missing"
                       << missing.mid(0, 5) << "extra" << extra.mid(0, 5) << wrong.mid(0, 5);
        }
        return want == seen && wrong.isEmpty();
    }

    static int runningAtServer(const sim::Simulator &simulator)
    {
        const auto tasks = simulator.tasks();
        return int(std::count_if(tasks.cbegin(), tasks.cend(),
                                 [](const vim::TaskInfo &t) { return !t.isFinished(); }));
    }

    static QStringList keysOf(const QList<vim::TaskInfo> &tasks)
    {
        QStringList keys;
        for (const vim::TaskInfo &t : tasks)
            keys.append(t.key);
        return keys;
    }

    // Starts the client and lets the first server run tasks until several are running.
    static void liveWithRunningTasks(Client &c, sim::Simulator &simulator)
    {
        c.monitor->start();
        QTRY_VERIFY_WITH_TIMEOUT(c.monitor->isLive(), 10'000);
        QTRY_VERIFY_WITH_TIMEOUT(runningAtServer(simulator) >= 6, 10'000);
        simulator.setWorkloadRate(0);
        QTRY_VERIFY_WITH_TIMEOUT(matchesTruth(simulator, c.model), 15'000);
        QVERIFY(c.running.rowCount() >= 6);
    }

private Q_SLOTS:
    void restartWithAnotherTaskSet()
    {
        // Given a client that shows running tasks of a server
        auto first = startSim(slowOptions(7));
        QVERIFY(first);
        const quint16 port = (*first)->port();
        Client c(**first);
        liveWithRunningTasks(c, **first);
        const QStringList before = keysOf((*first)->tasks());
        QSignalSpy vanished(c.monitor.get(), &TaskMonitor::tasksVanished);

        // When the server goes away
        first.reset();
        // Then the list says it is not live, as of its last update
        QTRY_VERIFY_WITH_TIMEOUT(!c.monitor->isLive(), 10'000);
        QVERIFY(c.model.asOf().isValid());
        QCOMPARE(c.model.index(0, 0).data(TaskTable::AsOfRole).toDateTime(), c.model.asOf());

        // When it comes back on the same port with a task set of its own
        sim::SimulatorOptions o = slowOptions(8);
        o.firstTaskId = 5000;
        o.workload.tasksPerSecond = 3;
        auto second = startSim(o, port);
        QVERIFY(second);
        QTRY_VERIFY_WITH_TIMEOUT(c.monitor->isLive(), 20'000);
        QTRY_VERIFY_WITH_TIMEOUT(runningAtServer(**second) >= 2, 10'000);
        (*second)->setWorkloadRate(0);

        // Then the rows equal the server's truth; the old tasks are marked, none "running"
        QTRY_VERIFY_WITH_TIMEOUT(matchesTruth(**second, c.model), 15'000);
        QVERIFY(matchesTruth(**second, c.model, true));
        for (const QString &key : before)
            QVERIFY2(unreported(c.model, key), qPrintable(key));
        QVERIFY(!vanished.isEmpty());
        QCOMPARE(c.running.rowCount(), runningAtServer(**second));
        QVERIFY(!c.model.asOf().isValid());
        // And a marked row says so in words
        const int row = c.model.rowOf(before.first());
        QVERIFY(c.model.index(row, TaskTable::StatusColumn)
                    .data()
                    .toString()
                    .contains(QStringLiteral("Unknown to the server")));
    }

    void restartThatReusesKeys()
    {
        // Given a client that shows running tasks of a server
        auto first = startSim(slowOptions(7));
        QVERIFY(first);
        const quint16 port = (*first)->port();
        Client c(**first);
        liveWithRunningTasks(c, **first);
        const QStringList before = keysOf((*first)->tasks());
        QVERIFY(before.size() > 3);

        // When it restarts with a new task set numbered from the start again: the first
        // keys name other tasks now, the rest are unknown
        first.reset();
        QTRY_VERIFY_WITH_TIMEOUT(!c.monitor->isLive(), 10'000);
        sim::SimulatorOptions o = slowOptions(9);
        o.workload.enabled = false;
        auto second = startSim(o, port);
        QVERIFY(second);
        const QStringList reused = {
            (*second)->createTask(QStringLiteral("Folder.createVm"), QStringLiteral("group-d1")),
            (*second)->createTask(QStringLiteral("Folder.createVm"), QStringLiteral("group-d1"))};
        QCOMPARE(reused, before.mid(0, 2));
        QCOMPARE((*second)->setTaskState(reused.at(1), State::Running), QString());
        QTRY_VERIFY_WITH_TIMEOUT(c.monitor->isLive(), 20'000);

        // Then the reused keys show the new tasks, the others are marked
        QTRY_VERIFY_WITH_TIMEOUT(matchesTruth(**second, c.model), 15'000);
        QVERIFY(matchesTruth(**second, c.model, true));
        for (const QString &key : before.mid(2))
            QVERIFY2(unreported(c.model, key), qPrintable(key));
        QCOMPARE(c.running.rowCount(), 2);

        // And the new tasks go on being followed
        QCOMPARE((*second)->setTaskState(reused.at(1), State::Success), QString());
        QTRY_COMPARE_WITH_TIMEOUT(c.running.rowCount(), 1, 10'000);
        QVERIFY(matchesTruth(**second, c.model, true));
    }

    void switchToAnotherServer()
    {
        // Given a client that shows running tasks of a vCenter
        auto vcenter = startSim(slowOptions(7));
        QVERIFY(vcenter);
        Client c(**vcenter);
        liveWithRunningTasks(c, **vcenter);
        QSignalSpy changed(c.monitor.get(), &TaskMonitor::serverChanged);

        // When the user connects the same window to an ESXi host whose keys overlap
        sim::SimulatorOptions o = slowOptions(7);
        o.esxi = true;
        o.instanceUuid.clear();
        o.workload.tasksPerSecond = 4;
        auto host = startSim(o);
        QVERIFY(host);
        QTRY_VERIFY_WITH_TIMEOUT(runningAtServer(**host) >= 2, 10'000);
        (*host)->setWorkloadRate(0);
        c.monitor->stop();
        ConnectOptions to = simtest::connectOptions(**host, false);
        to.allowHttp = true;
        c.connection.connectToServer(to);
        QTRY_COMPARE_WITH_TIMEOUT(c.connection.state(), VimConnection::State::Connected, 10'000);
        c.monitor->start();

        // Then nothing of the vCenter is left: the rows are exactly the host's
        QTRY_COMPARE_WITH_TIMEOUT(changed.size(), 1, 10'000);
        QTRY_VERIFY_WITH_TIMEOUT(c.monitor->isLive(), 10'000);
        QTRY_VERIFY_WITH_TIMEOUT(summarize(c.model.tasks()) == summarize((*host)->tasks()), 15'000);
        QCOMPARE(c.running.rowCount(), runningAtServer(**host));
        QCOMPARE(c.monitor->mode(), TaskMonitor::Mode::LiveWithoutCollector);
    }

    void refreshRemovesGhostsOfAnEarlierLoss()
    {
        // Given a client, and a server that lost some tasks without a restart being seen
        // (here: its tasks dropped while the client was stopped)
        auto first = startSim(slowOptions(7));
        QVERIFY(first);
        const quint16 port = (*first)->port();
        Client c(**first);
        liveWithRunningTasks(c, **first);
        QSignalSpy stopped(c.monitor.get(), &TaskMonitor::stopped);
        c.monitor->stop();
        QTRY_COMPARE_WITH_TIMEOUT(stopped.size(), 1, 10'000);
        first.reset();
        sim::SimulatorOptions o = slowOptions(7);
        o.workload.enabled = false;
        o.firstTaskId = 900;
        auto second = startSim(o, port);
        QVERIFY(second);
        QTRY_COMPARE_WITH_TIMEOUT(c.connection.state(), VimConnection::State::Connected, 20'000);

        // When the list is refreshed (F5 restarts the monitor)
        c.monitor->start();

        // Then no row claims to be running
        QTRY_COMPARE_WITH_TIMEOUT(c.running.rowCount(), 0, 15'000);
        QVERIFY(matchesTruth(**second, c.model, true));
    }
};

QTEST_GUILESS_MAIN(tst_Ghosts)
#include "tst_ghosts.moc"
