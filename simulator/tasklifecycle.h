#pragma once

#include <vim/anyvalue.h>
#include <vim/methodfault.h>
#include <vim/moref.h>
#include <vim/taskinfo.h>

#include <QObject>
#include <QString>

#include <optional>

namespace sim {

struct SimContext;

/// The task state machine (§9 item 7) shared by the HTTP operations, the workload and the
/// in-process hooks: queued → running → success | error, cancellation, progress.
/// Rule violations throw FaultException (InvalidState, NotSupported, ManagedObjectNotFound).
class TaskLifecycle final
{
public:
    struct NewTask
    {
        QString descriptionId;
        vim::ManagedObjectReference entity;
        vim::TaskReason reason;
        bool cancelable = false;
        std::optional<QString> parentTaskKey;
        std::optional<QString> rootTaskKey;
        std::optional<QString> activationId;
        bool workload = false;
    };

    /// `timerContext` owns the timers that finish cancelled tasks.
    TaskLifecycle(SimContext &context, QObject *timerContext);

    vim::TaskInfo create(const NewTask &task);
    void start(const QString &key);
    /// CancelTask: marks the task cancelled; it ends in `error` with RequestCanceled
    /// shortly after (at once when still queued).
    void cancel(const QString &key);
    void setState(const QString &key, const vim::TaskInfoState &state,
                  const std::optional<vim::AnyValue> &result,
                  const std::optional<vim::MethodFault> &fault);
    void updateProgress(const QString &key, int percentDone);
    void setDescription(const QString &key, const vim::LocalizableMessage &description);
    /// A LocalizableMessage-carrying fault as TaskInfo.error holds it.
    static vim::MethodFault taskFault(const QString &type, const QString &key,
                                      const QString &message);

private:
    const vim::TaskInfo &info(const QString &key) const;
    void finish(const QString &key, bool success, const std::optional<vim::AnyValue> &result,
                const std::optional<vim::MethodFault> &fault);

    SimContext &m_ctx;
    QObject *m_timerContext;
};

} // namespace sim
