#include "await.h"
#include "fakevcenter.h"
#include "scriptedserver.h"
#include "testcertificate.h"

#include <certificatepolicy.h>
#include <taskmanager.h>
#include <vimconnection.h>

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLoggingCategory>
#include <QSignalSpy>
#include <QSslConfiguration>
#include <QTest>

using State = VimConnection::State;
using Reason = VimConnection::FailureReason;

namespace {

svc::TaskManager taskManager(VimConnection *c)
{
    return svc::TaskManager(c, {QStringLiteral("TaskManager"), QStringLiteral("TaskManager")});
}

/// A scripted server playing vCenter, and a connection to point at it.
struct Fixture
{
    ScriptedServer server;
    FakeVCenter vc{&server};
    VimConnection connection;

    Fixture() { QVERIFY(server.start()); }
};

bool waitForState(VimConnection *c, State state, int timeoutMs = 5000)
{
    return QTest::qWaitFor([&] { return c->state() == state; }, timeoutMs);
}

} // namespace

class TestVimConnection : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void baseUrl_data();
    void baseUrl();
    void certificatePolicy_data();
    void certificatePolicy();

    void helloPicksRelease();
    void helloNotFoundProbesFromNewest();
    void helloEmptyProbes();
    void explicitReleaseSkipsNegotiation();
    void explicitReleaseNotOffered();
    void noCommonRelease();
    void htmlErrorPageDuringConnectIsNamed();
    void notVSphere_data();
    void notVSphere();
    void unreachable();
    void invalidServer();
    void invalidLogin();
    void requestHeaders();
    void answeredComesBeforeDecodingAndOnlyOnSuccess();
    void sessionHeaderReplaced();
    void bracketsGoRawOnTheWire();

    void reloginAfterNotAuthenticated();
    void reloginOnceForConcurrentCalls();
    void reloginFailsWithChangedPassword();
    void lateAnswerKeepsRenewedSession();
    void renewalOvertakenByAReloginEndsThere();
    void staleSessionCheckIsIgnored();
    void callWithEffectsIsNotRepeatedQuietly();
    void callsWaitForReloginAndCanBeAborted();
    void disconnectLogsOutAndForgets();
    void notConnected();

    void reconnectKeepsSession();
    void reconnectMakesNewSession();
    void reconnectGivesUp();
    void reconnectWithChangedPassword();
    void cutOffAnswersDuringRecoveryAreRetried();
    void serverErrorsDuringRecoveryAreRetried();

    void hostile_data();
    void hostile();
    void timeout();
    void bodyTooLarge_data();
    void bodyTooLarge();
    void arrayTooLong();
    void headersRefused_data();
    void headersRefused();
    void abortAndStaleContext();
    void destroyedWithCallsInFlight();

    void tlsUntrusted();
    void tlsTrustedThumbprint();
    void tlsInsecure();
    void tlsPinned_data();
    void tlsPinned();
    void tlsVerifiedChain();
    void logsHoldNoSecrets();
};

// ---- Base URL and certificate policy ----------------------------------------------------------

void TestVimConnection::baseUrl_data()
{
    QTest::addColumn<QString>("typed");
    QTest::addColumn<bool>("allowHttp");
    QTest::addColumn<QString>("expected"); // empty: invalid

    QTest::newRow("host") << "vc.example.com" << false << "https://vc.example.com/sdk";
    QTest::newRow("host, spaces") << "  vc.example.com " << false << "https://vc.example.com/sdk";
    QTest::newRow("host:port") << "vc:8443" << false << "https://vc:8443/sdk";
    QTest::newRow("https url") << "https://vc/sdk" << false << "https://vc/sdk";
    QTest::newRow("https url, slash") << "https://vc/sdk/" << false << "https://vc/sdk";
    QTest::newRow("https root") << "https://vc.example.com/" << false
                                << "https://vc.example.com/sdk";
    QTest::newRow("vSphere Client url")
        << "https://vc.example.com/ui/app/home" << false << "https://vc.example.com/sdk";
    QTest::newRow("proxy path") << "https://gw/vcenter/sdk" << false << "https://gw/vcenter/sdk";
    QTest::newRow("upper case") << "HTTPS://VC.Example.COM" << false
                                << "https://vc.example.com/sdk";
    QTest::newRow("ipv4") << "10.0.0.5" << false << "https://10.0.0.5/sdk";
    QTest::newRow("ipv6 bare") << "fe80::1" << false << "https://[fe80::1]/sdk";
    QTest::newRow("ipv6 port") << "[::1]:8443" << false << "https://[::1]:8443/sdk";
    QTest::newRow("user info dropped") << "https://root@vc" << false << "https://vc/sdk";
    QTest::newRow("http refused") << "http://vc" << false << "";
    QTest::newRow("http allowed") << "http://127.0.0.1:8080" << true << "http://127.0.0.1:8080/sdk";
    QTest::newRow("bare host never http") << "vc" << true << "https://vc/sdk";
    QTest::newRow("ftp") << "ftp://vc" << true << "";
    QTest::newRow("empty") << "" << false << "";
    QTest::newRow("blank") << "   " << false << "";
    QTest::newRow("space in host") << "vc example.com" << false << "";
    QTest::newRow("bad port") << "vc:http" << false << "";
}

void TestVimConnection::baseUrl()
{
    QFETCH(QString, typed);
    QFETCH(bool, allowHttp);
    QFETCH(QString, expected);
    QString error;
    const QUrl url = VimConnection::baseUrlFor(typed, allowHttp, &error);
    if (expected.isEmpty()) {
        QVERIFY2(!url.isValid(), qPrintable(url.toString()));
        QVERIFY(!error.isEmpty());
    } else {
        QVERIFY2(url.isValid(), qPrintable(error));
        QCOMPARE(url.toString(), expected);
    }
}

void TestVimConnection::certificatePolicy_data()
{
    QTest::addColumn<QByteArray>("pinned");
    QTest::addColumn<bool>("trusted");
    QTest::addColumn<bool>("insecure");
    QTest::addColumn<bool>("verified");
    QTest::addColumn<int>("verdict");
    const QByteArray leaf(32, 'a');
    const QByteArray other(32, 'b');
    using V = CertificatePolicy::Verdict;
    QTest::newRow("verified") << QByteArray() << false << false << true << int(V::Accept);
    QTest::newRow("unverified") << QByteArray() << false << false << false << int(V::Untrusted);
    QTest::newRow("trusted thumbprint") << QByteArray() << true << false << false << int(V::Accept);
    QTest::newRow("insecure") << QByteArray() << false << true << false << int(V::Accept);
    QTest::newRow("pinned, same") << leaf << false << false << false << int(V::Accept);
    QTest::newRow("pinned, other, verifies") << other << false << false << true << int(V::Changed);
    QTest::newRow("pinned, other, insecure") << other << true << true << false << int(V::Changed);
}

