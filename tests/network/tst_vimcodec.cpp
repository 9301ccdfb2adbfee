// Every JSON example of vi-json-protocol.md decodes, carries the values the fact sheet shows,
// and survives encode → decode unchanged.

#include "tst_vimhelpers.h"

#include <vim/codec.h>

#include <QJsonDocument>
#include <QTest>

using namespace vim;
using namespace vimtest;
using namespace Qt::StringLiterals;

namespace {

QDateTime utc(int h, int m, int s, int ms = 0)
{
    return QDateTime(QDate(2024, 5, 1), QTime(h, m, s, ms), Qt::UTC);
}

ManagedObjectReference moref(const QString &type, const QString &value)
{
    return ManagedObjectReference{type, value};
}

} // namespace

class TestVimCodec : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void roundTripsEveryExample_data();
    void roundTripsEveryExample();
    void serviceContent();
    void loginUserSession();
    void taskInfoRunning();
    void taskInfoSuccessHasMoRefResult();
    void taskInfoCancelledHasRequestCanceled();
    void localizableMessage();
    void taskDescription();
    void taskFilterSpec();
    void faults_data();
    void faults();
    void setTaskStateBodies();
    void updateSetLatestPage();
    void updateSetListView();
    void createFilterSpecs();
    void retrievePropertiesRequest();
    void retrieveResult();
    void bareValues();
    void boxedValues_data();
    void boxedValues();
    void boxedValuesEncodeAsBoxes();
    void extensionRoundTrip();
    void taskReasonSubtypesRoundTrip();
};

void TestVimCodec::roundTripsEveryExample_data()
{
    QTest::addColumn<QString>("file");
    QTest::addColumn<QString>("member");
    QTest::addColumn<QString>("type");
    const auto row = [](const char *file, const QString &member, const QString &type) {
        QTest::newRow(file) << QString::fromLatin1(file) << member << type;
    };
    // §2.1, §2.2
    row("servicecontent.json", {}, u"ServiceContent"_s);
    row("usersession-login.json", {}, u"UserSession"_s);
    // §5.1, §5.3, §5.5, §5.6
    row("taskinfo-running.json", {}, u"TaskInfo"_s);
    row("taskinfo-success.json", {}, u"TaskInfo"_s);
    row("taskinfo-cancelled.json", {}, u"TaskInfo"_s);
    row("localizablemessage.json", {}, u"LocalizableMessage"_s);
    row("taskdescription.json", {}, u"TaskDescription"_s);
    row("taskfilterspec.json", {}, u"TaskFilterSpec"_s);
    // §4.3
    row("fault-notauthenticated.json", {}, u"MethodFault"_s);
    row("fault-invalidlogin.json", {}, u"MethodFault"_s);
    row("fault-invalidargument.json", {}, u"MethodFault"_s);
    row("fault-invalidstate.json", {}, u"MethodFault"_s);
    row("fault-notsupported.json", {}, u"MethodFault"_s);
    row("fault-managedobjectnotfound.json", {}, u"MethodFault"_s);
    // §6.2, §6.3 request and response bodies
    row("settaskstate-error.json", u"fault"_s, u"MethodFault"_s);
    row("settaskstate-success.json", u"result"_s, u"anyType"_s);
    row("createcollectorfortasks-request.json", u"filter"_s, u"TaskFilterSpec"_s);
    row("createcollectorfortasks-response.json", {}, u"ManagedObjectReference"_s);
    // §7.4 – §7.6
    row("createfilter-latestpage.json", u"spec"_s, u"PropertyFilterSpec"_s);
    row("waitforupdatesex-request.json", u"options"_s, u"WaitOptions"_s);
    row("updateset-latestpage.json", {}, u"UpdateSet"_s);
    row("createlistview-request.json", u"obj"_s, u"ArrayOfManagedObjectReference"_s);
    row("createfilter-listview.json", u"spec"_s, u"PropertyFilterSpec"_s);
    row("updateset-listview.json", {}, u"UpdateSet"_s);
    row("retrievepropertiesex-request.json", u"specSet"_s, u"ArrayOfPropertyFilterSpec"_s);
    row("retrievepropertiesex-request.json/options", u"options"_s, u"RetrieveOptions"_s);
    row("retrieveresult.json", {}, u"RetrieveResult"_s);
    // §8.5 govc bodies
    row("govc-createfilter.json", u"spec"_s, u"PropertyFilterSpec"_s);
    row("govc-resetlistview.json", u"obj"_s, u"ArrayOfManagedObjectReference"_s);
    row("govc-createcollectorfortasks.json", u"filter"_s, u"TaskFilterSpec"_s);
    row("govc-retrievepropertiesex.json", u"specSet"_s, u"ArrayOfPropertyFilterSpec"_s);
    row("govc-retrievepropertiesex.json/options", u"options"_s, u"RetrieveOptions"_s);
    // §1.2, §1.3 bare bodies, §3.2, §3.3
    row("get-maxcollector.json", {}, u"int"_s);
    row("get-recenttask.json", {}, u"ArrayOfManagedObjectReference"_s);
    row("currenttime-response.json", {}, u"dateTime"_s);
    row("moref.json", {}, u"ManagedObjectReference"_s);
    row("anytype-result-wrapped-moref.json", {}, u"anyType"_s);
    row("boxed-boolean.json", {}, u"anyType"_s);
    row("boxed-arrayofstring.json", {}, u"anyType"_s);
    row("boxed-managedentitystatus.json", {}, u"anyType"_s);
    row("boxed-arrayofmanagedobjectreference.json", {}, u"anyType"_s);
    row("boxed-arrayofcustomfielddef.json", {}, u"anyType"_s);
}

