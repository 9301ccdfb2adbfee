// One case per §3 rule: where the codec is lenient because real servers vary, and where it
// is strict, with the exact error path it reports.

#include "tst_vimhelpers.h"

#include <vim/codec.h>

#include <QJsonDocument>
#include <QTest>

using namespace vim;
using namespace vimtest;
using namespace Qt::StringLiterals;

namespace {

// A TaskInfo with only its required fields.
const QByteArray kMinimalTask =
    R"({"_typeName":"TaskInfo","key":"task-1",
        "task":{"_typeName":"ManagedObjectReference","type":"Task","value":"task-1"},
        "descriptionId":"d","state":"queued","cancelled":false,"cancelable":false,
        "reason":{"_typeName":"TaskReasonSystem"},"queueTime":"2024-05-01T10:00:00Z",
        "eventChainId":1})";

/// kMinimalTask with `key` removed and, unless `raw` is empty, set to the JSON text `raw`
/// (kept as text so that numbers reach the parser exactly as written).
QByteArray taskWith(const char *key, const QByteArray &raw)
{
    QJsonObject o = parsed(kMinimalTask).toObject();
    o.remove(QLatin1String(key));
    QByteArray json = QJsonDocument(o).toJson(QJsonDocument::Compact);
    if (!raw.isEmpty()) {
        json.chop(1);
        json += ",\"" + QByteArray(key) + "\":" + raw + '}';
    }
    return json;
}

TaskInfo decodeTask(const QByteArray &json)
{
    const Result<TaskInfo> r = parse<TaskInfo>(json);
    if (!r.ok())
        qFatal("%s", qPrintable(r.error().toString()));
    return r.value();
}

QByteArray compact(const QJsonValue &v)
{
    return QJsonDocument(QJsonArray{v}).toJson(QJsonDocument::Compact).chopped(1).mid(1);
}

} // namespace

class TestVimQuirks : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void rejects_data();
    void rejects();
    void acceptsMissingTypeNameOnFinalTypes();
    void acceptsTypeNameAnywhere();
    void acceptsBothMoRefFormsInAnyType();
    void keepsUnknownEnumValues();
    void ignoresUnknownKeys();
    void treatsNullAsMissing();
    void keepsUnknownPolymorphicTypes();
    void faultMoRefWithoutTypeNameGetsOneOnEncode();
    void int64IsExact_data();
    void int64IsExact();
    void dates_data();
    void dates();
    void badDates_data();
    void badDates();
};