void TestVimConnection::certificatePolicy()
{
    QFETCH(QByteArray, pinned);
    QFETCH(bool, trusted);
    QFETCH(bool, insecure);
    QFETCH(bool, verified);
    QFETCH(int, verdict);
    const QByteArray leaf(32, 'a');
    const CertificatePolicy policy(pinned, trusted ? QList<QByteArray>{leaf} : QList<QByteArray>{},
                                   insecure);
    QCOMPARE(int(policy.verdict(leaf, verified)), verdict);
}

// ---- Release negotiation, login ---------------------------------------------------------------

void TestVimConnection::helloPicksRelease()
{
    // Given a vCenter speaking 8.0.2.0 and 8.0.1.0
    Fixture f;
    QSignalSpy states(&f.connection, &VimConnection::stateChanged);

    // When connecting without a release
    QVERIFY(f.vc.connect(&f.connection));

    // Then hello lists the known releases newest first and its answer is used
    const QList<HttpRequest> &requests = f.server.requests();
    QCOMPARE(requests.size(), 3);
    QCOMPARE(requests[0].method, QByteArray("POST"));
    QCOMPARE(requests[0].target, QByteArray("/api/vcenter/system?action=hello"));
    QCOMPARE(requests[0].header("content-type"), QByteArray("application/json"));
    QCOMPARE(requests[0].body, QByteArray(R"({"api_releases":["8.0.3.0","8.0.2.0","8.0.1.0"]})"));
    QCOMPARE(requests[1].method, QByteArray("GET"));
    QCOMPARE(requests[1].target,
             QByteArray("/sdk/vim25/8.0.2.0/ServiceInstance/ServiceInstance/content"));
    QCOMPARE(requests[2].target,
             QByteArray("/sdk/vim25/8.0.2.0/SessionManager/SessionManager/Login"));
    QCOMPARE(f.connection.apiRelease(), QStringLiteral("8.0.2.0"));
    QCOMPARE(f.connection.serviceContent().about.apiVersion, QStringLiteral("8.0.2.0"));
    QCOMPARE(f.connection.userSession().userName, f.vc.userName);
    QVERIFY(f.connection.hasSession());
    QCOMPARE(states.size(), 2);
    QCOMPARE(states[0][0].value<State>(), State::Connecting);
    QCOMPARE(states[1][0].value<State>(), State::Connected);
}

void TestVimConnection::helloNotFoundProbesFromNewest()
{
    // Given an 8.0 U1 vCenter: no hello, 500 for newer releases
    Fixture f;
    f.vc.hello = FakeVCenter::Hello::NotFound;
    f.vc.releases = {QStringLiteral("8.0.1.0")};

    QVERIFY(f.vc.connect(&f.connection));

    QStringList targets;
    for (const HttpRequest &r : f.server.requests())
        targets.append(QString::fromLatin1(r.method + ' ' + r.target));
    QCOMPARE(targets,
             QStringList({
                 QStringLiteral("POST /api/vcenter/system?action=hello"),
                 QStringLiteral("GET /sdk/vim25/8.0.3.0/ServiceInstance/ServiceInstance/content"),
                 QStringLiteral("GET /sdk/vim25/8.0.2.0/ServiceInstance/ServiceInstance/content"),
                 QStringLiteral("GET /sdk/vim25/8.0.1.0/ServiceInstance/ServiceInstance/content"),
                 QStringLiteral("POST /sdk/vim25/8.0.1.0/SessionManager/SessionManager/Login"),
             }));
    QCOMPARE(f.connection.apiRelease(), QStringLiteral("8.0.1.0"));
}

void TestVimConnection::helloEmptyProbes()
{
    Fixture f;
    f.vc.hello = FakeVCenter::Hello::Empty;
    f.vc.unknownReleaseStatus = 404;
    f.vc.releases = {QStringLiteral("8.0.1.0")};

    QVERIFY(f.vc.connect(&f.connection));
    QCOMPARE(f.connection.apiRelease(), QStringLiteral("8.0.1.0"));
    QCOMPARE(f.server.requestsTo("/content").size(), 3);
}

void TestVimConnection::explicitReleaseSkipsNegotiation()
{
    Fixture f;

    QVERIFY(f.vc.connect(&f.connection, QStringLiteral("8.0.1.0")));

    QVERIFY(f.server.requestsTo("/api/vcenter/system").isEmpty());
    QCOMPARE(f.server.requests().first().target,
             QByteArray("/sdk/vim25/8.0.1.0/ServiceInstance/ServiceInstance/content"));
    QCOMPARE(f.connection.apiRelease(), QStringLiteral("8.0.1.0"));
}

void TestVimConnection::explicitReleaseNotOffered()
{
    Fixture f;

    QVERIFY(!f.vc.connect(&f.connection, QStringLiteral("9.0.0.0")));

    QCOMPARE(f.connection.state(), State::Failed);
    QCOMPARE(f.connection.failureReason(), Reason::NoCommonRelease);
    QVERIFY2(f.connection.failureMessage().contains(QLatin1String("9.0.0.0")),
             qPrintable(f.connection.failureMessage()));
    QCOMPARE(f.server.requests().size(), 1);
}

void TestVimConnection::noCommonRelease()
{
    // Given a server that answers 500 to every release we know
    Fixture f;
    f.vc.hello = FakeVCenter::Hello::NotFound;
    f.vc.releases = {QStringLiteral("7.0.3.0")};

    QVERIFY(!f.vc.connect(&f.connection));

    QCOMPARE(f.connection.failureReason(), Reason::NoCommonRelease);
    QCOMPARE(f.server.requestsTo("/content").size(), 3);
    QVERIFY(f.server.requestsTo("/Login").isEmpty());
}

void TestVimConnection::htmlErrorPageDuringConnectIsNamed()
{
    // Given a server whose hello works but which answers the service content of every release
    // with an HTML error page (a proxy in front of a vCenter that is down)
    Fixture f;
    f.vc.route("GET", "/ServiceInstance/content",
               HttpResponse::raw(500,
                                 "<html><head><title>Internal Server Error</title></head>"
                                 "<body><h1>Internal Server Error</h1></body></html>",
                                 "text/html"));

    QVERIFY(!f.vc.connect(&f.connection));

    // Then the failure says what was answered, not that no release is shared
    QCOMPARE(f.connection.failureReason(), Reason::ServerError);
    const QString message = f.connection.failureMessage();
    QVERIFY2(message.contains(QLatin1String("HTTP 500")) &&
                 message.contains(QLatin1String("HTML page")) &&
                 message.contains(QLatin1String("Internal Server Error")),
             qPrintable(message));
    QVERIFY(f.server.requestsTo("/Login").isEmpty());
}

