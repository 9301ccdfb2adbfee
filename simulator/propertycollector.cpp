#include "propertycollector.h"

#include "faults.h"
#include "httpexchange.h"
#include "objectmodel.h"

#include <vim/codec.h>

#include <algorithm>

namespace sim {

namespace {
// Server policy for a wait without maxWaitSeconds (§7.2: "as long as possible").
constexpr int kPolicyMaxWaitSecs = 900;
constexpr size_t kKeptVersions = 4;
} // namespace

PropertyCollector::PropertyCollector(QString moId, Session *session, ObjectModel *model)
    : m_moId(std::move(moId))
    , m_session(session)
    , m_model(model)
{}

PropertyCollector::~PropertyCollector()
{
    abortWait();
}

QString PropertyCollector::createFilter(const QString &moId, const vim::PropertyFilterSpec &spec,
                                        bool partialUpdates)
{
    m_filters[moId] = Filter{moId, spec, partialUpdates};
    m_filterOrder.append(moId);
    return moId;
}

bool PropertyCollector::destroyFilter(const QString &moId)
{
    m_filterOrder.removeAll(moId);
    return m_filters.erase(moId) > 0;
}

const PropertyCollector::Filter *PropertyCollector::filter(const QString &moId) const
{
    const auto it = m_filters.find(moId);
    return it == m_filters.end() ? nullptr : &it->second;
}

QStringList PropertyCollector::filterIds() const
{
    return m_filterOrder;
}

PropertyCollector::Snapshot PropertyCollector::baseFor(const std::optional<QString> &version,
                                                       bool allowTruncated)
{
    if (!version || version->isEmpty())
        return {};
    bool ok = false;
    const qint64 v = version->toLongLong(&ok);
    const auto it = ok ? m_versions.find(v) : m_versions.end();
    if (it == m_versions.end())
        faults::raise(faults::invalidCollectorVersion());
    if (!m_truncatedVersions.contains(v))
        return it->second;
    // A truncated version is good for exactly one more WaitForUpdatesEx (§7.3).
    if (!allowTruncated)
        faults::raise(faults::invalidCollectorVersion());
    Snapshot s = it->second;
    m_versions.erase(it);
    m_truncatedVersions.remove(v);
    return s;
}

void PropertyCollector::addChanges(vim::ObjectUpdate &update, const Filter &filter,
                                   const QString &path, const QJsonValue &before,
                                   const QJsonValue &after, const QString &boxType) const
{
    auto change = [](const QString &name, const PropValue &v) {
        vim::PropertyChange c;
        c.name = name;
        c.op = vim::PropertyChangeOp::Value::Assign;
        if (v.isSet())
            c.val = v.toAny();
        return c;
    };
    const bool nested = filter.partialUpdates && before.isObject() && after.isObject() &&
                        before.toObject().value(QLatin1String("_typeName")) ==
                            after.toObject().value(QLatin1String("_typeName"));
    if (!nested) {
        update.changeSet.append(change(path, PropValue{after, boxType}));
        return;
    }
    // partialUpdates: name the nested paths that changed (`info.state`, `info.progress`).
    const QJsonObject b = before.toObject();
    const QJsonObject a = after.toObject();
    QStringList keys = b.keys() + a.keys();
    std::sort(keys.begin(), keys.end());
    keys.erase(std::unique(keys.begin(), keys.end()), keys.end());
    for (const QString &k : keys) {
        if (k == QLatin1String("_typeName") || b.value(k) == a.value(k))
            continue;
        const QString sub = path + QLatin1Char('.') + k;
        const QJsonValue av = a.value(k);
        update.changeSet.append(change(sub, PropValue{av, ObjectModel::boxTypeFor(sub, av)}));
    }
}

std::optional<vim::UpdateSet> PropertyCollector::computeUpdates(const Snapshot &base,
                                                                int maxObjectUpdates)
{
    Snapshot next = base;
    for (auto it = next.begin(); it != next.end();) {
        if (m_filters.count(it.key()))
            ++it;
        else
            it = next.erase(it);
    }
    vim::UpdateSet set;
    int count = 0;
    bool truncated = false;
    auto full = [&] {
        if (maxObjectUpdates > 0 && count >= maxObjectUpdates) {
            truncated = true;
            return true;
        }
        return false;
    };
    for (const QString &fid : std::as_const(m_filterOrder)) {
        const Filter &f = m_filters.at(fid);
        const ObjectModel::Collected cur = m_model->collect(f.spec, m_session);
        const FilterSnapshot old = base.value(fid);
        FilterSnapshot &snap = next[fid];
        vim::PropertyFilterUpdate fu;
        fu.filter = {QStringLiteral("PropertyFilter"), fid};
        QSet<vim::ManagedObjectReference> present;
        for (const ObjectModel::ObjectValues &ov : cur.objects) {
            present.insert(ov.obj);
            if (truncated)
                continue;
            vim::ObjectUpdate u;
            u.obj = ov.obj;
            ObjectState state;
            const auto oit = old.objects.constFind(ov.obj);
            for (const auto &[path, value] : ov.props) {
                if (value.isSet())
                    state.insert(path, value.json);
                if (oit == old.objects.cend()) {
                    if (value.isSet())
                        addChanges(u, f, path, QJsonValue(), value.json, value.boxType);
                    continue;
                }
                const QJsonValue before = oit->value(path, QJsonValue(QJsonValue::Undefined));
                const QJsonValue after =
                    value.isSet() ? value.json : QJsonValue(QJsonValue::Undefined);
                if (before != after)
                    addChanges(u, f, path, before, after, value.boxType);
            }
            u.kind = oit == old.objects.cend() ? vim::ObjectUpdateKind::Value::Enter
                                               : vim::ObjectUpdateKind::Value::Modify;
            if (oit != old.objects.cend() && u.changeSet.isEmpty())
                continue;
            if (full())
                continue;
            snap.objects.insert(ov.obj, state);
            fu.objectSet.append(u);
            ++count;
        }
        for (auto it = old.objects.cbegin(); !truncated && it != old.objects.cend(); ++it) {
            if (present.contains(it.key()) || full())
                continue;
            vim::ObjectUpdate u;
            u.kind = vim::ObjectUpdateKind::Value::Leave;
            u.obj = it.key();
            fu.objectSet.append(u);
            snap.objects.remove(it.key());
            ++count;
        }
        if (f.spec.reportMissingObjectsInResults.value_or(false)) {
            snap.missing.clear();
            for (const vim::ManagedObjectReference &m : cur.missing) {
                snap.missing.insert(m);
                if (!old.missing.contains(m))
                    fu.missingSet.append({m, faults::managedObjectNotFound(m)});
            }
        }
        if (!fu.objectSet.isEmpty() || !fu.missingSet.isEmpty())
            set.filterSet.append(fu);
        if (truncated)
            break;
    }
    if (set.filterSet.isEmpty())
        return std::nullopt;
    const qint64 v = m_nextVersion++;
    set.version = QString::number(v);
    if (truncated) {
        set.truncated = true;
        m_truncatedVersions.insert(v);
    }
    m_versions[v] = next;
    while (m_versions.size() > kKeptVersions) {
        m_truncatedVersions.remove(m_versions.begin()->first);
        m_versions.erase(m_versions.begin());
    }
    return set;
}

Reply PropertyCollector::waitForUpdates(const std::optional<QString> &version,
                                        const vim::WaitOptions &options,
                                        const std::shared_ptr<HttpExchange> &exchange)
{
    if (options.maxWaitSeconds && *options.maxWaitSeconds < 0)
        faults::raise(faults::invalidArgument(QStringLiteral("maxWaitSeconds")));
    if (options.maxObjectUpdates && *options.maxObjectUpdates <= 0)
        faults::raise(faults::invalidArgument(QStringLiteral("maxObjectUpdates")));
    Snapshot base = baseFor(version, true);
    // Concurrent waits on one collector are served one after another: the older one ends.
    if (m_pending)
        finishPending(Reply::fault(faults::requestCanceled()));
    const int maxUpdates = options.maxObjectUpdates.value_or(0);
    if (auto updates = computeUpdates(base, maxUpdates))
        return Reply::json(vim::encode(*updates));
    const int waitSecs = options.maxWaitSeconds.value_or(kPolicyMaxWaitSecs);
    if (waitSecs == 0)
        return Reply::none();
    m_pending = std::make_unique<Pending>();
    m_pending->exchange = exchange;
    m_pending->base = base;
    m_pending->maxObjectUpdates = maxUpdates;
    m_pending->deadline = new QTimer;
    m_pending->deadline->setSingleShot(true);
    QObject::connect(m_pending->deadline, &QTimer::timeout, m_pending->deadline,
                     [this] { finishPending(Reply::none()); });
    m_pending->deadline->start(std::chrono::seconds(std::min(waitSecs, kPolicyMaxWaitSecs)));
    return Reply::later();
}

Reply PropertyCollector::checkForUpdates(const std::optional<QString> &version)
{
    const Snapshot base = baseFor(version, false);
    if (auto updates = computeUpdates(base, 0))
        return Reply::json(vim::encode(*updates));
    return Reply::none();
}

void PropertyCollector::poll(qint64 generation)
{
    if (!m_pending || m_pending->generation == generation)
        return;
    if (!m_pending->exchange->isConnected()) {
        m_pending.reset();
        return;
    }
    m_pending->generation = generation;
    if (auto updates = computeUpdates(m_pending->base, m_pending->maxObjectUpdates))
        finishPending(Reply::json(vim::encode(*updates)));
}

void PropertyCollector::finishPending(const Reply &reply)
{
    std::unique_ptr<Pending> p = std::move(m_pending);
    if (p)
        p->exchange->respond(reply);
}

void PropertyCollector::cancelWait()
{
    finishPending(Reply::fault(faults::requestCanceled()));
}

void PropertyCollector::abortWait()
{
    finishPending(Reply::fault(faults::requestCanceled()));
}

void PropertyCollector::dropWait()
{
    std::unique_ptr<Pending> p = std::move(m_pending);
    if (p && p->exchange->socket())
        p->exchange->socket()->abort();
}

} // namespace sim
