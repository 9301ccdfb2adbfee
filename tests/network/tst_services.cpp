#include "await.h"
#include "fakevcenter.h"
#include "scriptedserver.h"

#include <extensionmanager.h>
#include <propertycollector.h>
#include <serviceinstance.h>
#include <sessionmanager.h>
#include <task.h>
#include <taskhistorycollector.h>
#include <taskmanager.h>
#include <viewmanager.h>

#include <QJsonDocument>
#include <QTest>

using vim::ManagedObjectReference;

namespace {

// ---- Wire fixtures (shapes from vi-json-protocol.md) ------------------------------------------

QByteArray moref(const char *type, const QByteArray &value)
{
    return R"({"_typeName":"ManagedObjectReference","type":")" + QByteArray(type) +
           R"(","value":")" + value + R"("})";
}

const QByteArray kCollector = "session[52c4e3d1-0001]52a9f0c2-0002";
const QByteArray kPrivateCollector = "session[52c4e3d1-0001]5271";
const QByteArray kFilter = "session[52c4e3d1-0001]52f0";
const QByteArray kListView = "session[52c4e3d1-0001]5301";

const QByteArray kTaskInfo = R"({"_typeName":"TaskInfo","key":"task-101",
 "task":{"_typeName":"ManagedObjectReference","type":"Task","value":"task-101"},
 "name":"PowerOnVM_Task","descriptionId":"VirtualMachine.powerOn",
 "entity":{"_typeName":"ManagedObjectReference","type":"VirtualMachine","value":"vm-42"},"entityName":"web-01",
 "state":"running","cancelled":false,"cancelable":true,"progress":40,
 "reason":{"_typeName":"TaskReasonUser","userName":"VSPHERE.LOCAL\\Administrator"},
 "queueTime":"2024-05-01T10:00:00.123456Z","startTime":"2024-05-01T10:00:00.234567Z","eventChainId":1234})";

const QByteArray kTaskDescription = R"({"_typeName":"TaskDescription",
 "methodInfo":[{"_typeName":"ElementDescription","label":"Power On virtual machine","summary":"Power On this virtual machine","key":"VirtualMachine.powerOn"}],
 "state":[{"_typeName":"ElementDescription","label":"Queued","summary":"Task is queued","key":"queued"}],
 "reason":[{"_typeName":"TypeDescription","label":"User task","summary":"Task started by a specific user","key":"TaskReasonUser"}]})";

const QByteArray kFilterSpecJson =
    R"({"_typeName":"TaskFilterSpec","entity":{"_typeName":"TaskFilterSpecByEntity",
  "entity":{"_typeName":"ManagedObjectReference","type":"Folder","value":"group-d1"},"recursion":"all"},
  "time":{"_typeName":"TaskFilterSpecByTime","timeType":"startedTime","beginTime":"2024-05-01T09:50:00.000000Z"},
  "state":["queued","running"]})";

const QByteArray kUpdateSet = R"({"_typeName":"UpdateSet","version":"1",
 "filterSet":[{"_typeName":"PropertyFilterUpdate",
   "filter":{"_typeName":"ManagedObjectReference","type":"PropertyFilter","value":"session[52c4e3d1-0001]52f0"},
   "objectSet":[{"_typeName":"ObjectUpdate","kind":"enter",
     "obj":{"_typeName":"ManagedObjectReference","type":"TaskHistoryCollector","value":"session[52c4e3d1-0001]52a9f0c2-0002"},
     "changeSet":[{"_typeName":"PropertyChange","name":"latestPage","op":"assign",
       "val":{"_typeName":"ArrayOfTaskInfo","_value":[]}}]}]}]})";

const QByteArray kRetrieveResult =
    R"({"_typeName":"RetrieveResult","token":"t1","objects":[{"_typeName":"ObjectContent",
   "obj":{"_typeName":"ManagedObjectReference","value":"task-101","type":"Task"},
   "propSet":[{"_typeName":"DynamicProperty","name":"info.progress","val":{"_typeName":"int","_value":40}},
              {"_typeName":"DynamicProperty","name":"info.state","val":{"_typeName":"TaskInfoState","_value":"running"}}]}]})";

const QByteArray kPropertyFilterSpec = R"({"_typeName":"PropertyFilterSpec",
  "propSet":[{"_typeName":"PropertySpec","type":"Task","pathSet":["info"]}],
  "objectSet":[{"_typeName":"ObjectSpec",
     "obj":{"_typeName":"ManagedObjectReference","type":"ListView","value":"session[52c4e3d1-0001]5301"},
     "skip":true,
     "selectSet":[{"_typeName":"TraversalSpec","name":"view","type":"ListView","path":"view","skip":false}]}],
  "reportMissingObjectsInResults":true})";

const QByteArray kExtension = R"({"_typeName":"Extension",
 "description":{"_typeName":"Description","label":"Backup","summary":"Backup tasks"},
 "key":"com.example.backup","company":"Example","version":"1.0",
 "taskList":[{"_typeName":"ExtensionTaskTypeInfo","taskID":"com.example.backup.run"}],
 "resourceList":[{"_typeName":"ExtensionResourceInfo","locale":"en","module":"task",
   "data":[{"_typeName":"KeyValue","key":"com.example.backup.run.label","value":"Run backup"}]}],
 "lastHeartbeatTime":"2024-05-01T10:00:00Z"})";

QByteArray fault(const char *typeName, const char *extra = "")
{
    return R"({"_typeName":")" + QByteArray(typeName) + '"' + QByteArray(extra) +
           R"(,"faultstring":"server says )" + QByteArray(typeName) + R"("})";
}

// ---- Typed values the calls are made with -----------------------------------------------------

ManagedObjectReference ref(const char *type, const QByteArray &value)
{
    return {QLatin1String(type), QString::fromLatin1(value)};
}

