#include "task.h"

#include "managedobject_impl.h"

namespace svc {

Pending<vim::TaskInfo> Task::info() const
{
    return get<vim::TaskInfo>("info");
}

Pending<void> Task::cancelTask() const
{
    return call<void>("CancelTask");
}

Pending<void> Task::updateProgress(qint32 percentDone) const
{
    return call<void>("UpdateProgress", singleParam("percentDone", percentDone));
}

Pending<void> Task::setTaskState(const vim::TaskInfoState &state,
                                 const std::optional<vim::AnyValue> &result,
                                 const std::optional<vim::MethodFault> &fault) const
{
    QJsonObject params;
    putParam(params, "state", state);
    putParam(params, "result", result);
    putParam(params, "fault", fault);
    return call<void>("SetTaskState", params);
}

Pending<void> Task::setTaskDescription(const vim::LocalizableMessage &description) const
{
    return call<void>("SetTaskDescription", singleParam("description", description));
}

} // namespace svc