void TestVimConnection::notVSphere_data()
{
    QTest::addColumn<int>("status");
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<QByteArray>("contentType");
    QTest::newRow("html everywhere")
        << 200 << QByteArray("<html><body>Welcome</body></html>") << QByteArray("text/html");
    QTest::newRow("404 everywhere")
        << 404 << QByteArray("<html>Not Found</html>") << QByteArray("text/html");
    QTest::newRow("other json") << 200 << QByteArray(R"({"status":"ok","version":3})")
                                << QByteArray("application/json");
    QTest::newRow("other typed json")
        << 200 << QByteArray(R"({"_typeName":"UserSession","key":"k"})")
        << QByteArray("application/json");
}

void TestVimConnection::notVSphere()
{
    QFETCH(int, status);
    QFETCH(QByteArray, body);
    QFETCH(QByteArray, contentType);
    ScriptedServer server;
    QVERIFY(server.start());
    server.setHandler(
        [&](const HttpRequest &) { return HttpResponse::raw(status, body, contentType); });
    VimConnection connection;
    ConnectOptions options;
    options.server = QStringLiteral("http://") + server.hostAndPort();
    options.allowHttp = true;
    options.userName = QStringLiteral("u");
    options.password = QStringLiteral("p");

    connection.connectToServer(options);

    QVERIFY(waitForState(&connection, State::Failed));
    QCOMPARE(connection.failureReason(), Reason::NotVSphere);
    QVERIFY(!connection.failureMessage().isEmpty());
}

void TestVimConnection::unreachable()
{
    // Given a port nobody listens on
    ScriptedServer server;
    QVERIFY(server.start());
    const QString address = server.hostAndPort();
    server.stop();
    VimConnection connection;
    ConnectOptions options;
    options.server = QStringLiteral("http://") + address;
    options.allowHttp = true;

    connection.connectToServer(options);

    QVERIFY(waitForState(&connection, State::Failed));
    QCOMPARE(connection.failureReason(), Reason::Unreachable);
}

void TestVimConnection::invalidServer()
{
    VimConnection connection;
    QSignalSpy states(&connection, &VimConnection::stateChanged);
    ConnectOptions options;
    options.server = QStringLiteral("http://vc.example.com");
    connection.connectToServer(options);
    QCOMPARE(connection.state(), State::Failed);
    QCOMPARE(connection.failureReason(), Reason::InvalidServer);
    QVERIFY(connection.failureMessage().contains(QLatin1String("http://")));
    QCOMPARE(states.size(), 2);
}

void TestVimConnection::invalidLogin()
{
    Fixture f;
    ConnectOptions options = f.vc.options();
    options.password = QStringLiteral("wrong");

    QVERIFY(!f.vc.connect(&f.connection, options));

    QCOMPARE(f.connection.failureReason(), Reason::InvalidLogin);
    QVERIFY2(
        f.connection.failureMessage().contains(QLatin1String("incorrect user name or password")),
        qPrintable(f.connection.failureMessage()));
    QVERIFY(!f.connection.hasSession());
}

void TestVimConnection::requestHeaders()
{
    Fixture f;
    f.vc.route("GET", "/TaskManager/TaskManager/maxCollector", HttpResponse::ok("32"));
    QVERIFY(f.vc.connect(&f.connection));

    const auto result = await(taskManager(&f.connection).maxCollector());
    QVERIFY2(result.ok(), qPrintable(result.error().toString()));
    QCOMPARE(result.value(), 32);

    for (const HttpRequest &r : f.server.requests()) {
        QCOMPARE(r.header("user-agent"), QByteArray("vtaskmon/" VTASKMON_VERSION));
        QCOMPARE(r.hasHeader("content-type"), r.method == "POST");
    }
    // Anonymous steps carry no session; everything after Login carries the one it returned.
    QVERIFY(!f.server.requestsTo("/Login").first().hasHeader("vmware-api-session-id"));
    QCOMPARE(f.server.requestsTo("/maxCollector").first().header("vmware-api-session-id"),
             f.vc.validSession());
    QVERIFY(f.connection.requestCount() >= 4);
    QVERIFY(f.connection.bytesReceived() > 0);
}

void TestVimConnection::answeredComesBeforeDecodingAndOnlyOnSuccess()
{
    // Given one call that succeeds and one that fails with a fault
    Fixture f;
    f.vc.route("GET", "/maxCollector", HttpResponse::ok("32"));
    f.vc.route("GET", "/description",
               HttpResponse::fault(FakeVCenter::faultJson("SystemError", "no descriptions")));
    QVERIFY(f.vc.connect(&f.connection));
    QStringList events;
    QObject context;
    const auto watch = [&](const auto &pending, const QString &name) {
        pending.onAnswered(&context, [&events, name] { events.append(name + u" answered"); });
        pending.then(&context, [&events, name](const auto &r) {
            events.append(name + (r.ok() ? u" ok" : u" failed"));
        });
    };

    // When both are called
    watch(taskManager(&f.connection).maxCollector(), QStringLiteral("maxCollector"));
    watch(taskManager(&f.connection).description(), QStringLiteral("description"));
    QTRY_COMPARE(events.size(), 3);

    // Then the success was announced before its result, and the fault only finished
    QVERIFY(events.indexOf(QStringLiteral("maxCollector answered")) >= 0);
    QVERIFY(events.indexOf(QStringLiteral("maxCollector answered")) <
            events.indexOf(QStringLiteral("maxCollector ok")));
    QVERIFY(events.contains(QStringLiteral("description failed")));
    QVERIFY(!events.contains(QStringLiteral("description answered")));
}

void TestVimConnection::sessionHeaderReplaced()
{
    // Given a response that carries a new session id
    Fixture f;
    QVERIFY(f.vc.connect(&f.connection));
    f.vc.route("GET", "/maxCollector", [](const HttpRequest &) {
        return HttpResponse::ok("32").withHeader("vmware-api-session-id",
                                                 "0123498765fabdec5263748596071829304100ab");
    });
    f.vc.route("GET", "/description", HttpResponse::ok(R"({"_typeName":"TaskDescription"})"));
    QVERIFY(await(taskManager(&f.connection).maxCollector()).ok());

    // When calling again, the new id is sent (the fake rejects it, which is fine here)
    await(taskManager(&f.connection).description());
    QCOMPARE(f.server.requestsTo("/description").first().header("vmware-api-session-id"),
             QByteArray("0123498765fabdec5263748596071829304100ab"));
}

