#include "simserver.h"

#include <createcollectordialog.h>
#include <inventorymodel.h>

#include <taskhistorymodel.h>
#include <taskmanager.h>
#include <taskmonitor.h>

#include <QPointer>
#include <QProcess>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>

using State = VimConnection::State;

// Server-side hygiene (issue 7): the collector budget (maxCollector) is never exceeded and
// running out of it is a state, not a crash; stopping, disconnecting and the CLI's orderly
// exit leave no session, collector, PropertyCollector, filter or view behind on the server.
// The desktop's own objects too (issue 12): a collector dialog closed while its create is in
// flight, and the inventory's ContainerView on every path of its paged read.
class tst_Hygiene final : public QObject
{
    Q_OBJECT

private:
    // A calm simulator, a connection to it and a started TaskMonitor; heap-held so that a
    // test can tear them down in the order it is about.
    struct LiveEngine
    {
        LiveEngine()
        {
            if (connectAndSettle(*connection, server.trustedOptions()) == State::Connected)
                monitor->start();
        }
        bool isLive() const
        {
            return QTest::qWaitFor([this] { return monitor->mode() == TaskMonitor::Mode::Live; },
                                   10'000);
        }
        SimServer server;
        std::unique_ptr<VimConnection> connection = std::make_unique<VimConnection>();
        std::unique_ptr<TaskMonitor> monitor = std::make_unique<TaskMonitor>(connection.get());
    };

    static vim::TaskFilterSpec everything(const VimConnection &connection)
    {
        vim::TaskFilterSpec filter;
        filter.entity = vim::TaskFilterSpecByEntity{connection.serviceContent().rootFolder,
                                                    vim::TaskFilterSpecRecursionOption::Value::All};
        return filter;
    }

