#pragma once

#include "managedobject.h"

#include <vim/servicecontent.h>

namespace svc {

/// SessionManager (§2.2–2.4). VimConnection uses it to log in; callers rarely need it.
class SessionManager final : public ManagedObject
{
public:
    using ManagedObject::ManagedObject;

    Pending<vim::UserSession> login(const QString &userName, const QString &password,
                                    const QString &locale = {}) const;
    Pending<void> logout() const;
    /// Unset (nullopt) when not logged in.
    Pending<std::optional<vim::UserSession>> currentSession() const;
    Pending<void> terminateSession(const QStringList &sessionIds) const;

    /// The Login body; the only place a password goes on the wire.
    static QJsonObject loginParams(const QString &userName, const QString &password,
                                   const QString &locale);
};

} // namespace svc
