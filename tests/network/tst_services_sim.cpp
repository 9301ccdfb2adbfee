// The service objects against the in-process simulator over https: the same operations as
// tst_services, but answered by a server that keeps state, so results must fit together.

#include "await.h"

#include <extensionmanager.h>
#include <propertycollector.h>
#include <serviceinstance.h>
#include <sessionmanager.h>
#include <task.h>
#include <taskhistorycollector.h>
#include <taskmanager.h>
#include <viewmanager.h>
#include <vimconnection.h>

#include <simconnect.h>
#include <simulator/simulatorthread.h>

#include <QSignalSpy>
#include <QTest>

#include <memory>

using vim::ManagedObjectReference;

namespace {

#define VERIFY_OK(result) QVERIFY2((result).ok(), qPrintable((result).error().toString()))

ManagedObjectReference ref(const QString &type, const QString &value)
{
    return {type, value};
}

} // namespace

class TestServicesSim : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();

    void serviceInstance();
    void sessionManager();
    void taskManagerReads();
    void extensions();
    void createAndDriveTask();
    void historyCollector();
    void viewsAndPropertyCollector();
    void retrieveProperties();
    void expiredSessionIsRenewed();
    void restartReconnects();

private:
    svc::TaskManager taskManager()
    {
        return {m_connection.get(), *m_connection->serviceContent().taskManager};
    }
    QString newTask(bool cancelable = true);

    std::unique_ptr<sim::SimulatorThread> m_server;
    sim::Simulator *m_sim = nullptr; // m_server's
    std::unique_ptr<VimConnection> m_connection;
};

