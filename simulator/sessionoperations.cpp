#include "sessionoperations.h"

#include "faults.h"
#include "httpexchange.h"
#include "objectmodel.h"
#include "operationtable.h"
#include "session.h"
#include "sessionregistry.h"
#include "simcontext.h"
#include "taskcatalog.h"

#include <vim/codec.h>

namespace sim {

namespace {

/// `alice@vsphere.local` → `VSPHERE.LOCAL\Alice`, as vCenter shows user names.
QString displayUserName(const QString &login)
{
    const QString user = login.section(QLatin1Char('@'), 0, 0);
    const QString domain = login.section(QLatin1Char('@'), 1).toUpper();
    QString name = user;
    if (!name.isEmpty())
        name[0] = name[0].toUpper();
    return domain.isEmpty() ? name : domain + QLatin1Char('\\') + name;
}

// Accounts besides the configured one; they share its password. `noaccess` exists but has
// no permission on the root folder (NoPermission on Login, §2.2).
const char *const kKnownUsers[] = {"alice@vsphere.local", "bob@vsphere.local",
                                   "carol@corp.example.com", "svc-backup@vsphere.local"};

} // namespace

void SessionOperations::registerWith(OperationTable &table)
{
    const QString si = QStringLiteral("ServiceInstance");
    const QString sm = QStringLiteral("SessionManager");
    table.add(
        si, QStringLiteral("RetrieveServiceContent"),
        [this](Call &) { return Reply::json(vim::encode(m_ctx.model->serviceContent())); }, true);
    table.add(si, QStringLiteral("CurrentTime"),
              [](Call &) { return Reply::json(vim::encode(QDateTime::currentDateTimeUtc())); });

    table.add(
        sm, QStringLiteral("Login"),
        [this](Call &call) {
            const QString user = call.required<QString>("userName");
            const QString password = call.required<QString>("password");
            const QString locale = call.optional<QString>("locale").value_or(QStringLiteral("en"));
            bool known = user.compare(m_ctx.options.userName, Qt::CaseInsensitive) == 0;
            for (const char *u : kKnownUsers)
                known = known || user.compare(QLatin1String(u), Qt::CaseInsensitive) == 0;
            const bool noAccess =
                user.compare(QLatin1String("noaccess@vsphere.local"), Qt::CaseInsensitive) == 0;
            if (!(known || noAccess) || password != m_ctx.options.password)
                faults::raise(faults::invalidLogin());
            if (noAccess)
                faults::raise(faults::noPermission(m_ctx.model->serviceContent().rootFolder,
                                                   QStringLiteral("System.View")));
            if (!TaskCatalog::isValidLocale(locale))
                faults::raise(faults::invalidLocale());
            Session &s = m_ctx.sessions->create();
            s.loginName = user.toLower();
            s.userName = displayUserName(s.loginName);
            s.fullName = s.userName.section(QLatin1Char('\\'), -1) + QLatin1Char(' ') +
                         s.loginName.section(QLatin1Char('@'), 1);
            s.locale = locale;
            s.language = TaskCatalog::languageFor(locale);
            s.ipAddress = call.exchange->peer;
            s.userAgent = QString::fromUtf8(call.exchange->header(QByteArrayLiteral("user-agent")));
            s.loginTime = s.lastActiveTime = QDateTime::currentDateTimeUtc();
            Reply r = Reply::json(vim::encode(s.userSession()));
            r.headers.append({QByteArrayLiteral("vmware-api-session-id"), s.token});
            return r;
        },
        true);

    table.add(sm, QStringLiteral("Logout"), [this](Call &call) {
        m_ctx.sessions->remove(call.session->key);
        return Reply::none();
    });

    table.add(sm, QStringLiteral("TerminateSession"), [this](Call &call) {
        const QList<QString> ids = call.required<QList<QString>>("sessionId");
        for (const QString &id : ids) {
            if (id == call.session->key)
                faults::raise(faults::invalidArgument(QStringLiteral("sessionId")));
            if (!m_ctx.sessions->byKey(id))
                faults::raise(faults::notFound());
        }
        for (const QString &id : ids)
            m_ctx.sessions->remove(id);
        return Reply::none();
    });

    table.add(sm, QStringLiteral("SessionIsActive"), [this](Call &call) {
        const QString id = call.required<QString>("sessionID");
        const QString user = call.required<QString>("userName");
        const Session *s = m_ctx.sessions->byKey(id);
        const bool active = s && (s->loginName.compare(user, Qt::CaseInsensitive) == 0 ||
                                  s->userName.compare(user, Qt::CaseInsensitive) == 0);
        return Reply::json(active);
    });
}

} // namespace sim
