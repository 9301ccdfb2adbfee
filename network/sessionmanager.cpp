#include "sessionmanager.h"

#include "managedobject_impl.h"

namespace svc {

QJsonObject SessionManager::loginParams(const QString &userName, const QString &password,
                                        const QString &locale)
{
    QJsonObject params{{QStringLiteral("userName"), userName},
                       {QStringLiteral("password"), password}};
    if (!locale.isEmpty())
        params.insert(QStringLiteral("locale"), locale);
    return params;
}

Pending<vim::UserSession> SessionManager::login(const QString &userName, const QString &password,
                                                const QString &locale) const
{
    return call<vim::UserSession>("Login", loginParams(userName, password, locale));
}

Pending<void> SessionManager::logout() const
{
    return call<void>("Logout");
}

Pending<std::optional<vim::UserSession>> SessionManager::currentSession() const
{
    return get<std::optional<vim::UserSession>>("currentSession");
}

Pending<void> SessionManager::terminateSession(const QStringList &sessionIds) const
{
    return call<void>("TerminateSession", singleParam("sessionId", QList<QString>(sessionIds)));
}

} // namespace svc