void TestVimCodec::roundTripsEveryExample()
{
    QFETCH(QString, file);
    QFETCH(QString, member);
    QFETCH(QString, type);
    static const auto kRoundTrips =
        roundTrips<ServiceContent, UserSession, TaskInfo, LocalizableMessage, TaskDescription,
                   TaskFilterSpec, MethodFault, AnyValue, ManagedObjectReference,
                   PropertyFilterSpec, WaitOptions, UpdateSet, QList<ManagedObjectReference>,
                   QList<PropertyFilterSpec>, RetrieveOptions, RetrieveResult, qint32, QDateTime>();
    QVERIFY2(kRoundTrips.contains(type), qPrintable(type));

    // Given the example as the fact sheet prints it
    const QJsonValue v = exampleValue(file.section(u'/', 0, 0), member);
    QVERIFY(!v.isUndefined());
    // When it is decoded, encoded and decoded again
    const QString problem = kRoundTrips.value(type)(v);
    // Then nothing was lost or changed on the way
    QVERIFY2(problem.isEmpty(), qPrintable(problem));
}

void TestVimCodec::serviceContent()
{
    // Given the §2.1 content, When decoded
    const auto sc = decodeExample<ServiceContent>(u"servicecontent.json"_s);
    // Then the MoRefs and AboutInfo carry the fact-sheet values, unset optionals stay unset
    QCOMPARE(sc.rootFolder, moref(u"Folder"_s, u"group-d1"_s));
    QCOMPARE(sc.propertyCollector, moref(u"PropertyCollector"_s, u"propertyCollector"_s));
    QCOMPARE(sc.viewManager, moref(u"ViewManager"_s, u"ViewManager"_s));
    QCOMPARE(sc.setting, moref(u"OptionManager"_s, u"VpxSettings"_s));
    QCOMPARE(sc.sessionManager, moref(u"SessionManager"_s, u"SessionManager"_s));
    QCOMPARE(sc.eventManager, moref(u"EventManager"_s, u"EventManager"_s));
    QCOMPARE(sc.taskManager, moref(u"TaskManager"_s, u"TaskManager"_s));
    QVERIFY(!sc.extensionManager);
    QVERIFY(!sc.alarmManager);
    QCOMPARE(sc.about.apiVersion, u"8.0.1.0"_s);
    QCOMPARE(sc.about.productLineId, u"vpx"_s);
    QCOMPARE(sc.about.build, u"21560480"_s);
    QCOMPARE(sc.about.instanceUuid, u"4f1c..."_s);
    QVERIFY(!sc.about.patchLevel);
    QVERIFY(sc.about.isVCenter());
}

