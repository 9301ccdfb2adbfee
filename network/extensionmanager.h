#pragma once

#include "managedobject.h"

#include <vim/extension.h>

namespace svc {

/// ExtensionManager (§10): the task types extensions registered, with their labels.
class ExtensionManager final : public ManagedObject
{
public:
    using ManagedObject::ManagedObject;

    Pending<QList<vim::Extension>> extensionList() const;
    /// Unset when no extension has that key.
    Pending<std::optional<vim::Extension>> findExtension(const QString &extensionKey) const;
};

} // namespace svc
