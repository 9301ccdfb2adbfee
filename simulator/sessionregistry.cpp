#include "sessionregistry.h"

#include <QRandomGenerator>
#include <QUuid>

namespace sim {

Session &SessionRegistry::create()
{
    // 20 random bytes → 40 hex digits, like the doc example token.
    QByteArray raw(20, Qt::Uninitialized);
    QRandomGenerator::system()->fillRange(reinterpret_cast<quint32 *>(raw.data()), 5);
    const QByteArray token = raw.toHex();
    const QString key = QUuid::createUuid().toString(QUuid::WithoutBraces);
    auto session = std::make_unique<Session>(key, token);
    Session &s = *session;
    m_keyByToken.insert(token, key);
    m_sessions.emplace(key, std::move(session));
    return s;
}

Session *SessionRegistry::byToken(const QByteArray &token, const QDateTime &now,
                                  int idleTimeoutSecs)
{
    const auto it = m_keyByToken.constFind(token);
    if (it == m_keyByToken.cend())
        return nullptr;
    Session *s = byKey(*it);
    if (s && idleTimeoutSecs > 0 && s->lastActiveTime.secsTo(now) > idleTimeoutSecs) {
        remove(s->key);
        return nullptr;
    }
    return s;
}

Session *SessionRegistry::byKey(const QString &key) const
{
    const auto it = m_sessions.find(key);
    return it == m_sessions.end() ? nullptr : it->second.get();
}

bool SessionRegistry::remove(const QString &key)
{
    const auto it = m_sessions.find(key);
    if (it == m_sessions.end())
        return false;
    m_keyByToken.remove(it->second->token);
    // Move out first: the destructor answers pending calls, which may look sessions up.
    std::unique_ptr<Session> doomed = std::move(it->second);
    m_sessions.erase(it);
    return true;
}

void SessionRegistry::clear()
{
    auto doomed = std::move(m_sessions);
    m_sessions.clear();
    m_keyByToken.clear();
}

int SessionRegistry::expireIdle(const QDateTime &now, int idleTimeoutSecs)
{
    if (idleTimeoutSecs <= 0)
        return 0;
    QStringList expired;
    for (const auto &s : m_sessions) {
        if (s.second->lastActiveTime.secsTo(now) > idleTimeoutSecs)
            expired.append(s.first);
    }
    for (const QString &key : expired)
        remove(key);
    return int(expired.size());
}

QList<Session *> SessionRegistry::all() const
{
    QList<Session *> out;
    for (const auto &s : m_sessions)
        out.append(s.second.get());
    return out;
}

} // namespace sim