void TestVimConnection::bracketsGoRawOnTheWire()
{
    Fixture f;
    f.vc.route("GET", "/latestPage", HttpResponse::ok("[]"));
    QVERIFY(f.vc.connect(&f.connection));

    const vim::ManagedObjectReference ref{QStringLiteral("TaskHistoryCollector"),
                                          QStringLiteral("session[52c4e3d1-8d1e]52a9f0c2 x/y")};
    VimReply *reply = f.connection.get(ref, QStringLiteral("latestPage"));
    QSignalSpy finished(reply, &VimReply::finished);
    QVERIFY(finished.wait());
    QCOMPARE(f.server.requests().last().target,
             QByteArray("/sdk/vim25/8.0.2.0/TaskHistoryCollector/"
                        "session[52c4e3d1-8d1e]52a9f0c2%20x%2Fy/latestPage"));
}

// ---- Session keeping ------------------------------------------------------------------------

void TestVimConnection::reloginAfterNotAuthenticated()
{
    // Given a connected session that the server forgets
    Fixture f;
    f.vc.route("GET", "/maxCollector", HttpResponse::ok("32"));
    QVERIFY(f.vc.connect(&f.connection));
    const QByteArray oldSession = f.vc.validSession();
    f.vc.expireSession();
    QSignalSpy renewed(&f.connection, &VimConnection::sessionRenewed);
    QSignalSpy states(&f.connection, &VimConnection::stateChanged);

    // When a call fails with NotAuthenticated
    const auto result = await(taskManager(&f.connection).maxCollector());

    // Then the connection logs in again, retries once and the caller sees only the result
    QVERIFY2(result.ok(), qPrintable(result.error().toString()));
    QCOMPARE(result.value(), 32);
    QCOMPARE(renewed.size(), 1);
    QCOMPARE(states.size(), 0); // stays Connected throughout
    QCOMPARE(f.vc.logins(), 2);
    const auto calls = f.server.requestsTo("/maxCollector");
    QCOMPARE(calls.size(), 2);
    QCOMPARE(calls[0].header("vmware-api-session-id"), oldSession);
    QCOMPARE(calls[1].header("vmware-api-session-id"), f.vc.validSession());
    QVERIFY(!f.server.requests().last().body.contains("s3cret"));

    // And the password went only into Login bodies: no header, URL or other body has it
    for (const HttpRequest &r : f.server.requests()) {
        const bool isLogin = r.path.endsWith("/Login");
        QCOMPARE(r.body.contains("s3cret!"), isLogin);
        QVERIFY(!r.target.contains("s3cret"));
        for (const QByteArray &value : r.headers)
            QVERIFY(!value.contains("s3cret"));
    }
}

void TestVimConnection::reloginOnceForConcurrentCalls()
{
    Fixture f;
    f.vc.route("GET", "/maxCollector", HttpResponse::ok("32"));
    f.vc.route("GET", "/recentTask", HttpResponse::ok("[]"));
    QVERIFY(f.vc.connect(&f.connection));
    f.vc.expireSession();
    QSignalSpy renewed(&f.connection, &VimConnection::sessionRenewed);

    std::optional<VimResult<qint32>> first;
    std::optional<VimResult<QList<vim::ManagedObjectReference>>> second;
    taskManager(&f.connection).maxCollector().then(this, [&](const auto &r) { first = r; });
    taskManager(&f.connection).recentTask().then(this, [&](const auto &r) { second = r; });
    QTRY_VERIFY(first && second);

    QVERIFY(first->ok());
    QVERIFY(second->ok());
    QCOMPARE(f.vc.logins(), 2);
    QCOMPARE(renewed.size(), 1);
}

void TestVimConnection::reloginFailsWithChangedPassword()
{
    Fixture f;
    QVERIFY(f.vc.connect(&f.connection));
    f.vc.expireSession();
    f.vc.password = QStringLiteral("changed");
    QSignalSpy renewed(&f.connection, &VimConnection::sessionRenewed);

    const auto result = await(taskManager(&f.connection).maxCollector());

    QVERIFY(!result.ok());
    QVERIFY(result.error().isFault(QStringLiteral("NotAuthenticated")));
    QCOMPARE(f.connection.state(), State::Failed);
    QCOMPARE(f.connection.failureReason(), Reason::InvalidLogin);
    QCOMPARE(renewed.size(), 0);
    QCOMPARE(f.server.requestsTo("/maxCollector").size(), 1);
}

void TestVimConnection::lateAnswerKeepsRenewedSession()
{
    // Given a call still in flight when the session is renewed
    Fixture f;
    f.vc.route("GET", "/description", HttpResponse::defer());
    f.vc.route("GET", "/maxCollector", HttpResponse::ok("32"));
    QVERIFY(f.vc.connect(&f.connection));
    const QByteArray old = f.vc.validSession();
    const auto slow = taskManager(&f.connection).description();
    QTRY_COMPARE(f.server.requestsTo("/description").size(), 1);
    f.vc.expireSession();
    QVERIFY(await(taskManager(&f.connection).maxCollector()).ok());
    const QByteArray renewed = f.vc.validSession();
    QVERIFY(renewed != old);

    // When its answer finally comes, echoing the old session id
    QVERIFY(f.server.answerDeferred(
        HttpResponse::ok(
            R"({"_typeName":"TaskDescription","methodInfo":[],"state":[],"reason":[]})")
            .withHeader("vmware-api-session-id", old)));
    const auto slowResult = await(slow);
    QVERIFY2(slowResult.ok(), qPrintable(slowResult.error().toString()));

    // Then later calls still use the renewed session
    QVERIFY(await(taskManager(&f.connection).maxCollector()).ok());
    QCOMPARE(f.server.requestsTo("/maxCollector").last().header("vmware-api-session-id"), renewed);
}

void TestVimConnection::renewalOvertakenByAReloginEndsThere()
{
    // Given a session renewal whose Logout the server carried out, but whose answer is slow
    Fixture f;
    f.vc.route("GET", "/maxCollector", HttpResponse::ok("32"));
    QVERIFY(f.vc.connect(&f.connection));
    QSignalSpy renewed(&f.connection, &VimConnection::sessionRenewed);
    f.vc.route("POST", "/Logout", HttpResponse::defer());
    QVERIFY(f.connection.renewSession());
    QTRY_COMPARE(f.server.requestsTo("/Logout").size(), 1);
    f.vc.expireSession();

    // When another call finds the session gone first and logs in again
    QVERIFY(await(taskManager(&f.connection).maxCollector()).ok());
    QCOMPARE(f.vc.logins(), 2);
    QCOMPARE(renewed.size(), 1);
    const QByteArray fresh = f.vc.validSession();
    // and only then the Logout's answer arrives
    QVERIFY(f.server.answerDeferred(HttpResponse::noContent()));

    // Then the renewal is over: no second Logout ends the fresh session, no third login
    QVERIFY(await(taskManager(&f.connection).maxCollector()).ok());
    QTest::qWait(300); // a retried Logout would go out after 200 ms
    QCOMPARE(f.server.requestsTo("/Logout").size(), 1);
    QCOMPARE(f.vc.logins(), 2);
    QCOMPARE(f.vc.validSession(), fresh);
    QCOMPARE(renewed.size(), 1);
    QCOMPARE(f.connection.userSession().key, f.vc.sessionKey());
}

