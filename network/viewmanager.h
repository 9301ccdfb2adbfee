#pragma once

#include "managedobject.h"
#include "view.h"

namespace svc {

/// ViewManager (§7.5): creates ListViews and ContainerViews (see view.h).
class ViewManager final : public ManagedObject
{
public:
    using ManagedObject::ManagedObject;

    Pending<vim::ManagedObjectReference>
    createListView(const QList<vim::ManagedObjectReference> &obj = {}) const;
    Pending<vim::ManagedObjectReference>
    createContainerView(const vim::ManagedObjectReference &container, const QStringList &type,
                        bool recursive) const;
};

} // namespace svc
