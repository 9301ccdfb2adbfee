#pragma once

#include "managedobject.h"

#include <vim/taskdescription.h>
#include <vim/taskfilterspec.h>
#include <vim/taskinfo.h>

namespace svc {

/// TaskManager (§6.1): the five seed operations plus the info-filter collector.
class TaskManager final : public ManagedObject
{
public:
    using ManagedObject::ManagedObject;

    Pending<QList<vim::ManagedObjectReference>> recentTask() const;
    Pending<vim::TaskDescription> description() const;
    Pending<qint32> maxCollector() const;

    struct CreateTaskArgs
    {
        vim::ManagedObjectReference obj;
        QString taskTypeId;
        std::optional<QString> initiatedBy;
        bool cancelable = false;
        std::optional<QString> parentTaskKey;
        std::optional<QString> activationId;
    };
    Pending<vim::TaskInfo> createTask(const CreateTaskArgs &args) const;
    Pending<vim::ManagedObjectReference>
    createCollectorForTasks(const vim::TaskFilterSpec &filter) const;
    /// Since 8.0.3.0.
    Pending<vim::ManagedObjectReference> createCollectorWithInfoFilterForTasks(
        const vim::TaskFilterSpec &filter,
        const std::optional<vim::TaskInfoFilterSpec> &infoFilter) const;
};

} // namespace svc
