#include <vimanswer.h>

#include <QTest>

// VimAnswer::interpret: the bytes of a complete answer become a value or a readable error.
// Also the regression cases the HTTP response fuzzer found.
class TestVimAnswer final : public QObject
{
    Q_OBJECT
private:
    static VimError interpret(int status, const QByteArray &body, QJsonValue *value = nullptr)
    {
        QJsonValue ignored;
        return VimAnswer::interpret(QStringLiteral("Task/task-1/CancelTask"), status, body,
                                    vim::ParseLimits{}, value ? value : &ignored);
    }

private Q_SLOTS:
    void valuesAndEmptyBodies()
    {
        // Given 2xx answers, when interpreted, then bodies become values and empty ones none
        QJsonValue v;
        QVERIFY(!interpret(200, "32", &v).isError());
        QCOMPARE(v.toInt(), 32);
        QVERIFY(!interpret(204, "", &v).isError());
        QVERIFY(v.isUndefined());
        QVERIFY(!interpret(200, "  \n", &v).isError());
        QVERIFY(v.isUndefined());
        const VimError bad = interpret(200, R"({"_typeName":"TaskInfo",)", &v);
        QCOMPARE(bad.kind, VimError::Kind::Decode);
        QVERIFY(bad.message.contains(QLatin1String("Task/task-1/CancelTask")));
        QVERIFY(v.isUndefined());
    }

    void faultsAndOtherStatuses()
    {
        // Given a 500 with a fault, then the fault and its message
        const VimError f =
            interpret(500, R"({"_typeName":"InvalidState","faultstring":"Not now."})");
        QCOMPARE(f.kind, VimError::Kind::Fault);
        QCOMPARE(f.faultType(), QStringLiteral("InvalidState"));
        QCOMPARE(f.message, QStringLiteral("Not now."));
        // Given other statuses or a 500 without a fault type, then an HTTP error in words
        QCOMPARE(interpret(404, "Not found").kind, VimError::Kind::Http);
        const VimError html = interpret(500, "<html>oops</html>");
        QCOMPARE(html.kind, VimError::Kind::Http);
        QVERIFY(html.message.contains(QLatin1String("HTTP 500")));
    }

    void blankTextsAreNoMessage()
    {
        // Regression (fuzz_http_response): a malformed NotAuthenticated whose faultstring is
        // only carriage returns produced a blank error message.
        const VimError e = interpret(500, "{\"_typeName\":\"NotAuthenticated\",\"object\":{\"t,\":"
                                          "\"\"},\"faultstring\":\"\r\r\r\"}");
        QCOMPARE(e.kind, VimError::Kind::Fault);
        QCOMPARE(e.faultType(), QStringLiteral("NotAuthenticated"));
        QCOMPARE(e.message, QStringLiteral("NotAuthenticated"));
        // And an empty fault type is no fault type
        const VimError untyped = interpret(500, R"({"_typeName":"  ","faultstring":"x"})");
        QCOMPARE(untyped.kind, VimError::Kind::Http);
        QVERIFY(!untyped.message.trimmed().isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestVimAnswer)
#include "tst_vimanswer.moc"
