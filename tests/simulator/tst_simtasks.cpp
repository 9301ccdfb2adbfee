// TaskManager, Task, TaskHistoryCollector and ExtensionManager operations (§6, §10) with
// every documented fault, driven by raw requests and checked against the ground truth.

#include "rawhttpclient.h"
#include "simasserts.h"
#include "simharness.h"

#include <QJsonArray>
#include <QTest>

using R = RawHttpClient;

namespace {

QStringList keysOf(const R::Response &r)
{
    QStringList keys;
    for (const QJsonValue &t : r.json().toArray())
        keys.append(t.toObject().value(QLatin1String("key")).toString());
    return keys;
}

QString labelOf(const R::Response &description, const QString &key)
{
    for (const QJsonValue &e : description.object().value(QLatin1String("methodInfo")).toArray()) {
        if (e.toObject().value(QLatin1String("key")).toString() == key)
            return e.toObject().value(QLatin1String("label")).toString();
    }
    return {};
}

} // namespace

class TstSimTasks final : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<SimHarness> m_sim;

    R loggedIn() const
    {
        R c(m_sim->port());
        c.login();
        return c;
    }
    /// A task made through CreateTask (an extension task type), queued.
    QString createTask(R &c, bool cancelable = true)
    {
        const auto r = c.post(
            QStringLiteral("TaskManager/TaskManager/CreateTask"),
            R::j("{'obj':{'_typeName':'ManagedObjectReference','type':'Folder','value':'group-d1'},"
                 "'taskTypeId':'com.example.backup.run','initiatedBy':'VSPHERE.LOCAL\\\\Alice','"
                 "cancelable':") +
                (cancelable ? "true}" : "false}"));
        return r.object().value(QLatin1String("key")).toString();
    }

