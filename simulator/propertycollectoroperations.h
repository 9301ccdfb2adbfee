#pragma once

#include <vim/propertycollectortypes.h>

#include <QList>

namespace sim {

class OperationTable;
class PropertyCollector;
class Session;
struct Call;
struct SimContext;

/// PropertyCollector and PropertyFilter methods (§7): private collectors, filters,
/// WaitForUpdatesEx / CheckForUpdates / CancelWaitForUpdates and RetrievePropertiesEx
/// with token paging.
class PropertyCollectorOperations final
{
public:
    explicit PropertyCollectorOperations(SimContext &context)
        : m_ctx(context)
    {}
    void registerWith(OperationTable &table);

private:
    PropertyCollector &collectorOf(const Call &call) const;
    /// Validates and collects every spec; faults on missing objects unless reported.
    QList<vim::ObjectContent> retrieve(const QList<vim::PropertyFilterSpec> &specs,
                                       const Session *session) const;
    void registerRetrieve(OperationTable &table);

    SimContext &m_ctx;
};

} // namespace sim
