#pragma once

#include "managedobject.h"

#include <vim/servicecontent.h>

#include <QDateTime>

namespace svc {

class ServiceInstance final : public ManagedObject
{
public:
    explicit ServiceInstance(VimConnection *connection);

    Pending<vim::ServiceContent> content() const;
    Pending<vim::ServiceContent> retrieveServiceContent() const;
    Pending<QDateTime> currentTime() const;
};

} // namespace svc