private Q_SLOTS:
    void initTestCase()
    {
        sim::SimulatorOptions o = SimHarness::quietOptions();
        o.workload.historyTasks = 25;
        m_sim = std::make_unique<SimHarness>(o);
        QVERIFY(m_sim->ok());
    }

    void descriptionIsLocalized_data()
    {
        QTest::addColumn<QString>("locale");
        QTest::addColumn<QString>("powerOn");
        QTest::addColumn<QString>("backup");
        QTest::newRow("en") << QStringLiteral("en") << QStringLiteral("Power On virtual machine")
                            << QStringLiteral("Back up virtual machine");
        QTest::newRow("de") << QStringLiteral("de")
                            << QStringLiteral("Virtuelle Maschine einschalten")
                            << QStringLiteral("Virtuelle Maschine sichern");
        QTest::newRow("de_DE") << QStringLiteral("de_DE")
                               << QStringLiteral("Virtuelle Maschine einschalten")
                               << QStringLiteral("Virtuelle Maschine sichern");
        QTest::newRow("fr_CA") << QStringLiteral("fr_CA")
                               << QStringLiteral("Mettre la machine virtuelle sous tension")
                               << QStringLiteral("Sauvegarder la machine virtuelle");
        QTest::newRow("es falls back")
            << QStringLiteral("es") << QStringLiteral("Power On virtual machine")
            << QStringLiteral("Back up virtual machine");
    }
    void descriptionIsLocalized()
    {
        QFETCH(QString, locale);
        QFETCH(QString, powerOn);
        QFETCH(QString, backup);
        R c(m_sim->port());
        c.login(QStringLiteral("administrator@vsphere.local"), QStringLiteral("VMware1!demo"),
                locale);
        const auto d = c.get(QStringLiteral("TaskManager/TaskManager/description"));
        QCOMPARE(d.typeName(), QStringLiteral("TaskDescription"));
        QCOMPARE(labelOf(d, QStringLiteral("VirtualMachine.powerOn")), powerOn);
        QCOMPARE(labelOf(d, QStringLiteral("com.example.backup.run")), backup);
        int builtIn = 0;
        for (const QJsonValue &e : d.object().value(QLatin1String("methodInfo")).toArray())
            builtIn += e.toObject()
                               .value(QLatin1String("key"))
                               .toString()
                               .startsWith(QLatin1String("com."))
                           ? 0
                           : 1;
        QVERIFY(builtIn >= 40);
        QCOMPARE(d.object().value(QLatin1String("state")).toArray().size(), 4);
        QCOMPARE(d.object().value(QLatin1String("reason")).toArray().size(), 4);
    }

    void extensionsRegisterTaskTypes()
    {
        R c = loggedIn();
        const auto list = c.get(QStringLiteral("ExtensionManager/ExtensionManager/extensionList"));
        QCOMPARE(list.status, 200);
        QVERIFY(list.json().toArray().size() >= 2);
        const auto e = c.post(QStringLiteral("ExtensionManager/ExtensionManager/FindExtension"),
                              R::j("{'extensionKey':'com.example.backup'}"));
        QCOMPARE(e.typeName(), QStringLiteral("Extension"));
        QStringList locales;
        for (const QJsonValue &r : e.object().value(QLatin1String("resourceList")).toArray()) {
            QCOMPARE(r.toObject().value(QLatin1String("module")).toString(),
                     QStringLiteral("task"));
            locales.append(r.toObject().value(QLatin1String("locale")).toString());
        }
        QCOMPARE(locales,
                 (QStringList{QStringLiteral("en"), QStringLiteral("de"), QStringLiteral("fr")}));
        QVERIFY(e.object().value(QLatin1String("taskList")).toArray().size() >= 2);
    }

    void createTaskAcceptsOnlyExtensionTaskTypes()
    {
        R c = loggedIn();
        const auto ok =
            c.post(QStringLiteral("TaskManager/TaskManager/CreateTask"),
                   R::j("{'obj':{'_typeName':'ManagedObjectReference','type':'Folder','value':'"
                        "group-d1'},'taskTypeId':'com.example.backup.run','cancelable':true}"));
        QCOMPARE(ok.status, 200);
        QCOMPARE(ok.typeName(), QStringLiteral("TaskInfo"));
        const QJsonObject info = ok.object();
        QCOMPARE(info.value(QLatin1String("state")).toString(), QStringLiteral("queued"));
        QCOMPARE(info.value(QLatin1String("descriptionId")).toString(),
                 QStringLiteral("com.example.backup.run"));
        QCOMPARE(info.value(QLatin1String("reason"))
                     .toObject()
                     .value(QLatin1String("userName"))
                     .toString(),
                 QStringLiteral("VSPHERE.LOCAL\\Administrator"));
        QCOMPARE(
            info.value(QLatin1String("key")).toString(),
            info.value(QLatin1String("task")).toObject().value(QLatin1String("value")).toString());
        QVERIFY((*m_sim)->task(info.value(QLatin1String("key")).toString()).has_value());
        verifyFault(
            c.post(QStringLiteral("TaskManager/TaskManager/CreateTask"),
                   R::j("{'obj':{'_typeName':'ManagedObjectReference','type':'Folder','value':'"
                        "group-d1'},'taskTypeId':'VirtualMachine.powerOn','cancelable':true}")),
            "InvalidArgument", "taskType");
        verifyFault(
            c.post(
                QStringLiteral("TaskManager/TaskManager/CreateTask"),
                R::j("{'obj':{'_typeName':'ManagedObjectReference','type':'VirtualMachine','value':"
                     "'vm-nope'},'taskTypeId':'com.example.backup.run','cancelable':true}")),
            "ManagedObjectNotFound");
    }

    void taskStateProgressAndDescriptionRules()
    {
        R c = loggedIn();
        const QString key = createTask(c);
        const QString t = QStringLiteral("Task/") + key;
        // Not running yet: progress is refused.
        verifyFault(c.post(t + QStringLiteral("/UpdateProgress"), R::j("{'percentDone':10}")),
                    "InvalidState");
        QCOMPARE(c.post(t + QStringLiteral("/SetTaskState"), R::j("{'state':'running'}")).status,
                 204);
        QCOMPARE(c.post(t + QStringLiteral("/UpdateProgress"), R::j("{'percentDone':150}")).status,
                 204);
        QCOMPARE(
            c.get(t + QStringLiteral("/info")).object().value(QLatin1String("progress")).toInt(),
            100);
        QCOMPARE(c.post(t + QStringLiteral("/UpdateProgress"), R::j("{'percentDone':-5}")).status,
                 204);
        QCOMPARE((*m_sim)->task(key)->progress, 0);
        QCOMPARE(c.post(t + QStringLiteral("/SetTaskDescription"),
                        R::j("{'description':{'_typeName':'LocalizableMessage','key':'com.example."
                             "copy','arg':[{'_typeName':'KeyAnyValue','key':'disk','value':{'_"
                             "typeName':'string','_value':'disk0'}}],'message':'Copying disk0'}}"))
                     .status,
                 204);
        QCOMPARE((*m_sim)->task(key)->description->message, QStringLiteral("Copying disk0"));
        // A result only fits success.
        verifyFault(
            c.post(t + QStringLiteral("/SetTaskState"),
                   R::j("{'state':'error','result':{'_typeName':'string','_value':'done'}}")),
            "InvalidState");
        QCOMPARE(c.post(t + QStringLiteral("/SetTaskState"),
                        R::j("{'state':'success','result':{'_typeName':'string','_value':'done'}}"))
                     .status,
                 204);
        const QJsonObject info = c.get(t + QStringLiteral("/info")).object();
        QCOMPARE(info.value(QLatin1String("state")).toString(), QStringLiteral("success"));
        QCOMPARE(info.value(QLatin1String("result"))
                     .toObject()
                     .value(QLatin1String("_typeName"))
                     .toString(),
                 QStringLiteral("string"));
        QCOMPARE(info.value(QLatin1String("result"))
                     .toObject()
                     .value(QLatin1String("_value"))
                     .toString(),
                 QStringLiteral("done"));
        QVERIFY(info.contains(QLatin1String("completeTime")));
        verifyFault(c.post(t + QStringLiteral("/SetTaskState"), R::j("{'state':'running'}")),
                    "InvalidState");
        verifyFault(c.post(t + QStringLiteral("/UpdateProgress"), R::j("{'percentDone':10}")),
                    "InvalidState");
    }

    void setTaskStateErrorWithFault()
    {
        R c = loggedIn();
        const QString key = createTask(c);
        QCOMPARE(c.post(QStringLiteral("Task/") + key + QStringLiteral("/SetTaskState"),
                        R::j("{'state':'error','fault':{'_typeName':'SystemError','reason':'"
                             "backend unavailable','faultMessage':[]}}"))
                     .status,
                 204);
        const auto truth = (*m_sim)->task(key);
        QCOMPARE(truth->state.toString(), QStringLiteral("error"));
        QCOMPARE(truth->error->typeName, QStringLiteral("SystemError"));
    }

    void cancelTaskRules()
    {
        R c = loggedIn();
        const QString fixed = createTask(c, false);
        verifyFault(c.post(QStringLiteral("Task/") + fixed + QStringLiteral("/CancelTask")),
                    "NotSupported");
        const QString key = createTask(c, true);
        const QString t = QStringLiteral("Task/") + key;
        QCOMPARE(c.post(t + QStringLiteral("/SetTaskState"), R::j("{'state':'running'}")).status,
                 204);
        const auto r =
            c.post(t + QStringLiteral("/CancelTask"), R::j("{'_typeName':'CancelTask'}"));
        QCOMPARE(r.status, 204);
        QVERIFY(r.body.isEmpty());
        // Repeated cancels count as one.
        QCOMPARE(c.post(t + QStringLiteral("/CancelTask")).status, 204);
        QTRY_VERIFY((*m_sim)->task(key)->isFinished());
        const auto got = c.get(t + QStringLiteral("/info"));
        QString where;
        QVERIFY2(allTypedWithUtcDates(got.json(), &where), qPrintable(where));
        const QJsonObject info = got.object();
        QCOMPARE(info.value(QLatin1String("state")).toString(), QStringLiteral("error"));
        QCOMPARE(info.value(QLatin1String("cancelled")).toBool(), true);
        QCOMPARE(info.value(QLatin1String("error"))
                     .toObject()
                     .value(QLatin1String("_typeName"))
                     .toString(),
                 QStringLiteral("RequestCanceled"));
        verifyFault(c.post(t + QStringLiteral("/CancelTask")), "InvalidState");
    }

    void infoFilterStripsResults()
    {
        R c = loggedIn();
        const QString key = createTask(c);
        c.post(QStringLiteral("Task/") + key + QStringLiteral("/SetTaskState"),
               R::j("{'state':'success','result':{'_typeName':'ManagedObjectReference','type':'"
                    "VirtualMachine','value':'vm-4242'}}"));
        const QByteArray filter =
            "\"filter\":{\"_typeName\":\"TaskFilterSpec\",\"eventChainId\":[" +
            QByteArray::number((*m_sim)->task(key)->eventChainId) + "]}";
        auto read = [&](const QByteArray &body, const QString &method) {
            const QString id =
                R::moId(c.post(QStringLiteral("TaskManager/TaskManager/") + method, body));
            const QJsonArray tasks = c.post(QStringLiteral("TaskHistoryCollector/") + id +
                                                QStringLiteral("/ReadNextTasks"),
                                            R::j("{'maxCount':10}"))
                                         .json()
                                         .toArray();
            c.post(QStringLiteral("TaskHistoryCollector/") + id +
                   QStringLiteral("/DestroyCollector"));
            return tasks.at(0).toObject();
        };
        const QJsonObject plain =
            read("{" + filter + "}", QStringLiteral("CreateCollectorForTasks"));
        QCOMPARE(plain.value(QLatin1String("result"))
                     .toObject()
                     .value(QLatin1String("value"))
                     .toString(),
                 QStringLiteral("vm-4242"));
        const QJsonObject stripped =
            read("{" + filter +
                     R::j(",'infoFilter':{'_typeName':'TaskInfoFilterSpec','filterTaskResults':{'_"
                          "typeName':'TaskInfoFilterSpecFilterTaskResults','removeAll':true}}}"),
                 QStringLiteral("CreateCollectorWithInfoFilterForTasks"));
        QCOMPARE(stripped.value(QLatin1String("key")).toString(), key);
        QVERIFY(!stripped.contains(QLatin1String("result")));
        const QJsonObject kept =
            read("{" + filter +
                     R::j(",'infoFilter':{'_typeName':'TaskInfoFilterSpec','filterTaskResults':{'_"
                          "typeName':'TaskInfoFilterSpecFilterTaskResults','descriptionIds':['com."
                          "example.backup.run'],'filterIn':true}}}"),
                 QStringLiteral("CreateCollectorWithInfoFilterForTasks"));
        QVERIFY(kept.contains(QLatin1String("result")));
    }

    void collectorCursor()
    {
        // Given 25 historical tasks (task-1 … task-25) and no load
        R c = loggedIn();
        const QString id =
            R::moId(c.post(QStringLiteral("TaskManager/TaskManager/CreateCollectorForTasks"),
                           R::j("{'filter':{'_typeName':'TaskFilterSpec','eventChainId':[],"
                                "'time':{'_typeName':'TaskFilterSpecByTime','timeType':'queuedTime'"
                                ",'endTime':'2100-01-01T00:00:00Z'}}}")));
        const QString h = QStringLiteral("TaskHistoryCollector/") + id;
        QCOMPARE(c.get(h + QStringLiteral("/filter")).typeName(), QStringLiteral("TaskFilterSpec"));
        // The cursor starts at the oldest task.
        auto keys = keysOf(c.post(h + QStringLiteral("/ReadNextTasks"), R::j("{'maxCount':10}")));
        QCOMPARE(keys.first(), QStringLiteral("task-1"));
        QCOMPARE(keys.size(), 10);
        keys = keysOf(c.post(h + QStringLiteral("/ReadNextTasks"),
                             R::j("{'_typeName':'ReadNextTasks','maxCount':10}")));
        QCOMPARE(keys.first(), QStringLiteral("task-11"));
        keys = keysOf(c.post(h + QStringLiteral("/ReadPreviousTasks"), R::j("{'maxCount':3}")));
        QCOMPARE(keys, (QStringList{QStringLiteral("task-20"), QStringLiteral("task-19"),
                                    QStringLiteral("task-18")}));
        QCOMPARE(c.post(h + QStringLiteral("/RewindCollector")).status, 204);
        QCOMPARE(keysOf(c.post(h + QStringLiteral("/ReadNextTasks"), R::j("{'maxCount':1}"))),
                 QStringList{QStringLiteral("task-1")});
        QCOMPARE(c.post(h + QStringLiteral("/SetCollectorPageSize"), R::j("{'maxCount':5}")).status,
                 204);
        const QJsonArray page = c.get(h + QStringLiteral("/latestPage")).json().toArray();
        QCOMPARE(page.size(), 5);
        QCOMPARE(c.post(h + QStringLiteral("/ResetCollector")).status, 204);
        keys = keysOf(c.post(h + QStringLiteral("/ReadPreviousTasks"), R::j("{'maxCount':2}")));
        // The five newest tasks form the latest page; reset puts the cursor just before it.
        const int newest = int((*m_sim)->tasks().size());
        QCOMPARE(keys, (QStringList{QStringLiteral("task-%1").arg(newest - 5),
                                    QStringLiteral("task-%1").arg(newest - 6)}));
        // At the end, an empty array.
        c.post(h + QStringLiteral("/RewindCollector"));
        c.post(h + QStringLiteral("/ReadNextTasks"), R::j("{'maxCount':100000}"));
        const auto end = c.post(h + QStringLiteral("/ReadNextTasks"), R::j("{'maxCount':10}"));
        QCOMPARE(end.status, 200);
        QCOMPARE(end.body, QByteArray("[]"));
        // Faults.
        verifyFault(c.post(h + QStringLiteral("/ReadNextTasks"), R::j("{'maxCount':0}")),
                    "InvalidArgument", "maxCount");
        verifyFault(c.post(h + QStringLiteral("/ReadPreviousTasks"), R::j("{'maxCount':-1}")),
                    "InvalidArgument", "maxCount");
        verifyFault(c.post(h + QStringLiteral("/SetCollectorPageSize"), R::j("{'maxCount':1001}")),
                    "InvalidArgument", "maxCount");
        QCOMPARE(c.post(h + QStringLiteral("/DestroyCollector")).status, 204);
        verifyFault(c.post(h + QStringLiteral("/ReadNextTasks"), R::j("{'maxCount':1}")),
                    "ManagedObjectNotFound");
    }

    void latestPageRefreshesOnCreationAndStateOnly()
    {
        R c = loggedIn();
        const QString h =
            QStringLiteral("TaskHistoryCollector/") +
            R::moId(c.post(QStringLiteral("TaskManager/TaskManager/CreateCollectorForTasks"),
                           R::j("{'filter':{'_typeName':'TaskFilterSpec'}}")));
        const QString key =
            (*m_sim)->createTask(QStringLiteral("Folder.createVm"), QStringLiteral("group-d1"),
                                 true, QStringLiteral("VSPHERE.LOCAL\\Bob"));
        QVERIFY(!key.isEmpty());
        auto pageEntry = [&]() {
            for (const QJsonValue &t : c.get(h + QStringLiteral("/latestPage")).json().toArray()) {
                if (t.toObject().value(QLatin1String("key")).toString() == key)
                    return t.toObject();
            }
            return QJsonObject();
        };
        QCOMPARE(pageEntry().value(QLatin1String("state")).toString(), QStringLiteral("queued"));
        QCOMPARE((*m_sim)->setTaskState(key, vim::TaskInfoState::Value::Running), QString());
        QCOMPARE(pageEntry().value(QLatin1String("state")).toString(), QStringLiteral("running"));
        QCOMPARE((*m_sim)->setTaskProgress(key, 40), QString());
        QVERIFY(!pageEntry().contains(QLatin1String("progress")));
        QCOMPARE((*m_sim)->setTaskState(key, vim::TaskInfoState::Value::Success), QString());
        QCOMPARE(pageEntry().value(QLatin1String("state")).toString(), QStringLiteral("success"));
        QCOMPARE(pageEntry().value(QLatin1String("progress")).toInt(), 100);
    }

    void maxCollectorIsEnforcedPerSession()
    {
        R c = loggedIn();
        QCOMPARE(c.get(QStringLiteral("TaskManager/TaskManager/maxCollector")).json().toInt(), 32);
        for (int i = 0; i < 32; ++i)
            QCOMPARE(c.post(QStringLiteral("TaskManager/TaskManager/CreateCollectorForTasks"),
                            R::j("{'filter':{'_typeName':'TaskFilterSpec'}}"))
                         .status,
                     200);
        verifyFault(c.post(QStringLiteral("TaskManager/TaskManager/CreateCollectorForTasks"),
                           R::j("{'filter':{'_typeName':'TaskFilterSpec'}}")),
                    "InvalidState");
        verifyFault(c.post(QStringLiteral("TaskManager/TaskManager/CreateCollectorForTasks"), "{}"),
                    "InvalidArgument", "filter");
        // Another session has its own allowance.
        R other = loggedIn();
        QCOMPARE(other
                     .post(QStringLiteral("TaskManager/TaskManager/CreateCollectorForTasks"),
                           R::j("{'filter':{'_typeName':'TaskFilterSpec'}}"))
                     .status,
                 200);
    }

    void recentTaskFollowsTheWindow()
    {
        R c = loggedIn();
        const QString key = (*m_sim)->createTask(QStringLiteral("Datastore.refresh"),
                                                 QStringLiteral("group-d1"), false);
        QStringList recent;
        for (const QJsonValue &r :
             c.get(QStringLiteral("TaskManager/TaskManager/recentTask")).json().toArray())
            recent.append(r.toObject().value(QLatin1String("value")).toString());
        QVERIFY(recent.contains(key));
        // Historical tasks finished more than 10 minutes ago are not recent.
        QVERIFY(!recent.contains(QStringLiteral("task-1")));
    }

    void esxiHasNoCollectors()
    {
        sim::SimulatorOptions o = SimHarness::quietOptions();
        o.esxi = true;
        SimHarness esx(o);
        R c(esx.port());
        const QJsonObject content =
            c.get(QStringLiteral("ServiceInstance/ServiceInstance/content")).object();
        QCOMPARE(content.value(QLatin1String("about"))
                     .toObject()
                     .value(QLatin1String("apiType"))
                     .toString(),
                 QStringLiteral("HostAgent"));
        const QString sm = content.value(QLatin1String("sessionManager"))
                               .toObject()
                               .value(QLatin1String("value"))
                               .toString();
        const QString tm = content.value(QLatin1String("taskManager"))
                               .toObject()
                               .value(QLatin1String("value"))
                               .toString();
        c.send(c.request(
            "POST", QStringLiteral("SessionManager/") + sm + QStringLiteral("/Login"),
            R::j("{'userName':'administrator@vsphere.local','password':'VMware1!demo'}")));
        const auto login = c.receive();
        QCOMPARE(login.status, 200);
        c.token = login.header("vmware-api-session-id");
        verifyFault(
            c.post(QStringLiteral("TaskManager/") + tm + QStringLiteral("/CreateCollectorForTasks"),
                   R::j("{'filter':{'_typeName':'TaskFilterSpec'}}")),
            "NotSupported");
        QCOMPARE(c.get(QStringLiteral("TaskManager/") + tm + QStringLiteral("/recentTask")).status,
                 200);
    }
};

QTEST_GUILESS_MAIN(TstSimTasks)
#include "tst_simtasks.moc"