void TestVimQuirks::rejects_data()
{
    QTest::addColumn<QString>("type");
    QTest::addColumn<QByteArray>("json");
    QTest::addColumn<QString>("error");
    const auto task = [](const char *name, const char *key, const char *raw, const char *error) {
        QTest::newRow(name) << u"TaskInfo"_s << taskWith(key, raw) << QString::fromUtf8(error);
    };
    // Wrong JSON type for each kind of field
    task("string as number", "key", "5", "TaskInfo.key: expected string, got number");
    task("int as string", "eventChainId", R"("12")",
         "TaskInfo.eventChainId: expected integer, got string");
    task("bool as string", "cancelled", R"("false")",
         "TaskInfo.cancelled: expected boolean, got string");
    task("date as number", "queueTime", "12", "TaskInfo.queueTime: expected string, got number");
    task("array as object", "locked", "{}", "TaskInfo.locked: expected array, got object");
    task("object as string", "task", R"("task-1")", "TaskInfo.task: expected object, got string");
    task("object as array", "task", "[]", "TaskInfo.task: expected object, got array");
    task("enum as number", "state", "3", "TaskInfo.state: expected string, got number");
    // Integers
    task("int32 overflow", "progress", "2147483648",
         "TaskInfo.progress: integer out of range: 2147483648");
    task("int32 underflow", "progress", "-2147483649",
         "TaskInfo.progress: integer out of range: -2147483649");
    task("fractional int", "progress", "40.5", "TaskInfo.progress: expected integer, got 40.5");
    task("beyond int64", "eventChainId", "9223372036854775808",
         "TaskInfo.eventChainId: integer out of range: 9223372036854775808");
    // Required fields
    task("missing required", "descriptionId", "", "TaskInfo.descriptionId: missing");
    task("null required", "descriptionId", "null", "TaskInfo.descriptionId: missing");
    task("missing required bool", "cancelable", "", "TaskInfo.cancelable: missing");
    task("missing required MoRef field", "task", R"({"type":"Task"})",
         "TaskInfo.task.value: missing");
    task("list element", "locked", R"([{"type":"VirtualMachine","value":"vm-1"},{"type":"X"}])",
         "TaskInfo.locked[1].value: missing");
    task("required in nested optional", "description", R"({"_typeName":"LocalizableMessage"})",
         "TaskInfo.description.key: missing");
    task("KeyAnyValue without value", "progressDetails", R"([{"key":"k"}])",
         "TaskInfo.progressDetails[0].value: missing");
    // `_typeName`: bad type anywhere, required in polymorphic positions
    task("bad _typeName type", "_typeName", "7", "TaskInfo._typeName: expected string, got number");
    task("bad nested _typeName type", "task",
         R"({"_typeName":true,"type":"Task","value":"task-1"})",
         "TaskInfo.task._typeName: expected string, got boolean");
    task("TaskReason without _typeName", "reason", R"({"userName":"x"})",
         "TaskInfo.reason._typeName: missing");
    task("TaskReasonUser without userName", "reason", R"({"_typeName":"TaskReasonUser"})",
         "TaskInfo.reason.userName: missing");
    task("TaskReasonAlarm without alarm", "reason",
         R"({"_typeName":"TaskReasonAlarm","alarmName":"a","entityName":"e",
             "entity":{"type":"VirtualMachine","value":"vm-1"}})",
         "TaskInfo.reason.alarm: missing");
    task("fault without _typeName", "error", R"({"faultstring":"x"})",
         "TaskInfo.error._typeName: missing");
    task("SystemError without reason", "error", R"({"_typeName":"SystemError"})",
         "TaskInfo.error.reason: missing");
    task("anyType without _typeName", "result", R"({"type":"VirtualMachine","value":"vm-1"})",
         "TaskInfo.result._typeName: missing");
    // Boxes (§3.3)
    task("box without _value", "result", R"({"_typeName":"int"})",
         "TaskInfo.result._value: missing");
    task("box with null _value", "result", R"({"_typeName":"TaskInfoState","_value":null})",
         "TaskInfo.result._value: missing");
    task("int box holding a string", "result", R"({"_typeName":"int","_value":"5"})",
         "TaskInfo.result._value: expected integer, got string");
    task("boolean box holding a number", "progressDetails",
         R"([{"key":"k","value":{"_typeName":"boolean","_value":1}}])",
         "TaskInfo.progressDetails[0].value._value: expected boolean, got number");
    task("array box holding a string", "result", R"({"_typeName":"ArrayOfString","_value":"a"})",
         "TaskInfo.result._value: expected array, got string");
    task("wrapped MoRef without value", "result",
         R"({"_typeName":"ManagedObjectReference","_value":{"type":"VirtualMachine"}})",
         "TaskInfo.result._value.value: missing");
    task("inline MoRef without type", "result",
         R"({"_typeName":"ManagedObjectReference","value":"vm-1"})",
         "TaskInfo.result.type: missing");

    const auto row = [](const char *name, const char *type, const char *json, const char *error) {
        QTest::newRow(name) << QString::fromLatin1(type) << QByteArray(json)
                            << QString::fromUtf8(error);
    };
    // Required arrays and the other types' required fields
    row("PropertyFilterSpec without objectSet", "PropertyFilterSpec",
        R"({"_typeName":"PropertyFilterSpec","propSet":[]})",
        "PropertyFilterSpec.objectSet: missing");
    row("SelectionSpec without _typeName", "PropertyFilterSpec",
        R"({"propSet":[],"objectSet":[{"obj":{"type":"Folder","value":"group-d1"},
            "selectSet":[{"name":"view"}]}]})",
        "PropertyFilterSpec.objectSet[0].selectSet[0]._typeName: missing");
    row("TraversalSpec without path", "PropertyFilterSpec",
        R"({"propSet":[],"objectSet":[{"obj":{"type":"Folder","value":"group-d1"},
            "selectSet":[{"_typeName":"TraversalSpec","type":"ListView"}]}]})",
        "PropertyFilterSpec.objectSet[0].selectSet[0].path: missing");
    row("PropertySpec without type", "PropertyFilterSpec",
        R"({"propSet":[{"pathSet":["info"]}],"objectSet":[]})",
        "PropertyFilterSpec.propSet[0].type: missing");
    row("TaskDescription without state", "TaskDescription", R"({"methodInfo":[],"reason":[]})",
        "TaskDescription.state: missing");
    row("RetrieveResult without objects", "RetrieveResult", R"({"_typeName":"RetrieveResult"})",
        "RetrieveResult.objects: missing");
    row("DynamicProperty without val", "RetrieveResult",
        R"({"objects":[{"obj":{"type":"Task","value":"t"},"propSet":[{"name":"info"}]}]})",
        "RetrieveResult.objects[0].propSet[0].val: missing");
    row("MissingProperty fault without _typeName", "RetrieveResult",
        R"({"objects":[{"obj":{"type":"Task","value":"t"},
            "missingSet":[{"path":"info","fault":{"faultstring":"x"}}]}]})",
        "RetrieveResult.objects[0].missingSet[0].fault._typeName: missing");
    row("UpdateSet without version", "UpdateSet", R"({"filterSet":[]})",
        "UpdateSet.version: missing");
    row("ObjectUpdate kind as number", "UpdateSet",
        R"({"version":"1","filterSet":[{"filter":{"type":"PropertyFilter","value":"f"},
            "objectSet":[{"kind":1,"obj":{"type":"Task","value":"t"}}]}]})",
        "UpdateSet.filterSet[0].objectSet[0].kind: expected string, got number");
    row("WaitOptions int as bool", "WaitOptions", R"({"maxWaitSeconds":true})",
        "WaitOptions.maxWaitSeconds: expected integer, got boolean");
    row("UserSession without ipAddress", "UserSession",
        R"({"key":"k","userName":"u","fullName":"f","loginTime":"2024-05-01T10:00:00Z",
            "lastActiveTime":"2024-05-01T10:00:00Z","locale":"en","messageLocale":"en",
            "extensionSession":false,"userAgent":"a","callCount":0})",
        "UserSession.ipAddress: missing");
    row("ServiceContent without about", "ServiceContent",
        R"({"rootFolder":{"type":"Folder","value":"group-d1"},
            "propertyCollector":{"type":"PropertyCollector","value":"propertyCollector"}})",
        "ServiceContent.about: missing");
    row("TaskFilterSpecByEntity without recursion", "TaskFilterSpec",
        R"({"entity":{"entity":{"type":"Folder","value":"group-d1"}}})",
        "TaskFilterSpec.entity.recursion: missing");
    row("TaskFilterSpec state not a list", "TaskFilterSpec", R"({"state":"queued"})",
        "TaskFilterSpec.state: expected array, got string");
    row("ExtensionResourceInfo without data", "Extension",
        R"({"key":"k","version":"1","lastHeartbeatTime":"2024-05-01T10:00:00Z",
            "description":{"label":"l","summary":"s"},
            "resourceList":[{"locale":"en","module":"task"}]})",
        "Extension.resourceList[0].data: missing");
    // The §4.3 fault field tables
    row("ManagedObjectNotFound without obj", "MethodFault",
        R"({"_typeName":"ManagedObjectNotFound"})", "MethodFault.obj: missing");
    row("NotAuthenticated object as string", "MethodFault",
        R"({"_typeName":"NotAuthenticated","object":"SessionManager"})",
        "MethodFault.object: expected object, got string");
    row("InvalidArgument invalidProperty as number", "MethodFault",
        R"({"_typeName":"InvalidArgument","invalidProperty":5})",
        "MethodFault.invalidProperty: expected string, got number");
    row("InvalidProperty without name", "MethodFault", R"({"_typeName":"InvalidProperty"})",
        "MethodFault.name: missing");
    row("MethodNotFound without receiver", "MethodFault",
        R"({"_typeName":"MethodNotFound","method":"Foo"})", "MethodFault.receiver: missing");
    row("faultCause without _typeName", "MethodFault",
        R"({"_typeName":"SystemError","reason":"r","faultCause":{"reason":"r"}})",
        "MethodFault.faultCause._typeName: missing");
    row("faultMessage without key", "MethodFault",
        R"({"_typeName":"InvalidState","faultMessage":[{"message":"x"}]})",
        "MethodFault.faultMessage[0].key: missing");
    row("faultstring as object", "MethodFault", R"({"_typeName":"InvalidState","faultstring":{}})",
        "MethodFault.faultstring: expected string, got object");
}