void TestVimCodec::loginUserSession()
{
    const auto s = decodeExample<UserSession>(u"usersession-login.json"_s);
    QCOMPARE(s.key, u"527025b6-f0f4-144e-0d36-a7aaf2eb21da"_s);
    QCOMPARE(s.userName, u"VSPHERE.LOCAL\\Administrator"_s);
    QCOMPARE(s.fullName, u"Administrator vsphere.local"_s);
    QCOMPARE(s.loginTime, QDateTime(QDate(2023, 2, 14), QTime(22, 12, 48, 753), Qt::UTC));
    QCOMPARE(s.lastActiveTime, s.loginTime);
    QCOMPARE(s.locale, u"en"_s);
    QCOMPARE(s.messageLocale, u"en"_s);
    QCOMPARE(s.extensionSession, false);
    QCOMPARE(s.ipAddress, u"10.93.153.94"_s);
    QCOMPARE(s.userAgent, u"curl/7.86.0"_s);
    QCOMPARE(s.callCount, 0);
}

void TestVimCodec::taskInfoRunning()
{
    const auto t = decodeExample<TaskInfo>(u"taskinfo-running.json"_s);
    QCOMPARE(t.key, u"task-101"_s);
    QCOMPARE(t.task, moref(u"Task"_s, u"task-101"_s));
    QCOMPARE(t.name, u"PowerOnVM_Task"_s);
    QCOMPARE(t.descriptionId, u"VirtualMachine.powerOn"_s);
    QCOMPARE(t.entity, moref(u"VirtualMachine"_s, u"vm-42"_s));
    QCOMPARE(t.entityName, u"web-01"_s);
    QCOMPARE(t.locked, QList<ManagedObjectReference>{moref(u"VirtualMachine"_s, u"vm-42"_s)});
    QVERIFY(t.state == TaskInfoState::Value::Running);
    QCOMPARE(t.cancelled, false);
    QCOMPARE(t.cancelable, true);
    QCOMPARE(t.progress, 40);
    QCOMPARE(t.reason.kind(), TaskReason::Kind::User);
    QCOMPARE(t.reason.userName, u"VSPHERE.LOCAL\\Administrator"_s);
    QCOMPARE(t.queueTime, utc(10, 0, 0, 123));
    QCOMPARE(t.startTime, utc(10, 0, 0, 234));
    QVERIFY(!t.completeTime);
    QCOMPARE(t.eventChainId, 1234);
    QVERIFY(!t.error);
    QVERIFY(!t.result);
    QVERIFY(!t.description);
    QVERIFY(!t.isFinished());
}

void TestVimCodec::taskInfoSuccessHasMoRefResult()
{
    const auto t = decodeExample<TaskInfo>(u"taskinfo-success.json"_s);
    QVERIFY(t.state == TaskInfoState::Value::Success);
    QVERIFY(t.isFinished());
    QCOMPARE(t.startTime, utc(10, 1, 0, 100));
    QCOMPARE(t.completeTime, utc(10, 1, 5, 500));
    // The anyType result is a MoRef written inline (§3.3)
    QVERIFY(t.result);
    QVERIFY(!t.result->isBoxed());
    QCOMPARE(t.result->typeName(), u"ManagedObjectReference"_s);
    const auto vm = fromAny<ManagedObjectReference>(*t.result);
    QVERIFY2(vm.ok(), qPrintable(vm.error().toString()));
    QCOMPARE(vm.value(), moref(u"VirtualMachine"_s, u"vm-43"_s));
    QCOMPARE(t.result->toDisplayString(), u"VirtualMachine:vm-43"_s);
}

void TestVimCodec::taskInfoCancelledHasRequestCanceled()
{
    const auto t = decodeExample<TaskInfo>(u"taskinfo-cancelled.json"_s);
    QVERIFY(t.state == TaskInfoState::Value::Error);
    QCOMPARE(t.cancelled, true);
    QCOMPARE(t.reason.userName, u"VSPHERE.LOCAL\\alice"_s);
    QVERIFY(t.error);
    QCOMPARE(t.error->typeName, u"RequestCanceled"_s);
    QVERIFY(t.error->faultMessage.isEmpty());
    QVERIFY(!t.error->faultstring);
    QVERIFY(t.error->isA(u"RuntimeFault"_s));
    QCOMPARE(t.error->message(), u"RequestCanceled"_s);
}

