#pragma once

#include "simulatoroptions.h"
#include "simulatorstats.h"

#include <vim/anyvalue.h>
#include <vim/methodfault.h>
#include <vim/taskinfo.h>

#include <QObject>
#include <QSslCertificate>
#include <QStringList>
#include <QThread>
#include <QUrl>

#include <memory>
#include <optional>

namespace sim {

class Inventory;
class TaskCatalog;
class TaskLifecycle;
class TaskStore;
class SessionRegistry;
class ObjectModel;
class VimHttpServer;
class VimService;
class WorkloadGenerator;
struct SimContext;

/// A simulated vCenter (or ESXi host) speaking VI/JSON over http(s), for `vtaskmon --demo`,
/// the tests and the benchmarks.
///
/// Threading: the Simulator and everything it owns live in its thread (move it with
/// moveToThread() before start()). Every public method may be called from any thread:
/// calls from other threads are run in the simulator's thread and wait for it
/// (Qt::BlockingQueuedConnection), so never call them from inside a slot running in the
/// simulator's thread that another thread is blocked on. Signals are emitted in the
/// simulator's thread; connect with Qt::QueuedConnection from elsewhere.
class Simulator final : public QObject
{
    Q_OBJECT

public:
    explicit Simulator(const SimulatorOptions &options = {}, QObject *parent = nullptr);
    ~Simulator() override;

    /// Generates the certificate (https), seeds history, listens and starts the workload.
    bool start(QString *error = nullptr);
    quint16 port() const;
    /// `https://127.0.0.1:<port>` (or http).
    QUrl baseUrl() const;
    /// The self-signed certificate served over https (null for http).
    QSslCertificate certificate() const;
    /// SHA-256 thumbprint of certificate(), `AB:CD:...`.
    QString thumbprint() const;
    SimulatorOptions options() const;

    // ---- ground truth -------------------------------------------------------------------
    QList<vim::TaskInfo> tasks() const;
    std::optional<vim::TaskInfo> task(const QString &key) const;
    SimulatorStats stats() const;
    /// UserSession keys of the live sessions (not tokens).
    QStringList sessionKeys() const;

    // ---- hooks for deterministic scenarios ------------------------------------------------
    /// Creates a queued task now; returns its key (`task-<n>`), or empty for an unknown
    /// entity. Any catalogue or extension descriptionId is accepted.
    QString createTask(const QString &descriptionId, const QString &entityMoId,
                       bool cancelable = true, const QString &userName = {});
    /// The same rules as the API (SetTaskState, UpdateProgress, CancelTask); returns the
    /// fault type on a violation (`InvalidState`, ...), empty on success.
    QString setTaskState(const QString &key, vim::TaskInfoState::Value state,
                         const std::optional<vim::AnyValue> &result = std::nullopt,
                         const std::optional<vim::MethodFault> &fault = std::nullopt);
    QString setTaskProgress(const QString &key, int percentDone);
    QString setTaskDescription(const QString &key, const vim::LocalizableMessage &description);
    QString cancelTask(const QString &key);
    void pauseWorkload();
    void resumeWorkload();
    void setWorkloadRate(double tasksPerSecond);

    // ---- fault injection ------------------------------------------------------------------
    void setFaults(const SimulatorOptions::Faults &faults);
    /// Invalidates one session (by UserSession key); its objects die with it.
    bool expireSession(const QString &sessionKey);
    void expireAllSessions();
    /// Like a server restart: drops every connection, session and session object; tasks survive.
    void restart();
    /// The next `count` answers to `operation` (`CreateListView`, `Login`, ...) are carried
    /// out, held `delayMs`, then cut off mid-response, whatever setFaults() says.
    void cutAnswers(const QString &operation, int count = 1, int delayMs = 0);
    /// The next `count` calls of `operation` are refused with a SystemError fault, without
    /// being carried out.
    void failAnswers(const QString &operation, int count = 1);

Q_SIGNALS:
    void taskCreated(const vim::TaskInfo &info);
    /// Every change of a task; `stateChanged` when TaskInfo.state changed.
    void taskChanged(const vim::TaskInfo &info, bool stateChanged);

private:
    template<typename F>
    auto inOwnerThread(F &&f) const -> decltype(f());

    std::unique_ptr<SimContext> m_ctx;
    std::unique_ptr<Inventory> m_inventory;
    std::unique_ptr<TaskCatalog> m_catalog;
    std::unique_ptr<SessionRegistry> m_sessions;
    std::unique_ptr<ObjectModel> m_model;
    std::unique_ptr<TaskLifecycle> m_lifecycle;
    TaskStore *m_tasks = nullptr;
    VimService *m_service = nullptr;
    VimHttpServer *m_http = nullptr;
    WorkloadGenerator *m_workload = nullptr;
    QSslCertificate m_certificate;
    quint16 m_port = 0;
};

} // namespace sim
