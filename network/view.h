#pragma once

#include "managedobject.h"

namespace svc {

/// A ListView or ContainerView (§7.5), made by ViewManager; gone with the session.
class View final : public ManagedObject
{
public:
    using ManagedObject::ManagedObject;

    Pending<QList<vim::ManagedObjectReference>> view() const;
    /// ListView only. Answer: the objects that could not be resolved.
    Pending<QList<vim::ManagedObjectReference>>
    modifyListView(const QList<vim::ManagedObjectReference> &add,
                   const QList<vim::ManagedObjectReference> &remove) const;
    Pending<QList<vim::ManagedObjectReference>>
    resetListView(const QList<vim::ManagedObjectReference> &obj) const;
    Pending<void> destroyView() const;
};

} // namespace svc