void TestVimCodec::localizableMessage()
{
    const auto m = decodeExample<LocalizableMessage>(u"localizablemessage.json"_s);
    QCOMPARE(m.key, u"com.example.copy"_s);
    QCOMPARE(m.message, u"Copying disk0"_s);
    QCOMPARE(m.arg.size(), 1);
    QCOMPARE(m.arg.at(0).key, u"disk"_s);
    QCOMPARE(fromAny<QString>(m.arg.at(0).value).value(), u"disk0"_s);
}

void TestVimCodec::taskDescription()
{
    const auto d = decodeExample<TaskDescription>(u"taskdescription.json"_s);
    QCOMPARE(d.methodInfo.size(), 1);
    QCOMPARE(d.methodInfo.at(0).key, u"VirtualMachine.powerOn"_s);
    QCOMPARE(d.methodInfo.at(0).label, u"Power On virtual machine"_s);
    QCOMPARE(d.methodInfo.at(0).summary, u"Power On this virtual machine"_s);
    QStringList stateKeys;
    for (const ElementDescription &e : d.state)
        stateKeys.append(e.key);
    QCOMPARE(stateKeys, (QStringList{u"queued"_s, u"running"_s, u"success"_s, u"error"_s}));
    QCOMPARE(d.state.at(3).summary, u"Task completed with a failure"_s);
    QCOMPARE(d.reason.size(), 1);
    QCOMPARE(d.reason.at(0).key, u"TaskReasonUser"_s);
}

void TestVimCodec::taskFilterSpec()
{
    const auto f = decodeExample<TaskFilterSpec>(u"taskfilterspec.json"_s);
    QVERIFY(f.entity);
    QCOMPARE(f.entity->entity, moref(u"Folder"_s, u"group-d1"_s));
    QVERIFY(f.entity->recursion == TaskFilterSpecRecursionOption::Value::All);
    QVERIFY(f.time);
    QVERIFY(f.time->timeType == TaskFilterSpecTimeOption::Value::StartedTime);
    QCOMPARE(f.time->beginTime, utc(10, 0, 0));
    QVERIFY(!f.time->endTime);
    QVERIFY(f.userName);
    QCOMPARE(f.userName->systemUser, false);
    QCOMPARE(f.userName->userList, QList<QString>{u"VSPHERE.LOCAL\\alice"_s});
    QCOMPARE(f.state,
             (QList<TaskInfoState>{TaskInfoState::Value::Queued, TaskInfoState::Value::Running}));
    QVERIFY(f.activationId.isEmpty());
    QVERIFY(!f.alarm);
}

void TestVimCodec::faults_data()
{
    QTest::addColumn<QString>("file");
    QTest::addColumn<QString>("type");
    QTest::addColumn<QString>("supertype");
    QTest::addColumn<QString>("message");
    const auto row = [](const char *type, const char *supertype, const char *message) {
        const QString name = QString::fromLatin1(type);
        QTest::newRow(type) << u"fault-"_s + name.toLower() + u".json"_s << name
                            << QString::fromLatin1(supertype) << QString::fromUtf8(message);
    };
    row("NotAuthenticated", "NoPermission", "The session is not authenticated.");
    row("InvalidLogin", "VimFault",
        "Cannot complete login due to an incorrect user name or password.");
    row("InvalidArgument", "RuntimeFault", "A specified parameter was not correct: maxCount");
    row("InvalidState", "VimFault", "The operation is not allowed in the current state.");
    row("NotSupported", "RuntimeFault", "The operation is not supported on the object.");
    row("ManagedObjectNotFound", "RuntimeFault",
        "The object 'vim.Task:task-999' has already been deleted or has not been completely "
        "created");
}

void TestVimCodec::faults()
{
    QFETCH(QString, file);
    QFETCH(QString, type);
    QFETCH(QString, supertype);
    QFETCH(QString, message);
    // Given a §4.3 fault body, When decoded as a MethodFault
    const auto f = decodeExample<MethodFault>(file);
    // Then its type, hierarchy and human message are the fact sheet's
    QCOMPARE(f.typeName, type);
    QVERIFY(f.isA(supertype));
    QVERIFY(f.isA(u"MethodFault"_s));
    QCOMPARE(f.message(), message);
    QVERIFY(!f.fields.contains(u"faultstring"_s));
}

