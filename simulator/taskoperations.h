#pragma once

namespace sim {

class OperationTable;
struct SimContext;

/// TaskManager, Task, TaskHistoryCollector and ExtensionManager methods (§6, §10).
class TaskOperations final
{
public:
    explicit TaskOperations(SimContext &context)
        : m_ctx(context)
    {}
    void registerWith(OperationTable &table);

private:
    void registerTaskManager(OperationTable &table);
    void registerTask(OperationTable &table);
    void registerCollector(OperationTable &table);

    SimContext &m_ctx;
};

} // namespace sim
