#include "serverobjects.h"

#include "uilogging.h"

#include <taskhistorycollector.h>
#include <view.h>
#include <vimconnection.h>

#include <QTimer>

namespace {

void replaceSession(VimConnection *connection, const QString &sessionKey, const char *what)
{
    // Without a session id a re-login is under way; a new key means a new session. Either
    // way the session that may hold the object has ended, and its objects with it.
    if (!connection->hasSession() || connection->userSession().key != sessionKey)
        return;
    if (connection->renewSession()) {
        qCInfo(lcUi) << what << "- the session may hold an object of ours; replacing it";
        return;
    }
    switch (connection->state()) {
    case VimConnection::State::Connected:
        qCWarning(lcUi) << what
                        << "- no password to log in again with; an object of ours may "
                           "remain on the server until the session ends";
        return;
    case VimConnection::State::Connecting:
    case VimConnection::State::Reconnecting: {
        // Once the server is back the same session may still be valid: ask again then.
        auto *once = new QObject(connection);
        QObject::connect(connection, &VimConnection::stateChanged, once,
                         [connection, sessionKey, what, once](VimConnection::State state) {
                             if (state == VimConnection::State::Connecting ||
                                 state == VimConnection::State::Reconnecting)
                                 return;
                             once->deleteLater();
                             if (state == VimConnection::State::Connected)
                                 replaceSession(connection, sessionKey, what);
                         });
        return;
    }
    case VimConnection::State::Disconnected:
    case VimConnection::State::Failed:
        return; // logged out, or given up: nothing more a client can do
    }
}

} // namespace

namespace ServerObjects {

void replaceSessionIfLost(VimConnection *connection, const char *what)
{
    if (!connection->hasSession())
        return;
    QTimer::singleShot(0, connection, [connection, key = connection->userSession().key, what] {
        replaceSession(connection, key, what);
    });
}

void destroy(VimConnection *connection, const vim::ManagedObjectReference &object)
{
    const auto done = [connection, object](const VimResult<void> &r) {
        if (r.ok())
            return;
        qCDebug(lcUi) << "destroying" << object.toString() << "failed:" << r.error().toString();
        // Gone already, or gone with its session.
        if (r.error().isFault(QStringLiteral("ManagedObjectNotFound")) ||
            r.error().isFault(QStringLiteral("NotAuthenticated")))
            return;
        replaceSessionIfLost(connection, "an object could not be destroyed");
    };
    if (object.type == QLatin1String("TaskHistoryCollector"))
        svc::TaskHistoryCollector(connection, object).destroyCollector().then(connection, done);
    else
        svc::View(connection, object).destroyView().then(connection, done);
}

} // namespace ServerObjects