void TestVimCodec::setTaskStateBodies()
{
    // §6.2: a SystemError fault parameter and a boxed string result
    const auto fault = decodeExample<MethodFault>(u"settaskstate-error.json"_s, u"fault"_s);
    QCOMPARE(fault.typeName, u"SystemError"_s);
    QCOMPARE(fault.reason(), u"backend unavailable"_s);
    QCOMPARE(fault.message(), u"SystemError"_s);
    const auto result = decodeExample<AnyValue>(u"settaskstate-success.json"_s, u"result"_s);
    QVERIFY(result.isBoxed());
    QCOMPARE(fromAny<QString>(result).value(), u"done"_s);
    const auto state =
        decode<TaskInfoState>(exampleValue(u"settaskstate-success.json"_s, u"state"_s));
    QVERIFY(state.value() == TaskInfoState::Value::Success);
}

void TestVimCodec::updateSetLatestPage()
{
    // Given the §7.4 first WaitForUpdatesEx answer
    const auto u = decodeExample<UpdateSet>(u"updateset-latestpage.json"_s);
    QCOMPARE(u.version, u"1"_s);
    QVERIFY(!u.truncated);
    QCOMPARE(u.filterSet.size(), 1);
    const PropertyFilterUpdate &fu = u.filterSet.at(0);
    QCOMPARE(fu.filter, moref(u"PropertyFilter"_s, u"session[52c4...]52f0..."_s));
    QCOMPARE(fu.objectSet.size(), 1);
    const ObjectUpdate &ou = fu.objectSet.at(0);
    QVERIFY(ou.kind == ObjectUpdateKind::Value::Enter);
    QCOMPARE(ou.obj.type, u"TaskHistoryCollector"_s);
    QCOMPARE(ou.changeSet.size(), 1);
    const PropertyChange &pc = ou.changeSet.at(0);
    QCOMPARE(pc.name, u"latestPage"_s);
    QVERIFY(pc.op == PropertyChangeOp::Value::Assign);
    QVERIFY(pc.val);
    QCOMPARE(pc.val->typeName(), u"ArrayOfTaskInfo"_s);
    QCOMPARE(pc.val->toDisplayString(), u"[1 items]"_s);
    // When the page is read as TaskInfos, Then the elided example names its first gap
    const auto page = fromAny<QList<TaskInfo>>(*pc.val);
    QVERIFY(!page.ok());
    QCOMPARE(page.error().toString(), u"ArrayOfTaskInfo._value[0].task: missing"_s);
}

void TestVimCodec::updateSetListView()
{
    const auto u = decodeExample<UpdateSet>(u"updateset-listview.json"_s);
    QCOMPARE(u.filterSet.size(), 1);
    const auto &objects = u.filterSet.at(0).objectSet;
    QCOMPARE(objects.size(), 2);
    QCOMPARE(objects.at(0).obj, moref(u"Task"_s, u"task-101"_s));
    QCOMPARE(objects.at(1).obj, moref(u"Task"_s, u"task-102"_s));
    const PropertyChange &pc = objects.at(0).changeSet.at(0);
    QCOMPARE(pc.name, u"info"_s);
    QVERIFY(!pc.val->isBoxed());
    QCOMPARE(pc.val->typeName(), u"TaskInfo"_s);
    QCOMPARE(pc.val->value().toObject().value(u"progress"_s).toInt(), 40);
    const auto info = fromAny<TaskInfo>(*pc.val);
    QCOMPARE(info.error().toString(), u"TaskInfo.task: missing"_s);
}

