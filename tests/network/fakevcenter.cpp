#include "fakevcenter.h"

#include <QCryptographicHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSignalSpy>

FakeVCenter::FakeVCenter(ScriptedServer *server)
    : m_server(server)
{
    server->setHandler([this](const HttpRequest &request) { return answer(request); });
}

void FakeVCenter::route(const QByteArray &method, const QByteArray &pathSuffix, Responder responder)
{
    m_routes.prepend({method, pathSuffix, std::move(responder)});
}

void FakeVCenter::route(const QByteArray &method, const QByteArray &pathSuffix,
                        const HttpResponse &response)
{
    route(method, pathSuffix, [response](const HttpRequest &) { return response; });
}

ConnectOptions FakeVCenter::options(const QString &release) const
{
    ConnectOptions options;
    options.server = QStringLiteral("http://") + m_server->hostAndPort();
    options.allowHttp = true;
    options.userName = userName;
    options.password = password;
    options.apiRelease = release;
    return options;
}

bool FakeVCenter::connect(VimConnection *connection, const QString &release)
{
    return connect(connection, options(release));
}

bool FakeVCenter::connect(VimConnection *connection, const ConnectOptions &options)
{
    connection->connectToServer(options);
    QSignalSpy spy(connection, &VimConnection::stateChanged);
    while (connection->state() == VimConnection::State::Connecting) {
        if (!spy.wait(5000))
            return false;
    }
    return connection->state() == VimConnection::State::Connected;
}

QByteArray FakeVCenter::serviceContentJson(const QString &apiVersion)
{
    const auto moref = [](const char *type, const char *value) {
        return QJsonObject{{QStringLiteral("_typeName"), QStringLiteral("ManagedObjectReference")},
                           {QStringLiteral("type"), QLatin1String(type)},
                           {QStringLiteral("value"), QLatin1String(value)}};
    };
    const QJsonObject about{
        {QStringLiteral("_typeName"), QStringLiteral("AboutInfo")},
        {QStringLiteral("name"), QStringLiteral("VMware vCenter Server")},
        {QStringLiteral("fullName"), QStringLiteral("VMware vCenter Server 8.0.2")},
        {QStringLiteral("vendor"), QStringLiteral("VMware, Inc.")},
        {QStringLiteral("version"), QStringLiteral("8.0.2")},
        {QStringLiteral("build"), QStringLiteral("22385739")},
        {QStringLiteral("osType"), QStringLiteral("linux-x64")},
        {QStringLiteral("productLineId"), QStringLiteral("vpx")},
        {QStringLiteral("apiType"), QStringLiteral("VirtualCenter")},
        {QStringLiteral("apiVersion"), apiVersion}};
    const QJsonObject content{
        {QStringLiteral("_typeName"), QStringLiteral("ServiceContent")},
        {QStringLiteral("rootFolder"), moref("Folder", "group-d1")},
        {QStringLiteral("propertyCollector"), moref("PropertyCollector", "propertyCollector")},
        {QStringLiteral("viewManager"), moref("ViewManager", "ViewManager")},
        {QStringLiteral("about"), about},
        {QStringLiteral("sessionManager"), moref("SessionManager", "SessionManager")},
        {QStringLiteral("taskManager"), moref("TaskManager", "TaskManager")},
        {QStringLiteral("extensionManager"), moref("ExtensionManager", "ExtensionManager")}};
    return QJsonDocument(content).toJson(QJsonDocument::Compact);
}

QByteArray FakeVCenter::userSessionJson(const QString &userName, const QString &key)
{
    const QByteArray k =
        key.isEmpty() ? QByteArrayLiteral("527025b6-f0f4-144e-0d36-a7aaf2eb21da") : key.toUtf8();
    return R"({"_typeName":"UserSession","key":")" + k + R"(","userName":")" + userName.toUtf8() +
           R"(","fullName":"Administrator","loginTime":"2024-05-01T10:00:00.123456Z","lastActiveTime":"2024-05-01T10:00:00.123456Z","locale":"en","messageLocale":"en","extensionSession":false,"ipAddress":"127.0.0.1","userAgent":"vtaskmon","callCount":0})";
}

