#pragma once

#include "managedobject.h"

#include <vim/taskinfo.h>

namespace svc {

/// Task (§6.2).
class Task final : public ManagedObject
{
public:
    using ManagedObject::ManagedObject;

    Pending<vim::TaskInfo> info() const;
    Pending<void> cancelTask() const;
    Pending<void> updateProgress(qint32 percentDone) const;
    Pending<void> setTaskState(const vim::TaskInfoState &state,
                               const std::optional<vim::AnyValue> &result = {},
                               const std::optional<vim::MethodFault> &fault = {}) const;
    Pending<void> setTaskDescription(const vim::LocalizableMessage &description) const;
};

} // namespace svc