void TestVimCodec::createFilterSpecs()
{
    // §7.5: a ListView traversal with a named TraversalSpec
    const auto lv = decodeExample<PropertyFilterSpec>(u"createfilter-listview.json"_s, u"spec"_s);
    QCOMPARE(lv.propSet.size(), 1);
    QCOMPARE(lv.propSet.at(0).type, u"Task"_s);
    QCOMPARE(lv.propSet.at(0).pathSet, QList<QString>{u"info"_s});
    QCOMPARE(lv.reportMissingObjectsInResults, true);
    const ObjectSpec &os = lv.objectSet.at(0);
    QCOMPARE(os.skip, true);
    QCOMPARE(os.selectSet.size(), 1);
    QVERIFY(os.selectSet.at(0).isTraversal());
    QCOMPARE(os.selectSet.at(0),
             SelectionSpec::traversal(u"ListView"_s, u"view"_s, u"view"_s, false));
    // §8.5 govc: two object specs, the second without selectSet or skip
    const auto govc = decodeExample<PropertyFilterSpec>(u"govc-createfilter.json"_s, u"spec"_s);
    QCOMPARE(govc.propSet.size(), 2);
    QCOMPARE(govc.propSet.at(1).pathSet, QList<QString>{u"recentTask"_s});
    QCOMPARE(govc.objectSet.size(), 2);
    QCOMPARE(govc.objectSet.at(0).selectSet.at(0),
             SelectionSpec::traversal(u"ListView"_s, u"view"_s));
    QCOMPARE(govc.objectSet.at(1).obj, moref(u"TaskManager"_s, u"TaskManager"_s));
    QVERIFY(!govc.objectSet.at(1).skip);
    QVERIFY(!govc.reportMissingObjectsInResults);
    // §7.4: latestPage of a collector
    const auto lp = decodeExample<PropertyFilterSpec>(u"createfilter-latestpage.json"_s, u"spec"_s);
    QCOMPARE(lp.propSet.at(0).pathSet, QList<QString>{u"latestPage"_s});
    // and the govc collector filter with a nanosecond beginTime
    const auto tf =
        decodeExample<TaskFilterSpec>(u"govc-createcollectorfortasks.json"_s, u"filter"_s);
    QCOMPARE(tf.time->beginTime, utc(10, 0, 0, 123));
}

void TestVimCodec::retrievePropertiesRequest()
{
    const auto specs = decodeExample<QList<PropertyFilterSpec>>(
        u"retrievepropertiesex-request.json"_s, u"specSet"_s);
    QCOMPARE(specs.size(), 1);
    QCOMPARE(specs.at(0).propSet.at(0).pathSet,
             (QList<QString>{u"info.state"_s, u"info.progress"_s}));
    QCOMPARE(specs.at(0).objectSet.at(0).skip, false);
    const auto options =
        decodeExample<RetrieveOptions>(u"retrievepropertiesex-request.json"_s, u"options"_s);
    QCOMPARE(options.maxObjects, 100);
    const auto govcOptions =
        decodeExample<RetrieveOptions>(u"govc-retrievepropertiesex.json"_s, u"options"_s);
    QVERIFY(!govcOptions.maxObjects);
    const auto wait = decodeExample<WaitOptions>(u"waitforupdatesex-request.json"_s, u"options"_s);
    QCOMPARE(wait.maxWaitSeconds, 60);
    QCOMPARE(wait.maxObjectUpdates, 100);
}

void TestVimCodec::retrieveResult()
{
    const auto r = decodeExample<RetrieveResult>(u"retrieveresult.json"_s);
    QVERIFY(!r.token);
    QCOMPARE(r.objects.size(), 1);
    const ObjectContent &oc = r.objects.at(0);
    QCOMPARE(oc.obj, moref(u"Task"_s, u"task-101"_s));
    QCOMPARE(oc.propSet.size(), 2);
    QCOMPARE(oc.propSet.at(0).name, u"info.progress"_s);
    QCOMPARE(fromAny<qint32>(oc.propSet.at(0).val).value(), 40);
    QCOMPARE(oc.propSet.at(1).name, u"info.state"_s);
    QCOMPARE(oc.propSet.at(1).val.typeName(), u"TaskInfoState"_s);
    QVERIFY(fromAny<TaskInfoState>(oc.propSet.at(1).val).value() == TaskInfoState::Value::Running);
}

void TestVimCodec::bareValues()
{
    // §1.2/§1.3: primitives and arrays come back bare, not boxed
    QCOMPARE(parse<qint32>(example(u"get-maxcollector.json"_s)).value(), 32);
    QCOMPARE(parse<QDateTime>(example(u"currenttime-response.json"_s)).value(), utc(10, 0, 0, 123));
    QCOMPARE(parse<bool>("true").value(), true);
    QCOMPARE(parse<QList<ManagedObjectReference>>(example(u"get-recenttask.json"_s)).value(),
             QList<ManagedObjectReference>{moref(u"Task"_s, u"task-101"_s)});
    QCOMPARE(parse<QList<ManagedObjectReference>>("[]").value(), QList<ManagedObjectReference>{});
    QCOMPARE(parse<QString>(R"("abc")").value(), u"abc"_s);
}

