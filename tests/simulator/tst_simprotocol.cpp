// Conformance of the simulator with vi-json-protocol.md §9 items 1–6 and §1–§4: routing,
// request bodies, responses, faults, sessions and hello. Requests are written by hand.

#include "rawhttpclient.h"
#include "simasserts.h"
#include "simharness.h"

#include <QJsonArray>
#include <QRegularExpression>
#include <QTest>

using R = RawHttpClient;

namespace {

const QByteArray kCollectorForRoot =
    R::j("{'filter':{'_typeName':'TaskFilterSpec','entity':{'_typeName':'TaskFilterSpecByEntity',"
         "'entity':{'_typeName':'ManagedObjectReference','type':'Folder','value':'group-d1'},'"
         "recursion':'all'}}}");

} // namespace

class TstSimProtocol final : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<SimHarness> m_sim;

    R client() const { return R(m_sim->port()); }

private Q_SLOTS:
    void initTestCase()
    {
        m_sim = std::make_unique<SimHarness>(SimHarness::quietOptions());
        QVERIFY(m_sim->ok());
    }

    void getReadsTopLevelPropertyAnonymously()
    {
        R c = client();
        const auto r = c.get(QStringLiteral("ServiceInstance/ServiceInstance/content"));
        QCOMPARE(r.status, 200);
        QCOMPARE(r.header("content-type"), QByteArray("application/json"));
        QCOMPARE(r.typeName(), QStringLiteral("ServiceContent"));
        const QJsonObject about = r.object().value(QLatin1String("about")).toObject();
        QCOMPARE(about.value(QLatin1String("apiType")).toString(), QStringLiteral("VirtualCenter"));
        QCOMPARE(about.value(QLatin1String("productLineId")).toString(), QStringLiteral("vpx"));
        QCOMPARE(about.value(QLatin1String("apiVersion")).toString(), QStringLiteral("8.0.3.0"));
        const QJsonObject root = r.object().value(QLatin1String("rootFolder")).toObject();
        QCOMPARE(root.value(QLatin1String("value")).toString(), QStringLiteral("group-d1"));
        for (const char *k : {"sessionManager", "taskManager", "viewManager", "propertyCollector",
                              "extensionManager"})
            QVERIFY2(r.object().contains(QLatin1String(k)), k);
        QString where;
        QVERIFY2(allTypedWithUtcDates(r.json(), &where), qPrintable(where));
    }

    void releases_data()
    {
        QTest::addColumn<QString>("release");
        QTest::addColumn<int>("status");
        QTest::newRow("8.0.1.0") << QStringLiteral("8.0.1.0") << 200;
        QTest::newRow("8.0.2.0") << QStringLiteral("8.0.2.0") << 200;
        QTest::newRow("8.0.3.0") << QStringLiteral("8.0.3.0") << 200;
        QTest::newRow("newer 9.0.0.0") << QStringLiteral("9.0.0.0") << 500;
        QTest::newRow("unknown 8.0.3") << QStringLiteral("8.0.3") << 404;
        QTest::newRow("unknown 7.0.3.0") << QStringLiteral("7.0.3.0") << 404;
    }
    void releases()
    {
        QFETCH(QString, release);
        QFETCH(int, status);
        R c(m_sim->port(), false, release);
        QCOMPARE(c.get(QStringLiteral("ServiceInstance/ServiceInstance/content")).status, status);
    }

    void unknownNamesAndWrongVerbs()
    {
        R c = client();
        c.login();
        QCOMPARE(c.get(QStringLiteral("TaskManager/TaskManager/noSuchProperty")).status, 404);
        QCOMPARE(c.post(QStringLiteral("TaskManager/TaskManager/NoSuchMethod")).status, 404);
        QCOMPARE(c.get(QStringLiteral("NoSuchType/x/name")).status, 404);
        QCOMPARE(c.get(QStringLiteral("TaskManager/TaskManager/CreateTask")).status, 405);
        QCOMPARE(c.post(QStringLiteral("TaskManager/TaskManager/recentTask")).status, 405);
        // Only top-level properties are served by GET.
        QCOMPARE(c.get(QStringLiteral("TaskManager/TaskManager/description.methodInfo")).status,
                 404);
    }

    void unknownMoIdIsManagedObjectNotFound()
    {
        R c = client();
        c.login();
        const auto r = c.get(QStringLiteral("Task/task-999999/info"));
        verifyFault(r, "ManagedObjectNotFound");
        const QJsonObject obj = r.object().value(QLatin1String("obj")).toObject();
        QCOMPARE(obj.value(QLatin1String("type")).toString(), QStringLiteral("Task"));
        QCOMPARE(obj.value(QLatin1String("value")).toString(), QStringLiteral("task-999999"));
    }

    void bracketsRawAndPercentEncoded()
    {
        R c = client();
        c.login();
        const QString id = R::moId(c.post(
            QStringLiteral("TaskManager/TaskManager/CreateCollectorForTasks"), kCollectorForRoot));
        QVERIFY(id.startsWith(QStringLiteral("session[")));
        QCOMPARE(c.post(QStringLiteral("TaskHistoryCollector/") + id +
                        QStringLiteral("/RewindCollector"))
                     .status,
                 204);
        QString encoded = id;
        encoded.replace(QLatin1Char('['), QStringLiteral("%5B"))
            .replace(QLatin1Char(']'), QStringLiteral("%5D"));
        QCOMPARE(c.post(QStringLiteral("TaskHistoryCollector/") + encoded +
                        QStringLiteral("/RewindCollector"))
                     .status,
                 204);
        QCOMPARE(
            c.get(QStringLiteral("TaskHistoryCollector/") + encoded + QStringLiteral("/filter"))
                .typeName(),
            QStringLiteral("TaskFilterSpec"));
        // The base type in the path is accepted too.
        QCOMPARE(
            c.post(QStringLiteral("HistoryCollector/") + id + QStringLiteral("/RewindCollector"))
                .status,
            204);
    }

    void lenientBodies_data()
    {
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<bool>("contentType");
        QTest::newRow("no body") << QByteArray() << false;
        QTest::newRow("empty body") << QByteArray("") << true;
        QTest::newRow("{}") << QByteArray("{}") << true;
        QTest::newRow("method name") << R::j("{'_typeName':'CurrentTime'}") << false;
        QTest::newRow("request type") << R::j("{'_typeName':'CurrentTimeRequestType'}") << true;
        QTest::newRow("any value") << R::j("{'_typeName':'whatever'}") << false;
    }
    void lenientBodies()
    {
        QFETCH(QByteArray, body);
        QFETCH(bool, contentType);
        R c = client();
        c.login();
        const auto r = c.post(QStringLiteral("ServiceInstance/ServiceInstance/CurrentTime"), body,
                              contentType);
        QCOMPARE(r.status, 200);
        // A bare dateTime: UTC with microseconds.
        QVERIFY(QRegularExpression(
                    QStringLiteral("^\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{6}Z$"))
                    .match(r.json().toString())
                    .hasMatch());
    }

    void strictModeRejectsUntypedNestedObjectsButNotMoRefs()
    {
        R c = client();
        c.login();
        const auto untyped =
            c.post(QStringLiteral("TaskManager/TaskManager/CreateCollectorForTasks"),
                   R::j("{'filter':{'state':['running']}}"));
        verifyFault(untyped, "InvalidRequest");
        const auto bareMoRef =
            c.post(QStringLiteral("TaskManager/TaskManager/CreateCollectorForTasks"),
                   R::j("{'filter':{'_typeName':'TaskFilterSpec','entity':{'_typeName':'"
                        "TaskFilterSpecByEntity',"
                        "'entity':{'type':'Folder','value':'group-d1'},'recursion':'all'}}}"));
        QCOMPARE(bareMoRef.status, 200);
        QCOMPARE(bareMoRef.typeName(), QStringLiteral("ManagedObjectReference"));
    }

    void lenientModeAcceptsUntypedObjects()
    {
        sim::SimulatorOptions o = SimHarness::quietOptions();
        o.strict = false;
        SimHarness lenient(o);
        R c(lenient.port());
        c.login();
        QCOMPARE(c.post(QStringLiteral("TaskManager/TaskManager/CreateCollectorForTasks"),
                        R::j("{'filter':{'state':['running']}}"))
                     .status,
                 200);
    }

    void voidAndNullAnswers()
    {
        R c = client();
        // currentSession without a session: 204 with an empty body.
        auto r = c.get(QStringLiteral("SessionManager/SessionManager/currentSession"));
        QCOMPARE(r.status, 204);
        QVERIFY(r.body.isEmpty());
        c.login();
        r = c.get(QStringLiteral("SessionManager/SessionManager/currentSession"));
        QCOMPARE(r.status, 200);
        QCOMPARE(r.typeName(), QStringLiteral("UserSession"));
        r = c.post(QStringLiteral("ExtensionManager/ExtensionManager/FindExtension"),
                   R::j("{'extensionKey':'com.example.none'}"));
        QCOMPARE(r.status, 204);
        QVERIFY(r.body.isEmpty());
        r = c.get(QStringLiteral("TaskManager/TaskManager/maxCollector"));
        QCOMPARE(r.status, 200);
        QCOMPARE(r.body, QByteArray("32"));
    }

    void loginReturnsTokenAndUserSession()
    {
        R c = client();
        const auto r = c.login();
        QCOMPARE(r.status, 200);
        QVERIFY(QRegularExpression(QStringLiteral("^[0-9a-f]{40}$"))
                    .match(QString::fromLatin1(c.token))
                    .hasMatch());
        QCOMPARE(r.typeName(), QStringLiteral("UserSession"));
        const QJsonObject s = r.object();
        QCOMPARE(s.value(QLatin1String("userName")).toString(),
                 QStringLiteral("VSPHERE.LOCAL\\Administrator"));
        QVERIFY(s.value(QLatin1String("key")).toString() != QString::fromLatin1(c.token));
        for (const char *k :
             {"key", "fullName", "loginTime", "lastActiveTime", "locale", "messageLocale",
              "extensionSession", "ipAddress", "userAgent", "callCount"})
            QVERIFY2(s.contains(QLatin1String(k)), k);
    }

    void loginFaults()
    {
        R c = client();
        verifyFault(c.login(QStringLiteral("administrator@vsphere.local"), QStringLiteral("wrong")),
                    "InvalidLogin");
        verifyFault(c.login(QStringLiteral("noaccess@vsphere.local")), "NoPermission");
        verifyFault(c.login(QStringLiteral("administrator@vsphere.local"),
                            QStringLiteral("VMware1!demo"), QStringLiteral("!!")),
                    "InvalidLocale");
        QVERIFY(c.token.isEmpty());
    }

    void everythingElseNeedsASession()
    {
        R c = client();
        auto r = c.get(QStringLiteral("TaskManager/TaskManager/recentTask"));
        verifyFault(r, "NotAuthenticated");
        QCOMPARE(r.object()
                     .value(QLatin1String("object"))
                     .toObject()
                     .value(QLatin1String("type"))
                     .toString(),
                 QStringLiteral("TaskManager"));
        c.token = "0123498765fabdec5263748596071829304100ab";
        verifyFault(c.post(QStringLiteral("ServiceInstance/ServiceInstance/CurrentTime")),
                    "NotAuthenticated");
        // RetrieveServiceContent is anonymous.
        QCOMPARE(c.post(QStringLiteral("ServiceInstance/ServiceInstance/RetrieveServiceContent"),
                        R::j("{'_typeName':'RetrieveServiceContent'}"))
                     .typeName(),
                 QStringLiteral("ServiceContent"));
    }

    void logoutEndsSessionAndItsObjects()
    {
        R c = client();
        c.login();
        const QString key = c.sessionKey();
        QCOMPARE(c.post(QStringLiteral("TaskManager/TaskManager/CreateCollectorForTasks"),
                        kCollectorForRoot)
                     .status,
                 200);
        QCOMPARE(
            c.post(QStringLiteral("PropertyCollector/propertyCollector/CreatePropertyCollector"))
                .status,
            200);
        QCOMPARE(c.post(QStringLiteral("ViewManager/ViewManager/CreateListView"), "{}").status,
                 200);
        const auto before = (*m_sim)->stats().perSession.value(key);
        QCOMPARE(before.collectors, 1);
        QCOMPARE(before.views, 1);
        QCOMPARE(c.post(QStringLiteral("SessionManager/SessionManager/Logout")).status, 204);
        QVERIFY(!(*m_sim)->stats().perSession.contains(key));
        verifyFault(c.get(QStringLiteral("TaskManager/TaskManager/recentTask")),
                    "NotAuthenticated");
    }

    void sessionObjectsAreInvisibleToOtherSessions()
    {
        R a = client();
        R b = client();
        a.login();
        b.login(QStringLiteral("alice@vsphere.local"));
        const QString id = R::moId(a.post(
            QStringLiteral("TaskManager/TaskManager/CreateCollectorForTasks"), kCollectorForRoot));
        verifyFault(b.post(QStringLiteral("TaskHistoryCollector/") + id +
                           QStringLiteral("/RewindCollector")),
                    "ManagedObjectNotFound");
    }

    void terminateSessionAndSessionIsActive()
    {
        R a = client();
        R b = client();
        a.login();
        b.login(QStringLiteral("bob@vsphere.local"));
        const QString aKey = a.sessionKey();
        const QString bKey = b.sessionKey();
        auto r = a.post(QStringLiteral("SessionManager/SessionManager/SessionIsActive"),
                        R::j("{'sessionID':'") + bKey.toUtf8() +
                            R::j("','userName':'bob@vsphere.local'}"));
        QCOMPARE(r.body, QByteArray("true"));
        verifyFault(a.post(QStringLiteral("SessionManager/SessionManager/TerminateSession"),
                           R::j("{'sessionId':['") + aKey.toUtf8() + "\"]}"),
                    "InvalidArgument");
        verifyFault(a.post(QStringLiteral("SessionManager/SessionManager/TerminateSession"),
                           R::j("{'sessionId':['nope']}")),
                    "NotFound");
        QCOMPARE(a.post(QStringLiteral("SessionManager/SessionManager/TerminateSession"),
                        R::j("{'sessionId':['") + bKey.toUtf8() + "\"]}")
                     .status,
                 204);
        verifyFault(b.get(QStringLiteral("TaskManager/TaskManager/recentTask")),
                    "NotAuthenticated");
    }

    void idleSessionsExpire()
    {
        sim::SimulatorOptions o = SimHarness::quietOptions();
        o.sessionIdleTimeoutSeconds = 1;
        SimHarness sim(o);
        R c(sim.port());
        c.login();
        QCOMPARE(sim->stats().sessions, 1);
        QTRY_COMPARE_WITH_TIMEOUT(sim->stats().sessions, 0, 10000);
        verifyFault(c.get(QStringLiteral("TaskManager/TaskManager/recentTask")),
                    "NotAuthenticated");
    }

    void hello()
    {
        R c = client();
        auto call = [&](const QByteArray &body) {
            c.send(c.rawRequest("POST", "/api/vcenter/system?action=hello", body, true));
            return c.receive();
        };
        auto r = call(R::j("{'api_releases':['9.0.0.0','8.0.2.0','8.0.1.0']}"));
        QCOMPARE(r.status, 200);
        QCOMPARE(r.object().value(QLatin1String("api_release")).toString(),
                 QStringLiteral("8.0.2.0"));
        QCOMPARE(call(R::j("{'api_releases':['6.7.0.0']}"))
                     .object()
                     .value(QLatin1String("api_release"))
                     .toString(),
                 QString());
        r = call(R::j("{'api_releases':[]}"));
        QCOMPARE(r.status, 400);
        QVERIFY(r.object().contains(QLatin1String("error_type")));
        QByteArray many = "{\"api_releases\":[";
        for (int i = 0; i < 129; ++i)
            many += (i ? ",\"8.0.1.0\"" : "\"8.0.1.0\"");
        QCOMPARE(call(many + "]}").status, 400);
        QCOMPARE(call("{\"api_releases\":[\"" + QByteArray(65, '8') + "\"]}").status, 400);
    }

    void helloAndInfoFilterCollectorDependOnRelease()
    {
        sim::SimulatorOptions o = SimHarness::quietOptions();
        o.release = QStringLiteral("8.0.1.0");
        SimHarness u1(o);
        R c(u1.port(), false, QStringLiteral("8.0.1.0"));
        c.send(c.rawRequest("POST", "/api/vcenter/system?action=hello",
                            R::j("{'api_releases':['8.0.1.0']}"), true));
        QCOMPARE(c.receive().status, 404);
        QCOMPARE(c.get(QStringLiteral("ServiceInstance/ServiceInstance/content"))
                     .object()
                     .value(QLatin1String("about"))
                     .toObject()
                     .value(QLatin1String("apiVersion"))
                     .toString(),
                 QStringLiteral("8.0.1.0"));
        QCOMPARE(c.get(QStringLiteral("ServiceInstance/ServiceInstance/content")).status, 200);
        R newer(u1.port(), false, QStringLiteral("8.0.2.0"));
        QCOMPARE(newer.get(QStringLiteral("ServiceInstance/ServiceInstance/content")).status, 500);
        c.login();
        QCOMPARE(
            c.post(QStringLiteral("TaskManager/TaskManager/CreateCollectorWithInfoFilterForTasks"),
                   kCollectorForRoot)
                .status,
            404);

        o.release = QStringLiteral("8.0.3.0");
        o.hello = false;
        SimHarness noHello(o);
        R d(noHello.port());
        d.send(d.rawRequest("POST", "/api/vcenter/system?action=hello",
                            R::j("{'api_releases':['8.0.1.0']}"), true));
        QCOMPARE(d.receive().status, 404);
        d.login();
        const auto r =
            d.post(QStringLiteral("TaskManager/TaskManager/CreateCollectorWithInfoFilterForTasks"),
                   R::j("{'filter':{'_typeName':'TaskFilterSpec'},'infoFilter':{'_typeName':'"
                        "TaskInfoFilterSpec',"
                        "'filterTaskResults':{'_typeName':'TaskInfoFilterSpecFilterTaskResults','"
                        "removeAll':true}}}"));
        QCOMPARE(r.status, 200);
        QCOMPARE(r.object().value(QLatin1String("type")).toString(),
                 QStringLiteral("TaskHistoryCollector"));
    }

    void httpsServesGeneratedCertificate()
    {
        sim::SimulatorOptions o = SimHarness::quietOptions();
        o.https = true;
        SimHarness tls(o);
        QVERIFY(tls.ok());
        R c(tls.port(), true);
        QCOMPARE(c.get(QStringLiteral("ServiceInstance/ServiceInstance/content")).status, 200);
        const QSslCertificate peer = c.socket()->peerCertificate();
        QVERIFY(!peer.isNull());
        QCOMPARE(peer, tls->certificate());
        QString hex =
            QString::fromLatin1(peer.digest(QCryptographicHash::Sha256).toHex().toUpper());
        QCOMPARE(tls->thumbprint().remove(QLatin1Char(':')), hex);
        QCOMPARE(peer.subjectInfo(QSslCertificate::CommonName).value(0),
                 QStringLiteral("localhost"));
    }
};

QTEST_GUILESS_MAIN(TstSimProtocol)
#include "tst_simprotocol.moc"
