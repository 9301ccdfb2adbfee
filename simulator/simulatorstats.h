#pragma once

#include <QHash>
#include <QString>

namespace sim {

/// Ground-truth counters for tests and benchmarks (Simulator::stats()).
struct SimulatorStats
{
    struct PerSession
    {
        QString userName;
        int collectors = 0;
        int propertyCollectors = 0;
        int filters = 0;
        int views = 0;
        int pendingWaits = 0;
        /// The Login answer carrying this session's token never reached the client, so it
        /// cannot log out: only the idle timeout ends it.
        bool tokenLost = false;
    };

    int sessions = 0;
    int collectors = 0;
    int propertyCollectors = 0;
    int filters = 0;
    int views = 0;
    int pendingWaits = 0;
    /// Managed entities in the inventory, the root folder included.
    int entities = 0;
    int tasks = 0;
    int activeTasks = 0;
    qint64 requests = 0;
    qint64 faults = 0;
    qint64 bytesSent = 0;
    /// Keyed by UserSession.key (never the session token).
    QHash<QString, PerSession> perSession;
};

} // namespace sim
