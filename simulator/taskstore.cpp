#include "taskstore.h"

#include <vim/codec.h>

#include <QJsonDocument>

namespace sim {

namespace {
constexpr int kRecentCompletedLimit = 200;
constexpr qint64 kRecentWindowSecs = 600;
constexpr size_t kCachedFinishedLimit = 2000;
} // namespace

TaskStore::TaskStore(int maxTasks, int firstId, QObject *parent)
    : QObject(parent)
    , m_firstId(qMax(1, firstId))
    , m_maxTasks(qMax(1000, maxTasks))
{}

TaskRecord *TaskStore::byId(int id) const
{
    const qsizetype index = qsizetype(id) - m_firstId;
    if (index < 0 || index >= qsizetype(m_records.size()))
        return nullptr;
    return m_records[size_t(index)].get();
}

TaskRecord *TaskStore::find(const QString &key) const
{
    if (!key.startsWith(QLatin1String("task-")))
        return nullptr;
    bool ok = false;
    const int id = QStringView(key).mid(5).toInt(&ok);
    return ok ? byId(id) : nullptr;
}

TaskRecord &TaskStore::append(vim::TaskInfo info, const QStringList &ancestors)
{
    auto record = std::make_unique<TaskRecord>();
    record->id = endId();
    info.key = QStringLiteral("task-") + QString::number(record->id);
    info.task = {QStringLiteral("Task"), info.key};
    if (info.eventChainId == 0)
        info.eventChainId = m_nextChainId++;
    if (!info.queueTime.isValid())
        info.queueTime = QDateTime::currentDateTimeUtc();
    record->info = std::move(info);
    record->ancestors = ancestors;
    m_records.push_back(std::move(record));
    TaskRecord &r = *m_records.back();
    trim();
    return r;
}

void TaskStore::trim()
{
    while (int(m_records.size()) > m_maxTasks) {
        const int id = m_records.front()->id;
        m_active.erase(id);
        m_records.pop_front();
        ++m_firstId;
    }
}

TaskRecord &TaskStore::create(vim::TaskInfo info, const QStringList &ancestors, bool workload)
{
    TaskRecord &r = append(std::move(info), ancestors);
    r.workload = workload;
    if (r.info.isFinished())
        m_recentlyCompleted.push_back(r.id);
    else
        m_active.insert(r.id);
    const int id = r.id;
    Q_EMIT taskCreated(id);
    return *byId(id);
}

void TaskStore::appendHistorical(vim::TaskInfo info, const QStringList &ancestors)
{
    append(std::move(info), ancestors);
    TaskRecord &r = *m_records.back();
    r.frozenJson = QJsonDocument(vim::encode(r.info).toObject()).toJson(QJsonDocument::Compact);
}

bool TaskStore::modify(const QString &key, const std::function<void(vim::TaskInfo &)> &change)
{
    TaskRecord *r = find(key);
    if (!r)
        return false;
    const vim::TaskInfoState before = r->info.state;
    change(r->info);
    ++r->revision;
    r->frozenJson.clear();
    const bool stateChanged = !(before == r->info.state);
    if (stateChanged && r->info.isFinished()) {
        m_active.erase(r->id);
        m_recentlyCompleted.push_back(r->id);
        while (m_recentlyCompleted.size() > size_t(kRecentCompletedLimit))
            m_recentlyCompleted.pop_front();
        m_cachedFinished.push_back(r->id);
        while (m_cachedFinished.size() > kCachedFinishedLimit) {
            if (TaskRecord *old = byId(m_cachedFinished.front())) {
                old->json = QJsonObject();
                old->jsonRevision = -1;
            }
            m_cachedFinished.pop_front();
        }
    }
    Q_EMIT taskChanged(r->id, stateChanged);
    return true;
}

QJsonObject TaskStore::json(TaskRecord &record) const
{
    if (record.jsonRevision != record.revision) {
        record.json = vim::encode(record.info).toObject();
        record.jsonRevision = record.revision;
    }
    return record.json;
}

QJsonObject TaskStore::transientJson(const TaskRecord &record) const
{
    if (record.jsonRevision == record.revision)
        return record.json;
    return vim::encode(record.info).toObject();
}

QByteArray TaskStore::compactJson(const TaskRecord &record) const
{
    if (!record.frozenJson.isEmpty())
        return record.frozenJson;
    return QJsonDocument(transientJson(record)).toJson(QJsonDocument::Compact);
}

QList<vim::ManagedObjectReference> TaskStore::recentTasks(const QDateTime &now) const
{
    std::set<int> ids(m_active.begin(), m_active.end());
    const QDateTime cutoff = now.addSecs(-kRecentWindowSecs);
    for (int id : m_recentlyCompleted) {
        const TaskRecord *r = byId(id);
        if (r && r->info.completeTime && *r->info.completeTime >= cutoff)
            ids.insert(id);
    }
    QList<vim::ManagedObjectReference> out;
    out.reserve(qsizetype(ids.size()));
    for (int id : ids) {
        if (const TaskRecord *r = byId(id))
            out.append(r->info.task);
    }
    return out;
}

QList<vim::TaskInfo> TaskStore::snapshot() const
{
    QList<vim::TaskInfo> out;
    out.reserve(qsizetype(m_records.size()));
    for (const auto &r : m_records)
        out.append(r->info);
    return out;
}

} // namespace sim
