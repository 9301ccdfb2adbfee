#pragma once

#include "fakevcenter.h"
#include "scriptedserver.h"

#include <QList>
#include <QString>
#include <QTest>

/// Answers a broken or hostile server gives to every call after a good login, with a piece of
/// the message the client must report for each: shared by the engine and the CLI tests.
struct HostileAnswer
{
    const char *name;
    HttpResponse response;
    QString reason;
};

inline QList<HostileAnswer> hostileAnswers()
{
    HttpResponse manyHeaders = HttpResponse::ok("{}");
    for (int i = 0; i < 2000; ++i)
        manyHeaders.withHeader("X-Filler-" + QByteArray::number(i), "v");
    return {
        {"invalid JSON", HttpResponse::ok(R"({"_typeName":"ManagedObjectReference","type":)"),
         QStringLiteral("cannot be read")},
        {"200 MB", HttpResponse::stream(200'000'000, false), QStringLiteral("larger than")},
        {"deep nesting", HttpResponse::ok(QByteArray(10'000, '[') + QByteArray(10'000, ']')),
         QStringLiteral("nested deeper")},
        {"HTML 500",
         HttpResponse::raw(500, "<html><body><h1>Internal Server Error</h1></body></html>",
                           "text/html"),
         QStringLiteral("HTTP 500")},
        {"302",
         HttpResponse::raw(302, "<html>Moved</html>", "text/html")
             .withHeader("Location", "https://login.example.com/"),
         QStringLiteral("HTTP status 302")},
        {"2000 headers", manyHeaders, QStringLiteral("headers")},
    };
}

/// The rows `answer` (HttpResponse) and `reason` (QString) of a data-driven test, one per
/// hostile answer.
inline void addHostileAnswerRows()
{
    QTest::addColumn<HttpResponse>("answer");
    QTest::addColumn<QString>("reason");
    for (const HostileAnswer &a : hostileAnswers())
        QTest::newRow(a.name) << a.response << a.reason;
}

/// A FakeVCenter that logs in well, then answers every other call with `answer`.
struct HostileServer
{
    explicit HostileServer(const HttpResponse &answer)
    {
        started = server.start();
        vc.otherwise = [answer](const HttpRequest &) {
            return answer;
        };
    }

    ScriptedServer server;
    FakeVCenter vc{&server};
    bool started = false;
};
