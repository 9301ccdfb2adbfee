#include "tasklifecycle.h"

#include "faults.h"
#include "inventory.h"
#include "simcontext.h"
#include "taskcatalog.h"
#include "taskstore.h"

#include <QTimer>

namespace sim {

namespace {
constexpr int kCancelDelayMs = 150;
using State = vim::TaskInfoState::Value;
} // namespace

TaskLifecycle::TaskLifecycle(SimContext &context, QObject *timerContext)
    : m_ctx(context)
    , m_timerContext(timerContext)
{}

const vim::TaskInfo &TaskLifecycle::info(const QString &key) const
{
    const TaskRecord *r = m_ctx.tasks->find(key);
    if (!r)
        faults::raise(faults::managedObjectNotFound({QStringLiteral("Task"), key}));
    return r->info;
}

vim::MethodFault TaskLifecycle::taskFault(const QString &type, const QString &key,
                                          const QString &message)
{
    vim::MethodFault f = vim::MethodFault::make(type);
    f.faultMessage.append({key, {}, message});
    return f;
}

vim::TaskInfo TaskLifecycle::create(const NewTask &task)
{
    const TaskCatalog::TaskType *type = m_ctx.catalog->find(task.descriptionId);
    vim::TaskInfo t;
    t.descriptionId = task.descriptionId;
    if (type && !type->methodName.isEmpty())
        t.name = type->methodName;
    t.state = State::Queued;
    t.cancelable = task.cancelable;
    t.reason = task.reason;
    t.parentTaskKey = task.parentTaskKey;
    t.rootTaskKey = task.rootTaskKey;
    t.activationId = task.activationId;
    t.queueTime = QDateTime::currentDateTimeUtc();
    QStringList ancestors;
    if (!task.entity.isNull()) {
        t.entity = task.entity;
        if (const Inventory::Entity *e = m_ctx.inventory->find(task.entity.value)) {
            t.entityName = e->name;
            ancestors = e->ancestors;
        } else {
            ancestors = {task.entity.value};
        }
    }
    return m_ctx.tasks->create(t, ancestors, task.workload).info;
}

void TaskLifecycle::start(const QString &key)
{
    if (!(info(key).state == State::Queued))
        return;
    m_ctx.tasks->modify(key, [](vim::TaskInfo &t) {
        t.state = State::Running;
        t.startTime = QDateTime::currentDateTimeUtc();
        if (t.entity)
            t.locked = {*t.entity};
    });
}

void TaskLifecycle::finish(const QString &key, bool success,
                           const std::optional<vim::AnyValue> &result,
                           const std::optional<vim::MethodFault> &fault)
{
    m_ctx.tasks->modify(key, [&](vim::TaskInfo &t) {
        const QDateTime now = QDateTime::currentDateTimeUtc();
        t.state = success ? State::Success : State::Error;
        if (!t.startTime)
            t.startTime = now;
        t.completeTime = now;
        t.locked.clear();
        if (success && t.progress)
            t.progress = 100;
        t.result = success ? result : std::nullopt;
        t.error = success ? std::nullopt : fault;
    });
}

void TaskLifecycle::cancel(const QString &key)
{
    const vim::TaskInfo &t = info(key);
    if (t.isFinished())
        faults::raise(faults::invalidState());
    if (!t.cancelable)
        faults::raise(faults::notSupported());
    if (t.cancelled)
        return; // repeated cancels count as one
    const bool queued = t.state == State::Queued;
    m_ctx.tasks->modify(key, [](vim::TaskInfo &info) { info.cancelled = true; });
    const vim::MethodFault canceled = taskFault(
        QStringLiteral("RequestCanceled"), QStringLiteral("com.vmware.vim.vpxd.vpx.TaskCanceled"),
        QStringLiteral("The task was canceled by a user."));
    if (queued) {
        finish(key, false, std::nullopt, canceled);
        return;
    }
    // Cancellation is asynchronous: the task stops a moment later (§6.2).
    QTimer::singleShot(kCancelDelayMs, m_timerContext, [this, key, canceled] {
        const TaskRecord *r = m_ctx.tasks->find(key);
        if (r && !r->info.isFinished())
            finish(key, false, std::nullopt, canceled);
    });
}

void TaskLifecycle::setState(const QString &key, const vim::TaskInfoState &state,
                             const std::optional<vim::AnyValue> &result,
                             const std::optional<vim::MethodFault> &fault)
{
    const vim::TaskInfo &t = info(key);
    if (t.isFinished() || !state.isKnown())
        faults::raise(faults::invalidState());
    if ((result && !(state == State::Success)) || (fault && !(state == State::Error)))
        faults::raise(faults::invalidState());
    switch (state.value()) {
    case State::Queued:
        if (!(t.state == State::Queued))
            faults::raise(faults::invalidState());
        break;
    case State::Running:
        start(key);
        break;
    default:
        finish(key, state == State::Success, result, fault);
    }
}

void TaskLifecycle::updateProgress(const QString &key, int percentDone)
{
    if (!(info(key).state == State::Running))
        faults::raise(faults::invalidState());
    const int clamped = std::clamp(percentDone, 0, 100);
    m_ctx.tasks->modify(key, [clamped](vim::TaskInfo &t) { t.progress = clamped; });
}

void TaskLifecycle::setDescription(const QString &key, const vim::LocalizableMessage &description)
{
    info(key);
    m_ctx.tasks->modify(key, [&](vim::TaskInfo &t) { t.description = description; });
}

} // namespace sim
