#pragma once

#include "managedobject.h"

#include <vim/propertycollectortypes.h>

namespace svc {

/// PropertyFilter (§7.1): made by PropertyCollector::createFilter, gone with the session.
class PropertyFilter final : public ManagedObject
{
public:
    using ManagedObject::ManagedObject;

    Pending<vim::PropertyFilterSpec> spec() const;
    Pending<bool> partialUpdates() const;
    Pending<void> destroyPropertyFilter() const;
};

} // namespace svc
