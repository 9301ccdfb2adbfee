// Hostile or broken response bodies end in a clear DecodeError: no crash, no unbounded
// allocation, no long stall.

#include "tst_vimhelpers.h"

#include <vim/codec.h>

#include <QElapsedTimer>
#include <QTest>

using namespace vim;
using namespace vimtest;
using namespace Qt::StringLiterals;

namespace {

template<typename T>
QString parseError(const QByteArray &bytes, const ParseLimits &limits = {})
{
    const Result<T> r = parse<T>(bytes, limits);
    return r.ok() ? QString() : r.error().toString();
}

QByteArray repeated(const QByteArray &piece, int times)
{
    return piece.repeated(times);
}

} // namespace

class TestVimHostile : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void truncatedExamplesFail_data();
    void truncatedExamplesFail();
    void truncatedMessage();
    void wrongDocumentType();
    void fiftyMegabyteBody();
    void deeplyNestedArrays();
    void deeplyNestedObjects();
    void bracketsInsideStringsDoNotCount();
    void twoMillionElementArray();
    void arrayLimitCountsElementsNotCommasInStrings();
    void faultWithoutTypeName();
    void binaryGarbage();
    void emptyBody();
    void bareNull();
    void trailingGarbage();
    void nonJsonNumbers();
    void longFaultCauseChainWithinLimits();
    void mutatedExamplesNeverCrash();
};

void TestVimHostile::truncatedExamplesFail_data()
{
    QTest::addColumn<QString>("file");
    for (const char *file :
         {"taskinfo-running.json", "updateset-listview.json", "retrieveresult.json",
          "fault-notauthenticated.json", "get-recenttask.json"})
        QTest::newRow(file) << QString::fromLatin1(file);
}

void TestVimHostile::truncatedExamplesFail()
{
    QFETCH(QString, file);
    // Given an example cut short at every possible byte
    const QByteArray full = example(file).trimmed();
    for (qsizetype n = 0; n < full.size(); ++n) {
        // When parsed, Then it never decodes and the error says why
        const QString error = parseError<AnyValue>(full.left(n));
        QVERIFY2(error.startsWith(u"invalid JSON at offset "_s) || error == u"empty document"_s,
                 qPrintable(QString::number(n) + u": "_s + error));
    }
}

void TestVimHostile::truncatedMessage()
{
    QCOMPARE(parseError<TaskInfo>(R"({"_typeName":"TaskInfo","key":"task-1)"),
             u"invalid JSON at offset 38: unterminated string"_s);
    QCOMPARE(parseError<TaskInfo>(R"({"_typeName":"TaskInfo","key":)"),
             u"invalid JSON at offset 30: unterminated object"_s);
}

void TestVimHostile::wrongDocumentType()
{
    QCOMPARE(parseError<TaskInfo>("[]"), u"TaskInfo: expected object, got array"_s);
    QCOMPARE(parseError<TaskInfo>(R"("task-1")"), u"TaskInfo: expected object, got string"_s);
    QCOMPARE(parseError<QList<TaskInfo>>("{}"), u"ArrayOfTaskInfo: expected array, got object"_s);
    QCOMPARE(parseError<QList<TaskInfo>>("[1]"),
             u"ArrayOfTaskInfo[0]: expected object, got number"_s);
    QCOMPARE(parseError<qint32>("true"), u"int: expected integer, got boolean"_s);
    QCOMPARE(parseError<UpdateSet>(R"({"version":"1","filterSet":{"0":{}}})"),
             u"UpdateSet.filterSet: expected array, got object"_s);
}

