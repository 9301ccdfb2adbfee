#include "extensionmanager.h"

#include "managedobject_impl.h"

namespace svc {

Pending<QList<vim::Extension>> ExtensionManager::extensionList() const
{
    return get<QList<vim::Extension>>("extensionList");
}

Pending<std::optional<vim::Extension>>
ExtensionManager::findExtension(const QString &extensionKey) const
{
    return call<std::optional<vim::Extension>>("FindExtension",
                                               singleParam("extensionKey", extensionKey));
}

} // namespace svc
