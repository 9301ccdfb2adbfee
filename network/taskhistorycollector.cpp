#include "taskhistorycollector.h"

#include "managedobject_impl.h"

namespace svc {

Pending<vim::TaskFilterSpec> TaskHistoryCollector::filter() const
{
    // Declared anyType; servers write the TaskFilterSpec inline with its _typeName.
    return get<vim::TaskFilterSpec>("filter");
}

Pending<QList<vim::TaskInfo>> TaskHistoryCollector::latestPage() const
{
    return get<QList<vim::TaskInfo>>("latestPage");
}

Pending<QList<vim::TaskInfo>> TaskHistoryCollector::readNextTasks(qint32 maxCount) const
{
    return call<QList<vim::TaskInfo>>("ReadNextTasks", singleParam("maxCount", maxCount));
}

Pending<QList<vim::TaskInfo>> TaskHistoryCollector::readPreviousTasks(qint32 maxCount) const
{
    return call<QList<vim::TaskInfo>>("ReadPreviousTasks", singleParam("maxCount", maxCount));
}

Pending<void> TaskHistoryCollector::rewindCollector() const
{
    return call<void>("RewindCollector");
}

Pending<void> TaskHistoryCollector::resetCollector() const
{
    return call<void>("ResetCollector");
}

Pending<void> TaskHistoryCollector::setCollectorPageSize(qint32 maxCount) const
{
    return call<void>("SetCollectorPageSize", singleParam("maxCount", maxCount));
}

Pending<void> TaskHistoryCollector::destroyCollector() const
{
    return call<void>("DestroyCollector");
}

} // namespace svc
