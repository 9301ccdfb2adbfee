#pragma once

#include "managedobject.h"

#include <vim/taskfilterspec.h>
#include <vim/taskinfo.h>

namespace svc {

/// TaskHistoryCollector and its HistoryCollector base (§6.3).
class TaskHistoryCollector final : public ManagedObject
{
public:
    using ManagedObject::ManagedObject;

    Pending<vim::TaskFilterSpec> filter() const;
    Pending<QList<vim::TaskInfo>> latestPage() const;
    Pending<QList<vim::TaskInfo>> readNextTasks(qint32 maxCount) const;
    Pending<QList<vim::TaskInfo>> readPreviousTasks(qint32 maxCount) const;
    Pending<void> rewindCollector() const;
    Pending<void> resetCollector() const;
    Pending<void> setCollectorPageSize(qint32 maxCount) const;
    Pending<void> destroyCollector() const;
};

} // namespace svc
