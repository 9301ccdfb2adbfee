#pragma once

namespace sim {

class OperationTable;
struct SimContext;

/// ServiceInstance and SessionManager methods (§2): RetrieveServiceContent, CurrentTime,
/// Login, Logout, TerminateSession, SessionIsActive.
class SessionOperations final
{
public:
    explicit SessionOperations(SimContext &context)
        : m_ctx(context)
    {}
    void registerWith(OperationTable &table);

private:
    SimContext &m_ctx;
};

} // namespace sim
