// PropertyCollector, PropertyFilter and views (§7, §9 item 9) with raw requests.

#include "rawhttpclient.h"
#include "simasserts.h"
#include "simharness.h"

#include <QJsonArray>
#include <QTest>

using R = RawHttpClient;

namespace {

QByteArray taskInfoFilter(const QString &key, bool partial)
{
    return R::j("{'spec':{'_typeName':'PropertyFilterSpec','propSet':[{'_typeName':'PropertySpec','"
                "type':'Task','pathSet':['info']}],"
                "'objectSet':[{'_typeName':'ObjectSpec','obj':{'_typeName':'ManagedObjectReference'"
                ",'type':'Task','value':'") +
           key.toUtf8() + R::j("'}}]},'partialUpdates':") + (partial ? "true}" : "false}");
}

QByteArray waitBody(const QString &version, int maxWait, int maxUpdates = 0)
{
    QByteArray b = "{\"version\":\"" + version.toUtf8() +
                   "\",\"options\":{\"_typeName\":\"WaitOptions\",\"maxWaitSeconds\":" +
                   QByteArray::number(maxWait);
    if (maxUpdates > 0)
        b += ",\"maxObjectUpdates\":" + QByteArray::number(maxUpdates);
    return b + "}}";
}

QJsonArray objectUpdates(const R::Response &r)
{
    QJsonArray out;
    for (const QJsonValue &fu : r.object().value(QLatin1String("filterSet")).toArray()) {
        for (const QJsonValue &ou : fu.toObject().value(QLatin1String("objectSet")).toArray())
            out.append(ou);
    }
    return out;
}

QJsonObject firstChange(const R::Response &r)
{
    return objectUpdates(r)
        .at(0)
        .toObject()
        .value(QLatin1String("changeSet"))
        .toArray()
        .at(0)
        .toObject();
}

QString str(const QJsonObject &o, const char *key)
{
    return o.value(QLatin1String(key)).toString();
}

} // namespace

class TstSimPropertyCollector final : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<SimHarness> m_sim;
    R m_c{0};
    QString m_pc;

    QString pcPath(const QString &method) const
    {
        return QStringLiteral("PropertyCollector/") + m_pc + QLatin1Char('/') + method;
    }
    QString newTask() const
    {
        const QString key = (*m_sim)->createTask(QStringLiteral("Datastore.refresh"),
                                                 QStringLiteral("group-d1"), true);
        (*m_sim)->setTaskState(key, vim::TaskInfoState::Value::Running);
        return key;
    }
    /// A fresh private PropertyCollector, so each test starts with no filters.
    void freshCollector()
    {
        m_pc = R::moId(m_c.post(
            QStringLiteral("PropertyCollector/propertyCollector/CreatePropertyCollector")));
        QVERIFY(m_pc.startsWith(QStringLiteral("session[")));
    }