void TestVimQuirks::rejects()
{
    QFETCH(QString, type);
    QFETCH(QByteArray, json);
    QFETCH(QString, error);
    static const auto kErrorsOf =
        errorsOf<TaskInfo, PropertyFilterSpec, TaskDescription, RetrieveResult, UpdateSet,
                 WaitOptions, UserSession, ServiceContent, TaskFilterSpec, Extension,
                 MethodFault>();
    QVERIFY2(kErrorsOf.contains(type), qPrintable(type));
    // Given a document that breaks one rule, When decoded, Then the error names its path
    QCOMPARE(kErrorsOf.value(type)(json), error);
}

void TestVimQuirks::acceptsMissingTypeNameOnFinalTypes()
{
    // Given final-type objects without `_typeName` (root, MoRef, LocalizableMessage), as the
    // 9.x doc examples and the meho capture show them
    const QByteArray json =
        R"({"key":"task-1","task":{"type":"Task","value":"task-1"},
            "description":{"key":"com.example.copy","message":"Copying"},
            "entity":{"value":"vm-1","type":"VirtualMachine"},
            "descriptionId":"d","state":"queued","cancelled":false,"cancelable":false,
            "reason":{"_typeName":"TaskReasonSystem"},"queueTime":"2024-05-01T10:00:00Z",
            "eventChainId":1})";
    // When decoded, Then they take the declared type
    const TaskInfo t = decodeTask(json);
    QCOMPARE(t.task, (ManagedObjectReference{u"Task"_s, u"task-1"_s}));
    QCOMPARE(t.entity, (ManagedObjectReference{u"VirtualMachine"_s, u"vm-1"_s}));
    QCOMPARE(t.description->key, u"com.example.copy"_s);
    // And encoding adds `_typeName` everywhere
    QCOMPARE(objectWithoutTypeName(encode(t)), QString());
}

