#pragma once

#include <vim/moref.h>

#include <QList>

namespace sim {

class OperationTable;
class Session;
struct ObjectView;
struct SimContext;

/// ViewManager, ListView and ContainerView methods (§7.5): CreateListView,
/// CreateContainerView, ModifyListView, ResetListView, DestroyView.
class ViewOperations final
{
public:
    explicit ViewOperations(SimContext &context)
        : m_ctx(context)
    {}
    void registerWith(OperationTable &table);

private:
    /// Adds the objects that exist to the view; returns the ones that do not.
    QList<vim::ManagedObjectReference> addMembers(ObjectView &view,
                                                  const QList<vim::ManagedObjectReference> &objs,
                                                  const Session *session) const;

    SimContext &m_ctx;
};

} // namespace sim
