#include "session.h"

#include <QUuid>

namespace sim {

Session::Session(QString key_, QByteArray token_)
    : key(std::move(key_))
    , token(std::move(token_))
{}

Session::~Session()
{
    // Pending long-polls end with RequestCanceled when their session goes away (§7.3).
    for (auto &pc : propertyCollectors)
        pc.second->abortWait();
}

QString Session::newObjectId() const
{
    return QStringLiteral("session[") + key + QLatin1Char(']') +
           QUuid::createUuid().toString(QUuid::WithoutBraces);
}

QString Session::typeOf(const QString &moId) const
{
    if (collectors.count(moId))
        return QStringLiteral("TaskHistoryCollector");
    if (propertyCollectors.count(moId))
        return QStringLiteral("PropertyCollector");
    if (const auto it = views.find(moId); it != views.end())
        return it->second.type;
    if (collectorOfFilter(moId))
        return QStringLiteral("PropertyFilter");
    return {};
}

PropertyCollector *Session::collectorOfFilter(const QString &filterId) const
{
    for (const auto &pc : propertyCollectors) {
        if (pc.second->filter(filterId))
            return pc.second.get();
    }
    return nullptr;
}

int Session::filterCount() const
{
    int n = 0;
    for (const auto &pc : propertyCollectors)
        n += int(pc.second->filterIds().size());
    return n;
}

vim::UserSession Session::userSession() const
{
    vim::UserSession s;
    s.key = key;
    s.userName = userName;
    s.fullName = fullName;
    s.loginTime = loginTime;
    s.lastActiveTime = lastActiveTime;
    s.locale = locale;
    s.messageLocale = locale.isEmpty() ? QStringLiteral("en") : locale;
    s.extensionSession = false;
    s.ipAddress = ipAddress;
    s.userAgent = userAgent;
    s.callCount = callCount;
    return s;
}

} // namespace sim