void TestVimQuirks::acceptsTypeNameAnywhere()
{
    // Given `_typeName` last, as in govmomi's vminfo-typename-at-end.json
    const QByteArray json =
        R"({"key":"task-1","task":{"type":"Task","value":"task-1","_typeName":"ManagedObjectReference"},
            "descriptionId":"d","state":"queued","cancelled":false,"cancelable":false,
            "reason":{"userName":"alice","_typeName":"TaskReasonUser"},
            "queueTime":"2024-05-01T10:00:00Z","eventChainId":1,"_typeName":"TaskInfo"})";
    // When decoded, Then the polymorphic reason is still recognized
    const TaskInfo t = decodeTask(json);
    QCOMPARE(t.reason.kind(), TaskReason::Kind::User);
    QCOMPARE(t.reason.userName, u"alice"_s);
}

void TestVimQuirks::acceptsBothMoRefFormsInAnyType()
{
    // Given the inline form servers send and the `_value` form the Programming Guide shows
    const auto inlined = decode<AnyValue>(parsed(
        R"({"_typeName":"ManagedObjectReference","type":"ComputeResource","value":"domain-s16"})"));
    const auto wrapped = decode<AnyValue>(exampleValue(u"anytype-result-wrapped-moref.json"_s));
    QVERIFY2(inlined.ok(), qPrintable(inlined.error().toString()));
    QVERIFY2(wrapped.ok(), qPrintable(wrapped.error().toString()));
    // When read as MoRefs, Then both give the same reference
    const ManagedObjectReference expected{u"ComputeResource"_s, u"domain-s16"_s};
    QCOMPARE(fromAny<ManagedObjectReference>(inlined.value()).value(), expected);
    QCOMPARE(fromAny<ManagedObjectReference>(wrapped.value()).value(), expected);
    // And both are written back in the inline form
    QCOMPARE(encode(wrapped.value()), encode(inlined.value()));
    QVERIFY(!encode(wrapped.value()).toObject().contains(u"_value"_s));
}

