#include <fakevcenter.h>
#include <hostileanswers.h>
#include <scriptedserver.h>
#include <taskwatchroutes.h>

#include <taskmonitor.h>
#include <vimconnection.h>

#include <QSignalSpy>
#include <QTest>

// The live engine against a scripted server that logs in well and then answers every call
// with something unusable: the monitor must say what is wrong, keep saying it while it
// retries, and never take the answers for tasks.
class tst_MonitorHostile final : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void everyShapeIsReportedWhileRetrying_data() { addHostileAnswerRows(); }

    void everyShapeIsReportedWhileRetrying()
    {
        QFETCH(HttpResponse, answer);
        QFETCH(QString, reason);
        // Given a server that answers everything but the session calls with `answer`
        HostileServer hostile(answer);
        QVERIFY(hostile.started);
        ScriptedServer &server = hostile.server;
        VimConnection connection;
        QVERIFY(hostile.vc.connect(&connection));
        TaskMonitor monitor(&connection);
        QSignalSpy errors(&monitor, &TaskMonitor::errorOccurred);
        QSignalSpy updates(&monitor, &TaskMonitor::tasksUpdated);
        // When the monitor starts
        monitor.start();
        // Then it falls back to polling, and its polls keep failing out loud, not quietly
        QTRY_VERIFY_WITH_TIMEOUT(errors.size() >= 4, 20'000);
        QCOMPARE(monitor.mode(), TaskMonitor::Mode::Polling);
        QVERIFY2(server.requestsTo("/recentTask").size() >= 2,
                 qPrintable(QString::number(server.requestsTo("/recentTask").size())));
        // and what it says names the problem, also through errorString()
        const QString last = errors.last().at(0).toString();
        QVERIFY2(last.contains(reason), qPrintable(last));
        QCOMPARE(monitor.errorString(), last);
        // and nothing was taken for a task list
        QVERIFY(!monitor.isSynchronized());
        QCOMPARE(updates.size(), 0);
        QCOMPARE(connection.state(), VimConnection::State::Connected);
    }

    void healsWhenTheServerAnswersAgain()
    {
        // Given a monitor polling a server that answered garbage
        ScriptedServer server;
        QVERIFY(server.start());
        FakeVCenter vc(&server);
        vc.otherwise = [](const HttpRequest &) {
            return HttpResponse::ok("{garbage");
        };
        VimConnection connection;
        QVERIFY(vc.connect(&connection));
        TaskMonitor monitor(&connection);
        QSignalSpy cleared(&monitor, &TaskMonitor::errorCleared);
        monitor.start();
        QTRY_COMPARE_WITH_TIMEOUT(monitor.mode(), TaskMonitor::Mode::Polling, 10'000);
        QTRY_VERIFY(!monitor.errorString().isEmpty());
        // When recentTask answers properly again (an empty list)
        vc.route("GET", "/recentTask", HttpResponse::ok("[]"));
        // Then the error is over and the (empty) task list is synchronized
        QTRY_VERIFY_WITH_TIMEOUT(monitor.isSynchronized(), 10'000);
        QCOMPARE(monitor.errorString(), QString());
        QCOMPARE(cleared.size(), 1);
    }

    void taskWithAWronglyTypedFieldIsShownAndReported()
    {
        // Given a server whose first update holds a good task and two with a field of the
        // wrong type, one on the latest page and one in a Task.info
        ScriptedServer server;
        QVERIFY(server.start());
        FakeVCenter vc(&server);
        addTaskWatchRoutes(vc, taskUpdate(taskInfoJson("task-1") + ',' +
                                              taskInfoJson("task-2", R"(,"progress":"forty")"),
                                          taskInfoJson("task-3", R"(,"cancelled":"no")")));
        VimConnection connection;
        QVERIFY(vc.connect(&connection));
        TaskMonitor monitor(&connection);
        QSignalSpy unreadable(&monitor, &TaskMonitor::taskUnreadable);
        // When the monitor starts
        monitor.start();
        QTRY_VERIFY_WITH_TIMEOUT(monitor.isSynchronized(), 10'000);
        // Then every task is there, the broken ones with what could be read
        QCOMPARE(monitor.mode(), TaskMonitor::Mode::Live);
        const QHash<QString, vim::TaskInfo> &tasks = monitor.tasks();
        QCOMPARE(tasks.size(), 3);
        QCOMPARE(tasks.value(u"task-2"_qs).state, vim::TaskInfoState::Value::Running);
        QCOMPARE(tasks.value(u"task-2"_qs).entityName, std::optional<QString>(u"web-01"_qs));
        QCOMPARE(tasks.value(u"task-2"_qs).progress, std::nullopt);
        QCOMPARE(tasks.value(u"task-3"_qs).descriptionId, u"VirtualMachine.powerOn"_qs);
        // and each broken one is reported with the field that is wrong
        QStringList reports;
        for (const QList<QVariant> &args : std::as_const(unreadable))
            reports.append(args.at(0).toString() + u": "_qs + args.at(1).toString());
        reports.sort();
        QCOMPARE(reports.size(), 2);
        QVERIFY2(reports.at(0).startsWith(u"task-2: TaskInfo.progress"_qs),
                 qPrintable(reports.at(0)));
        QVERIFY2(reports.at(1).startsWith(u"task-3: TaskInfo.cancelled"_qs),
                 qPrintable(reports.at(1)));
    }
};

QTEST_GUILESS_MAIN(tst_MonitorHostile)
#include "tst_monitorhostile.moc"