vim::TaskFilterSpec filterSpec()
{
    return vim::decode<vim::TaskFilterSpec>(QJsonDocument::fromJson(kFilterSpecJson).object())
        .value();
}

vim::PropertyFilterSpec propertyFilterSpec()
{
    return vim::decode<vim::PropertyFilterSpec>(
               QJsonDocument::fromJson(kPropertyFilterSpec).object())
        .value();
}

// ---- Rendering results as short strings -------------------------------------------------------

QString errorText(const VimError &e)
{
    if (e.kind == VimError::Kind::Fault)
        return QStringLiteral("fault ") + e.toString();
    return QStringLiteral("error %1: %2").arg(int(e.kind)).arg(e.message);
}

QString text(const ManagedObjectReference &r)
{
    return r.toString();
}
QString text(const QList<ManagedObjectReference> &list)
{
    QStringList out;
    for (const auto &r : list)
        out.append(r.toString());
    return QLatin1Char('[') + out.join(QLatin1Char(',')) + QLatin1Char(']');
}
QString text(const vim::TaskInfo &i)
{
    return i.key + QLatin1Char(' ') + i.state.toString() + QLatin1Char(' ') +
           QString::number(i.progress.value_or(-1));
}
QString text(const QList<vim::TaskInfo> &list)
{
    QStringList out;
    for (const auto &i : list)
        out.append(text(i));
    return QLatin1Char('[') + out.join(QLatin1Char(',')) + QLatin1Char(']');
}
QString text(const vim::UserSession &s)
{
    return s.userName + QLatin1Char(' ') + s.loginTime.toString(Qt::ISODateWithMs);
}
QString text(const vim::ServiceContent &c)
{
    return c.about.apiVersion + QLatin1Char(' ') + c.rootFolder.toString();
}
QString text(const QDateTime &t)
{
    return t.toString(Qt::ISODateWithMs);
}
QString text(qint32 i)
{
    return QString::number(i);
}
QString text(bool b)
{
    return b ? QStringLiteral("true") : QStringLiteral("false");
}
QString text(const vim::TaskDescription &d)
{
    return d.methodInfo.value(0).key + QLatin1Char('=') + d.methodInfo.value(0).label;
}
QString text(const vim::TaskFilterSpec &f)
{
    return f.entity
               ? f.entity->entity.toString() + QLatin1Char(' ') + f.entity->recursion.toString()
               : QStringLiteral("no entity");
}
QString text(const vim::PropertyFilterSpec &s)
{
    return s.objectSet.value(0).obj.toString() + QLatin1Char(' ') + s.propSet.value(0).type;
}
QString text(const vim::UpdateSet &u)
{
    const auto &object = u.filterSet.value(0).objectSet.value(0);
    return u.version + QLatin1Char(' ') + object.kind.toString() + QLatin1Char(' ') +
           object.obj.toString();
}
QString text(const vim::RetrieveResult &r)
{
    const auto &object = r.objects.value(0);
    return r.token.value_or(QString()) + QLatin1Char(' ') + object.obj.toString() +
           QLatin1Char(' ') + object.propSet.value(0).val.toDisplayString();
}
QString text(const vim::Extension &e)
{
    return e.key + QLatin1Char(' ') +
           e.taskLabel(QStringLiteral("com.example.backup.run"), QStringLiteral("de"))
               .value_or(QString());
}
QString text(const QList<vim::Extension> &list)
{
    return QString::number(list.size()) + QLatin1Char(' ') +
           (list.isEmpty() ? QString() : text(list.first()));
}
template<typename T>
QString text(const std::optional<T> &o)
{
    return o ? text(*o) : QStringLiteral("unset");
}

/// Waits for the call and renders its result: the value, "ok" for void, or the error.
template<typename T>
QString outcome(const Pending<T> &pending)
{
    const VimResult<T> r = await(pending);
    if (!r)
        return errorText(r.error());
    if constexpr (std::is_void_v<T>)
        return QStringLiteral("ok");
    else
        return text(r.value());
}

/// What a call should render as; literals or built strings (QT_NO_CAST_FROM_ASCII).
struct Expected
{
    Expected(const char *text)
        : value(QString::fromUtf8(text))
    {}
    template<typename T>
    requires std::is_convertible_v<T &&, QString> Expected(T &&text)
        : value(std::forward<T>(text))
    {}
    QString value;
};

struct Case
{
    const char *name;
    QByteArray method;
    QByteArray path; ///< after /sdk/vim25/{release}/
    QByteArray body; ///< expected request JSON; empty for GET
    HttpResponse response;
    std::function<QString(VimConnection *)> call;
    Expected expected;
};

