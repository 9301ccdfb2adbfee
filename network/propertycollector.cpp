#include "propertycollector.h"

#include "managedobject_impl.h"

namespace svc {

Pending<vim::ManagedObjectReference> PropertyCollector::createPropertyCollector() const
{
    return call<vim::ManagedObjectReference>("CreatePropertyCollector");
}

Pending<void> PropertyCollector::destroyPropertyCollector() const
{
    return call<void>("DestroyPropertyCollector");
}

Pending<vim::ManagedObjectReference>
PropertyCollector::createFilter(const vim::PropertyFilterSpec &spec, bool partialUpdates) const
{
    QJsonObject params;
    putParam(params, "spec", spec);
    putParam(params, "partialUpdates", partialUpdates);
    return call<vim::ManagedObjectReference>("CreateFilter", params);
}

Pending<QList<vim::ManagedObjectReference>> PropertyCollector::filter() const
{
    return get<QList<vim::ManagedObjectReference>>("filter");
}

Pending<std::optional<vim::UpdateSet>>
PropertyCollector::waitForUpdatesEx(const QString &version,
                                    const std::optional<vim::WaitOptions> &options) const
{
    QJsonObject params;
    // Always sent, "" included: an absent version means "" too, but explicit is clearer.
    putParam(params, "version", version);
    putParam(params, "options", options);
    return call<std::optional<vim::UpdateSet>>("WaitForUpdatesEx", params);
}

Pending<void> PropertyCollector::cancelWaitForUpdates() const
{
    return call<void>("CancelWaitForUpdates");
}

Pending<std::optional<vim::RetrieveResult>>
PropertyCollector::retrievePropertiesEx(const QList<vim::PropertyFilterSpec> &specSet,
                                        const vim::RetrieveOptions &options) const
{
    QJsonObject params;
    putParam(params, "specSet", specSet);
    putParam(params, "options", options); // required by the API even when empty
    return call<std::optional<vim::RetrieveResult>>("RetrievePropertiesEx", params);
}

Pending<std::optional<vim::RetrieveResult>>
PropertyCollector::continueRetrievePropertiesEx(const QString &token) const
{
    return call<std::optional<vim::RetrieveResult>>("ContinueRetrievePropertiesEx",
                                                    singleParam("token", token));
}

Pending<void> PropertyCollector::cancelRetrievePropertiesEx(const QString &token) const
{
    return call<void>("CancelRetrievePropertiesEx", singleParam("token", token));
}

} // namespace svc