private Q_SLOTS:
    void initTestCase()
    {
        m_sim = std::make_unique<SimHarness>(SimHarness::quietOptions());
        QVERIFY(m_sim->ok());
        m_c = R(m_sim->port());
        QCOMPARE(m_c.login().status, 200);
    }
    void init() { freshCollector(); }

    void firstWaitEntersThenTimesOutWithNull()
    {
        const QString key = newTask();
        QCOMPARE(
            m_c.post(pcPath(QStringLiteral("CreateFilter")), taskInfoFilter(key, false)).typeName(),
            QStringLiteral("ManagedObjectReference"));
        const auto first = m_c.post(pcPath(QStringLiteral("WaitForUpdatesEx")),
                                    R::j("{'_typeName':'WaitForUpdatesEx'}"));
        QCOMPARE(first.status, 200);
        QCOMPARE(first.typeName(), QStringLiteral("UpdateSet"));
        const QJsonObject ou = objectUpdates(first).at(0).toObject();
        QCOMPARE(str(ou, "kind"), QStringLiteral("enter"));
        QCOMPARE(str(firstChange(first), "op"), QStringLiteral("assign"));
        QCOMPARE(str(firstChange(first).value(QLatin1String("val")).toObject(), "_typeName"),
                 QStringLiteral("TaskInfo"));
        const QString v = str(first.object(), "version");
        auto r = m_c.post(pcPath(QStringLiteral("WaitForUpdatesEx")), waitBody(v, 0));
        QCOMPARE(r.status, 204);
        r = m_c.post(pcPath(QStringLiteral("WaitForUpdatesEx")), waitBody(v, 1));
        QCOMPARE(r.status, 204);
        QVERIFY(r.body.isEmpty());
        // A non-truncated version can be used again.
        QCOMPARE(m_c.post(pcPath(QStringLiteral("WaitForUpdatesEx")), waitBody(v, 0)).status, 204);
    }

    void changeAnswersPendingWait()
    {
        const QString key = newTask();
        m_c.post(pcPath(QStringLiteral("CreateFilter")), taskInfoFilter(key, false));
        const QString v =
            str(m_c.post(pcPath(QStringLiteral("WaitForUpdatesEx")), waitBody({}, 5)).object(),
                "version");
        m_c.send(m_c.request("POST", pcPath(QStringLiteral("WaitForUpdatesEx")), waitBody(v, 20)));
        QCOMPARE((*m_sim)->setTaskProgress(key, 30), QString());
        const auto r = m_c.receive();
        QCOMPARE(r.status, 200);
        const QJsonObject ou = objectUpdates(r).at(0).toObject();
        QCOMPARE(str(ou, "kind"), QStringLiteral("modify"));
        QCOMPARE(str(firstChange(r), "name"), QStringLiteral("info"));
        QCOMPARE(firstChange(r)
                     .value(QLatin1String("val"))
                     .toObject()
                     .value(QLatin1String("progress"))
                     .toInt(),
                 30);
    }

    void partialUpdatesNameNestedPaths()
    {
        const QString key = newTask();
        m_c.post(pcPath(QStringLiteral("CreateFilter")), taskInfoFilter(key, true));
        const auto first = m_c.post(pcPath(QStringLiteral("WaitForUpdatesEx")), waitBody({}, 5));
        QCOMPARE(str(firstChange(first), "name"), QStringLiteral("info"));
        (*m_sim)->setTaskProgress(key, 55);
        const auto r = m_c.post(pcPath(QStringLiteral("WaitForUpdatesEx")),
                                waitBody(str(first.object(), "version"), 5));
        const QJsonObject change = firstChange(r);
        QCOMPARE(str(change, "name"), QStringLiteral("info.progress"));
        QCOMPARE(change.value(QLatin1String("val")).toObject(),
                 (QJsonObject{{QStringLiteral("_typeName"), QStringLiteral("int")},
                              {QStringLiteral("_value"), 55}}));
        (*m_sim)->setTaskState(key, vim::TaskInfoState::Value::Success);
        const auto done = m_c.post(pcPath(QStringLiteral("WaitForUpdatesEx")),
                                   waitBody(str(r.object(), "version"), 5));
        QStringList names;
        for (const QJsonValue &c :
             objectUpdates(done).at(0).toObject().value(QLatin1String("changeSet")).toArray()) {
            names.append(str(c.toObject(), "name"));
            if (str(c.toObject(), "name") == QLatin1String("info.state"))
                QCOMPARE(str(c.toObject().value(QLatin1String("val")).toObject(), "_typeName"),
                         QStringLiteral("TaskInfoState"));
        }
        QVERIFY2(names.contains(QStringLiteral("info.state")) &&
                     names.contains(QStringLiteral("info.completeTime")),
                 qPrintable(names.join(QLatin1Char(','))));
    }

    void maxObjectUpdatesTruncatesWithOneTimeVersions()
    {
        QByteArray objs;
        for (int i = 0; i < 5; ++i)
            objs += (i ? "," : "") +
                    R::j("{'_typeName':'ManagedObjectReference','type':'Task','value':'") +
                    newTask().toUtf8() + "\"}";
        const QString lv = R::moId(m_c.post(
            QStringLiteral("ViewManager/ViewManager/CreateListView"), "{\"obj\":[" + objs + "]}"));
        QCOMPARE(m_c.post(pcPath(QStringLiteral("CreateFilter")),
                          R::j("{'spec':{'_typeName':'PropertyFilterSpec','propSet':[{'_typeName':'"
                               "PropertySpec','type':'Task','pathSet':['info']}],"
                               "'objectSet':[{'_typeName':'ObjectSpec','obj':{'_typeName':'"
                               "ManagedObjectReference','type':'ListView','value':'") +
                              lv.toUtf8() +
                              R::j("'},'skip':true,'selectSet':[{'_typeName':'TraversalSpec','name'"
                                   ":'view','type':'ListView','path':'view','skip':false}]}]},'"
                                   "partialUpdates':false}"))
                     .status,
                 200);
        auto r = m_c.post(pcPath(QStringLiteral("WaitForUpdatesEx")), waitBody({}, 5, 2));
        QCOMPARE(objectUpdates(r).size(), 2);
        QCOMPARE(r.object().value(QLatin1String("truncated")).toBool(), true);
        const QString t1 = str(r.object(), "version");
        r = m_c.post(pcPath(QStringLiteral("WaitForUpdatesEx")), waitBody(t1, 5, 2));
        QCOMPARE(objectUpdates(r).size(), 2);
        QCOMPARE(r.object().value(QLatin1String("truncated")).toBool(), true);
        r = m_c.post(pcPath(QStringLiteral("WaitForUpdatesEx")),
                     waitBody(str(r.object(), "version"), 5, 2));
        QCOMPARE(objectUpdates(r).size(), 1);
        QVERIFY(!r.object().contains(QLatin1String("truncated")));
        // A truncated version is good once.
        verifyFault(m_c.post(pcPath(QStringLiteral("WaitForUpdatesEx")), waitBody(t1, 0)),
                    "InvalidCollectorVersion");
        verifyFault(m_c.post(pcPath(QStringLiteral("WaitForUpdatesEx")),
                             waitBody(QStringLiteral("bogus"), 0)),
                    "InvalidCollectorVersion");
        verifyFault(m_c.post(pcPath(QStringLiteral("WaitForUpdatesEx")), waitBody({}, -1)),
                    "InvalidArgument", "maxWaitSeconds");
        verifyFault(m_c.post(pcPath(QStringLiteral("WaitForUpdatesEx")),
                             R::j("{'options':{'_typeName':'WaitOptions','maxObjectUpdates':0}}")),
                    "InvalidArgument", "maxObjectUpdates");

        // Removing a task from the view makes it leave.
        const QString v = str(r.object(), "version");
        const QString gone = (*m_sim)->tasks().last().key;
        QCOMPARE(
            m_c.post(
                   QStringLiteral("ListView/") + lv + QStringLiteral("/ModifyListView"),
                   R::j(
                       "{'remove':[{'_typeName':'ManagedObjectReference','type':'Task','value':'") +
                       gone.toUtf8() + "\"}]}")
                .status,
            200);
        r = m_c.post(pcPath(QStringLiteral("WaitForUpdatesEx")), waitBody(v, 5));
        const QJsonObject leave = objectUpdates(r).at(0).toObject();
        QCOMPARE(str(leave, "kind"), QStringLiteral("leave"));
        QCOMPARE(str(leave.value(QLatin1String("obj")).toObject(), "value"), gone);
    }

    void missingObjectsFaultOrAreReported()
    {
        verifyFault(m_c.post(pcPath(QStringLiteral("CreateFilter")),
                             taskInfoFilter(QStringLiteral("task-424242"), false)),
                    "ManagedObjectNotFound");
        QCOMPARE(m_c.post(pcPath(QStringLiteral("CreateFilter")),
                          R::j("{'spec':{'_typeName':'PropertyFilterSpec','propSet':[{'_typeName':'"
                               "PropertySpec','type':'Task','pathSet':['info']}],"
                               "'objectSet':[{'_typeName':'ObjectSpec','obj':{'_typeName':'"
                               "ManagedObjectReference','type':'Task','value':'task-424242'}}],"
                               "'reportMissingObjectsInResults':true},'partialUpdates':false}"))
                     .status,
                 200);
        const auto r = m_c.post(pcPath(QStringLiteral("WaitForUpdatesEx")), waitBody({}, 5));
        const QJsonObject missing = r.object()
                                        .value(QLatin1String("filterSet"))
                                        .toArray()
                                        .at(0)
                                        .toObject()
                                        .value(QLatin1String("missingSet"))
                                        .toArray()
                                        .at(0)
                                        .toObject();
        QCOMPARE(str(missing, "_typeName"), QStringLiteral("MissingObject"));
        QCOMPARE(str(missing.value(QLatin1String("fault")).toObject(), "_typeName"),
                 QStringLiteral("ManagedObjectNotFound"));
    }

    void cancelWaitForUpdatesEndsPendingCall()
    {
        m_c.post(
            pcPath(QStringLiteral("CreateFilter")),
            R::j(
                "{'spec':{'_typeName':'PropertyFilterSpec','propSet':[{'_typeName':'PropertySpec','"
                "type':'ManagedEntity','pathSet':['name']}],"
                "'objectSet':[{'_typeName':'ObjectSpec','obj':{'_typeName':'ManagedObjectReference'"
                ",'type':'Folder','value':'group-d1'}}]},'partialUpdates':false}"));
        const QString v =
            str(m_c.post(pcPath(QStringLiteral("WaitForUpdatesEx")), waitBody({}, 5)).object(),
                "version");
        R waiter(m_sim->port());
        waiter.token = m_c.token;
        waiter.send(
            waiter.request("POST", pcPath(QStringLiteral("WaitForUpdatesEx")), waitBody(v, 60)));
        QTRY_COMPARE((*m_sim)->stats().pendingWaits, 1);
        QCOMPARE(m_c.post(pcPath(QStringLiteral("CancelWaitForUpdates"))).status, 204);
        verifyFault(waiter.receive(), "RequestCanceled");
    }

    void checkForUpdates()
    {
        const QString key = newTask();
        m_c.post(pcPath(QStringLiteral("CreateFilter")), taskInfoFilter(key, false));
        const auto r = m_c.post(pcPath(QStringLiteral("CheckForUpdates")), R::j("{'version':''}"));
        QCOMPARE(r.typeName(), QStringLiteral("UpdateSet"));
        QCOMPARE(m_c.post(pcPath(QStringLiteral("CheckForUpdates")),
                          "{\"version\":\"" + str(r.object(), "version").toUtf8() + "\"}")
                     .status,
                 204);
    }

    void filterObjectsAndDestroy()
    {
        const QString key = newTask();
        const QString filter =
            R::moId(m_c.post(pcPath(QStringLiteral("CreateFilter")), taskInfoFilter(key, true)));
        QCOMPARE(m_c.get(QStringLiteral("PropertyFilter/") + filter + QStringLiteral("/spec"))
                     .typeName(),
                 QStringLiteral("PropertyFilterSpec"));
        QCOMPARE(
            m_c.get(QStringLiteral("PropertyFilter/") + filter + QStringLiteral("/partialUpdates"))
                .body,
            QByteArray("true"));
        const QJsonArray filters = m_c.get(pcPath(QStringLiteral("filter"))).json().toArray();
        QCOMPARE(filters.size(), 1);
        QCOMPARE(str(filters.at(0).toObject(), "value"), filter);
        QCOMPARE(m_c.post(QStringLiteral("PropertyFilter/") + filter +
                          QStringLiteral("/DestroyPropertyFilter"))
                     .status,
                 204);
        QCOMPARE(m_c.get(pcPath(QStringLiteral("filter"))).body, QByteArray("[]"));
        verifyFault(m_c.post(QStringLiteral(
                        "PropertyCollector/propertyCollector/DestroyPropertyCollector")),
                    "NotSupported");
        QCOMPARE(m_c.post(pcPath(QStringLiteral("DestroyPropertyCollector"))).status, 204);
        verifyFault(m_c.post(pcPath(QStringLiteral("WaitForUpdatesEx"))), "ManagedObjectNotFound");
    }

    void invalidSpecs()
    {
        verifyFault(m_c.post(pcPath(QStringLiteral("CreateFilter")),
                             R::j("{'spec':{'_typeName':'PropertyFilterSpec','propSet':[{'_"
                                  "typeName':'PropertySpec','type':'Task','pathSet':['nope']}],"
                                  "'objectSet':[{'_typeName':'ObjectSpec','obj':{'_typeName':'"
                                  "ManagedObjectReference','type':'Folder','value':'group-d1'}}]},'"
                                  "partialUpdates':false}")),
                    "InvalidProperty");
        verifyFault(
            m_c.post(pcPath(QStringLiteral("CreateFilter")),
                     R::j("{'spec':{'_typeName':'PropertyFilterSpec','propSet':[{'_typeName':'"
                          "PropertySpec','type':'NoSuchType','pathSet':['name']}],"
                          "'objectSet':[{'_typeName':'ObjectSpec','obj':{'_typeName':'"
                          "ManagedObjectReference','type':'Folder','value':'group-d1'}}]},'"
                          "partialUpdates':false}")),
            "InvalidType");
        verifyFault(m_c.post(pcPath(QStringLiteral("CreateFilter")),
                             R::j("{'spec':{'_typeName':'PropertyFilterSpec','propSet':[],'"
                                  "objectSet':[]},'partialUpdates':false}")),
                    "InvalidArgument", "objectSet");
    }

    void retrievePropertiesExample()
    {
        const QString key = newTask();
        (*m_sim)->setTaskProgress(key, 40);
        const auto r =
            m_c.post(QStringLiteral("PropertyCollector/propertyCollector/RetrievePropertiesEx"),
                     R::j("{'specSet':[{'_typeName':'PropertyFilterSpec','propSet':[{'_typeName':'"
                          "PropertySpec','type':'Task','pathSet':['info.state','info.progress']}],"
                          "'objectSet':[{'_typeName':'ObjectSpec','obj':{'_typeName':'"
                          "ManagedObjectReference','type':'Task','value':'") +
                         key.toUtf8() +
                         R::j("'},'skip':false}]}],'options':{'_typeName':'RetrieveOptions','"
                              "maxObjects':100}}"));
        QCOMPARE(r.typeName(), QStringLiteral("RetrieveResult"));
        const QJsonObject oc =
            r.object().value(QLatin1String("objects")).toArray().at(0).toObject();
        QCOMPARE(str(oc, "_typeName"), QStringLiteral("ObjectContent"));
        const QJsonArray props = oc.value(QLatin1String("propSet")).toArray();
        QCOMPARE(props.size(), 2);
        QCOMPARE(props.at(0).toObject(),
                 (QJsonObject{{QStringLiteral("_typeName"), QStringLiteral("DynamicProperty")},
                              {QStringLiteral("name"), QStringLiteral("info.progress")},
                              {QStringLiteral("val"),
                               QJsonObject{{QStringLiteral("_typeName"), QStringLiteral("int")},
                                           {QStringLiteral("_value"), 40}}}}));
        QCOMPARE(props.at(1).toObject().value(QLatin1String("val")).toObject(),
                 (QJsonObject{{QStringLiteral("_typeName"), QStringLiteral("TaskInfoState")},
                              {QStringLiteral("_value"), QStringLiteral("running")}}));
        // govc's session check reads currentSession this way.
        const auto s =
            m_c.post(QStringLiteral("PropertyCollector/propertyCollector/RetrievePropertiesEx"),
                     R::j("{'_typeName':'RetrievePropertiesEx','specSet':[{'_typeName':'"
                          "PropertyFilterSpec','propSet':[{'_typeName':'PropertySpec','type':'"
                          "SessionManager','pathSet':['currentSession']}],"
                          "'objectSet':[{'_typeName':'ObjectSpec','obj':{'_typeName':'"
                          "ManagedObjectReference','type':'SessionManager','value':'SessionManager'"
                          "},'skip':false}]}],'options':{'_typeName':'RetrieveOptions'}}"));
        QCOMPARE(str(s.object()
                         .value(QLatin1String("objects"))
                         .toArray()
                         .at(0)
                         .toObject()
                         .value(QLatin1String("propSet"))
                         .toArray()
                         .at(0)
                         .toObject()
                         .value(QLatin1String("val"))
                         .toObject(),
                     "_typeName"),
                 QStringLiteral("UserSession"));
        verifyFault(
            m_c.post(QStringLiteral("PropertyCollector/propertyCollector/RetrievePropertiesEx"),
                     R::j("{'specSet':[{'_typeName':'PropertyFilterSpec','propSet':[{'_typeName':'"
                          "PropertySpec','type':'Task','pathSet':['info']}],"
                          "'objectSet':[{'_typeName':'ObjectSpec','obj':{'_typeName':'"
                          "ManagedObjectReference','type':'Task','value':'task-424242'}}]}],'"
                          "options':{'_typeName':'RetrieveOptions'}}")),
            "ManagedObjectNotFound");
    }

    void retrieveTokenPagingOverContainerView()
    {
        const auto cv =
            m_c.post(QStringLiteral("ViewManager/ViewManager/CreateContainerView"),
                     R::j("{'container':{'_typeName':'ManagedObjectReference','type':'Folder','"
                          "value':'group-d1'},'type':['VirtualMachine'],'recursive':true}"));
        QCOMPARE(cv.status, 200);
        const QString view = R::moId(cv);
        QCOMPARE(m_c.get(QStringLiteral("ContainerView/") + view + QStringLiteral("/view"))
                     .json()
                     .toArray()
                     .size(),
                 9);
        const QByteArray spec =
            R::j("{'_typeName':'PropertyFilterSpec','propSet':[{'_typeName':'PropertySpec','type':'"
                 "VirtualMachine','pathSet':['name','parent']}],"
                 "'objectSet':[{'_typeName':'ObjectSpec','obj':{'_typeName':'"
                 "ManagedObjectReference','type':'ContainerView','value':'") +
            view.toUtf8() +
            R::j("'},'skip':true,'selectSet':[{'_typeName':'TraversalSpec','type':'ContainerView','"
                 "path':'view'}]}]}");
        auto r =
            m_c.post(QStringLiteral("PropertyCollector/propertyCollector/RetrievePropertiesEx"),
                     "{\"specSet\":[" + spec +
                         "],\"options\":{\"_typeName\":\"RetrieveOptions\",\"maxObjects\":4}}");
        int count = int(r.object().value(QLatin1String("objects")).toArray().size());
        QCOMPARE(count, 4);
        while (r.object().contains(QLatin1String("token"))) {
            r = m_c.post(
                QStringLiteral("PropertyCollector/propertyCollector/ContinueRetrievePropertiesEx"),
                "{\"token\":\"" + str(r.object(), "token").toUtf8() + "\"}");
            QCOMPARE(r.typeName(), QStringLiteral("RetrieveResult"));
            count += int(r.object().value(QLatin1String("objects")).toArray().size());
        }
        QCOMPARE(count, 9);
        verifyFault(
            m_c.post(
                QStringLiteral("PropertyCollector/propertyCollector/ContinueRetrievePropertiesEx"),
                R::j("{'token':'nope'}")),
            "InvalidArgument", "token");
        r = m_c.post(QStringLiteral("PropertyCollector/propertyCollector/RetrievePropertiesEx"),
                     "{\"specSet\":[" + spec +
                         "],\"options\":{\"_typeName\":\"RetrieveOptions\",\"maxObjects\":4}}");
        QCOMPARE(m_c.post(QStringLiteral(
                              "PropertyCollector/propertyCollector/CancelRetrievePropertiesEx"),
                          "{\"token\":\"" + str(r.object(), "token").toUtf8() + "\"}")
                     .status,
                 204);
        QCOMPARE(m_c.post(QStringLiteral("ContainerView/") + view + QStringLiteral("/DestroyView"))
                     .status,
                 204);
    }

    void traversalThroughTheInventory()
    {
        // Folder.childEntity → Datacenter.hostFolder → Folder.childEntity → ComputeResource.host
        const auto r = m_c.post(
            QStringLiteral("PropertyCollector/propertyCollector/RetrieveProperties"),
            R::j(
                "{'specSet':[{'_typeName':'PropertyFilterSpec','propSet':[{'_typeName':'"
                "PropertySpec','type':'HostSystem','pathSet':['name','parent']}],"
                "'objectSet':[{'_typeName':'ObjectSpec','obj':{'_typeName':'ManagedObjectReference'"
                ",'type':'Folder','value':'group-d1'},'skip':true,'selectSet':["
                "{'_typeName':'TraversalSpec','name':'folder','type':'Folder','path':'childEntity',"
                "'skip':true,'selectSet':[{'_typeName':'SelectionSpec','name':'folder'},{'_"
                "typeName':'SelectionSpec','name':'dc'},{'_typeName':'SelectionSpec','name':'cr'}]}"
                ","
                "{'_typeName':'TraversalSpec','name':'dc','type':'Datacenter','path':'hostFolder','"
                "skip':true,'selectSet':[{'_typeName':'SelectionSpec','name':'folder'}]},"
                "{'_typeName':'TraversalSpec','name':'cr','type':'ComputeResource','path':'host','"
                "skip':false}]}]}]}"));
        QCOMPARE(r.status, 200);
        const QJsonArray hosts = r.json().toArray();
        QCOMPARE(hosts.size(), 3);
        for (const QJsonValue &h : hosts)
            QCOMPARE(str(h.toObject().value(QLatin1String("obj")).toObject(), "type"),
                     QStringLiteral("HostSystem"));
        // Datacenter.vmFolder reaches the VMs.
        const auto vms = m_c.post(
            QStringLiteral("PropertyCollector/propertyCollector/RetrieveProperties"),
            R::j(
                "{'specSet':[{'_typeName':'PropertyFilterSpec','propSet':[{'_typeName':'"
                "PropertySpec','type':'VirtualMachine','pathSet':['name']}],"
                "'objectSet':[{'_typeName':'ObjectSpec','obj':{'_typeName':'ManagedObjectReference'"
                ",'type':'Folder','value':'group-d1'},'skip':true,'selectSet':["
                "{'_typeName':'TraversalSpec','name':'folder','type':'Folder','path':'childEntity',"
                "'selectSet':[{'_typeName':'SelectionSpec','name':'folder'},{'_typeName':'"
                "SelectionSpec','name':'dc'}]},"
                "{'_typeName':'TraversalSpec','name':'dc','type':'Datacenter','path':'vmFolder','"
                "selectSet':[{'_typeName':'SelectionSpec','name':'folder'}]}]}]}]}"));
        QCOMPARE(vms.json().toArray().size(), 9);
    }

    void taskManagerPropertiesThroughTheCollector()
    {
        const QString key = newTask();
        const auto r =
            m_c.post(QStringLiteral("PropertyCollector/propertyCollector/RetrievePropertiesEx"),
                     R::j("{'specSet':[{'_typeName':'PropertyFilterSpec','propSet':[{'_typeName':'"
                          "PropertySpec','type':'TaskManager','pathSet':['description.methodInfo','"
                          "recentTask','maxCollector']}],"
                          "'objectSet':[{'_typeName':'ObjectSpec','obj':{'_typeName':'"
                          "ManagedObjectReference','type':'TaskManager','value':'TaskManager'}}]}],"
                          "'options':{'_typeName':'RetrieveOptions'}}"));
        QHash<QString, QJsonObject> vals;
        for (const QJsonValue &p : r.object()
                                       .value(QLatin1String("objects"))
                                       .toArray()
                                       .at(0)
                                       .toObject()
                                       .value(QLatin1String("propSet"))
                                       .toArray())
            vals.insert(str(p.toObject(), "name"),
                        p.toObject().value(QLatin1String("val")).toObject());
        QCOMPARE(str(vals.value(QStringLiteral("description.methodInfo")), "_typeName"),
                 QStringLiteral("ArrayOfElementDescription"));
        QCOMPARE(str(vals.value(QStringLiteral("recentTask")), "_typeName"),
                 QStringLiteral("ArrayOfManagedObjectReference"));
        QVERIFY(vals.value(QStringLiteral("recentTask"))
                    .value(QLatin1String("_value"))
                    .toArray()
                    .contains(QJsonObject{
                        {QStringLiteral("_typeName"), QStringLiteral("ManagedObjectReference")},
                        {QStringLiteral("type"), QStringLiteral("Task")},
                        {QStringLiteral("value"), key}}));
        QCOMPARE(vals.value(QStringLiteral("maxCollector")),
                 (QJsonObject{{QStringLiteral("_typeName"), QStringLiteral("int")},
                              {QStringLiteral("_value"), 32}}));
    }

    void listViewMaintenance()
    {
        const QString key = newTask();
        const QString lv =
            R::moId(m_c.post(QStringLiteral("ViewManager/ViewManager/CreateListView"),
                             R::j("{'_typeName':'CreateListView'}")));
        const auto added =
            m_c.post(QStringLiteral("ListView/") + lv + QStringLiteral("/ModifyListView"),
                     R::j("{'add':[{'_typeName':'ManagedObjectReference','type':'Task','value':'") +
                         key.toUtf8() +
                         R::j("'},{'_typeName':'ManagedObjectReference','type':'Task','value':'"
                              "task-777777'}]}"));
        QCOMPARE(added.json().toArray().size(), 1);
        QCOMPARE(str(added.json().toArray().at(0).toObject(), "value"),
                 QStringLiteral("task-777777"));
        QCOMPARE(m_c.get(QStringLiteral("ListView/") + lv + QStringLiteral("/view"))
                     .json()
                     .toArray()
                     .size(),
                 1);
        QCOMPARE(m_c.post(QStringLiteral("ListView/") + lv + QStringLiteral("/ResetListView"),
                          R::j("{'obj':[]}"))
                     .body,
                 QByteArray("[]"));
        QCOMPARE(m_c.get(QStringLiteral("ListView/") + lv + QStringLiteral("/view")).body,
                 QByteArray("[]"));
        QCOMPARE(m_c.post(QStringLiteral("ListView/") + lv + QStringLiteral("/DestroyView")).status,
                 204);
        verifyFault(m_c.get(QStringLiteral("ListView/") + lv + QStringLiteral("/view")),
                    "ManagedObjectNotFound");
    }
};

QTEST_GUILESS_MAIN(TstSimPropertyCollector)
#include "tst_simpropertycollector.moc"