void TestVimQuirks::keepsUnknownEnumValues()
{
    // Given enum values newer than this client
    const TaskInfo t = decodeTask(taskWith("state", R"("paused")"));
    const auto spec = parse<TaskFilterSpec>(
        R"({"entity":{"entity":{"type":"Folder","value":"group-d1"},"recursion":"grandchildren"}})");
    QVERIFY2(spec.ok(), qPrintable(spec.error().toString()));
    // When decoded, Then they are kept verbatim, reported unknown, and written back
    QVERIFY(!t.state.isKnown());
    QVERIFY(t.state == TaskInfoState::Value::Unknown);
    QCOMPARE(t.state.toString(), u"paused"_s);
    QCOMPARE(encode(t).toObject().value(u"state"_s).toString(), u"paused"_s);
    QCOMPARE(spec->entity->recursion.toString(), u"grandchildren"_s);
    QCOMPARE(roundTrip<TaskInfo>(encode(t)), QString());
}

void TestVimQuirks::ignoresUnknownKeys()
{
    // Given keys this client does not know, at the root and nested
    QJsonObject o = parsed(kMinimalTask).toObject();
    o.insert(u"futureField"_s, QJsonObject{{u"x"_s, 1}});
    QJsonObject task = o.value(u"task"_s).toObject();
    task.insert(u"serverGuid"_s, u"abc"_s);
    o.insert(u"task"_s, task);
    // When decoded, Then the result equals the plain document's
    QCOMPARE(decode<TaskInfo>(o).value(), decodeTask(kMinimalTask));
}

void TestVimQuirks::treatsNullAsMissing()
{
    // Given optional fields and arrays written as null
    const TaskInfo t = decodeTask(taskWith("progress", "null"));
    const auto spec = parse<TaskFilterSpec>(
        R"({"entity":null,"time":null,"state":null,"eventChainId":null,"alarm":null})");
    // When decoded, Then they are unset or empty
    QVERIFY(!t.progress);
    QVERIFY2(spec.ok(), qPrintable(spec.error().toString()));
    QCOMPARE(spec.value(), TaskFilterSpec{});
    QVERIFY(!encode(t).toObject().contains(u"progress"_s));
}

void TestVimQuirks::keepsUnknownPolymorphicTypes()
{
    // Given a fault and a task reason of types this client does not model
    const auto fault = parse<MethodFault>(
        R"({"_typeName":"VmConfigFault","faultstring":"bad config","extra":[1,2]})");
    const TaskInfo t = decodeTask(taskWith("reason", R"({"_typeName":"TaskReasonFuture"})"));
    // When decoded, Then their type names and the fault's own fields survive a round trip
    QVERIFY2(fault.ok(), qPrintable(fault.error().toString()));
    QVERIFY(!MethodFault::isKnownType(fault->typeName));
    QCOMPARE(fault->message(), u"bad config"_s);
    QCOMPARE(fault->fields.value(u"extra"_s).toArray().size(), 2);
    QCOMPARE(roundTrip<MethodFault>(encode(fault.value())), QString());
    QCOMPARE(t.reason.kind(), TaskReason::Kind::Unknown);
    QCOMPARE(t.reason.typeName, u"TaskReasonFuture"_s);
}

