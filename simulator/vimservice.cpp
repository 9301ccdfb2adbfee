#include "vimservice.h"

#include "faultexception.h"
#include "faults.h"
#include "objectmodel.h"
#include "session.h"
#include "sessionregistry.h"
#include "simcontext.h"

#include <vim/codec.h>

#include <QJsonArray>
#include <QJsonObject>
#include <QUrl>
#include <QVersionNumber>

namespace sim {

namespace {

const QStringList &knownReleases()
{
    static const QStringList releases{QStringLiteral("8.0.1.0"), QStringLiteral("8.0.2.0"),
                                      QStringLiteral("8.0.3.0"), QStringLiteral("9.0.0.0"),
                                      QStringLiteral("9.1.0.0")};
    return releases;
}

bool releaseAtMost(const QString &release, const QString &limit)
{
    return QVersionNumber::fromString(release) <= QVersionNumber::fromString(limit);
}

bool isMoRefShaped(const QJsonObject &o)
{
    for (auto it = o.begin(); it != o.end(); ++it) {
        if (it.key() != QLatin1String("type") && it.key() != QLatin1String("value") &&
            it.key() != QLatin1String("_typeName"))
            return false;
    }
    return o.value(QLatin1String("type")).isString() && o.value(QLatin1String("value")).isString();
}

/// The path of the first nested data object without `_typeName` (MoRefs excepted), or empty.
QString untypedObject(const QJsonValue &v, const QString &path, bool root)
{
    if (v.isArray()) {
        const QJsonArray a = v.toArray();
        for (qsizetype i = 0; i < a.size(); ++i) {
            const QString found =
                untypedObject(a.at(i), path + QStringLiteral("[%1]").arg(i), false);
            if (!found.isEmpty())
                return found;
        }
        return {};
    }
    if (!v.isObject())
        return {};
    const QJsonObject o = v.toObject();
    if (!root && !o.contains(QLatin1String("_typeName")) && !isMoRefShaped(o))
        return path.isEmpty() ? QStringLiteral("(body)") : path;
    if (o.contains(QLatin1String("_value")))
        return {};
    for (auto it = o.begin(); it != o.end(); ++it) {
        const QString found = untypedObject(
            it.value(), path.isEmpty() ? it.key() : path + QLatin1Char('.') + it.key(), false);
        if (!found.isEmpty())
            return found;
    }
    return {};
}

Reply vapiError(const QString &message)
{
    const QJsonObject msg{
        {QStringLiteral("id"), QStringLiteral("com.vmware.vapi.std.errors.invalid_argument")},
        {QStringLiteral("default_message"), message},
        {QStringLiteral("args"), QJsonArray()}};
    return Reply::json(
        QJsonObject{{QStringLiteral("error_type"), QStringLiteral("INVALID_ARGUMENT")},
                    {QStringLiteral("messages"), QJsonArray{msg}}},
        400);
}

} // namespace

VimService::VimService(SimContext &context, QObject *parent)
    : QObject(parent)
    , m_ctx(context)
    , m_sessionOps(context)
    , m_taskOps(context)
    , m_pcOps(context)
    , m_viewOps(context)
{
    m_sessionOps.registerWith(m_operations);
    m_taskOps.registerWith(m_operations);
    m_pcOps.registerWith(m_operations);
    m_viewOps.registerWith(m_operations);
    const int timeout = m_ctx.options.sessionIdleTimeoutSeconds;
    if (timeout > 0) {
        m_idleSweep.setInterval(std::chrono::seconds(std::clamp(timeout / 2, 1, 60)));
        connect(&m_idleSweep, &QTimer::timeout, this, [this] {
            if (m_ctx.sessions->expireIdle(QDateTime::currentDateTimeUtc(),
                                           m_ctx.options.sessionIdleTimeoutSeconds) > 0)
                notifyChanged();
        });
        m_idleSweep.start();
    }
}

void VimService::handle(const std::shared_ptr<HttpExchange> &exchange)
{
    Reply reply;
    try {
        reply = route(exchange);
    } catch (const FaultException &e) {
        reply = Reply::fault(e.fault());
    }
    if (!reply.deferred)
        exchange->respond(reply);
    // Methods that change nothing a PropertyCollector reports do not wake the waiters.
    static const QStringList readOnly{
        QStringLiteral("WaitForUpdatesEx"),   QStringLiteral("WaitForUpdates"),
        QStringLiteral("CheckForUpdates"),    QStringLiteral("RetrievePropertiesEx"),
        QStringLiteral("RetrieveProperties"), QStringLiteral("ContinueRetrievePropertiesEx"),
        QStringLiteral("ReadNextTasks"),      QStringLiteral("ReadPreviousTasks"),
        QStringLiteral("CurrentTime"),        QStringLiteral("RetrieveServiceContent"),
        QStringLiteral("FindExtension"),      QStringLiteral("SessionIsActive")};
    if (exchange->method == "POST" &&
        !readOnly.contains(exchange->path.section(QLatin1Char('/'), -1)))
        notifyChanged();
}

Reply VimService::route(const std::shared_ptr<HttpExchange> &exchange)
{
    const QString &path = exchange->path;
    if (path == QLatin1String("/api/vcenter/system"))
        return hello(*exchange);
    static const QLatin1String prefix("/sdk/vim25/");
    if (!path.startsWith(prefix))
        return Reply::http(404);
    QStringList segments = path.mid(prefix.size()).split(QLatin1Char('/'));
    if (segments.size() != 4)
        return Reply::http(404);
    // moIds like `session[...]...` arrive raw or percent-encoded; accept both (§1.1).
    for (QString &s : segments)
        s = QUrl::fromPercentEncoding(s.toUtf8());
    return vimCall(exchange, segments);
}

Reply VimService::hello(const HttpExchange &exchange) const
{
    if (!m_ctx.options.hello || !releaseAtMost(QStringLiteral("8.0.2.0"), m_ctx.options.release) ||
        exchange.method != "POST" ||
        exchange.query.queryItemValue(QStringLiteral("action")) != QLatin1String("hello"))
        return Reply::http(404);
    vim::DecodeError err;
    const QJsonValue body = vim::parseJson(exchange.body, &err);
    const QJsonValue list = body.toObject().value(QLatin1String("api_releases"));
    if (!err.message.isEmpty() || !list.isArray())
        return vapiError(QStringLiteral("The request body must be an object with api_releases."));
    const QJsonArray releases = list.toArray();
    if (releases.isEmpty())
        return vapiError(QStringLiteral("api_releases must not be empty."));
    if (releases.size() > 128)
        return vapiError(QStringLiteral("api_releases has more than 128 entries."));
    QString chosen;
    for (const QJsonValue &r : releases) {
        if (!r.isString() || r.toString().size() > 64)
            return vapiError(
                QStringLiteral("api_releases entries must be strings of at most 64 characters."));
        const QString id = r.toString();
        if (chosen.isEmpty() && knownReleases().contains(id) &&
            releaseAtMost(id, m_ctx.options.release))
            chosen = id;
    }
    return Reply::json(QJsonObject{{QStringLiteral("api_release"), chosen}});
}

Reply VimService::vimCall(const std::shared_ptr<HttpExchange> &exchange,
                          const QStringList &segments)
{
    const QString &release = segments.at(0);
    const QString &pathType = segments.at(1);
    const QString &moId = segments.at(2);
    const QString &name = segments.at(3);
    if (!knownReleases().contains(release))
        return Reply::http(404);
    if (!releaseAtMost(release, m_ctx.options.release))
        faults::raise(faults::invalidRequest(QStringLiteral("unsupported API release ") + release));
    if (!ObjectModel::isKnownType(pathType) || moId.isEmpty())
        return Reply::http(404);

    const bool get = exchange->method == "GET";
    const bool post = exchange->method == "POST";
    const OperationTable::Operation *op = m_operations.find(pathType, name);
    const bool property = m_ctx.model->hasProperty(pathType, name);
    if (!op && !property)
        return Reply::http(404);
    if ((get && !property) || (post && !op) || (!get && !post))
        return Reply::http(405);
    if (name == QLatin1String("CreateCollectorWithInfoFilterForTasks") &&
        !releaseAtMost(QStringLiteral("8.0.3.0"), release))
        return Reply::http(404);

    Call call;
    call.release = release;
    call.name = name;
    call.exchange = exchange;
    if (post) {
        if (!exchange->body.trimmed().isEmpty()) {
            vim::DecodeError err;
            const QJsonValue body = vim::parseJson(exchange->body, &err);
            if (!err.message.isEmpty() || !body.isObject())
                faults::raise(faults::invalidRequest(
                    err.message.isEmpty() ? QStringLiteral("the body must be a JSON object")
                                          : err.message));
            call.body = body.toObject();
            // A root `_typeName` is optional and its value is not checked (§1.3).
            call.body.remove(QStringLiteral("_typeName"));
        }
        if (m_ctx.options.strict) {
            const QString untyped = untypedObject(call.body, {}, true);
            if (!untyped.isEmpty())
                faults::raise(
                    faults::invalidRequest(untyped + QStringLiteral(": _typeName missing")));
        }
    }

    const QByteArray token = exchange->header(QByteArrayLiteral("vmware-api-session-id"));
    const QDateTime now = QDateTime::currentDateTimeUtc();
    call.session =
        token.isEmpty()
            ? nullptr
            : m_ctx.sessions->byToken(token, now, m_ctx.options.sessionIdleTimeoutSeconds);
    const int callLimit = m_ctx.options.faults.sessionCallLimit;
    if (call.session && callLimit > 0 && call.session->callCount >= callLimit) {
        m_ctx.sessions->remove(call.session->key);
        call.session = nullptr;
    }
    const bool anonymous =
        property ? (name == QLatin1String("content") || name == QLatin1String("currentSession"))
                 : op->anonymous;
    if (!anonymous && !call.session)
        faults::raise(faults::notAuthenticated({pathType, moId}));

    const QString actualType = m_ctx.model->typeOf(moId, call.session);
    if (actualType.isEmpty() || !ObjectModel::isA(actualType, pathType))
        faults::raise(faults::managedObjectNotFound({pathType, moId}));
    call.self = {actualType, moId};
    if (call.session) {
        call.session->lastActiveTime = now;
        ++call.session->callCount;
    }

    if (get) {
        const std::optional<PropValue> v = m_ctx.model->read(call.self, name, call.session);
        // Unset values are an empty body (§1.2); the simulator answers 204.
        return v && v->isSet() ? Reply::json(v->json) : Reply::none();
    }
    return op->handler(call);
}

void VimService::notifyChanged()
{
    ++m_ctx.generation;
    if (m_pollQueued)
        return;
    m_pollQueued = true;
    QTimer::singleShot(0, this, [this] {
        m_pollQueued = false;
        pollAll();
    });
}

void VimService::pollAll()
{
    for (Session *s : m_ctx.sessions->all()) {
        for (auto &pc : s->propertyCollectors)
            pc.second->poll(m_ctx.generation);
    }
}

void VimService::onTaskCreated(int id)
{
    for (Session *s : m_ctx.sessions->all()) {
        for (auto &c : s->collectors)
            c.second->onTaskCreated(id);
    }
    notifyChanged();
}

void VimService::onTaskChanged(int id, bool stateChanged)
{
    if (stateChanged) {
        for (Session *s : m_ctx.sessions->all()) {
            for (auto &c : s->collectors)
                c.second->onTaskStateChanged(id);
        }
    }
    notifyChanged();
}

void VimService::dropPendingWaits()
{
    for (Session *s : m_ctx.sessions->all()) {
        for (auto &pc : s->propertyCollectors)
            pc.second->dropWait();
    }
}

} // namespace sim