QList<Case> cases()
{
    using namespace svc;
    const auto si = [](VimConnection *c) {
        return ServiceInstance(c);
    };
    const auto sm = [](VimConnection *c) {
        return SessionManager(c, ref("SessionManager", "SessionManager"));
    };
    const auto tm = [](VimConnection *c) {
        return TaskManager(c, ref("TaskManager", "TaskManager"));
    };
    const auto task = [](VimConnection *c) {
        return Task(c, ref("Task", "task-101"));
    };
    const auto thc = [](VimConnection *c) {
        return TaskHistoryCollector(c, ref("TaskHistoryCollector", kCollector));
    };
    const auto pc = [](VimConnection *c) {
        return PropertyCollector(c, ref("PropertyCollector", "propertyCollector"));
    };
    const auto ppc = [](VimConnection *c) {
        return PropertyCollector(c, ref("PropertyCollector", kPrivateCollector));
    };
    const auto pf = [](VimConnection *c) {
        return PropertyFilter(c, ref("PropertyFilter", kFilter));
    };
    const auto vm = [](VimConnection *c) {
        return ViewManager(c, ref("ViewManager", "ViewManager"));
    };
    const auto lv = [](VimConnection *c) {
        return View(c, ref("ListView", kListView));
    };
    const auto em = [](VimConnection *c) {
        return ExtensionManager(c, ref("ExtensionManager", "ExtensionManager"));
    };
    const QString collectorRef =
        QStringLiteral("TaskHistoryCollector:") + QString::fromLatin1(kCollector);
    const QByteArray twoTasks =
        '[' + moref("Task", "task-101") + ',' + moref("Task", "task-102") + ']';
    const QString twoTasksText = QStringLiteral("[Task:task-101,Task:task-102]");

    return {
        // ServiceInstance
        {"ServiceInstance.content",
         "GET",
         "ServiceInstance/ServiceInstance/content",
         {},
         HttpResponse::ok(FakeVCenter::serviceContentJson(QStringLiteral("8.0.2.0"))),
         [si](VimConnection *c) { return outcome(si(c).content()); },
         "8.0.2.0 Folder:group-d1"},
        {"ServiceInstance.RetrieveServiceContent", "POST",
         "ServiceInstance/ServiceInstance/RetrieveServiceContent", "{}",
         HttpResponse::ok(FakeVCenter::serviceContentJson(QStringLiteral("8.0.2.0"))),
         [si](VimConnection *c) { return outcome(si(c).retrieveServiceContent()); },
         "8.0.2.0 Folder:group-d1"},
        {"ServiceInstance.CurrentTime", "POST", "ServiceInstance/ServiceInstance/CurrentTime", "{}",
         HttpResponse::ok(R"("2024-05-01T10:00:00.123456Z")"),
         [si](VimConnection *c) { return outcome(si(c).currentTime()); },
         "2024-05-01T10:00:00.123Z"},

        // SessionManager
        {"SessionManager.Login", "POST", "SessionManager/SessionManager/Login",
         R"({"userName":"alice","password":"pw","locale":"de"})",
         HttpResponse::ok(FakeVCenter::userSessionJson(QStringLiteral("alice@vsphere.local"))),
         [sm](VimConnection *c) {
             return outcome(
                 sm(c).login(QStringLiteral("alice"), QStringLiteral("pw"), QStringLiteral("de")));
         },
         "alice@vsphere.local 2024-05-01T10:00:00.123Z"},
        {"SessionManager.Login, no locale", "POST", "SessionManager/SessionManager/Login",
         R"({"userName":"alice","password":"pw"})", HttpResponse::fault(fault("InvalidLogin")),
         [sm](VimConnection *c) {
             return outcome(sm(c).login(QStringLiteral("alice"), QStringLiteral("pw")));
         },
         "fault InvalidLogin: server says InvalidLogin"},
        {"SessionManager.Logout", "POST", "SessionManager/SessionManager/Logout", "{}",
         HttpResponse::noContent(), [sm](VimConnection *c) { return outcome(sm(c).logout()); },
         "ok"},
        {"SessionManager.currentSession",
         "GET",
         "SessionManager/SessionManager/currentSession",
         {},
         HttpResponse::ok(FakeVCenter::userSessionJson(QStringLiteral("root"))),
         [sm](VimConnection *c) { return outcome(sm(c).currentSession()); },
         "root 2024-05-01T10:00:00.123Z"},
        {"SessionManager.currentSession, 204",
         "GET",
         "SessionManager/SessionManager/currentSession",
         {},
         HttpResponse::noContent(),
         [sm](VimConnection *c) { return outcome(sm(c).currentSession()); },
         "unset"},
        {"SessionManager.currentSession, null",
         "GET",
         "SessionManager/SessionManager/currentSession",
         {},
         HttpResponse::ok("null"),
         [sm](VimConnection *c) { return outcome(sm(c).currentSession()); },
         "unset"},
        {"SessionManager.TerminateSession", "POST",
         "SessionManager/SessionManager/TerminateSession", R"({"sessionId":["s1","s2"]})",
         HttpResponse::noContent(),
         [sm](VimConnection *c) {
             return outcome(sm(c).terminateSession({QStringLiteral("s1"), QStringLiteral("s2")}));
         },
         "ok"},
        {"SessionManager.TerminateSession, NotFound", "POST",
         "SessionManager/SessionManager/TerminateSession", R"({"sessionId":["gone"]})",
         HttpResponse::fault(fault("NotFound")),
         [sm](VimConnection *c) {
             return outcome(sm(c).terminateSession({QStringLiteral("gone")}));
         },
         "fault NotFound: server says NotFound"},

        // TaskManager
        {"TaskManager.recentTask",
         "GET",
         "TaskManager/TaskManager/recentTask",
         {},
         HttpResponse::ok(twoTasks),
         [tm](VimConnection *c) { return outcome(tm(c).recentTask()); },
         twoTasksText},
        {"TaskManager.recentTask, []",
         "GET",
         "TaskManager/TaskManager/recentTask",
         {},
         HttpResponse::ok("[]"),
         [tm](VimConnection *c) { return outcome(tm(c).recentTask()); },
         "[]"},
        {"TaskManager.recentTask, 204",
         "GET",
         "TaskManager/TaskManager/recentTask",
         {},
         HttpResponse::noContent(),
         [tm](VimConnection *c) { return outcome(tm(c).recentTask()); },
         "[]"},
        {"TaskManager.description",
         "GET",
         "TaskManager/TaskManager/description",
         {},
         HttpResponse::ok(kTaskDescription),
         [tm](VimConnection *c) { return outcome(tm(c).description()); },
         "VirtualMachine.powerOn=Power On virtual machine"},
        {"TaskManager.maxCollector",
         "GET",
         "TaskManager/TaskManager/maxCollector",
         {},
         HttpResponse::ok("32"),
         [tm](VimConnection *c) { return outcome(tm(c).maxCollector()); },
         "32"},
        {"TaskManager.maxCollector, string",
         "GET",
         "TaskManager/TaskManager/maxCollector",
         {},
         HttpResponse::ok(R"("32")"),
         [tm](VimConnection *c) { return outcome(tm(c).maxCollector()); },
         "error 6: The server sent an unexpected answer to TaskManager/TaskManager/maxCollector "
         "(int: expected integer, got string)."},
        {"TaskManager.CreateTask", "POST", "TaskManager/TaskManager/CreateTask",
         R"({"obj":)" + moref("VirtualMachine", "vm-42") +
             R"(,"taskTypeId":"com.example.backup.run","initiatedBy":"alice","cancelable":true,"parentTaskKey":"task-7"})",
         HttpResponse::ok(kTaskInfo),
         [tm](VimConnection *c) {
             TaskManager::CreateTaskArgs args;
             args.obj = ref("VirtualMachine", "vm-42");
             args.taskTypeId = QStringLiteral("com.example.backup.run");
             args.initiatedBy = QStringLiteral("alice");
             args.cancelable = true;
             args.parentTaskKey = QStringLiteral("task-7");
             return outcome(tm(c).createTask(args));
         },
         "task-101 running 40"},
        {"TaskManager.CreateTask, InvalidArgument", "POST", "TaskManager/TaskManager/CreateTask",
         R"({"obj":)" + moref("Folder", "group-d1") + R"(,"taskTypeId":"nope","cancelable":false})",
         HttpResponse::fault(fault("InvalidArgument", R"(,"invalidProperty":"taskType")")),
         [tm](VimConnection *c) {
             TaskManager::CreateTaskArgs args;
             args.obj = ref("Folder", "group-d1");
             args.taskTypeId = QStringLiteral("nope");
             return outcome(tm(c).createTask(args));
         },
         "fault InvalidArgument: server says InvalidArgument"},
        {"TaskManager.CreateCollectorForTasks", "POST",
         "TaskManager/TaskManager/CreateCollectorForTasks", R"({"filter":)" + kFilterSpecJson + '}',
         HttpResponse::ok(moref("TaskHistoryCollector", kCollector)),
         [tm](VimConnection *c) { return outcome(tm(c).createCollectorForTasks(filterSpec())); },
         collectorRef},
        {"TaskManager.CreateCollectorForTasks, InvalidState", "POST",
         "TaskManager/TaskManager/CreateCollectorForTasks",
         R"({"filter":{"_typeName":"TaskFilterSpec"}})", HttpResponse::fault(fault("InvalidState")),
         [tm](VimConnection *c) { return outcome(tm(c).createCollectorForTasks({})); },
         "fault InvalidState: server says InvalidState"},
        {"TaskManager.CreateCollectorWithInfoFilterForTasks", "POST",
         "TaskManager/TaskManager/CreateCollectorWithInfoFilterForTasks",
         R"({"filter":)" + kFilterSpecJson +
             R"(,"infoFilter":{"_typeName":"TaskInfoFilterSpec","filterTaskResults":{"_typeName":"TaskInfoFilterSpecFilterTaskResults","removeAll":true}}})",
         HttpResponse::ok(moref("TaskHistoryCollector", kCollector)),
         [tm](VimConnection *c) {
             vim::TaskInfoFilterSpec info;
             info.filterTaskResults =
                 vim::TaskInfoFilterSpecFilterTaskResults{true, {}, std::nullopt};
             return outcome(tm(c).createCollectorWithInfoFilterForTasks(filterSpec(), info));
         },
         collectorRef},
        {"TaskManager.CreateCollectorWithInfoFilterForTasks, no info filter", "POST",
         "TaskManager/TaskManager/CreateCollectorWithInfoFilterForTasks",
         R"({"filter":{"_typeName":"TaskFilterSpec"}})",
         HttpResponse::ok(moref("TaskHistoryCollector", kCollector)),
         [tm](VimConnection *c) {
             return outcome(tm(c).createCollectorWithInfoFilterForTasks({}, std::nullopt));
         },
         collectorRef},

        // Task
        {"Task.info",
         "GET",
         "Task/task-101/info",
         {},
         HttpResponse::ok(kTaskInfo),
         [task](VimConnection *c) { return outcome(task(c).info()); },
         "task-101 running 40"},
        {"Task.info, ManagedObjectNotFound",
         "GET",
         "Task/task-101/info",
         {},
         HttpResponse::fault(
             R"({"_typeName":"ManagedObjectNotFound","obj":)" + moref("Task", "task-101") +
             R"(,"faultstring":"The object 'vim.Task:task-101' has already been deleted or has not been completely created"})"),
         [task](VimConnection *c) { return outcome(task(c).info()); },
         "fault ManagedObjectNotFound: The object 'vim.Task:task-101' has already been deleted or "
         "has not been completely created"},
        {"Task.CancelTask", "POST", "Task/task-101/CancelTask", "{}", HttpResponse::noContent(),
         [task](VimConnection *c) { return outcome(task(c).cancelTask()); }, "ok"},
        {"Task.CancelTask, InvalidState", "POST", "Task/task-101/CancelTask", "{}",
         HttpResponse::fault(fault("InvalidState")),
         [task](VimConnection *c) { return outcome(task(c).cancelTask()); },
         "fault InvalidState: server says InvalidState"},
        {"Task.CancelTask, NotSupported", "POST", "Task/task-101/CancelTask", "{}",
         HttpResponse::fault(fault("NotSupported")),
         [task](VimConnection *c) { return outcome(task(c).cancelTask()); },
         "fault NotSupported: server says NotSupported"},
        {"Task.UpdateProgress", "POST", "Task/task-101/UpdateProgress", R"({"percentDone":40})",
         HttpResponse::noContent(),
         [task](VimConnection *c) { return outcome(task(c).updateProgress(40)); }, "ok"},
        {"Task.SetTaskState, error", "POST", "Task/task-101/SetTaskState",
         R"({"state":"error","fault":{"_typeName":"SystemError","reason":"backend unavailable"}})",
         HttpResponse::noContent(),
         [task](VimConnection *c) {
             const auto f = vim::MethodFault::make(
                 QStringLiteral("SystemError"), {},
                 QJsonObject{{QStringLiteral("reason"), QStringLiteral("backend unavailable")}});
             return outcome(
                 task(c).setTaskState(vim::TaskInfoState::Value::Error, std::nullopt, f));
         },
         "ok"},
        {"Task.SetTaskState, success", "POST", "Task/task-101/SetTaskState",
         R"({"state":"success","result":{"_typeName":"string","_value":"done"}})",
         HttpResponse::noContent(),
         [task](VimConnection *c) {
             return outcome(
                 task(c).setTaskState(vim::TaskInfoState::Value::Success,
                                      vim::AnyValue::fromString(QStringLiteral("done"))));
         },
         "ok"},
        {"Task.SetTaskState, InvalidState", "POST", "Task/task-101/SetTaskState",
         R"({"state":"running"})", HttpResponse::fault(fault("InvalidState")),
         [task](VimConnection *c) {
             return outcome(task(c).setTaskState(vim::TaskInfoState::Value::Running));
         },
         "fault InvalidState: server says InvalidState"},
        {"Task.SetTaskDescription", "POST", "Task/task-101/SetTaskDescription",
         R"({"description":{"_typeName":"LocalizableMessage","key":"com.example.copy","message":"Copying disk0"}})",
         HttpResponse::noContent(),
         [task](VimConnection *c) {
             vim::LocalizableMessage m;
             m.key = QStringLiteral("com.example.copy");
             m.message = QStringLiteral("Copying disk0");
             return outcome(task(c).setTaskDescription(m));
         },
         "ok"},

        // TaskHistoryCollector
        {"TaskHistoryCollector.filter",
         "GET",
         "TaskHistoryCollector/" + kCollector + "/filter",
         {},
         HttpResponse::ok(kFilterSpecJson),
         [thc](VimConnection *c) { return outcome(thc(c).filter()); },
         "Folder:group-d1 all"},
        {"TaskHistoryCollector.latestPage",
         "GET",
         "TaskHistoryCollector/" + kCollector + "/latestPage",
         {},
         HttpResponse::ok('[' + kTaskInfo + ']'),
         [thc](VimConnection *c) { return outcome(thc(c).latestPage()); },
         "[task-101 running 40]"},
        {"TaskHistoryCollector.ReadNextTasks", "POST",
         "TaskHistoryCollector/" + kCollector + "/ReadNextTasks", R"({"maxCount":10})",
         HttpResponse::ok('[' + kTaskInfo + ']'),
         [thc](VimConnection *c) { return outcome(thc(c).readNextTasks(10)); },
         "[task-101 running 40]"},
        {"TaskHistoryCollector.ReadNextTasks, end (empty body)", "POST",
         "TaskHistoryCollector/" + kCollector + "/ReadNextTasks", R"({"maxCount":10})",
         HttpResponse::emptyOk(),
         [thc](VimConnection *c) { return outcome(thc(c).readNextTasks(10)); }, "[]"},
        {"TaskHistoryCollector.ReadNextTasks, InvalidArgument", "POST",
         "TaskHistoryCollector/" + kCollector + "/ReadNextTasks", R"({"maxCount":0})",
         HttpResponse::fault(fault("InvalidArgument", R"(,"invalidProperty":"maxCount")")),
         [thc](VimConnection *c) { return outcome(thc(c).readNextTasks(0)); },
         "fault InvalidArgument: server says InvalidArgument"},
        {"TaskHistoryCollector.ReadPreviousTasks", "POST",
         "TaskHistoryCollector/" + kCollector + "/ReadPreviousTasks", R"({"maxCount":25})",
         HttpResponse::ok("[]"),
         [thc](VimConnection *c) { return outcome(thc(c).readPreviousTasks(25)); }, "[]"},
        {"TaskHistoryCollector.RewindCollector", "POST",
         "TaskHistoryCollector/" + kCollector + "/RewindCollector", "{}", HttpResponse::noContent(),
         [thc](VimConnection *c) { return outcome(thc(c).rewindCollector()); }, "ok"},
        {"TaskHistoryCollector.ResetCollector", "POST",
         "TaskHistoryCollector/" + kCollector + "/ResetCollector", "{}", HttpResponse::noContent(),
         [thc](VimConnection *c) { return outcome(thc(c).resetCollector()); }, "ok"},
        {"TaskHistoryCollector.SetCollectorPageSize", "POST",
         "TaskHistoryCollector/" + kCollector + "/SetCollectorPageSize", R"({"maxCount":50})",
         HttpResponse::noContent(),
         [thc](VimConnection *c) { return outcome(thc(c).setCollectorPageSize(50)); }, "ok"},
        {"TaskHistoryCollector.DestroyCollector", "POST",
         "TaskHistoryCollector/" + kCollector + "/DestroyCollector", "{}",
         HttpResponse::noContent(),
         [thc](VimConnection *c) { return outcome(thc(c).destroyCollector()); }, "ok"},

        // PropertyCollector
        {"PropertyCollector.CreatePropertyCollector", "POST",
         "PropertyCollector/propertyCollector/CreatePropertyCollector", "{}",
         HttpResponse::ok(moref("PropertyCollector", kPrivateCollector)),
         [pc](VimConnection *c) { return outcome(pc(c).createPropertyCollector()); },
         QStringLiteral("PropertyCollector:") + QString::fromLatin1(kPrivateCollector)},
        {"PropertyCollector.DestroyPropertyCollector", "POST",
         "PropertyCollector/" + kPrivateCollector + "/DestroyPropertyCollector", "{}",
         HttpResponse::noContent(),
         [ppc](VimConnection *c) { return outcome(ppc(c).destroyPropertyCollector()); }, "ok"},
        {"PropertyCollector.CreateFilter", "POST",
         "PropertyCollector/" + kPrivateCollector + "/CreateFilter",
         R"({"spec":)" + kPropertyFilterSpec + R"(,"partialUpdates":false})",
         HttpResponse::ok(moref("PropertyFilter", kFilter)),
         [ppc](VimConnection *c) {
             return outcome(ppc(c).createFilter(propertyFilterSpec(), false));
         },
         QStringLiteral("PropertyFilter:") + QString::fromLatin1(kFilter)},
        {"PropertyCollector.CreateFilter, InvalidProperty", "POST",
         "PropertyCollector/" + kPrivateCollector + "/CreateFilter",
         R"({"spec":)" + kPropertyFilterSpec + R"(,"partialUpdates":true})",
         HttpResponse::fault(fault("InvalidProperty", R"(,"name":"inf")")),
         [ppc](VimConnection *c) {
             return outcome(ppc(c).createFilter(propertyFilterSpec(), true));
         },
         "fault InvalidProperty: server says InvalidProperty"},
        {"PropertyCollector.filter",
         "GET",
         "PropertyCollector/" + kPrivateCollector + "/filter",
         {},
         HttpResponse::ok('[' + moref("PropertyFilter", kFilter) + ']'),
         [ppc](VimConnection *c) { return outcome(ppc(c).filter()); },
         QStringLiteral("[PropertyFilter:") + QString::fromLatin1(kFilter) + QLatin1Char(']')},
        {"PropertyCollector.WaitForUpdatesEx", "POST",
         "PropertyCollector/" + kPrivateCollector + "/WaitForUpdatesEx",
         R"({"version":"","options":{"_typeName":"WaitOptions","maxWaitSeconds":60,"maxObjectUpdates":100}})",
         HttpResponse::ok(kUpdateSet),
         [ppc](VimConnection *c) {
             return outcome(ppc(c).waitForUpdatesEx({}, vim::WaitOptions{60, 100}));
         },
         QStringLiteral("1 enter TaskHistoryCollector:") + QString::fromLatin1(kCollector)},
        {"PropertyCollector.WaitForUpdatesEx, timed out", "POST",
         "PropertyCollector/" + kPrivateCollector + "/WaitForUpdatesEx", R"({"version":"1"})",
         HttpResponse::emptyOk(),
         [ppc](VimConnection *c) {
             return outcome(ppc(c).waitForUpdatesEx(QStringLiteral("1"), std::nullopt));
         },
         "unset"},
        {"PropertyCollector.WaitForUpdatesEx, InvalidCollectorVersion", "POST",
         "PropertyCollector/" + kPrivateCollector + "/WaitForUpdatesEx", R"({"version":"x"})",
         HttpResponse::fault(fault("InvalidCollectorVersion")),
         [ppc](VimConnection *c) {
             return outcome(ppc(c).waitForUpdatesEx(QStringLiteral("x"), std::nullopt));
         },
         "fault InvalidCollectorVersion: server says InvalidCollectorVersion"},
        {"PropertyCollector.WaitForUpdatesEx, RequestCanceled", "POST",
         "PropertyCollector/" + kPrivateCollector + "/WaitForUpdatesEx", R"({"version":"2"})",
         HttpResponse::fault(fault("RequestCanceled")),
         [ppc](VimConnection *c) {
             return outcome(ppc(c).waitForUpdatesEx(QStringLiteral("2"), std::nullopt));
         },
         "fault RequestCanceled: server says RequestCanceled"},
        {"PropertyCollector.CancelWaitForUpdates", "POST",
         "PropertyCollector/" + kPrivateCollector + "/CancelWaitForUpdates", "{}",
         HttpResponse::noContent(),
         [ppc](VimConnection *c) { return outcome(ppc(c).cancelWaitForUpdates()); }, "ok"},
        {"PropertyCollector.RetrievePropertiesEx", "POST",
         "PropertyCollector/propertyCollector/RetrievePropertiesEx",
         R"({"specSet":[)" + kPropertyFilterSpec +
             R"(],"options":{"_typeName":"RetrieveOptions","maxObjects":100}})",
         HttpResponse::ok(kRetrieveResult),
         [pc](VimConnection *c) {
             return outcome(
                 pc(c).retrievePropertiesEx({propertyFilterSpec()}, vim::RetrieveOptions{100}));
         },
         "t1 Task:task-101 40"},
        {"PropertyCollector.RetrievePropertiesEx, nothing", "POST",
         "PropertyCollector/propertyCollector/RetrievePropertiesEx",
         R"({"specSet":[)" + kPropertyFilterSpec +
             R"(],"options":{"_typeName":"RetrieveOptions"}})",
         HttpResponse::noContent(),
         [pc](VimConnection *c) {
             return outcome(pc(c).retrievePropertiesEx({propertyFilterSpec()}));
         },
         "unset"},
        {"PropertyCollector.ContinueRetrievePropertiesEx", "POST",
         "PropertyCollector/propertyCollector/ContinueRetrievePropertiesEx", R"({"token":"t1"})",
         HttpResponse::ok(kRetrieveResult),
         [pc](VimConnection *c) {
             return outcome(pc(c).continueRetrievePropertiesEx(QStringLiteral("t1")));
         },
         "t1 Task:task-101 40"},
        {"PropertyCollector.ContinueRetrievePropertiesEx, InvalidArgument", "POST",
         "PropertyCollector/propertyCollector/ContinueRetrievePropertiesEx", R"({"token":"bad"})",
         HttpResponse::fault(fault("InvalidArgument", R"(,"invalidProperty":"token")")),
         [pc](VimConnection *c) {
             return outcome(pc(c).continueRetrievePropertiesEx(QStringLiteral("bad")));
         },
         "fault InvalidArgument: server says InvalidArgument"},
        {"PropertyCollector.CancelRetrievePropertiesEx", "POST",
         "PropertyCollector/propertyCollector/CancelRetrievePropertiesEx", R"({"token":"t1"})",
         HttpResponse::noContent(),
         [pc](VimConnection *c) {
             return outcome(pc(c).cancelRetrievePropertiesEx(QStringLiteral("t1")));
         },
         "ok"},

        // PropertyFilter
        {"PropertyFilter.spec",
         "GET",
         "PropertyFilter/" + kFilter + "/spec",
         {},
         HttpResponse::ok(kPropertyFilterSpec),
         [pf](VimConnection *c) { return outcome(pf(c).spec()); },
         QStringLiteral("ListView:") + QString::fromLatin1(kListView) + QStringLiteral(" Task")},
        {"PropertyFilter.partialUpdates",
         "GET",
         "PropertyFilter/" + kFilter + "/partialUpdates",
         {},
         HttpResponse::ok("false"),
         [pf](VimConnection *c) { return outcome(pf(c).partialUpdates()); },
         "false"},
        {"PropertyFilter.DestroyPropertyFilter", "POST",
         "PropertyFilter/" + kFilter + "/DestroyPropertyFilter", "{}", HttpResponse::noContent(),
         [pf](VimConnection *c) { return outcome(pf(c).destroyPropertyFilter()); }, "ok"},

        // ViewManager and ListView
        {"ViewManager.CreateListView", "POST", "ViewManager/ViewManager/CreateListView",
         R"({"obj":)" + twoTasks + '}', HttpResponse::ok(moref("ListView", kListView)),
         [vm](VimConnection *c) {
             return outcome(
                 vm(c).createListView({ref("Task", "task-101"), ref("Task", "task-102")}));
         },
         QStringLiteral("ListView:") + QString::fromLatin1(kListView)},
        {"ViewManager.CreateListView, empty", "POST", "ViewManager/ViewManager/CreateListView",
         "{}", HttpResponse::ok(moref("ListView", kListView)),
         [vm](VimConnection *c) { return outcome(vm(c).createListView()); },
         QStringLiteral("ListView:") + QString::fromLatin1(kListView)},
        {"ViewManager.CreateContainerView", "POST", "ViewManager/ViewManager/CreateContainerView",
         R"({"container":)" + moref("Folder", "group-d1") +
             R"(,"type":["VirtualMachine"],"recursive":true})",
         HttpResponse::ok(moref("ContainerView", "session[52c4e3d1-0001]5400")),
         [vm](VimConnection *c) {
             return outcome(vm(c).createContainerView(ref("Folder", "group-d1"),
                                                      {QStringLiteral("VirtualMachine")}, true));
         },
         "ContainerView:session[52c4e3d1-0001]5400"},
        {"View.view",
         "GET",
         "ListView/" + kListView + "/view",
         {},
         HttpResponse::ok(twoTasks),
         [lv](VimConnection *c) { return outcome(lv(c).view()); },
         twoTasksText},
        {"View.ModifyListView", "POST", "ListView/" + kListView + "/ModifyListView",
         R"({"add":[)" + moref("Task", "task-103") + R"(],"remove":[)" + moref("Task", "task-101") +
             "]}",
         HttpResponse::ok('[' + moref("Task", "task-103") + ']'),
         [lv](VimConnection *c) {
             return outcome(
                 lv(c).modifyListView({ref("Task", "task-103")}, {ref("Task", "task-101")}));
         },
         "[Task:task-103]"},
        {"View.ModifyListView, remove only", "POST", "ListView/" + kListView + "/ModifyListView",
         R"({"remove":[)" + moref("Task", "task-101") + "]}", HttpResponse::ok("[]"),
         [lv](VimConnection *c) {
             return outcome(lv(c).modifyListView({}, {ref("Task", "task-101")}));
         },
         "[]"},
        {"View.ResetListView", "POST", "ListView/" + kListView + "/ResetListView",
         R"({"obj":)" + twoTasks + '}', HttpResponse::ok("[]"),
         [lv](VimConnection *c) {
             return outcome(
                 lv(c).resetListView({ref("Task", "task-101"), ref("Task", "task-102")}));
         },
         "[]"},
        {"View.ResetListView, empty", "POST", "ListView/" + kListView + "/ResetListView",
         R"({"obj":[]})", HttpResponse::noContent(),
         [lv](VimConnection *c) { return outcome(lv(c).resetListView({})); }, "[]"},
        {"View.DestroyView", "POST", "ListView/" + kListView + "/DestroyView", "{}",
         HttpResponse::noContent(), [lv](VimConnection *c) { return outcome(lv(c).destroyView()); },
         "ok"},
        {"View.DestroyView, ManagedObjectNotFound", "POST",
         "ListView/" + kListView + "/DestroyView", "{}",
         HttpResponse::fault(R"({"_typeName":"ManagedObjectNotFound","obj":)" +
                             moref("ListView", kListView) + "}"),
         [lv](VimConnection *c) { return outcome(lv(c).destroyView()); },
         "fault ManagedObjectNotFound: ManagedObjectNotFound"},

        // ExtensionManager
        {"ExtensionManager.extensionList",
         "GET",
         "ExtensionManager/ExtensionManager/extensionList",
         {},
         HttpResponse::ok('[' + kExtension + ']'),
         [em](VimConnection *c) { return outcome(em(c).extensionList()); },
         "1 com.example.backup Run backup"},
        {"ExtensionManager.FindExtension", "POST",
         "ExtensionManager/ExtensionManager/FindExtension",
         R"({"extensionKey":"com.example.backup"})", HttpResponse::ok(kExtension),
         [em](VimConnection *c) {
             return outcome(em(c).findExtension(QStringLiteral("com.example.backup")));
         },
         "com.example.backup Run backup"},
        {"ExtensionManager.FindExtension, not registered", "POST",
         "ExtensionManager/ExtensionManager/FindExtension",
         R"({"extensionKey":"com.example.none"})", HttpResponse::emptyOk(),
         [em](VimConnection *c) {
             return outcome(em(c).findExtension(QStringLiteral("com.example.none")));
         },
         "unset"},
    };
}

} // namespace