void TestVimQuirks::faultMoRefWithoutTypeNameGetsOneOnEncode()
{
    // Given the NotAuthenticated body captured on 8.0.3, whose MoRef lacks `_typeName`
    const auto f = decodeExample<MethodFault>(u"fault-notauthenticated.json"_s);
    // When decoded, Then the MoRef and privilegeId are readable
    QCOMPARE(f.object(), (ManagedObjectReference{u"GuestProcessManager"_s,
                                                 u"guestOperationsProcessManager"_s}));
    QCOMPARE(f.privilegeId(), QString());
    QVERIFY(f.isA(u"SecurityError"_s));
    // And encoding writes `_typeName` on it
    QCOMPARE(encode(f).toObject().value(u"object"_s).toObject().value(u"_typeName"_s).toString(),
             u"ManagedObjectReference"_s);
}

void TestVimQuirks::int64IsExact_data()
{
    QTest::addColumn<QByteArray>("digits");
    QTest::addColumn<qint64>("value");
    QTest::newRow("2^63-1") << QByteArray("9223372036854775807")
                            << std::numeric_limits<qint64>::max();
    QTest::newRow("-2^63") << QByteArray("-9223372036854775808")
                           << std::numeric_limits<qint64>::min();
    QTest::newRow("2^53+1") << QByteArray("9007199254740993") << Q_INT64_C(9007199254740993);
    QTest::newRow("2^53+3") << QByteArray("9007199254740995") << Q_INT64_C(9007199254740995);
    QTest::newRow("zero") << QByteArray("0") << Q_INT64_C(0);
}

void TestVimQuirks::int64IsExact()
{
    QFETCH(QByteArray, digits);
    QFETCH(qint64, value);
    // Given a long beyond what a double holds exactly, in a field, bare, and boxed
    const QByteArray session =
        R"({"key":"k","userName":"u","fullName":"f","loginTime":"2024-05-01T10:00:00Z",
            "lastActiveTime":"2024-05-01T10:00:00Z","locale":"en","messageLocale":"en",
            "extensionSession":false,"ipAddress":"i","userAgent":"a","callCount":)" +
        digits + '}';
    // When decoded, Then every digit is kept
    const auto s = parse<UserSession>(session);
    QVERIFY2(s.ok(), qPrintable(s.error().toString()));
    QCOMPARE(s->callCount, value);
    QCOMPARE(parse<qint64>(digits).value(), value);
    const auto boxed = parse<AnyValue>(R"({"_typeName":"long","_value":)" + digits + '}');
    QCOMPARE(fromAny<qint64>(boxed.value()).value(), value);
    // And encoding writes the same digits
    QCOMPARE(compact(encode(s->callCount)), digits);
    QCOMPARE(compact(boxed->toJson().toObject().value(u"_value"_s)), digits);
}

void TestVimQuirks::dates_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QDateTime>("expected");
    const auto at = [](int h, int m, int s, int ms) {
        return QDateTime(QDate(2024, 5, 1), QTime(h, m, s, ms), Qt::UTC);
    };
    QTest::newRow("no fraction") << u"2024-05-01T10:00:00Z"_s << at(10, 0, 0, 0);
    QTest::newRow("1 digit") << u"2024-05-01T10:00:00.1Z"_s << at(10, 0, 0, 100);
    QTest::newRow("3 digits") << u"2024-05-01T10:00:00.123Z"_s << at(10, 0, 0, 123);
    QTest::newRow("6 digits") << u"2024-05-01T10:00:00.123456Z"_s << at(10, 0, 0, 123);
    QTest::newRow("9 digits") << u"2024-05-01T10:00:00.123456789Z"_s << at(10, 0, 0, 123);
    QTest::newRow("+02:00") << u"2024-05-01T12:00:00+02:00"_s << at(10, 0, 0, 0);
    QTest::newRow("-0530") << u"2024-05-01T04:30:00-0530"_s << at(10, 0, 0, 0);
    QTest::newRow("6 digits +02:00") << u"2024-05-01T12:00:00.654321+02:00"_s << at(10, 0, 0, 654);
    QTest::newRow("offset crosses midnight") << u"2024-05-02T01:00:00+15:00"_s << at(10, 0, 0, 0);
    QTest::newRow("no zone is UTC") << u"2024-05-01T10:00:00"_s << at(10, 0, 0, 0);
    QTest::newRow("epoch") << u"1970-01-01T00:00:00Z"_s
                           << QDateTime::fromMSecsSinceEpoch(0, Qt::UTC);
}

