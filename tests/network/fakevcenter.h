#pragma once

#include "scriptedserver.h"

#include <QStringList>

#include <vimconnection.h>

/// Just enough vCenter on a ScriptedServer to connect: hello, ServiceInstance content, Login,
/// Logout and currentSession, with real session checking (anything else without a valid
/// `vmware-api-session-id` gets NotAuthenticated). Tests add routes for the calls they test.
class FakeVCenter final
{
public:
    using Responder = std::function<HttpResponse(const HttpRequest &)>;
    enum class Hello
    {
        Answer,
        NotFound,
        Empty
    };

    explicit FakeVCenter(ScriptedServer *server);

    QStringList releases{QStringLiteral("8.0.2.0"), QStringLiteral("8.0.1.0")};
    Hello hello = Hello::Answer;
    /// Status for a release that is not served (vCenter 8.0.3 answered 500 for 9.0.0.0).
    int unknownReleaseStatus = 500;
    QString userName = QStringLiteral("administrator@vsphere.local");
    QString password = QStringLiteral("s3cret!");

    /// The answer to a call that has no route and is not one of the session calls above
    /// (default: a ManagedObjectNotFound fault); for a server that answers garbage after a
    /// good login.
    Responder otherwise;

    /// `method` + path suffix → answer; the latest route for a request wins.
    void route(const QByteArray &method, const QByteArray &pathSuffix, Responder responder);
    void route(const QByteArray &method, const QByteArray &pathSuffix,
               const HttpResponse &response);

    /// The session id issued by the last Login; empty when logged out or expired.
    QByteArray validSession() const { return m_session; }
    /// Forget the session, as a vCenter restart or idle timeout does.
    void expireSession() { m_session.clear(); }
    int logins() const { return m_logins; }

    /// Options that reach this server over http with these credentials.
    ConnectOptions options(const QString &release = {}) const;
    /// Connects and waits until Connecting is over; true when Connected.
    bool connect(VimConnection *connection, const QString &release = {});
    bool connect(VimConnection *connection, const ConnectOptions &options);

    /// The answer to a Login request: a new session for the right credentials, else InvalidLogin.
    HttpResponse login(const HttpRequest &request);

    static QByteArray serviceContentJson(const QString &apiVersion);
    /// A UserSession; `key` defaults to the fact sheet's example.
    static QByteArray userSessionJson(const QString &userName, const QString &key = {});
    /// UserSession.key of the session issued by the last Login (`session-<n>`).
    QString sessionKey() const { return QStringLiteral("session-%1").arg(m_logins); }
    static QByteArray faultJson(const QByteArray &typeName, const QByteArray &faultstring);

private:
    HttpResponse answer(const HttpRequest &request);
    HttpResponse builtin(const HttpRequest &request, const QString &release,
                         const QByteArray &rest);

    struct Route
    {
        QByteArray method;
        QByteArray suffix;
        Responder responder;
    };
    ScriptedServer *m_server;
    QList<Route> m_routes;
    QByteArray m_session;
    int m_logins = 0;
};