void TestVimConnection::staleSessionCheckIsIgnored()
{
    // Given a session check under way after a call was cut off
    Fixture f;
    f.vc.route("GET", "/maxCollector", HttpResponse::ok("32"));
    f.vc.route("GET", "/recentTask", HttpResponse::drop());
    QVERIFY(f.vc.connect(&f.connection));
    const QString oldKey = f.connection.userSession().key;
    f.vc.route("GET", "/currentSession", HttpResponse::defer());
    QCOMPARE(await(taskManager(&f.connection).recentTask()).error().kind, VimError::Kind::Network);
    QTRY_COMPARE(f.server.requestsTo("/currentSession").size(), 1);

    // When the session ends and another call logs in again meanwhile
    f.vc.expireSession();
    QVERIFY(await(taskManager(&f.connection).maxCollector()).ok());
    QCOMPARE(f.vc.logins(), 2);
    QCOMPARE(f.connection.userSession().key, f.vc.sessionKey());
    // and only then the check's answer comes, about the old session
    QVERIFY(f.server.answerDeferred(
        HttpResponse::ok(FakeVCenter::userSessionJson(f.vc.userName, oldKey))));

    // Then the connection keeps the new session, id and key together
    QTest::qWait(100);
    QCOMPARE(f.connection.state(), State::Connected);
    QCOMPARE(f.connection.userSession().key, f.vc.sessionKey());
    QVERIFY(await(taskManager(&f.connection).maxCollector()).ok());
    QCOMPARE(f.vc.logins(), 2);
}

void TestVimConnection::callWithEffectsIsNotRepeatedQuietly()
{
    // Given a server that carries out each CreateCollectorForTasks but closes the connection
    // before the first answer (Qt's HTTP stack then sends the same request again by itself)
    Fixture f;
    QVERIFY(f.vc.connect(&f.connection));
    int created = 0;
    f.vc.route("POST", "/CreateCollectorForTasks", [&](const HttpRequest &) {
        return ++created == 1 ? HttpResponse::drop()
                              : HttpResponse::ok(R"({"_typeName":"ManagedObjectReference",)"
                                                 R"("type":"TaskHistoryCollector","value":"c2"})");
    });

    // When the call is made
    const auto result = await(taskManager(&f.connection).createCollectorForTasks({}));

    // Then the caller learns that the answer was lost, not the second copy's collector
    // alone: the first copy made one too, and only "no answer" makes the caller clean up
    QVERIFY(!result.ok());
    QCOMPARE(result.error().kind, VimError::Kind::Network);
    QVERIFY2(result.error().message.contains(QLatin1String("may have carried")),
             qPrintable(result.error().message));
    QCOMPARE(f.server.requestsTo("/CreateCollectorForTasks").size(), 2);
}

void TestVimConnection::callsWaitForReloginAndCanBeAborted()
{
    // Given a re-login that takes a while
    Fixture f;
    f.vc.route("GET", "/maxCollector", HttpResponse::ok("32"));
    QVERIFY(f.vc.connect(&f.connection));
    f.vc.route("POST", "/Login", HttpResponse::defer());
    f.vc.expireSession();
    const auto first = taskManager(&f.connection).maxCollector();
    QTRY_COMPARE(f.server.requestsTo("/Login").size(), 2);

    // When more calls are made meanwhile, and one of them is aborted
    const auto second = taskManager(&f.connection).maxCollector();
    const auto third = taskManager(&f.connection).maxCollector();
    third.abort();
    QCOMPARE(await(third).error().kind, VimError::Kind::Canceled);
    QCOMPARE(f.server.requestsTo("/maxCollector").size(), 1); // the others wait, unsent
    QVERIFY(f.server.answerDeferred(f.vc.login(f.server.requestsTo("/Login").last())));

    // Then the waiting calls go out with the new session and succeed
    QVERIFY(await(first).ok());
    QVERIFY(await(second).ok());
    QCOMPARE(f.server.requestsTo("/maxCollector").size(), 3);
    QCOMPARE(f.server.requestsTo("/maxCollector").last().header("vmware-api-session-id"),
             f.vc.validSession());
}

void TestVimConnection::disconnectLogsOutAndForgets()
{
    Fixture f;
    QVERIFY(f.vc.connect(&f.connection));
    const QByteArray session = f.vc.validSession();

    f.connection.disconnectFromServer();

    QCOMPARE(f.connection.state(), State::Disconnected);
    QVERIFY(!f.connection.hasSession());
    QVERIFY(f.connection.options().password.isEmpty());
    QTRY_COMPARE(f.server.requestsTo("/Logout").size(), 1);
    const HttpRequest logout = f.server.requestsTo("/Logout").first();
    QCOMPARE(logout.method, QByteArray("POST"));
    QCOMPARE(logout.header("vmware-api-session-id"), session);
    QTRY_VERIFY(f.vc.validSession().isEmpty());
}

void TestVimConnection::notConnected()
{
    VimConnection connection;
    const auto result = await(taskManager(&connection).maxCollector());
    QVERIFY(!result.ok());
    QCOMPARE(result.error().kind, VimError::Kind::Network);
    QVERIFY(!result.error().message.isEmpty());
}

void TestVimConnection::reconnectKeepsSession()
{
    // Given a connected client and a server that goes away for a moment
    Fixture f;
    f.vc.route("GET", "/maxCollector", HttpResponse::ok("32"));
    f.connection.setReconnectPolicy({50, 200, 20});
    QVERIFY(f.vc.connect(&f.connection));
    QSignalSpy renewed(&f.connection, &VimConnection::sessionRenewed);
    QSignalSpy states(&f.connection, &VimConnection::stateChanged);
    const quint16 port = f.server.port();
    f.server.stop();

    // When a call fails on the network
    const auto failed = await(taskManager(&f.connection).maxCollector());
    QCOMPARE(failed.error().kind, VimError::Kind::Network);

    // Then the connection reconnects with backoff, and is back once the server is
    QVERIFY(waitForState(&f.connection, State::Reconnecting));
    QVERIFY(f.server.start(port));
    QVERIFY(waitForState(&f.connection, State::Connected));
    QCOMPARE(renewed.size(), 0); // the session survived: nothing to re-create
    QCOMPARE(states.size(), 2);
    QVERIFY(!f.server.requestsTo("/currentSession").isEmpty());
    QVERIFY(await(taskManager(&f.connection).maxCollector()).ok());
}