void TestVimQuirks::dates()
{
    QFETCH(QString, text);
    QFETCH(QDateTime, expected);
    // Given a dateTime as some server or client writes it, When decoded
    const auto d = decode<QDateTime>(QJsonValue(text));
    QVERIFY2(d.ok(), qPrintable(d.error().toString()));
    // Then it is the same instant, and encodes as UTC with microseconds and `Z` (§9.3)
    QCOMPARE(d.value(), expected);
    QCOMPARE(d->timeSpec(), Qt::UTC);
    const QString encoded = encode(d.value()).toString();
    QCOMPARE(encoded, expected.toString(u"yyyy-MM-ddTHH:mm:ss.zzz"_s) + u"000Z"_s);
    QCOMPARE(decode<QDateTime>(QJsonValue(encoded)).value(), expected);
}

void TestVimQuirks::badDates_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("error");
    const auto row = [](const char *text, const char *error) {
        QTest::newRow(text) << QString::fromLatin1(text) << QString::fromLatin1(error);
    };
    row("2024-05-01", "dateTime: invalid dateTime: 2024-05-01");
    row("2024-05-01T10:00Z", "dateTime: invalid dateTime: 2024-05-01T10:00Z");
    row("2024-13-01T10:00:00Z", "dateTime: invalid dateTime: 2024-13-01T10:00:00Z");
    row("2024-02-30T10:00:00Z", "dateTime: invalid dateTime: 2024-02-30T10:00:00Z");
    row("2024-05-01T24:00:00Z", "dateTime: invalid dateTime: 2024-05-01T24:00:00Z");
    row("2024-05-01T10:00:00+2:00", "dateTime: invalid dateTime: 2024-05-01T10:00:00+2:00");
    row("2024-05-01T10:00:00+25:00", "dateTime: invalid dateTime offset: +25:00");
    row("yesterday", "dateTime: invalid dateTime: yesterday");
    row("2024-05-01T10:00:00.Z", "dateTime: invalid dateTime: 2024-05-01T10:00:00.Z");
    row("2024-05-01 10:00:00Z", "dateTime: invalid dateTime: 2024-05-01 10:00:00Z");
    row("2024-05-01T10:00:00Zjunk", "dateTime: invalid dateTime: 2024-05-01T10:00:00Zjunk");
    row("2024-05-01T10:00:00+02:", "dateTime: invalid dateTime: 2024-05-01T10:00:00+02:");
    row("2024-05-01T10:00:00+020", "dateTime: invalid dateTime: 2024-05-01T10:00:00+020");
    row("2024-05-01T10:00:00-", "dateTime: invalid dateTime: 2024-05-01T10:00:00-");
    row("2024-05-01T10:0a:00Z", "dateTime: invalid dateTime: 2024-05-01T10:0a:00Z");
    row("2024-05-01T10:00:00+02:60", "dateTime: invalid dateTime offset: +02:60");
    QTest::newRow("arabic-indic digits")
        << u"\u0662\u0660\u0662\u0664-05-01T10:00:00Z"_s
        << u"dateTime: invalid dateTime: \u0662\u0660\u0662\u0664-05-01T10:00:00Z"_s;
    row("", "dateTime: invalid dateTime: ");
}

void TestVimQuirks::badDates()
{
    QFETCH(QString, text);
    QFETCH(QString, error);
    QCOMPARE(decode<QDateTime>(QJsonValue(text)).error().toString(), error);
}

QTEST_GUILESS_MAIN(TestVimQuirks)
#include "tst_vimquirks.moc"
