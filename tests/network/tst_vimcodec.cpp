#include <vim/codec.h>

#include <QTest>

using namespace vim;

class TestVimCodec : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void smoke()
    {
        const QByteArray json = R"({"_typeName":"TaskInfo","key":"task-101",
 "task":{"_typeName":"ManagedObjectReference","type":"Task","value":"task-101"},
 "name":"PowerOnVM_Task","descriptionId":"VirtualMachine.powerOn",
 "entity":{"_typeName":"ManagedObjectReference","type":"VirtualMachine","value":"vm-42"},"entityName":"web-01",
 "locked":[{"_typeName":"ManagedObjectReference","type":"VirtualMachine","value":"vm-42"}],
 "state":"running","cancelled":false,"cancelable":true,"progress":40,
 "reason":{"_typeName":"TaskReasonUser","userName":"VSPHERE.LOCAL\\Administrator"},
 "queueTime":"2024-05-01T10:00:00.123456Z","startTime":"2024-05-01T10:00:00.234567Z","eventChainId":1234})";
        auto r = parse<TaskInfo>(json);
        QVERIFY2(r.ok(), qPrintable(r.error().toString()));
        QCOMPARE(r->key, QStringLiteral("task-101"));
        QCOMPARE(r->progress.value_or(-1), 40);
        auto again = decode<TaskInfo>(encode(r.value()));
        QVERIFY(again.ok());
        QCOMPARE(again.value(), r.value());
        auto bad = parse<TaskInfo>(R"({"key":"k","task":{"type":"Task","value":"t"},"descriptionId":"x","state":"queued","cancelled":false,"cancelable":false,"reason":{"userName":"x"},"queueTime":"2024-05-01T10:00:00Z","eventChainId":1})");
        QVERIFY(!bad.ok());
        QCOMPARE(bad.error().toString(), QStringLiteral("TaskInfo.reason._typeName: missing"));
        auto big = parse<qint64>("9007199254740993");
        QVERIFY(big.ok());
        QCOMPARE(big.value(), Q_INT64_C(9007199254740993));
    }
};

QTEST_GUILESS_MAIN(TestVimCodec)
#include "tst_vimcodec.moc"
