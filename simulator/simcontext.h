#pragma once

#include "simulatoroptions.h"

#include <QLoggingCategory>
#include <QString>

#include <functional>

Q_DECLARE_LOGGING_CATEGORY(lcSimulator)

namespace sim {

class Inventory;
class ObjectModel;
class SessionRegistry;
class TaskCatalog;
class TaskLifecycle;
class TaskStore;

/// What the operation handlers share: options, the singleton moIds and the stores.
/// Lives in the simulator's thread; nothing here is thread-safe.
struct SimContext
{
    /// The well-known moIds (§9 item 11); ESXi mode uses the host agent's.
    struct ServiceIds
    {
        QString serviceInstance = QStringLiteral("ServiceInstance");
        QString sessionManager = QStringLiteral("SessionManager");
        QString taskManager = QStringLiteral("TaskManager");
        QString propertyCollector = QStringLiteral("propertyCollector");
        QString viewManager = QStringLiteral("ViewManager");
        QString extensionManager = QStringLiteral("ExtensionManager");
        QString eventManager = QStringLiteral("EventManager");
        QString setting = QStringLiteral("VpxSettings");
    };

    SimulatorOptions options;
    ServiceIds ids;
    Inventory *inventory = nullptr;
    TaskCatalog *catalog = nullptr;
    TaskStore *tasks = nullptr;
    TaskLifecycle *lifecycle = nullptr;
    SessionRegistry *sessions = nullptr;
    ObjectModel *model = nullptr;
    /// Bumped on every change a PropertyCollector could report.
    qint64 generation = 0;
    /// Called after state changed, so pending WaitForUpdatesEx calls get re-evaluated.
    std::function<void()> changed;
};

} // namespace sim