void TestVimConnection::reconnectMakesNewSession()
{
    Fixture f;
    f.connection.setReconnectPolicy({50, 200, 20});
    QVERIFY(f.vc.connect(&f.connection));
    QSignalSpy renewed(&f.connection, &VimConnection::sessionRenewed);
    State stateAtRenewal = State::Disconnected;
    connect(&f.connection, &VimConnection::sessionRenewed, this,
            [&] { stateAtRenewal = f.connection.state(); });
    const quint16 port = f.server.port();
    f.server.stop();
    await(taskManager(&f.connection).maxCollector());
    QVERIFY(waitForState(&f.connection, State::Reconnecting));

    // When the server comes back after a restart (sessions gone)
    f.vc.expireSession();
    QVERIFY(f.server.start(port));

    // Then it logs in again: Connected first, then sessionRenewed()
    QVERIFY(waitForState(&f.connection, State::Connected));
    QTRY_COMPARE(renewed.size(), 1);
    QCOMPARE(stateAtRenewal, State::Connected);
    QCOMPARE(f.vc.logins(), 2);
}

void TestVimConnection::reconnectGivesUp()
{
    Fixture f;
    f.connection.setReconnectPolicy({10, 40, 3});
    QVERIFY(f.vc.connect(&f.connection));
    f.server.stop();

    await(taskManager(&f.connection).maxCollector());

    QVERIFY(waitForState(&f.connection, State::Failed));
    QCOMPARE(f.connection.failureReason(), Reason::Unreachable);
}

void TestVimConnection::reconnectWithChangedPassword()
{
    // Given a server restarted meanwhile with another password
    Fixture f;
    f.connection.setReconnectPolicy({20, 100, 20});
    QVERIFY(f.vc.connect(&f.connection));
    const quint16 port = f.server.port();
    f.server.stop();
    await(taskManager(&f.connection).maxCollector());
    QVERIFY(waitForState(&f.connection, State::Reconnecting));
    f.vc.expireSession();
    f.vc.password = QStringLiteral("rotated");
    QVERIFY(f.server.start(port));

    // Then reconnecting ends: the login is refused, retrying cannot help
    QVERIFY(waitForState(&f.connection, State::Failed));
    QCOMPARE(f.connection.failureReason(), Reason::InvalidLogin);
}

void TestVimConnection::cutOffAnswersDuringRecoveryAreRetried()
{
    // Given a session lost, and a server that cuts off its first answers to Login
    Fixture f;
    f.connection.setReconnectPolicy({20, 100, 20});
    f.vc.route("GET", "/maxCollector", HttpResponse::ok("32"));
    QVERIFY(f.vc.connect(&f.connection));
    f.vc.expireSession();
    int cuts = 2;
    f.vc.route("POST", "/Login", [&](const HttpRequest &request) {
        const HttpResponse answer = f.vc.login(request);
        return cuts-- > 0 ? HttpResponse::cut(answer) : answer;
    });
    QSignalSpy renewed(&f.connection, &VimConnection::sessionRenewed);

    // When a call needs the re-login
    const auto first = await(taskManager(&f.connection).maxCollector());

    // Then a cut-off Login is a network problem, not a verdict: it reconnects
    QCOMPARE(first.error().kind, VimError::Kind::Fault); // the re-login failed: NotAuthenticated
    QVERIFY(waitForState(&f.connection, State::Connected));
    QVERIFY(await(taskManager(&f.connection).maxCollector()).ok());
    QCOMPARE(f.connection.failureReason(), Reason::None);
    // and the session it holds now is a new one, announced as such even though the Login that
    // made it lost its answer (only its headers arrived, so the check found it valid)
    QCOMPARE(f.vc.logins(), 2);
    QCOMPARE(renewed.size(), 1);
}

void TestVimConnection::serverErrorsDuringRecoveryAreRetried()
{
    // Given a dropped call, and a server whose first session checks fail with SystemError
    Fixture f;
    f.connection.setReconnectPolicy({20, 100, 20});
    f.vc.route("GET", "/description", HttpResponse::drop());
    QVERIFY(f.vc.connect(&f.connection));
    int errors = 2;
    f.vc.route("GET", "/currentSession", [&](const HttpRequest &request) {
        if (errors-- > 0)
            return HttpResponse::fault(FakeVCenter::faultJson("SystemError", "injected fault"));
        return request.header("vmware-api-session-id") == f.vc.validSession()
                   ? HttpResponse::ok(
                         FakeVCenter::userSessionJson(f.vc.userName, f.vc.sessionKey()))
                   : HttpResponse::noContent();
    });
    QSignalSpy renewed(&f.connection, &VimConnection::sessionRenewed);

    // When the drop makes the connection check its session
    QCOMPARE(await(taskManager(&f.connection).description()).error().kind, VimError::Kind::Network);

    // Then it goes through Reconnecting and back, keeping its session
    QVERIFY(waitForState(&f.connection, State::Reconnecting));
    QVERIFY(waitForState(&f.connection, State::Connected));
    QCOMPARE(f.server.requestsTo("/currentSession").size(), 3);
    QCOMPARE(renewed.size(), 0);
}

// ---- Hostile and broken answers -------------------------------------------------------------

void TestVimConnection::hostile_data()
{
    QTest::addColumn<HttpResponse>("response");
    QTest::addColumn<int>("kind");
    QTest::addColumn<QString>("messagePart");

    using K = VimError::Kind;
    QTest::newRow("truncated json")
        << HttpResponse::ok(R"({"_typeName":"TaskDescription","methodInfo":[)") << int(K::Decode)
        << "cannot be read";
    QTest::newRow("garbage") << HttpResponse::raw(200, "\x01\x02garbage\xff",
                                                  "application/octet-stream")
                             << int(K::Decode) << "cannot be read";
    QTest::newRow("wrong types")
        << HttpResponse::ok(
               R"({"_typeName":"TaskDescription","methodInfo":5,"state":[],"reason":[]})")
        << int(K::Decode) << "TaskDescription.methodInfo";
    QTest::newRow("empty 200") << HttpResponse::emptyOk() << int(K::Decode) << "empty answer";
    QTest::newRow("10000 nested arrays")
        << HttpResponse::ok(QByteArray(10000, '[') + QByteArray(10000, ']')) << int(K::Decode)
        << "nested deeper";
    QTest::newRow("fault")
        << HttpResponse::fault(
               R"({"_typeName":"NotSupported","faultstring":"The operation is not supported on the object."})")
        << int(K::Fault) << "The operation is not supported on the object.";
    QTest::newRow("fault without _typeName")
        << HttpResponse::fault(R"({"faultstring":"Something broke"})") << int(K::Http)
        << "without a fault type (HTTP 500): Something broke";
    QTest::newRow("500 html") << HttpResponse::raw(500, "<html>oops</html>", "text/html")
                              << int(K::Http) << "with HTTP 500 and an HTML page instead";
    QTest::newRow("500 html with a title")
        << HttpResponse::raw(500,
                             "<!DOCTYPE html>\n<html><head><title>503 Service Temporarily "
                             "Unavailable</title></head><body>...</body></html>",
                             "text/html")
        << int(K::Http) << "an HTML page (\u201c503 Service Temporarily Unavailable\u201d)";
    QTest::newRow("500 deep") << HttpResponse::fault(QByteArray(10000, '[')) << int(K::Http)
                              << "HTTP 500";
    QTest::newRow("fault, malformed fields")
        << HttpResponse::fault(
               R"({"_typeName":"InvalidArgument","invalidProperty":7,"faultstring":"bad"})")
        << int(K::Fault) << "bad";
    QTest::newRow("404") << HttpResponse::raw(404, "no", "text/plain") << int(K::Http)
                         << "HTTP status 404";
    QTest::newRow("cut off mid-body")
        << HttpResponse::cut(HttpResponse::ok(
               R"({"_typeName":"TaskDescription","methodInfo":[],"state":[],"reason":[]})"))
        << int(K::Network) << "TaskManager/TaskManager/description";
    QTest::newRow("dropped connection")
        << HttpResponse::drop() << int(K::Network) << "TaskManager/TaskManager/description";
}