class TestServices : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void operation_data();
    void operation();
    void everyOperationIsCovered();
};

void TestServices::operation_data()
{
    QTest::addColumn<int>("index");
    const QList<Case> all = cases();
    for (int i = 0; i < all.size(); ++i)
        QTest::newRow(all[i].name) << i;
}

void TestServices::operation()
{
    QFETCH(int, index);
    const Case c = cases().at(index);

    // Given a connected client and a server scripted for this one call
    ScriptedServer server;
    QVERIFY(server.start());
    FakeVCenter vc(&server);
    VimConnection connection;
    QVERIFY(vc.connect(&connection));
    const QByteArray session = vc.validSession();
    const QByteArray target = "/sdk/vim25/8.0.2.0/" + c.path;
    vc.route(c.method, target, c.response);
    server.clearRequests();

    // When the operation is called
    const QString result = c.call(&connection);

    // Then exactly the documented request went out...
    QCOMPARE(server.requests().size(), 1);
    const HttpRequest sent = server.requests().first();
    QCOMPARE(sent.method, c.method);
    QCOMPARE(sent.target, target);
    QCOMPARE(sent.header("vmware-api-session-id"), session);
    QCOMPARE(sent.header("user-agent"), QByteArray("vtaskmon/" VTASKMON_VERSION));
    if (c.method == "GET") {
        QVERIFY(sent.body.isEmpty());
        QVERIFY(!sent.hasHeader("content-type"));
    } else {
        QCOMPARE(sent.header("content-type"), QByteArray("application/json"));
        QJsonParseError error;
        const QJsonDocument expected = QJsonDocument::fromJson(c.body, &error);
        QVERIFY2(error.error == QJsonParseError::NoError, qPrintable(error.errorString()));
        QCOMPARE(QJsonDocument::fromJson(sent.body), expected);
    }
    // ...and the answer was decoded
    QCOMPARE(result, c.expected.value);
}

