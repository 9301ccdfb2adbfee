#include "serviceinstance.h"

#include "managedobject_impl.h"

namespace svc {

ServiceInstance::ServiceInstance(VimConnection *connection)
    : ManagedObject(connection,
                    {QStringLiteral("ServiceInstance"), QStringLiteral("ServiceInstance")})
{}

Pending<vim::ServiceContent> ServiceInstance::content() const
{
    return get<vim::ServiceContent>("content");
}

Pending<vim::ServiceContent> ServiceInstance::retrieveServiceContent() const
{
    return call<vim::ServiceContent>("RetrieveServiceContent");
}

Pending<QDateTime> ServiceInstance::currentTime() const
{
    return call<QDateTime>("CurrentTime");
}

} // namespace svc
