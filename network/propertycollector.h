#pragma once

#include "managedobject.h"
#include "propertyfilter.h"

#include <vim/propertycollectortypes.h>

namespace svc {

/// PropertyCollector (§7.1). PropertyFilter is in propertyfilter.h.
class PropertyCollector final : public ManagedObject
{
public:
    using ManagedObject::ManagedObject;

    Pending<vim::ManagedObjectReference> createPropertyCollector() const;
    Pending<void> destroyPropertyCollector() const;
    Pending<vim::ManagedObjectReference> createFilter(const vim::PropertyFilterSpec &spec,
                                                      bool partialUpdates) const;
    Pending<QList<vim::ManagedObjectReference>> filter() const;
    /// Null (nullopt) when maxWaitSeconds passed with nothing to report.
    Pending<std::optional<vim::UpdateSet>>
    waitForUpdatesEx(const QString &version, const std::optional<vim::WaitOptions> &options) const;
    Pending<void> cancelWaitForUpdates() const;
    Pending<std::optional<vim::RetrieveResult>>
    retrievePropertiesEx(const QList<vim::PropertyFilterSpec> &specSet,
                         const vim::RetrieveOptions &options = {}) const;
    Pending<std::optional<vim::RetrieveResult>>
    continueRetrievePropertiesEx(const QString &token) const;
    Pending<void> cancelRetrievePropertiesEx(const QString &token) const;
};

} // namespace svc