    static bool stop(TaskMonitor &monitor)
    {
        QSignalSpy stopped(&monitor, &TaskMonitor::stopped);
        monitor.stop();
        return stopped.size() == 1 || stopped.wait(10'000);
    }

    // An inventory of more than two RetrievePropertiesEx pages (the model asks for 1000
    // objects a page).
    static sim::SimulatorOptions largeInventory()
    {
        sim::SimulatorOptions o = SimServer::calmOptions();
        o.inventory.vmsPerHost = 160;
        return o;
    }

private Q_SLOTS:
    void initTestCase()
    {
        // The dialogs keep their geometry in the settings: never the developer's own.
        QStandardPaths::setTestModeEnabled(true);
        QCoreApplication::setOrganizationName(QStringLiteral("vtaskmon-reliability"));
        QCoreApplication::setApplicationName(QStringLiteral("tst_hygiene"));
        QSettings().clear();
    }

    void collectorBudgetIsAStateNotACrash()
    {
        // Given a server that allows three collectors per session, one of them the history's
        sim::SimulatorOptions o = SimServer::calmOptions();
        o.maxCollectors = 3;
        SimServer server(o);
        QVERIFY(server.started());
        VimConnection connection;
        QCOMPARE(connectAndSettle(connection, server.trustedOptions()), State::Connected);
        TaskHistoryModel history(&connection);
        history.setFilter(everything(connection));
        QTRY_VERIFY_WITH_TIMEOUT(history.status() == TaskHistoryModel::Status::Ready ||
                                     history.status() == TaskHistoryModel::Status::Complete,
                                 10'000);
        QTRY_COMPARE(history.maxCollector(), 3);

        // When collectors are created until the server says no
        const svc::TaskManager taskManager(&connection, *connection.serviceContent().taskManager);
        int created = 0;
        VimResult<vim::ManagedObjectReference> r = vim::ManagedObjectReference();
        for (int i = 0; i < 10; ++i) {
            r = resultOf(taskManager.createCollectorForTasks(everything(connection)));
            QVERIFY2(server->stats().collectors <= o.maxCollectors,
                     qPrintable(server.objectCounts()));
            if (!r.ok())
                break;
            ++created;
        }
        // Then it said so with InvalidState once the budget was spent
        QVERIFY(!r.ok());
        QVERIFY2(r.error().isFault(QStringLiteral("InvalidState")),
                 qPrintable(r.error().toString()));
        QCOMPARE(created, 2);
        QCOMPARE(server->stats().collectors, 3);

        // When another history view asks for a collector
        TaskHistoryModel second(&connection);
        second.setFilter(everything(connection));
        // Then it reports the budget as its state
        QTRY_COMPARE_WITH_TIMEOUT(second.status(), TaskHistoryModel::Status::TooManyCollectors,
                                  10'000);
        QVERIFY(!second.errorString().isEmpty());
        QCOMPARE(second.rowCount(), 0);

        // When the live engine starts without a collector to spare
        TaskMonitor monitor(&connection);
        monitor.start();
        // Then it still runs, on the ListView and recentTask alone
        QTRY_VERIFY_WITH_TIMEOUT(monitor.isSynchronized(), 10'000);
        QCOMPARE(monitor.mode(), TaskMonitor::Mode::LiveWithoutCollector);
        QCOMPARE(server->stats().collectors, 3);
        QCOMPARE(connection.state(), State::Connected);

        // and everything goes away with stop, close and logout
        QVERIFY(stop(monitor));
        history.close();
        connection.disconnectFromServer();
        QTRY_COMPARE_WITH_TIMEOUT(server.objectCounts(), noObjectsLeft, 10'000);
    }

    void stopDestroysTheEnginesObjects()
    {
        // Given a live engine and an open history
        LiveEngine e;
        QVERIFY(e.isLive());
        TaskHistoryModel history(e.connection.get());
        history.setFilter(everything(*e.connection));
        QTRY_VERIFY_WITH_TIMEOUT(!history.collector().isNull(), 10'000);
        QCOMPARE(e.server.objectCounts(),
                 QStringLiteral("sessions=1 collectors=2 propertyCollectors=1 filters=2 views=1"));

        // When the engine stops and the history closes, Then only the session is left
        QVERIFY(stop(*e.monitor));
        history.close();
        QTRY_COMPARE_WITH_TIMEOUT(
            e.server.objectCounts(),
            QStringLiteral("sessions=1 collectors=0 propertyCollectors=0 filters=0 views=0"),
            10'000);
        // When the connection disconnects, Then the session is logged out too
        e.connection->disconnectFromServer();
        QCOMPARE(e.connection->state(), State::Disconnected);
        QTRY_COMPARE_WITH_TIMEOUT(e.server.objectCounts(), noObjectsLeft, 10'000);
    }

    void disconnectRightAfterStopLeavesNothing()
    {
        // Given a live engine
        LiveEngine e;
        QVERIFY(e.isLive());
        // When it is stopped and disconnected in the same breath (the Disconnect action)
        e.monitor->stop();
        e.connection->disconnectFromServer();
        // Then the logout takes whatever the destroys did not reach
        QTRY_COMPARE_WITH_TIMEOUT(e.server.objectCounts(), noObjectsLeft, 10'000);
    }

    // A create carried out by the server whose answer never arrives leaves an object the
    // client cannot name. Whether that attempt is still the current one or was given up
    // meanwhile, the engine must end up with one watch and nothing else on the server.
    void lostCreateAnswerLeavesNothingBehind_data()
    {
        QTest::addColumn<QString>("operation");
        QTest::addColumn<int>("delayMs");
        QTest::addColumn<bool>("restartMeanwhile");
        QTest::newRow("CreateListView, current attempt")
            << QStringLiteral("CreateListView") << 0 << false;
        QTest::newRow("CreatePropertyCollector, current attempt")
            << QStringLiteral("CreatePropertyCollector") << 0 << false;
        QTest::newRow("CreateCollectorForTasks, current attempt")
            << QStringLiteral("CreateCollectorForTasks") << 0 << false;
        QTest::newRow("CreateListView, attempt given up")
            << QStringLiteral("CreateListView") << 1'500 << true;
        QTest::newRow("CreateFilter, attempt given up")
            << QStringLiteral("CreateFilter") << 1'500 << true;
    }

    void lostCreateAnswerLeavesNothingBehind()
    {
        QFETCH(QString, operation);
        QFETCH(int, delayMs);
        QFETCH(bool, restartMeanwhile);

        // Given a connected client, and a server that will carry out the next `operation`
        // but cut its answer off after `delayMs`
        SimServer server;
        QVERIFY(server.started());
        VimConnection connection;
        QCOMPARE(connectAndSettle(connection, server.trustedOptions()), State::Connected);
        QSignalSpy renewed(&connection, &VimConnection::sessionRenewed);
        server->cutAnswers(operation, 1, delayMs);

        // When the engine starts (and, in the given-up case, is restarted while the answer
        // is still on its way, so that the first attempt is abandoned)
        TaskMonitor monitor(&connection);
        monitor.start();
        if (restartMeanwhile) {
            QTRY_VERIFY_WITH_TIMEOUT(
                server->stats().views == 1 &&
                    (operation != QLatin1String("CreateFilter") || server->stats().filters >= 1),
                5'000);
            QVERIFY(stop(monitor));
            monitor.start();
            QTRY_COMPARE_WITH_TIMEOUT(monitor.mode(), TaskMonitor::Mode::Live, 5'000);
            // the abandoned attempt's answer is cut off only now
            QTest::qWait(delayMs);
        }

        // Then it replaces the session that may hold the unnamed object, and runs live in
        // the new one with exactly one watch; nothing else is left on the server
        QTRY_COMPARE_WITH_TIMEOUT(
            server.objectCounts(),
            QStringLiteral("sessions=1 collectors=1 propertyCollectors=1 filters=2 views=1"),
            10'000);
        QCOMPARE(renewed.size(), 1);
        QCOMPARE(server->sessionKeys(), QStringList{connection.userSession().key});
        QTRY_COMPARE_WITH_TIMEOUT(monitor.mode(), TaskMonitor::Mode::Live, 10'000);
        QTRY_VERIFY_WITH_TIMEOUT(monitor.isSynchronized(), 10'000);
        QCOMPARE(connection.state(), State::Connected);
    }

    void lostHistoryCollectorAnswerLeavesNothingBehind()
    {
        // Given a server with history that will carry out the next CreateCollectorForTasks
        // but cut its answer off
        sim::SimulatorOptions o = SimServer::calmOptions();
        o.workload.historyTasks = 30;
        SimServer server(o);
        QVERIFY(server.started());
        VimConnection connection;
        QCOMPARE(connectAndSettle(connection, server.trustedOptions()), State::Connected);
        QSignalSpy renewed(&connection, &VimConnection::sessionRenewed);
        server->cutAnswers(QStringLiteral("CreateCollectorForTasks"));

        // When a history view opens
        TaskHistoryModel history(&connection);
        history.setFilter(everything(connection));

        // Then it replaces the session that may hold the unnamed collector and shows the
        // history from a collector in the new one; the server holds that collector only
        QTRY_COMPARE_WITH_TIMEOUT(history.status(), TaskHistoryModel::Status::Complete, 10'000);
        QCOMPARE(history.rowCount(), o.workload.historyTasks);
        QCOMPARE(renewed.size(), 1);
        QTRY_COMPARE_WITH_TIMEOUT(
            server.objectCounts(),
            QStringLiteral("sessions=1 collectors=1 propertyCollectors=0 filters=0 views=0"),
            10'000);
        QCOMPARE(server->sessionKeys(), QStringList{connection.userSession().key});
    }

    void collectorDialogClosedInFlightLeavesNoCollector_data()
    {
        QTest::addColumn<bool>("answerLost");
        QTest::addColumn<bool>("closeDialog");
        QTest::newRow("answer comes after the dialog closed") << false << true;
        QTest::newRow("answer lost after the dialog closed") << true << true;
        QTest::newRow("answer lost while the dialog is open") << true << false;
    }

    void collectorDialogClosedInFlightLeavesNoCollector()
    {
        QFETCH(bool, answerLost);
        QFETCH(bool, closeDialog);
        // Given a connected client with no collector at the server, and a server that holds
        // the answer to the next CreateCollectorForTasks (and then cuts it off, or sends it)
        SimServer server;
        QVERIFY(server.started());
        VimConnection connection;
        QCOMPARE(connectAndSettle(connection, server.trustedOptions()), State::Connected);
        const QString session = connection.userSession().key;
        QSignalSpy renewed(&connection, &VimConnection::sessionRenewed);
        QCOMPARE(server->stats().collectors, 0);
        InventoryModel inventory;
        auto *dialog = new CreateCollectorDialog(&connection, &inventory, {});
        dialog->setAttribute(Qt::WA_DeleteOnClose);
        const QPointer<CreateCollectorDialog> alive(dialog);
        dialog->open();
        QSignalSpy created(dialog, &CreateCollectorDialog::collectorCreated);
        constexpr int holdMs = 500;
        if (answerLost) {
            server->cutAnswers(QStringLiteral("CreateCollectorForTasks"), 1, holdMs);
        } else {
            sim::SimulatorOptions::Faults slow;
            slow.latencyMs = holdMs;
            server->setFaults(slow);
        }

        // When the dialog submits and is closed at once (or stays open), and the server
        // makes the collector
        dialog->submit();
        if (closeDialog) {
            dialog->close();
            QTRY_VERIFY_WITH_TIMEOUT(alive.isNull(), 5'000);
        }
        QTRY_COMPARE_WITH_TIMEOUT(server->stats().collectors, 1, 5'000);

        // Then the session that may hold the collector is replaced, or the collector is
        // destroyed: the server's collector count comes back to what it was
        if (answerLost) {
            QTRY_COMPARE_WITH_TIMEOUT(renewed.size(), 1, 10'000);
            QCOMPARE(server->sessionKeys(), QStringList{connection.userSession().key});
        }
        QTRY_COMPARE_WITH_TIMEOUT(server->stats().collectors, 0, 10'000);
        QCOMPARE(server->stats().sessions, 1);
        QCOMPARE(connection.state(), State::Connected);
        if (!answerLost) {
            QCOMPARE(renewed.size(), 0);
            QCOMPARE(connection.userSession().key, session);
        }
        if (!closeDialog) {
            // and the open dialog says that nothing was created
            QVERIFY(alive);
            QCOMPARE(created.size(), 0);
            QVERIFY(dialog->isVisible());
            delete dialog;
        }
        server->setFaults({});
    }

    void inventoryRetrieveFailureLeavesNoView_data()
    {
        QTest::addColumn<QString>("operation");
        QTest::addColumn<bool>("cut");
        QTest::newRow("RetrievePropertiesEx fault")
            << QStringLiteral("RetrievePropertiesEx") << false;
        QTest::newRow("RetrievePropertiesEx answer lost")
            << QStringLiteral("RetrievePropertiesEx") << true;
        QTest::newRow("ContinueRetrievePropertiesEx fault")
            << QStringLiteral("ContinueRetrievePropertiesEx") << false;
        QTest::newRow("ContinueRetrievePropertiesEx answer lost")
            << QStringLiteral("ContinueRetrievePropertiesEx") << true;
    }

    void inventoryRetrieveFailureLeavesNoView()
    {
        QFETCH(QString, operation);
        QFETCH(bool, cut);
        // Given a connected client, an inventory of several pages, and a server that fails
        // the next `operation` (a fault, or an answer cut off after it was carried out)
        SimServer server(largeInventory());
        QVERIFY(server.started());
        VimConnection connection;
        QCOMPARE(connectAndSettle(connection, server.trustedOptions()), State::Connected);
        QSignalSpy renewed(&connection, &VimConnection::sessionRenewed);
        if (cut)
            server->cutAnswers(operation);
        else
            server->failAnswers(operation);

        // When the inventory loads
        InventoryModel inventory;
        QSignalSpy loaded(&inventory, &InventoryModel::loaded);
        QSignalSpy failed(&inventory, &InventoryModel::failed);
        inventory.load(&connection);

        // Then it reports the failure, and its ContainerView is gone from the server in the
        // same session
        QTRY_COMPARE_WITH_TIMEOUT(failed.size(), 1, 10'000);
        QVERIFY(!failed.first().first().toString().isEmpty());
        QCOMPARE(loaded.size(), 0);
        QVERIFY(!inventory.isLoading());
        QTRY_COMPARE_WITH_TIMEOUT(server.objectCounts(),
                                  QStringLiteral("sessions=1 collectors=0 propertyCollectors=0 "
                                                 "filters=0 views=0"),
                                  10'000);
        QCOMPARE(renewed.size(), 0);
        QCOMPARE(connection.state(), State::Connected);
    }

    void inventoryDestroyedInFlightLeavesNoView_data()
    {
        QTest::addColumn<bool>("afterFirstPage");
        QTest::newRow("while the view is made") << false;
        QTest::newRow("between pages") << true;
    }

    void inventoryDestroyedInFlightLeavesNoView()
    {
        QFETCH(bool, afterFirstPage);
        // Given a connected client, an inventory of several pages and a slow server
        SimServer server(largeInventory());
        QVERIFY(server.started());
        VimConnection connection;
        QCOMPARE(connectAndSettle(connection, server.trustedOptions()), State::Connected);
        sim::SimulatorOptions::Faults slow;
        slow.latencyMs = 300;
        server->setFaults(slow);

        // When the inventory model is destroyed while the ContainerView's create is on its
        // way, or while the next page is
        auto inventory = std::make_unique<InventoryModel>();
        inventory->load(&connection);
        if (afterFirstPage)
            QTRY_VERIFY_WITH_TIMEOUT(inventory->rowCount() > 1, 5'000);
        QVERIFY(inventory->isLoading());
        inventory.reset();
        QTRY_COMPARE_WITH_TIMEOUT(server->stats().views, 1, 5'000);

        // Then the view is destroyed all the same
        QTRY_COMPARE_WITH_TIMEOUT(server->stats().views, 0, 10'000);
        QCOMPARE(server->stats().sessions, 1);
        QCOMPARE(connection.state(), State::Connected);
        server->setFaults({});
    }

    void largeInventoryIsReadCompletely()
    {
        // Given a server whose inventory is larger than two pages
        SimServer server(largeInventory());
        QVERIFY(server.started());
        const int entities = server->stats().entities;
        QVERIFY2(entities > 2'000, qPrintable(QString::number(entities)));
        VimConnection connection;
        QCOMPARE(connectAndSettle(connection, server.trustedOptions()), State::Connected);

        // When the inventory loads
        InventoryModel inventory;
        QSignalSpy loaded(&inventory, &InventoryModel::loaded);
        QSignalSpy failed(&inventory, &InventoryModel::failed);
        inventory.load(&connection);
        QVERIFY(loaded.wait(20'000));

        // Then it lists every entity of the server, and its view is gone
        QCOMPARE(failed.size(), 0);
        QCOMPARE(inventory.rowCount(), entities);
        QTRY_COMPARE_WITH_TIMEOUT(server->stats().views, 0, 10'000);
    }

    void cliLeavesNothingBehind_data()
    {
        QTest::addColumn<QStringList>("command");
        QTest::addColumn<int>("latencyMs");
        QTest::newRow("tasks --json")
            << QStringList{QStringLiteral("tasks"), QStringLiteral("--json")} << 0;
        QTest::newRow("tasks --json, slow server")
            << QStringList{QStringLiteral("tasks"), QStringLiteral("--json")} << 300;
        QTest::newRow("history") << QStringList{QStringLiteral("history"), QStringLiteral("--json"),
                                                QStringLiteral("--limit"), QStringLiteral("30")}
                                 << 0;
        QTest::newRow("create-collector")
            << QStringList{QStringLiteral("create-collector"), QStringLiteral("--json")} << 0;
        QTest::newRow("describe") << QStringList{QStringLiteral("describe")} << 0;
        QTest::newRow("max-collectors") << QStringList{QStringLiteral("max-collectors")} << 0;
    }

    void cliLeavesNothingBehind()
    {
#ifndef VTASKMON_CLI_PATH
        QSKIP("vtaskmon-cli is not part of this build");
#else
        QFETCH(QStringList, command);
        QFETCH(int, latencyMs);
        // Given a busy server with history, standing in for `vtaskmon-sim`; unlike a separate
        // process its counters can be read directly
        sim::SimulatorOptions o;
        o.workload.tasksPerSecond = 4;
        o.workload.medianDurationMs = 2'000;
        o.workload.historyTasks = 80;
        o.faults.latencyMs = latencyMs;
        SimServer server(o);
        QVERIFY(server.started());

        // When the CLI runs a command against it and exits by itself
        QProcess cli;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("VTASKMON_PASSWORD"), o.password);
        cli.setProcessEnvironment(env);
        cli.start(QStringLiteral(VTASKMON_CLI_PATH),
                  command + QStringList{QStringLiteral("--server"), server.server(),
                                        QStringLiteral("--user"), o.userName,
                                        QStringLiteral("--trust-sha256"), server.sha256Hex()});
        QSignalSpy finished(&cli, &QProcess::finished);
        QVERIFY(finished.wait(60'000));
        const QByteArray out = cli.readAllStandardOutput();
        QVERIFY2(cli.exitStatus() == QProcess::NormalExit && cli.exitCode() == 0,
                 cli.readAllStandardError().constData());
        QVERIFY(!out.isEmpty());
        QVERIFY(server->stats().requests > 3);

        // Then it logged out and left no session object behind
        QTRY_COMPARE_WITH_TIMEOUT(server.objectCounts(), noObjectsLeft, 5'000);
#endif
    }
};

QTEST_MAIN(tst_Hygiene)
#include "tst_hygiene.moc"