void TestVimConnection::hostile()
{
    QFETCH(HttpResponse, response);
    QFETCH(int, kind);
    QFETCH(QString, messagePart);
    Fixture f;
    f.vc.route("GET", "/description", response);
    QVERIFY(f.vc.connect(&f.connection));

    const auto result = await(taskManager(&f.connection).description());

    QVERIFY(!result.ok());
    QCOMPARE(int(result.error().kind), kind);
    QVERIFY2(result.error().message.contains(messagePart), qPrintable(result.error().message));
    if (kind == int(VimError::Kind::Fault))
        QVERIFY(result.error().fault.has_value());
}

void TestVimConnection::timeout()
{
    Fixture f;
    f.vc.route("GET", "/description", HttpResponse::hang());
    ConnectOptions options = f.vc.options();
    options.requestTimeoutMs = 300;
    QVERIFY(f.vc.connect(&f.connection, options));

    QElapsedTimer clock;
    clock.start();
    const auto result = await(taskManager(&f.connection).description());

    QCOMPARE(result.error().kind, VimError::Kind::Timeout);
    QVERIFY(clock.elapsed() >= 250);
    QVERIFY(clock.elapsed() < 3000);
    // A timeout may mean a lost network: the session is checked quietly, the state stays.
    QTRY_COMPARE(f.server.requestsTo("/currentSession").size(), 1);
    QCOMPARE(f.connection.state(), State::Connected);
}

void TestVimConnection::bodyTooLarge_data()
{
    QTest::addColumn<bool>("declareLength");
    QTest::newRow("Content-Length: 50 MB") << true;
    QTest::newRow("50 MB until close") << false;
}

void TestVimConnection::bodyTooLarge()
{
    QFETCH(bool, declareLength);
    Fixture f;
    f.vc.route("GET", "/description", HttpResponse::stream(50'000'000, declareLength));
    f.connection.setMaxResponseBytes(8 * 1024 * 1024);
    QVERIFY(f.vc.connect(&f.connection));

    const auto result = await(taskManager(&f.connection).description(), 20000);

    QCOMPARE(result.error().kind, VimError::Kind::Decode);
    QVERIFY2(result.error().message.contains(QLatin1String("larger than the limit")),
             qPrintable(result.error().message));
    // Aborted early, not after reading everything.
    QVERIFY(f.connection.bytesReceived() < 20'000'000);
}

void TestVimConnection::headersRefused_data()
{
    QTest::addColumn<int>("count");
    QTest::addColumn<int>("size");
    // Beyond our limit but within Qt's (100 fields), beyond Qt's, far beyond it, and one
    // header larger than Qt reads (100 KiB).
    QTest::newRow("70 headers") << 70 << 10;
    QTest::newRow("150 headers") << 150 << 10;
    QTest::newRow("200 000 headers") << 200'000 << 10;
    QTest::newRow("one 200 KB header") << 1 << 200'000;
}

