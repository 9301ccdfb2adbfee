#pragma once

#include <vim/taskinfo.h>

#include <QJsonObject>
#include <QStringList>

namespace sim {

/// One task as the TaskStore keeps it: the TaskInfo plus bookkeeping.
struct TaskRecord
{
    vim::TaskInfo info;
    /// The number in `task-<id>`; ids are handed out in creation order.
    int id = 0;
    /// The entity and its ancestors, for TaskFilterSpecByEntity.
    QStringList ancestors;
    /// Driven by the WorkloadGenerator (others by CreateTask or the in-process hooks).
    bool workload = false;
    /// Bumped on every change; the cached JSON is valid for `jsonRevision`.
    qint64 revision = 0;
    QJsonObject json;
    qint64 jsonRevision = -1;
    /// Compact JSON of a seeded historical task, written once at seeding: such a task never
    /// changes, so history pages are served by copying bytes. Cleared if it ever does change.
    QByteArray frozenJson;
};

} // namespace sim
