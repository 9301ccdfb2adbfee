#pragma once

#include "taskrecord.h"

#include <vim/moref.h>
#include <vim/taskinfo.h>

#include <QDateTime>
#include <QJsonObject>
#include <QObject>

#include <deque>
#include <functional>
#include <memory>
#include <set>

namespace sim {

/// Every task the server knows, oldest first: the live ones and the history the
/// TaskHistoryCollectors page through. Emits a signal for every creation and change.
class TaskStore final : public QObject
{
    Q_OBJECT

public:
    explicit TaskStore(int maxTasks, int firstId = 1, QObject *parent = nullptr);

    TaskRecord *find(const QString &key) const;
    TaskRecord *byId(int id) const;
    int firstId() const { return m_firstId; }
    /// One past the newest id.
    int endId() const { return m_firstId + int(m_records.size()); }
    int size() const { return int(m_records.size()); }

    /// Adds a live task; fills key, task, eventChainId and queueTime when unset.
    TaskRecord &create(vim::TaskInfo info, const QStringList &ancestors, bool workload);
    /// Adds a finished historical task without signals (pre-seeding).
    void appendHistorical(vim::TaskInfo info, const QStringList &ancestors);
    /// Applies `change` and emits taskChanged; false for an unknown key.
    bool modify(const QString &key, const std::function<void(vim::TaskInfo &)> &change);

    /// The TaskInfo JSON, cached per revision.
    QJsonObject json(TaskRecord &record) const;
    /// The same without filling the cache: collectors paging through history use it, so
    /// 100 000 historical tasks do not all keep their JSON.
    QJsonObject transientJson(const TaskRecord &record) const;
    /// Compact JSON bytes of the task: the frozen copy of a historical task, else encoded now.
    QByteArray compactJson(const TaskRecord &record) const;

    /// TaskManager.recentTask: queued and running tasks plus the last 200 completed in
    /// the last 10 minutes, oldest first.
    QList<vim::ManagedObjectReference> recentTasks(const QDateTime &now) const;
    QList<vim::TaskInfo> snapshot() const;
    int activeCount() const { return int(m_active.size()); }

Q_SIGNALS:
    void taskCreated(int id);
    void taskChanged(int id, bool stateChanged);

private:
    TaskRecord &append(vim::TaskInfo info, const QStringList &ancestors);
    void trim();

    std::deque<std::unique_ptr<TaskRecord>> m_records;
    std::set<int> m_active;
    std::deque<int> m_recentlyCompleted;
    /// Finished tasks whose cached JSON is kept; older ones drop it to bound memory.
    std::deque<int> m_cachedFinished;
    int m_firstId = 1;
    int m_maxTasks;
    qint32 m_nextChainId = 1000;
};

} // namespace sim