QByteArray FakeVCenter::faultJson(const QByteArray &typeName, const QByteArray &faultstring)
{
    return R"({"_typeName":")" + typeName + R"(","faultstring":")" + faultstring + R"("})";
}

HttpResponse FakeVCenter::answer(const HttpRequest &request)
{
    // /sdk/vim25/{release}/{Type}/{moId}/{name}
    static const QByteArray prefix = "/sdk/vim25/";
    if (request.path == "/api/vcenter/system") {
        if (hello == Hello::NotFound)
            return HttpResponse::raw(404, "<html>Not Found</html>", "text/html");
        QString chosen;
        if (hello == Hello::Answer) {
            const QJsonArray wanted =
                request.json().toObject().value(QLatin1String("api_releases")).toArray();
            for (const QJsonValue &w : wanted) {
                if (releases.contains(w.toString())) {
                    chosen = w.toString();
                    break;
                }
            }
        }
        return HttpResponse::ok(QJsonDocument(QJsonObject{{QStringLiteral("api_release"), chosen}})
                                    .toJson(QJsonDocument::Compact));
    }
    if (!request.path.startsWith(prefix))
        return HttpResponse::raw(404, "<html>Not Found</html>", "text/html");
    const QByteArray rest = request.path.mid(prefix.size());
    const QString release = QString::fromUtf8(rest.left(rest.indexOf('/')));
    if (!releases.contains(release))
        return HttpResponse::json(unknownReleaseStatus,
                                  unknownReleaseStatus == 500
                                      ? faultJson("InvalidRequest", "Unsupported API release")
                                      : QByteArray("{}"));
    const QByteArray object = rest.mid(rest.indexOf('/') + 1);
    const bool anonymous = object == "ServiceInstance/ServiceInstance/content" ||
                           object == "SessionManager/SessionManager/Login" ||
                           object == "SessionManager/SessionManager/currentSession";
    if (!anonymous && (m_session.isEmpty() || request.header("vmware-api-session-id") != m_session))
        return HttpResponse::fault(
            faultJson("NotAuthenticated", "The session is not authenticated."));
    for (const Route &r : std::as_const(m_routes)) {
        if (r.method == request.method && request.path.endsWith(r.suffix))
            return r.responder(request);
    }
    return builtin(request, release, object);
}

HttpResponse FakeVCenter::login(const HttpRequest &request)
{
    const QJsonObject params = request.json().toObject();
    if (params.value(QLatin1String("userName")).toString() != userName ||
        params.value(QLatin1String("password")).toString() != password)
        return HttpResponse::fault(faultJson(
            "InvalidLogin", "Cannot complete login due to an incorrect user name or password."));
    ++m_logins;
    m_session = QCryptographicHash::hash(
                    QByteArray(QByteArray::number(m_logins) + m_server->hostAndPort().toUtf8()),
                    QCryptographicHash::Sha1)
                    .toHex();
    return HttpResponse::ok(userSessionJson(userName, sessionKey()))
        .withHeader("vmware-api-session-id", m_session);
}

HttpResponse FakeVCenter::builtin(const HttpRequest &request, const QString &release,
                                  const QByteArray &object)
{
    if (object == "ServiceInstance/ServiceInstance/content")
        return HttpResponse::ok(serviceContentJson(release));
    if (object == "SessionManager/SessionManager/Login")
        return login(request);
    if (object == "SessionManager/SessionManager/Logout") {
        m_session.clear();
        return HttpResponse::noContent();
    }
    if (object == "SessionManager/SessionManager/currentSession") {
        if (m_session.isEmpty() || request.header("vmware-api-session-id") != m_session)
            return HttpResponse::noContent();
        return HttpResponse::ok(userSessionJson(userName, sessionKey()));
    }
    if (otherwise)
        return otherwise(request);
    return HttpResponse::fault(
        R"({"_typeName":"ManagedObjectNotFound","obj":{"_typeName":"ManagedObjectReference","type":"X","value":"y"},"faultstring":"no route in the test"})");
}
