#include "view.h"

#include "managedobject_impl.h"

namespace svc {

Pending<QList<vim::ManagedObjectReference>> View::view() const
{
    return get<QList<vim::ManagedObjectReference>>("view");
}

Pending<QList<vim::ManagedObjectReference>>
View::modifyListView(const QList<vim::ManagedObjectReference> &add,
                     const QList<vim::ManagedObjectReference> &remove) const
{
    QJsonObject params;
    if (!add.isEmpty())
        putParam(params, "add", add);
    if (!remove.isEmpty())
        putParam(params, "remove", remove);
    return call<QList<vim::ManagedObjectReference>>("ModifyListView", params);
}

Pending<QList<vim::ManagedObjectReference>>
View::resetListView(const QList<vim::ManagedObjectReference> &obj) const
{
    QJsonObject params;
    putParam(params, "obj", obj); // sent even when empty: that empties the view
    return call<QList<vim::ManagedObjectReference>>("ResetListView", params);
}

Pending<void> View::destroyView() const
{
    return call<void>("DestroyView");
}

} // namespace svc
