#include "taskmanager.h"

#include "managedobject_impl.h"

namespace svc {

Pending<QList<vim::ManagedObjectReference>> TaskManager::recentTask() const
{
    return get<QList<vim::ManagedObjectReference>>("recentTask");
}

Pending<vim::TaskDescription> TaskManager::description() const
{
    return get<vim::TaskDescription>("description");
}

Pending<qint32> TaskManager::maxCollector() const
{
    return get<qint32>("maxCollector");
}

Pending<vim::TaskInfo> TaskManager::createTask(const CreateTaskArgs &args) const
{
    QJsonObject params;
    putParam(params, "obj", args.obj);
    putParam(params, "taskTypeId", args.taskTypeId);
    putParam(params, "initiatedBy", args.initiatedBy);
    putParam(params, "cancelable", args.cancelable);
    putParam(params, "parentTaskKey", args.parentTaskKey);
    putParam(params, "activationId", args.activationId);
    return call<vim::TaskInfo>("CreateTask", params);
}

Pending<vim::ManagedObjectReference>
TaskManager::createCollectorForTasks(const vim::TaskFilterSpec &filter) const
{
    QJsonObject params;
    putParam(params, "filter", filter);
    return call<vim::ManagedObjectReference>("CreateCollectorForTasks", params);
}

Pending<vim::ManagedObjectReference> TaskManager::createCollectorWithInfoFilterForTasks(
    const vim::TaskFilterSpec &filter,
    const std::optional<vim::TaskInfoFilterSpec> &infoFilter) const
{
    QJsonObject params;
    putParam(params, "filter", filter);
    putParam(params, "infoFilter", infoFilter);
    return call<vim::ManagedObjectReference>("CreateCollectorWithInfoFilterForTasks", params);
}

} // namespace svc