void TestServices::everyOperationIsCovered()
{
    // The operations the service headers declare, by wire name; each needs a case above.
    const QStringList operations = {
        QStringLiteral("ServiceInstance.content"),
        QStringLiteral("ServiceInstance.RetrieveServiceContent"),
        QStringLiteral("ServiceInstance.CurrentTime"),
        QStringLiteral("SessionManager.Login"),
        QStringLiteral("SessionManager.Logout"),
        QStringLiteral("SessionManager.currentSession"),
        QStringLiteral("SessionManager.TerminateSession"),
        QStringLiteral("TaskManager.recentTask"),
        QStringLiteral("TaskManager.description"),
        QStringLiteral("TaskManager.maxCollector"),
        QStringLiteral("TaskManager.CreateTask"),
        QStringLiteral("TaskManager.CreateCollectorForTasks"),
        QStringLiteral("TaskManager.CreateCollectorWithInfoFilterForTasks"),
        QStringLiteral("Task.info"),
        QStringLiteral("Task.CancelTask"),
        QStringLiteral("Task.UpdateProgress"),
        QStringLiteral("Task.SetTaskState"),
        QStringLiteral("Task.SetTaskDescription"),
        QStringLiteral("TaskHistoryCollector.filter"),
        QStringLiteral("TaskHistoryCollector.latestPage"),
        QStringLiteral("TaskHistoryCollector.ReadNextTasks"),
        QStringLiteral("TaskHistoryCollector.ReadPreviousTasks"),
        QStringLiteral("TaskHistoryCollector.RewindCollector"),
        QStringLiteral("TaskHistoryCollector.ResetCollector"),
        QStringLiteral("TaskHistoryCollector.SetCollectorPageSize"),
        QStringLiteral("TaskHistoryCollector.DestroyCollector"),
        QStringLiteral("PropertyCollector.CreatePropertyCollector"),
        QStringLiteral("PropertyCollector.DestroyPropertyCollector"),
        QStringLiteral("PropertyCollector.CreateFilter"),
        QStringLiteral("PropertyCollector.filter"),
        QStringLiteral("PropertyCollector.WaitForUpdatesEx"),
        QStringLiteral("PropertyCollector.CancelWaitForUpdates"),
        QStringLiteral("PropertyCollector.RetrievePropertiesEx"),
        QStringLiteral("PropertyCollector.ContinueRetrievePropertiesEx"),
        QStringLiteral("PropertyCollector.CancelRetrievePropertiesEx"),
        QStringLiteral("PropertyFilter.spec"),
        QStringLiteral("PropertyFilter.partialUpdates"),
        QStringLiteral("PropertyFilter.DestroyPropertyFilter"),
        QStringLiteral("ViewManager.CreateListView"),
        QStringLiteral("ViewManager.CreateContainerView"),
        QStringLiteral("View.view"),
        QStringLiteral("View.ModifyListView"),
        QStringLiteral("View.ResetListView"),
        QStringLiteral("View.DestroyView"),
        QStringLiteral("ExtensionManager.extensionList"),
        QStringLiteral("ExtensionManager.FindExtension"),
    };
    QStringList names;
    for (const Case &c : cases())
        names.append(QString::fromLatin1(c.name).section(QLatin1Char(','), 0, 0));
    for (const QString &op : operations)
        QVERIFY2(names.contains(op), qPrintable(op));
}

QTEST_GUILESS_MAIN(TestServices)
#include "tst_services.moc"