void TestVimHostile::fiftyMegabyteBody()
{
    // Given a 50 MB response (a huge string inside an otherwise valid object)
    const QByteArray body =
        R"({"_typeName":"TaskInfo","key":")" + QByteArray(50 << 20, 'a') + R"("})";
    QElapsedTimer timer;
    timer.start();
    // When parsed with the default limits
    const QString error = parseError<TaskInfo>(body);
    // Then it is refused by size, without being parsed
    QCOMPARE(error, u"document too large: %1 bytes (limit 16777216)"_s.arg(body.size()));
    QVERIFY2(timer.elapsed() < 1000, qPrintable(QString::number(timer.elapsed())));
}

void TestVimHostile::deeplyNestedArrays()
{
    const QByteArray body = repeated("[", 10'000) + repeated("]", 10'000);
    QCOMPARE(parseError<AnyValue>(body), u"document nested deeper than 64 levels (at offset 64)"_s);
    // Exactly at the limit is fine; the error then is about the type
    const QByteArray atLimit = repeated("[", 64) + repeated("]", 64);
    QCOMPARE(parseError<AnyValue>(atLimit), u"anyType: expected object, got array"_s);
}

void TestVimHostile::deeplyNestedObjects()
{
    const QByteArray body = repeated(R"({"faultCause":)", 10'000) + "{}" + repeated("}", 10'000);
    QCOMPARE(parseError<MethodFault>(body),
             u"document nested deeper than 64 levels (at offset 896)"_s);
}

void TestVimHostile::bracketsInsideStringsDoNotCount()
{
    // Given a string full of brackets and an escaped quote, When parsed, Then it is a string
    const QByteArray body = '"' + repeated("[{", 1000) + R"(\"])" + '"';
    const auto r = parse<QString>(body);
    QVERIFY2(r.ok(), qPrintable(r.error().toString()));
    QCOMPARE(r->size(), 2002);
}

void TestVimHostile::twoMillionElementArray()
{
    // Given recentTask answered with two million elements
    const QByteArray body = '[' + repeated("0,", 1'999'999) + "0]";
    QElapsedTimer timer;
    timer.start();
    // When parsed, Then the length limit stops it before Qt builds the array
    QCOMPARE(parseError<QList<qint32>>(body),
             u"array longer than 1000000 elements (at offset 2000000)"_s);
    QVERIFY2(timer.elapsed() < 2000, qPrintable(QString::number(timer.elapsed())));
}

void TestVimHostile::arrayLimitCountsElementsNotCommasInStrings()
{
    ParseLimits limits;
    limits.maxArrayLength = 3;
    QCOMPARE(parseError<QList<QString>>(R"(["a,b,c,d,e", "x", "y"])", limits), QString());
    QCOMPARE(parseError<QList<qint32>>("[ 1 , 2 , 3 ]", limits), QString());
    QCOMPARE(parseError<QList<qint32>>("[1,2,3,4]", limits),
             u"array longer than 3 elements (at offset 6)"_s);
    // Object members are not array elements
    QCOMPARE(parseError<QList<AnyValue>>(R"([{"_typeName":"X","a":1,"b":2,"c":3,"d":4}])", limits),
             QString());
}

void TestVimHostile::faultWithoutTypeName()
{
    QCOMPARE(parseError<MethodFault>(R"({"faultstring":"The session is not authenticated."})"),
             u"MethodFault._typeName: missing"_s);
    QCOMPARE(parseError<MethodFault>(R"({"_typeName":"","faultstring":"x"})"),
             u"MethodFault._typeName: missing"_s);
}

void TestVimHostile::binaryGarbage()
{
    // Given bytes of every value in a fixed scramble (including NUL and invalid UTF-8)
    QByteArray garbage;
    for (int i = 0; i < 4096; ++i)
        garbage.append(char((i * 167 + 13) & 0xff));
    // When parsed as any type, Then it is rejected as JSON
    QVERIFY(parseError<TaskInfo>(garbage).startsWith(u"invalid JSON at offset "_s));
    QVERIFY(parseError<AnyValue>(QByteArray("\xff\xfe\x00\x01", 4))
                .startsWith(u"invalid JSON at offset "_s));
    QVERIFY(parseError<QString>("\"\xc3\x28\"").isEmpty() ||
            parseError<QString>("\"\xc3\x28\"").startsWith(u"invalid JSON"_s));
}