void TestVimCodec::boxedValues_data()
{
    // §3.3 table and the captured examples from retrieveResult.json
    QTest::addColumn<QByteArray>("json");
    QTest::addColumn<QString>("typeName");
    QTest::addColumn<QString>("display");
    const auto row = [](const char *name, const char *json, const char *type, const char *disp) {
        QTest::newRow(name) << QByteArray(json) << QString::fromLatin1(type)
                            << QString::fromLatin1(disp);
    };
    row("boolean", R"({"_typeName":"boolean","_value":true})", "boolean", "true");
    row("byte", R"({"_typeName":"byte","_value":5})", "byte", "5");
    row("short", R"({"_typeName":"short","_value":5})", "short", "5");
    row("int", R"({"_typeName":"int","_value":5})", "int", "5");
    row("long", R"({"_typeName":"long","_value":5})", "long", "5");
    row("float", R"({"_typeName":"float","_value":1.5})", "float", "1.5");
    row("double", R"({"_typeName":"double","_value":1.5})", "double", "1.5");
    row("string", R"({"_typeName":"string","_value":"abc"})", "string", "abc");
    row("dateTime", R"({"_typeName":"dateTime","_value":"2024-05-01T10:00:00.123456Z"})",
        "dateTime", "2024-05-01T10:00:00.123456Z");
    row("anyURI", R"({"_typeName":"anyURI","_value":"https://vc.example/sdk"})", "anyURI",
        "https://vc.example/sdk");
    row("base64Binary", R"({"_typeName":"base64Binary","_value":"AAEC"})", "base64Binary", "AAEC");
    row("binary", R"({"_typeName":"binary","_value":"AAEC"})", "binary", "AAEC");
    row("TypeName", R"({"_typeName":"TypeName","_value":"VirtualMachine"})", "TypeName",
        "VirtualMachine");
    row("PropertyPath", R"({"_typeName":"PropertyPath","_value":"info.state"})", "PropertyPath",
        "info.state");
    row("MethodName", R"({"_typeName":"MethodName","_value":"PowerOnVM_Task"})", "MethodName",
        "PowerOnVM_Task");
    row("enum TaskInfoState", R"({"_typeName":"TaskInfoState","_value":"running"})",
        "TaskInfoState", "running");
    row("captured boolean", R"({"_typeName":"boolean","_value":true})", "boolean", "true");
    row("captured ArrayOfString",
        R"({"_typeName":"ArrayOfString","_value":["Folder","Datacenter"]})", "ArrayOfString",
        "[2 items]");
    row("captured ManagedEntityStatus", R"({"_typeName":"ManagedEntityStatus","_value":"gray"})",
        "ManagedEntityStatus", "gray");
    row("captured ArrayOfManagedObjectReference",
        R"({"_typeName":"ArrayOfManagedObjectReference","_value":[{"_typeName":"ManagedObjectReference","value":"task-186","type":"Task"}]})",
        "ArrayOfManagedObjectReference", "[1 items]");
    row("captured ArrayOfCustomFieldDef", R"({"_typeName":"ArrayOfCustomFieldDef","_value":[]})",
        "ArrayOfCustomFieldDef", "[0 items]");
    row("inline MoRef",
        R"({"_typeName":"ManagedObjectReference","type":"VirtualMachine","value":"vm-42"})",
        "ManagedObjectReference", "VirtualMachine:vm-42");
}

void TestVimCodec::boxedValues()
{
    QFETCH(QByteArray, json);
    QFETCH(QString, typeName);
    QFETCH(QString, display);
    // Given a value in an anyType position, When decoded
    const auto any = parse<AnyValue>(json);
    QVERIFY2(any.ok(), qPrintable(any.error().toString()));
    // Then its wire type name and value are kept, and it encodes back to the same JSON
    QCOMPARE(any->typeName(), typeName);
    QCOMPARE(any->toDisplayString(), display);
    QCOMPARE(encode(any.value()), parsed(json));
}

