#include "../ui/uitesthelpers.h"

#include <mainwindow.h>
#include <recenttasksmodel.h>
#include <taskdetailsview.h>
#include <taskfilterproxymodel.h>
#include <taskmonitor.h>
#include <tasktable.h>

#include <simulator/simulator.h>

#include <QAction>
#include <QLabel>
#include <QTest>
#include <QTextDocument>
#include <QTreeView>

// The desktop through a server outage and a restart with another task set, as an operator
// sees it: a banner that says since when the list is not updated and when the next attempt
// is, greyed rows, then rows that equal the restarted server's tasks, with the old ones
// marked and not counted as running.
class tst_Outage final : public QObject
{
    Q_OBJECT
private:
    static std::unique_ptr<sim::Simulator> startSim(quint32 seed, int firstTask, quint16 port)
    {
        sim::SimulatorOptions o;
        o.https = false;
        o.port = port;
        o.workload.seed = seed;
        o.workload.tasksPerSecond = 8;
        o.workload.medianDurationMs = 60'000;
        o.workload.durationSpread = 0.2;
        o.workload.failureRatio = 0;
        o.workload.cancelRatio = 0;
        o.firstTaskId = firstTask;
        // The same server restarted: its identity survives, its tasks do not.
        o.instanceUuid = QStringLiteral("0badc0de-0000-4000-8000-000000000001");
        auto s = std::make_unique<sim::Simulator>(o);
        QString error;
        if (!s->start(&error)) {
            qWarning("simulator: %s", qPrintable(error));
            return nullptr;
        }
        return s;
    }

    static int runningAt(const sim::Simulator &s)
    {
        const auto tasks = s.tasks();
        return int(std::count_if(tasks.cbegin(), tasks.cend(),
                                 [](const vim::TaskInfo &t) { return !t.isFinished(); }));
    }

private Q_SLOTS:
    void initTestCase() { uitest::isolateSettings(); }

    void outageThenRestartWithAnotherTaskSet()
    {
        // Given the window on a server with running tasks, showing the running ones
        auto server = startSim(7, 1, 0);
        QVERIFY(server);
        const quint16 port = server->port();
        VimConnection connection;
        connection.setReconnectPolicy(ReconnectPolicy{100, 1500, 200});
        MainWindow window(&connection);
        window.resize(1280, 800);
        window.show();
        ConnectOptions options = uitest::optionsFor(*server, false);
        options.allowHttp = true;
        connection.connectToServer(options);
        QTRY_VERIFY_WITH_TIMEOUT(window.monitor()->isLive(), 15'000);
        QTRY_VERIFY_WITH_TIMEOUT(runningAt(*server) >= 5, 10'000);
        server->setWorkloadRate(0);
        window.findChild<QAction *>(QStringLiteral("filterRunning"))->trigger();
        TaskFilterProxyModel *proxy = window.recentTasksProxy();
        QTRY_COMPARE_WITH_TIMEOUT(proxy->rowCount(), runningAt(*server), 10'000);
        const QStringList before = [&] {
            QStringList keys;
            for (const vim::TaskInfo &t : server->tasks())
                keys.append(t.key);
            return keys;
        }();
        auto *banner = window.findChild<QLabel *>(QStringLiteral("staleBanner"));
        QVERIFY(banner);
        QVERIFY(!banner->isVisible());

        // When the server goes away
        server.reset();

        // Then a banner says since when the list is not updated, and when the next attempt is
        QTRY_VERIFY_WITH_TIMEOUT(banner->isVisible(), 10'000);
        QTRY_VERIFY_WITH_TIMEOUT(banner->text().contains(QStringLiteral("next attempt in")),
                                 10'000);
        QVERIFY(banner->text().startsWith(QStringLiteral("Not updated since")));
        const QModelIndex first = proxy->index(0, TaskTable::StatusColumn);
        QVERIFY(first.data(TaskTable::AsOfRole).toDateTime().isValid());
        // And the selected task's details say it is not current
        window.recentTasksView()->setCurrentIndex(first);
        auto *details = window.findChild<TaskDetailsView *>();
        QVERIFY(details);
        QTRY_VERIFY(
            details->document()->toPlainText().contains(QStringLiteral("Not updated since")));

        // When it comes back with another task set
        server = startSim(7, 5000, port);
        QVERIFY(server);
        QTRY_VERIFY_WITH_TIMEOUT(window.monitor()->isLive(), 20'000);
        QTRY_VERIFY_WITH_TIMEOUT(runningAt(*server) >= 2, 10'000);
        server->setWorkloadRate(0);

        // Then the banner goes, and the Running filter shows what runs at the server
        QTRY_VERIFY_WITH_TIMEOUT(!banner->isVisible(), 10'000);
        QTRY_COMPARE_WITH_TIMEOUT(proxy->rowCount(), runningAt(*server), 15'000);
        // And the old tasks are still listed under All, marked as unknown to the server
        window.findChild<QAction *>(QStringLiteral("filterAll"))->trigger();
        RecentTasksModel *model = window.recentTasksModel();
        for (const QString &key : before) {
            const int row = model->rowOf(key);
            QVERIFY2(row >= 0, qPrintable(key));
            QVERIFY2(
                model->index(row, TaskTable::StatusColumn).data(TaskTable::UnreportedRole).toBool(),
                qPrintable(key));
        }
        // And one of them cannot be cancelled, and its details say why
        QVERIFY(window.selectTask(before.first()));
        QVERIFY(!window.cancelAction()->isEnabled());
        QTRY_VERIFY(details->document()->toPlainText().contains(
            QStringLiteral("no longer reports this task")));
    }
};

QTEST_MAIN(tst_Outage)
#include "tst_outage.moc"
