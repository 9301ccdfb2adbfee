#include "viewmanager.h"

#include "managedobject_impl.h"

namespace svc {

Pending<vim::ManagedObjectReference>
ViewManager::createListView(const QList<vim::ManagedObjectReference> &obj) const
{
    QJsonObject params;
    if (!obj.isEmpty()) // optional: an empty ListView is filled later with ModifyListView
        putParam(params, "obj", obj);
    return call<vim::ManagedObjectReference>("CreateListView", params);
}

Pending<vim::ManagedObjectReference>
ViewManager::createContainerView(const vim::ManagedObjectReference &container,
                                 const QStringList &type, bool recursive) const
{
    QJsonObject params;
    putParam(params, "container", container);
    if (!type.isEmpty()) // optional: no types means every managed entity
        putParam(params, "type", QList<QString>(type));
    putParam(params, "recursive", recursive);
    return call<vim::ManagedObjectReference>("CreateContainerView", params);
}

} // namespace svc
