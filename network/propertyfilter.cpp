#include "propertyfilter.h"

#include "managedobject_impl.h"

namespace svc {

Pending<vim::PropertyFilterSpec> PropertyFilter::spec() const
{
    return get<vim::PropertyFilterSpec>("spec");
}

Pending<bool> PropertyFilter::partialUpdates() const
{
    return get<bool>("partialUpdates");
}

Pending<void> PropertyFilter::destroyPropertyFilter() const
{
    return call<void>("DestroyPropertyFilter");
}

} // namespace svc
