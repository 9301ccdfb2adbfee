#pragma once

#include "session.h"

#include <QByteArray>
#include <QDateTime>
#include <QHash>

#include <map>
#include <memory>

namespace sim {

/// The live sessions, found by token (the `vmware-api-session-id` header) or by key.
class SessionRegistry final
{
public:
    /// A new session with a fresh 40-hex-digit token and a UUID key.
    Session &create();
    /// The session for a token, or null; a session idle longer than `idleTimeoutSecs`
    /// is removed first.
    Session *byToken(const QByteArray &token, const QDateTime &now, int idleTimeoutSecs);
    Session *byKey(const QString &key) const;
    bool remove(const QString &key);
    void clear();
    /// Removes sessions idle for longer than the timeout; returns how many.
    int expireIdle(const QDateTime &now, int idleTimeoutSecs);

    QList<Session *> all() const;
    int size() const { return int(m_sessions.size()); }

private:
    std::map<QString, std::unique_ptr<Session>> m_sessions;
    QHash<QByteArray, QString> m_keyByToken;
};

} // namespace sim