void TestServicesSim::initTestCase()
{
    sim::SimulatorOptions options;
    options.workload.enabled = false; // tasks only when a test makes them
    options.inventory.datacenters = 1;
    options.inventory.clustersPerDatacenter = 1;
    options.inventory.hostsPerCluster = 1;
    options.inventory.vmsPerHost = 2;
    m_server = std::make_unique<sim::SimulatorThread>(options);
    m_sim = m_server->simulator();
    QString error;
    QVERIFY2(m_server->start(&error), qPrintable(error));

    ConnectOptions connect = simtest::connectOptions(*m_sim);
    connect.locale = QStringLiteral("de");
    connect.requestTimeoutMs = 10'000;
    m_connection = std::make_unique<VimConnection>();
    m_connection->setReconnectPolicy({50, 400, 40});
    m_connection->connectToServer(connect);
    QTRY_COMPARE_WITH_TIMEOUT(m_connection->state(), VimConnection::State::Connected, 10'000);
    QCOMPARE(m_connection->apiRelease(), QStringLiteral("8.0.3.0"));
}

void TestServicesSim::cleanupTestCase()
{
    if (m_connection) {
        m_connection->disconnectFromServer();
        m_connection.reset();
    }
    m_sim = nullptr;
    m_server.reset();
}

QString TestServicesSim::newTask(bool cancelable)
{
    return m_sim->createTask(QStringLiteral("VirtualMachine.powerOn"), QStringLiteral("group-d1"),
                             cancelable);
}

void TestServicesSim::serviceInstance()
{
    const svc::ServiceInstance si(m_connection.get());
    const auto content = await(si.content());
    VERIFY_OK(content);
    QCOMPARE(content->about.apiVersion, QStringLiteral("8.0.3.0"));
    QCOMPARE(content.value(), m_connection->serviceContent());
    const auto retrieved = await(si.retrieveServiceContent());
    VERIFY_OK(retrieved);
    QCOMPARE(retrieved->rootFolder, content->rootFolder);
    const auto now = await(si.currentTime());
    VERIFY_OK(now);
    QVERIFY(qAbs(now->secsTo(QDateTime::currentDateTimeUtc())) < 60);
}

void TestServicesSim::sessionManager()
{
    const svc::SessionManager sm(m_connection.get(),
                                 *m_connection->serviceContent().sessionManager);
    const auto current = await(sm.currentSession());
    VERIFY_OK(current);
    QVERIFY(current->has_value());
    QCOMPARE((*current)->key, m_connection->userSession().key);
    QCOMPARE((*current)->locale, QStringLiteral("de"));

    const auto unknown = await(sm.terminateSession({QStringLiteral("no-such-session")}));
    QVERIFY(!unknown.ok());
    QCOMPARE(unknown.error().kind, VimError::Kind::Fault);

    const auto wrong = await(sm.login(QStringLiteral("nobody"), QStringLiteral("nothing")));
    QVERIFY(wrong.error().isFault(QStringLiteral("InvalidLogin")));
}

void TestServicesSim::taskManagerReads()
{
    const QString key = newTask();
    const auto recent = await(taskManager().recentTask());
    VERIFY_OK(recent);
    QVERIFY(recent->contains(ref(QStringLiteral("Task"), key)));
    const auto max = await(taskManager().maxCollector());
    VERIFY_OK(max);
    QCOMPARE(max.value(), 32);
    const auto description = await(taskManager().description());
    VERIFY_OK(description);
    QVERIFY(!description->methodInfo.isEmpty());
    QCOMPARE(description->state.size(), 4);
}

void TestServicesSim::extensions()
{
    const svc::ExtensionManager em(m_connection.get(),
                                   *m_connection->serviceContent().extensionManager);
    const auto list = await(em.extensionList());
    VERIFY_OK(list);
    QVERIFY(!list->isEmpty());
    const auto found = await(em.findExtension(QStringLiteral("com.example.backup")));
    VERIFY_OK(found);
    QVERIFY(found->has_value());
    QVERIFY(!(*found)->taskList.isEmpty());
    const auto missing = await(em.findExtension(QStringLiteral("com.example.nothing")));
    VERIFY_OK(missing);
    QVERIFY(!missing->has_value());
}

void TestServicesSim::createAndDriveTask()
{
    // Given a task created through the API for a registered extension task type
    svc::TaskManager::CreateTaskArgs args;
    args.obj = m_connection->serviceContent().rootFolder;
    args.taskTypeId = QStringLiteral("com.example.backup.run");
    args.initiatedBy = QStringLiteral("tst_services_sim");
    args.cancelable = true;
    const auto created = await(taskManager().createTask(args));
    VERIFY_OK(created);
    QCOMPARE(created->state, vim::TaskInfoState::Value::Queued);
    const svc::Task task(m_connection.get(), created->task);

    // When driven through its life
    QVERIFY(await(task.updateProgress(10))
                .error()
                .isFault(QStringLiteral("InvalidState"))); // not running yet
    VERIFY_OK(await(task.setTaskState(vim::TaskInfoState::Value::Running)));
    VERIFY_OK(await(task.updateProgress(55)));
    vim::LocalizableMessage phase;
    phase.key = QStringLiteral("com.example.backup.copy");
    phase.message = QStringLiteral("Copying disk0");
    VERIFY_OK(await(task.setTaskDescription(phase)));
    auto info = await(task.info());
    VERIFY_OK(info);
    QCOMPARE(info->state, vim::TaskInfoState::Value::Running);
    QCOMPARE(info->progress.value_or(-1), 55);
    QCOMPARE(info->description.value_or(vim::LocalizableMessage()).message, phase.message);
    VERIFY_OK(await(task.setTaskState(vim::TaskInfoState::Value::Success,
                                      vim::AnyValue::fromString(QStringLiteral("done")))));

    // Then it is finished, and cancelling it is refused
    info = await(task.info());
    VERIFY_OK(info);
    QCOMPARE(info->state, vim::TaskInfoState::Value::Success);
    QCOMPARE(vim::fromAny<QString>(info->result.value_or(vim::AnyValue())).value(),
             QStringLiteral("done"));
    QVERIFY(await(task.cancelTask()).error().isFault(QStringLiteral("InvalidState")));

    // And a cancelable running task can be cancelled
    const svc::Task other(m_connection.get(), ref(QStringLiteral("Task"), newTask(true)));
    VERIFY_OK(await(other.cancelTask()));
    QTRY_VERIFY(m_sim->task(other.ref().value).value_or(vim::TaskInfo()).cancelled);
}

void TestServicesSim::historyCollector()
{
    for (int i = 0; i < 3; ++i)
        newTask();
    vim::TaskFilterSpec filter;
    filter.entity = vim::TaskFilterSpecByEntity{m_connection->serviceContent().rootFolder,
                                                vim::TaskFilterSpecRecursionOption::Value::All};
    const auto made = await(taskManager().createCollectorForTasks(filter));
    VERIFY_OK(made);
    QVERIFY2(made->value.startsWith(QLatin1String("session[")), qPrintable(made->value));
    const svc::TaskHistoryCollector collector(m_connection.get(), made.value());

    const auto readBack = await(collector.filter());
    VERIFY_OK(readBack);
    QCOMPARE(readBack->entity->entity, filter.entity->entity);
    VERIFY_OK(await(collector.setCollectorPageSize(2)));
    const auto page = await(collector.latestPage());
    VERIFY_OK(page);
    QCOMPARE(page->size(), 2);
    VERIFY_OK(await(collector.rewindCollector()));
    const auto forward = await(collector.readNextTasks(100));
    VERIFY_OK(forward);
    QVERIFY(forward->size() >= 3);
    const auto atEnd = await(collector.readNextTasks(100));
    VERIFY_OK(atEnd);
    QVERIFY(atEnd->isEmpty());
    VERIFY_OK(await(collector.resetCollector()));
    const auto back = await(collector.readPreviousTasks(100));
    VERIFY_OK(back);
    QVERIFY(await(collector.readNextTasks(0)).error().isFault(QStringLiteral("InvalidArgument")));

    const auto withInfo = await(
        taskManager().createCollectorWithInfoFilterForTasks(filter, vim::TaskInfoFilterSpec{}));
    VERIFY_OK(withInfo);
    VERIFY_OK(
        await(svc::TaskHistoryCollector(m_connection.get(), withInfo.value()).destroyCollector()));

    VERIFY_OK(await(collector.destroyCollector()));
    QVERIFY(await(collector.latestPage()).error().isFault(QStringLiteral("ManagedObjectNotFound")));
}

void TestServicesSim::viewsAndPropertyCollector()
{
    const QString first = newTask();
    const QString second = newTask();
    const svc::ViewManager vm(m_connection.get(), *m_connection->serviceContent().viewManager);
    const auto listRef = await(vm.createListView({ref(QStringLiteral("Task"), first)}));
    VERIFY_OK(listRef);
    const svc::View list(m_connection.get(), listRef.value());
    const auto unresolved = await(list.modifyListView({ref(QStringLiteral("Task"), second)}, {}));
    VERIFY_OK(unresolved);
    QVERIFY(unresolved->isEmpty());
    const auto view = await(list.view());
    VERIFY_OK(view);
    QCOMPARE(view->size(), 2);

    // A private collector watching Task.info through the ListView
    const svc::PropertyCollector defaultCollector(m_connection.get(),
                                                  m_connection->serviceContent().propertyCollector);
    const auto pcRef = await(defaultCollector.createPropertyCollector());
    VERIFY_OK(pcRef);
    const svc::PropertyCollector pc(m_connection.get(), pcRef.value());
    vim::PropertyFilterSpec spec;
    spec.propSet = {
        vim::PropertySpec{QStringLiteral("Task"), std::nullopt, {QStringLiteral("info")}}};
    spec.objectSet = {vim::ObjectSpec{
        listRef.value(),
        true,
        {vim::SelectionSpec::traversal(QStringLiteral("ListView"), QStringLiteral("view"))}}};
    const auto filterRef = await(pc.createFilter(spec, false));
    VERIFY_OK(filterRef);
    const svc::PropertyFilter filter(m_connection.get(), filterRef.value());
    const auto filters = await(pc.filter());
    VERIFY_OK(filters);
    QCOMPARE(filters.value(), QList<ManagedObjectReference>{filterRef.value()});
    const auto readSpec = await(filter.spec());
    VERIFY_OK(readSpec);
    QCOMPARE(readSpec->propSet, spec.propSet);
    const auto partial = await(filter.partialUpdates());
    VERIFY_OK(partial);
    QVERIFY(!partial.value());

    const auto updates = await(pc.waitForUpdatesEx({}, vim::WaitOptions{1, std::nullopt}));
    VERIFY_OK(updates);
    QVERIFY(updates->has_value());
    QCOMPARE((*updates)->filterSet.value(0).objectSet.size(), 2);
    const QString version = (*updates)->version;

    // Nothing changes: the wait times out with "unset"
    const auto nothing = await(pc.waitForUpdatesEx(version, vim::WaitOptions{1, std::nullopt}));
    VERIFY_OK(nothing);
    QVERIFY(!nothing->has_value());

    // A change arrives as a modify
    QVERIFY(m_sim->setTaskState(first, vim::TaskInfoState::Value::Running).isEmpty());
    const auto change = await(pc.waitForUpdatesEx(version, vim::WaitOptions{5, std::nullopt}));
    VERIFY_OK(change);
    QVERIFY(change->has_value());
    QCOMPARE((*change)->filterSet.value(0).objectSet.value(0).kind,
             vim::ObjectUpdateKind::Value::Modify);

    // A waiting call can be cancelled
    std::optional<VimResult<std::optional<vim::UpdateSet>>> waiting;
    pc.waitForUpdatesEx((*change)->version, std::nullopt).then(this, [&](const auto &r) {
        waiting = r;
    });
    QTRY_COMPARE(m_sim->stats().pendingWaits, 1); // the wait is parked on the server
    VERIFY_OK(await(pc.cancelWaitForUpdates()));
    QTRY_VERIFY(waiting.has_value());
    QVERIFY(waiting->error().isFault(QStringLiteral("RequestCanceled")));

    const auto reset = await(list.resetListView({}));
    VERIFY_OK(reset);
    const auto containerRef = await(vm.createContainerView(
        m_connection->serviceContent().rootFolder, {QStringLiteral("VirtualMachine")}, true));
    VERIFY_OK(containerRef);
    const auto vms = await(svc::View(m_connection.get(), containerRef.value()).view());
    VERIFY_OK(vms);
    QVERIFY(!vms->isEmpty());
    for (const ManagedObjectReference &vm : vms.value())
        QCOMPARE(vm.type, QStringLiteral("VirtualMachine"));

    VERIFY_OK(await(filter.destroyPropertyFilter()));
    VERIFY_OK(await(pc.destroyPropertyCollector()));
    VERIFY_OK(await(list.destroyView()));
    VERIFY_OK(await(svc::View(m_connection.get(), containerRef.value()).destroyView()));
}

void TestServicesSim::retrieveProperties()
{
    const QString key = newTask();
    const svc::PropertyCollector pc(m_connection.get(),
                                    m_connection->serviceContent().propertyCollector);
    vim::PropertyFilterSpec spec;
    spec.propSet = {
        vim::PropertySpec{QStringLiteral("Task"), std::nullopt, {QStringLiteral("info.state")}}};
    spec.objectSet = {vim::ObjectSpec{ref(QStringLiteral("Task"), key), std::nullopt, {}}};
    const auto result = await(pc.retrievePropertiesEx({spec}, vim::RetrieveOptions{10}));
    VERIFY_OK(result);
    QVERIFY(result->has_value());
    const auto state = (*result)->objects.value(0).propSet.value(0);
    QCOMPARE(state.name, QStringLiteral("info.state"));
    QCOMPARE(state.val.value().toString(), QStringLiteral("queued"));

    QVERIFY(await(pc.continueRetrievePropertiesEx(QStringLiteral("bogus")))
                .error()
                .isFault(QStringLiteral("InvalidArgument")));
    const auto cancel = await(pc.cancelRetrievePropertiesEx(QStringLiteral("bogus")));
    QVERIFY(cancel.ok() || cancel.error().kind == VimError::Kind::Fault);
}

void TestServicesSim::expiredSessionIsRenewed()
{
    QSignalSpy renewed(m_connection.get(), &VimConnection::sessionRenewed);
    m_sim->expireAllSessions();
    const auto max = await(taskManager().maxCollector());
    VERIFY_OK(max);
    QCOMPARE(renewed.size(), 1);
    QCOMPARE(m_connection->state(), VimConnection::State::Connected);
}

void TestServicesSim::restartReconnects()
{
    QSignalSpy renewed(m_connection.get(), &VimConnection::sessionRenewed);
    m_sim->restart();
    // The first call after a restart may fail (connection cut) or succeed after a re-login.
    await(taskManager().maxCollector());
    QTRY_COMPARE_WITH_TIMEOUT(m_connection->state(), VimConnection::State::Connected, 10'000);
    QTRY_COMPARE_WITH_TIMEOUT(renewed.size(), 1, 10'000);
    VERIFY_OK(await(taskManager().maxCollector()));
}

QTEST_GUILESS_MAIN(TestServicesSim)
#include "tst_services_sim.moc"