void TestVimHostile::emptyBody()
{
    QCOMPARE(parseError<TaskInfo>(QByteArray()), u"empty document"_s);
    QCOMPARE(parseError<TaskInfo>(" \r\n\t "), u"empty document"_s);
}

void TestVimHostile::bareNull()
{
    // A null body is "unset" to the caller (§1.2); as a value it is simply not one
    QCOMPARE(parseError<TaskInfo>("null"), u"TaskInfo: expected object, got null"_s);
    QCOMPARE(parseError<UpdateSet>(" null "), u"UpdateSet: expected object, got null"_s);
    QCOMPARE(parseError<qint32>("null"), u"int: expected integer, got null"_s);
    QCOMPARE(parseError<AnyValue>("null"), u"anyType: expected object, got null"_s);
}

void TestVimHostile::trailingGarbage()
{
    QVERIFY(parseError<TaskInfo>(R"({} {})").startsWith(u"invalid JSON at offset "_s));
    QCOMPARE(parseError<qint32>("1,2"), u"invalid JSON: more than one value"_s);
    QVERIFY(parseError<qint32>("1 2").startsWith(u"invalid JSON at offset "_s));
}

void TestVimHostile::nonJsonNumbers()
{
    QVERIFY(parseError<qint32>("NaN").startsWith(u"invalid JSON"_s));
    QVERIFY(parseError<qint32>("-Infinity").startsWith(u"invalid JSON"_s));
    QVERIFY(parseError<qint32>("0x10").startsWith(u"invalid JSON"_s));
    QVERIFY(!parseError<qint64>("1e400").isEmpty());
    QCOMPARE(parseError<qint64>("1e19"), u"long: integer out of range: 10000000000000000000"_s);
}

void TestVimHostile::longFaultCauseChainWithinLimits()
{
    // Given a fault with 60 nested causes (inside the depth limit)
    const QByteArray body =
        repeated(R"({"_typeName":"SystemError","reason":"r","faultCause":)", 60) +
        R"({"_typeName":"InvalidState"})" + repeated("}", 60);
    // When decoded, Then every cause is there
    const auto f = parse<MethodFault>(body);
    QVERIFY2(f.ok(), qPrintable(f.error().toString()));
    int depth = 0;
    for (const MethodFault *c = &f.value(); c->faultCause; c = c->faultCause.get())
        ++depth;
    QCOMPARE(depth, 60);
}

void TestVimHostile::mutatedExamplesNeverCrash()
{
    // Given every example with single bytes overwritten by JSON punctuation, When decoded as
    // the types a client would try, Then each ends in a value or an error, never a crash
    static const char kBytes[] = {'{', '}', '[', ']', '"', ',', ':', '0', 'n', '\\', '\0'};
    for (const char *file :
         {"taskinfo-running.json", "updateset-listview.json", "retrieveresult.json",
          "servicecontent.json", "createfilter-listview.json", "localizablemessage.json"}) {
        const QByteArray original = example(QString::fromLatin1(file));
        for (qsizetype at = 0; at < original.size(); at += 7) {
            for (char b : kBytes) {
                QByteArray mutated = original;
                mutated[at] = b;
                const Result<AnyValue> any = parse<AnyValue>(mutated);
                const Result<TaskInfo> task = parse<TaskInfo>(mutated);
                const Result<UpdateSet> update = parse<UpdateSet>(mutated);
                QVERIFY(any.ok() || !any.error().message.isEmpty());
                QVERIFY(task.ok() || !task.error().message.isEmpty());
                QVERIFY(update.ok() || !update.error().message.isEmpty());
            }
        }
    }
}

QTEST_GUILESS_MAIN(TestVimHostile)
#include "tst_vimhostile.moc"