void TestVimCodec::boxedValuesEncodeAsBoxes()
{
    // Given typed values, When put in an anyType position, Then §3.3's boxes come out
    const auto json = [](const AnyValue &a) {
        return QJsonDocument(a.toJson().toObject()).toJson(QJsonDocument::Compact);
    };
    QCOMPARE(json(toAny(qint32(40))), R"({"_typeName":"int","_value":40})");
    QCOMPARE(json(toAny(Q_INT64_C(9007199254740993))),
             R"({"_typeName":"long","_value":9007199254740993})");
    QCOMPARE(json(toAny(true)), R"({"_typeName":"boolean","_value":true})");
    QCOMPARE(json(toAny(u"done"_s)), R"({"_typeName":"string","_value":"done"})");
    QCOMPARE(json(toAny(QList<QString>{u"a"_s})),
             R"({"_typeName":"ArrayOfString","_value":["a"]})");
    QCOMPARE(json(toAny(TaskInfoState(TaskInfoState::Value::Running))),
             R"({"_typeName":"TaskInfoState","_value":"running"})");
    QCOMPARE(json(toAny(moref(u"VirtualMachine"_s, u"vm-42"_s))),
             R"({"_typeName":"ManagedObjectReference","type":"VirtualMachine","value":"vm-42"})");
    QCOMPARE(
        json(toAny(QList<ManagedObjectReference>{moref(u"Task"_s, u"task-1"_s)})),
        R"({"_typeName":"ArrayOfManagedObjectReference","_value":[{"_typeName":"ManagedObjectReference","type":"Task","value":"task-1"}]})");
    QCOMPARE(json(toAny(utc(10, 0, 0, 123))),
             R"({"_typeName":"dateTime","_value":"2024-05-01T10:00:00.123000Z"})");
}

void TestVimCodec::extensionRoundTrip()
{
    // Given a §10 Extension with task types and a `task` resource module
    const QByteArray json = R"({"_typeName":"Extension","key":"com.example.backup",
        "description":{"_typeName":"Description","label":"Backup","summary":"Backs up VMs"},
        "version":"1.0","lastHeartbeatTime":"2024-05-01T10:00:00Z",
        "taskList":[{"_typeName":"ExtensionTaskTypeInfo","taskID":"com.example.backup.run"}],
        "resourceList":[{"_typeName":"ExtensionResourceInfo","locale":"de","module":"task",
            "data":[{"_typeName":"KeyValue","key":"com.example.backup.run.label","value":"Sichern"}]}]})";
    // When decoded
    const auto e = parse<Extension>(json);
    QVERIFY2(e.ok(), qPrintable(e.error().toString()));
    // Then the labels resolve per locale and the value round-trips
    QCOMPARE(e->taskList.at(0).taskID, u"com.example.backup.run"_s);
    QCOMPARE(e->taskLabel(u"com.example.backup.run"_s, u"de_DE"_s), u"Sichern"_s);
    QVERIFY(!e->taskLabel(u"com.example.backup.run"_s, u"fr"_s));
    QVERIFY(!e->company);
    const QString problem = roundTrip<Extension>(parsed(json));
    QVERIFY2(problem.isEmpty(), qPrintable(problem));
}

void TestVimCodec::taskReasonSubtypesRoundTrip()
{
    // Given each §5.2 subtype, When encoded and decoded, Then it comes back unchanged
    const QList<TaskReason> reasons{
        TaskReason::user(u"alice"_s), TaskReason::system(),
        TaskReason::alarmReason(u"cpu"_s, moref(u"Alarm"_s, u"alarm-1"_s), u"web-01"_s,
                                moref(u"VirtualMachine"_s, u"vm-42"_s)),
        TaskReason::schedule(u"nightly"_s, moref(u"ScheduledTask"_s, u"schedule-1"_s))};
    for (const TaskReason &r : reasons) {
        const QString problem = roundTrip<TaskReason>(encode(r));
        QVERIFY2(problem.isEmpty(), qPrintable(r.typeName + u": "_s + problem));
        QCOMPARE(decode<TaskReason>(encode(r)).value(), r);
    }
}

QTEST_GUILESS_MAIN(TestVimCodec)
#include "tst_vimcodec.moc"