void TestVimConnection::headersRefused()
{
    QFETCH(int, count);
    QFETCH(int, size);
    // Given a server whose answer to description carries too many or too large headers
    Fixture f;
    HttpResponse answer = HttpResponse::ok(
        R"({"_typeName":"TaskDescription","methodInfo":[],"state":[],"reason":[]})");
    for (int i = 0; i < count; ++i)
        answer.withHeader("X-Filler-" + QByteArray::number(i), QByteArray(size, 'v'));
    f.vc.route("GET", "/description", answer);
    ConnectOptions options = f.vc.options();
    options.requestTimeoutMs = 15'000;
    QVERIFY(f.vc.connect(&f.connection, options));

    // When it is called
    const auto result = await(taskManager(&f.connection).description(), 30'000);

    // Then the answer is refused for its headers, not waited for until the timeout
    QCOMPARE(result.error().kind, VimError::Kind::Decode);
    QVERIFY2(result.error().message.contains(QLatin1String("headers")),
             qPrintable(result.error().message));
    // And the connection is fine for the next call
    f.vc.route("GET", "/description",
               HttpResponse::ok(
                   R"({"_typeName":"TaskDescription","methodInfo":[],"state":[],"reason":[]})"));
    QVERIFY(await(taskManager(&f.connection).description()).ok());
}

void TestVimConnection::arrayTooLong()
{
    Fixture f;
    QByteArray many = "[";
    for (int i = 0; i < 5000; ++i)
        many += R"({"_typeName":"ManagedObjectReference","type":"Task","value":"task-1"},)";
    many.chop(1);
    many += "]";
    f.vc.route("GET", "/recentTask", HttpResponse::ok(many));
    vim::ParseLimits limits;
    limits.maxArrayLength = 1000;
    f.connection.setParseLimits(limits);
    QVERIFY(f.vc.connect(&f.connection));

    const auto result = await(taskManager(&f.connection).recentTask());

    QCOMPARE(result.error().kind, VimError::Kind::Decode);
    QVERIFY2(result.error().message.contains(QLatin1String("1000")),
             qPrintable(result.error().message));
}

void TestVimConnection::abortAndStaleContext()
{
    Fixture f;
    f.vc.route("GET", "/description", HttpResponse::hang());
    f.vc.route("GET", "/maxCollector", HttpResponse::ok("32"));
    QVERIFY(f.vc.connect(&f.connection));

    // Given a caller that aborts
    const auto pending = taskManager(&f.connection).description();
    QSignalSpy received(&f.server, &ScriptedServer::requestReceived);
    QVERIFY(received.wait());
    pending.abort();
    const auto result = await(pending);
    QCOMPARE(result.error().kind, VimError::Kind::Canceled);

    // Given a callback whose context dies first: it is never called
    bool called = false;
    {
        QObject context;
        taskManager(&f.connection).maxCollector().then(&context, [&](const auto &) {
            called = true;
        });
    }
    QVERIFY(await(taskManager(&f.connection).maxCollector()).ok());
    QVERIFY(!called);
}

void TestVimConnection::destroyedWithCallsInFlight()
{
    // Given calls in flight
    Fixture f;
    f.vc.route("GET", "/description", HttpResponse::hang());
    auto connection = std::make_unique<VimConnection>();
    QVERIFY(f.vc.connect(connection.get()));
    std::optional<VimResult<vim::TaskDescription>> result;
    taskManager(connection.get()).description().then(this, [&](const auto &r) { result = r; });
    QTRY_COMPARE(f.server.requestsTo("/description").size(), 1);

    // When the connection goes away, each still ends once, as canceled
    connection.reset();
    QTRY_VERIFY(result.has_value());
    QCOMPARE(result->error().kind, VimError::Kind::Canceled);
}

// ---- TLS ------------------------------------------------------------------------------------

namespace {
/// The fake vCenter over TLS with a fresh self-signed certificate for 127.0.0.1.
struct TlsFixture : Fixture
{
    TestCertificate cert = TestCertificate::generate("vc.test");
    ConnectOptions options = vc.options();

    TlsFixture()
    {
        server.setTls(cert.certificate, cert.key);
        options.server = server.hostAndPort();
        options.allowHttp = false;
    }
    QByteArray sha() const { return cert.certificate.digest(QCryptographicHash::Sha256); }
    State connect()
    {
        connection.connectToServer(options);
        if (!QTest::qWaitFor([this] { return connection.state() != State::Connecting; }, 5000))
            qWarning("still connecting after 5 s");
        return connection.state();
    }
};

/// Makes `certificate` a trusted root for every TLS connection while it lives.
class TrustedRoot final
{
public:
    explicit TrustedRoot(const QSslCertificate &certificate)
        : m_saved(QSslConfiguration::defaultConfiguration())
    {
        QSslConfiguration config = m_saved;
        config.addCaCertificate(certificate);
        QSslConfiguration::setDefaultConfiguration(config);
    }
    ~TrustedRoot() { QSslConfiguration::setDefaultConfiguration(m_saved); }

private:
    QSslConfiguration m_saved;
};
} // namespace

void TestVimConnection::tlsUntrusted()
{
    TlsFixture f;
    QCOMPARE(f.connect(), State::Failed);
    QCOMPARE(f.connection.failureReason(), Reason::CertificateUntrusted);
    QCOMPARE(f.connection.peerChain().size(), 1);
    QCOMPARE(f.connection.peerChain().first(), f.cert.certificate);
    QVERIFY2(f.connection.failureMessage().contains(VimConnection::thumbprint(f.cert.certificate)),
             qPrintable(f.connection.failureMessage()));
    QVERIFY(f.server.requests().isEmpty());
}

void TestVimConnection::tlsTrustedThumbprint()
{
    TlsFixture f;
    f.options.trustedSha256 = {QByteArray(32, 'x'), f.sha()};
    QCOMPARE(f.connect(), State::Connected);
    QCOMPARE(f.connection.baseUrl().scheme(), QStringLiteral("https"));
}

void TestVimConnection::tlsInsecure()
{
    TlsFixture f;
    f.options.insecure = true;
    QCOMPARE(f.connect(), State::Connected);
}

void TestVimConnection::tlsPinned_data()
{
    QTest::addColumn<bool>("same");
    QTest::addColumn<bool>("chainVerifies");
    QTest::newRow("pinned certificate") << true << false;
    QTest::newRow("another certificate") << false << false;
    QTest::newRow("pinned certificate, verified chain") << true << true;
    QTest::newRow("another certificate, verified chain") << false << true;
}

void TestVimConnection::tlsPinned()
{
    QFETCH(bool, same);
    QFETCH(bool, chainVerifies);
    TlsFixture f;
    std::optional<TrustedRoot> root;
    if (chainVerifies)
        root.emplace(f.cert.certificate);
    f.options.pinnedSha256 = same ? f.sha() : QByteArray(32, 'z');
    f.options.trustedSha256 = {f.sha()}; // a pin wins over a trusted thumbprint

    const State state = f.connect();

    if (same) {
        QCOMPARE(state, State::Connected);
        return;
    }
    QCOMPARE(state, State::Failed);
    QCOMPARE(f.connection.failureReason(), Reason::CertificateChanged);
    QCOMPARE(f.connection.peerChain().value(0), f.cert.certificate);
    QVERIFY(f.server.requests().isEmpty());
}

void TestVimConnection::tlsVerifiedChain()
{
    // Given a certificate that verifies: no thumbprint or pin needed
    TlsFixture f;
    TrustedRoot root(f.cert.certificate);
    QCOMPARE(f.connect(), State::Connected);
}

void TestVimConnection::logsHoldNoSecrets()
{
    // Given every network message at debug level captured
    static QStringList messages;
    messages.clear();
    QLoggingCategory::setFilterRules(QStringLiteral("vtaskmon.network.debug=true"));
    const QtMessageHandler previous =
        qInstallMessageHandler([](QtMsgType, const QMessageLogContext &, const QString &message) {
            messages.append(message);
        });
    Fixture f;
    f.vc.route("GET", "/maxCollector", HttpResponse::ok("32"));

    // When connecting, renewing the session, calling and disconnecting
    QVERIFY(f.vc.connect(&f.connection));
    QByteArrayList sessions{f.vc.validSession()};
    f.vc.expireSession();
    QVERIFY(await(taskManager(&f.connection).maxCollector()).ok());
    sessions.append(f.vc.validSession());
    f.connection.disconnectFromServer();
    QTRY_VERIFY(!f.server.requestsTo("/Logout").isEmpty());
    qInstallMessageHandler(previous);
    QLoggingCategory::setFilterRules(QString());

    // Then requests were logged, but never the password or a session id
    const QString all = messages.join(QLatin1Char('\n'));
    QVERIFY2(all.contains(
                 QLatin1String("GET /sdk/vim25/8.0.2.0/TaskManager/TaskManager/maxCollector 200")),
             qPrintable(all));
    QVERIFY(!all.contains(f.vc.password));
    for (const QByteArray &session : std::as_const(sessions))
        QVERIFY(!all.contains(QString::fromLatin1(session)));
}

QTEST_GUILESS_MAIN(TestVimConnection)
#include "tst_vimconnection.moc"
