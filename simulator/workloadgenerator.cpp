#include "workloadgenerator.h"

#include "faultexception.h"
#include "inventory.h"
#include "simcontext.h"
#include "tasklifecycle.h"
#include "taskstore.h"

#include <vim/codec.h>

#include <algorithm>
#include <cmath>

namespace sim {

namespace {

const char *const kUsers[] = {"VSPHERE.LOCAL\\Administrator", "VSPHERE.LOCAL\\Alice",
                              "VSPHERE.LOCAL\\Bob", "CORP.EXAMPLE.COM\\Carol",
                              "VSPHERE.LOCAL\\Svc-backup"};
const char *const kAlarms[] = {"Host CPU usage", "Virtual machine memory usage",
                               "Datastore usage on disk", "Host connection and power state"};
const char *const kSchedules[] = {"Nightly snapshot", "Weekly compliance scan",
                                  "Power off test VMs at night"};

struct Phase
{
    const char *key;
    const char *message;
};
const Phase kPhases[] = {{"com.vmware.vim.vpxd.vpx.task.preparing", "Preparing"},
                         {"com.vmware.vim.vpxd.vpx.task.copyingDisk", "Copying virtual disk"},
                         {"com.vmware.vim.vpxd.vpx.task.waitingHost", "Waiting for host"},
                         {"com.vmware.vim.vpxd.vpx.task.finalizing", "Finalizing"}};

struct Failure
{
    const char *type;
    const char *key;
    const char *message;
};
const Failure kFailures[] = {
    {"InvalidPowerState", "vim.fault.InvalidPowerState",
     "The attempted operation cannot be performed in the current state (Powered on)."},
    {"Timedout", "vim.fault.Timedout", "Operation timed out."},
    {"SystemError", "vmodl.fault.SystemError", "A general system error occurred: Connection reset"},
    {"HostCommunication", "vmodl.fault.HostCommunication",
     "An error occurred while communicating with the remote host."},
    {"FileNotFound", "vim.fault.FileNotFound", "File [datastore1] vm/vm.vmx was not found"},
    {"InsufficientResourcesFault", "vim.fault.InsufficientResourcesFault",
     "Insufficient resources to satisfy configured failover level for vSphere HA."},
};

// Types that fan out into child tasks.
bool spawnsChildren(const QString &id)
{
    return id == QLatin1String("Datacenter.powerOnVm") ||
           id == QLatin1String("HostSystem.enterMaintenanceMode") ||
           id == QLatin1String("ClusterComputeResource.applyRecommendation");
}

} // namespace

WorkloadGenerator::WorkloadGenerator(SimContext &context, QObject *parent)
    : QObject(parent)
    , m_ctx(context)
    , m_options(context.options.workload)
    , m_random(context.options.workload.seed)
{
    m_timer.setSingleShot(true);
    m_timer.setTimerType(Qt::PreciseTimer);
    connect(&m_timer, &QTimer::timeout, this, &WorkloadGenerator::run);
    for (const TaskCatalog::TaskType &t : m_ctx.catalog->types()) {
        if (!m_ctx.inventory->ofType(t.entityType).isEmpty())
            m_totalWeight += t.weight;
    }
}

qint64 WorkloadGenerator::now() const
{
    return (m_paused ? m_pausedAt : m_clock.elapsed()) - m_pausedTotal;
}

void WorkloadGenerator::start()
{
    if (m_started)
        return;
    m_started = true;
    m_clock.start();
    m_nextArrival = m_options.tasksPerSecond > 0 ? nextArrivalGap() : -1;
    arm();
}

void WorkloadGenerator::setPaused(bool paused)
{
    if (paused == m_paused || !m_started)
        return;
    if (paused) {
        m_pausedAt = m_clock.elapsed();
        m_paused = true;
        m_timer.stop();
    } else {
        m_pausedTotal += m_clock.elapsed() - m_pausedAt;
        m_paused = false;
        arm();
    }
}

void WorkloadGenerator::setRate(double tasksPerSecond)
{
    m_options.tasksPerSecond = qMax(0.0, tasksPerSecond);
    if (!m_started)
        return;
    m_nextArrival = m_options.tasksPerSecond > 0 ? now() + nextArrivalGap() : -1;
    arm();
}

qint64 WorkloadGenerator::nextArrivalGap()
{
    // Exponential gaps: a Poisson arrival process at the configured rate.
    const double u = 1.0 - m_random.generateDouble();
    return qint64(std::ceil(-std::log(u) / m_options.tasksPerSecond * 1000.0));
}

qint64 WorkloadGenerator::pickDuration()
{
    const double u1 = 1.0 - m_random.generateDouble();
    const double u2 = m_random.generateDouble();
    const double normal = std::sqrt(-2.0 * std::log(u1)) * std::cos(2.0 * M_PI * u2);
    const double d = m_options.medianDurationMs * std::exp(m_options.durationSpread * normal);
    return qBound<qint64>(20, qint64(d), qint64(m_options.medianDurationMs) * 20);
}

void WorkloadGenerator::schedule(qint64 at, const Step &step)
{
    m_steps.emplace(at, step);
}

void WorkloadGenerator::arm()
{
    if (m_paused || !m_started)
        return;
    qint64 due = m_steps.empty() ? -1 : m_steps.begin()->first;
    if (m_nextArrival >= 0 && (due < 0 || m_nextArrival < due))
        due = m_nextArrival;
    if (due < 0) {
        m_timer.stop();
        return;
    }
    m_timer.start(int(std::clamp<qint64>(due - now(), 0, 1000)));
}

void WorkloadGenerator::run()
{
    const qint64 t = now();
    while (m_nextArrival >= 0 && m_nextArrival <= t) {
        spawn(m_nextArrival);
        m_nextArrival += nextArrivalGap();
    }
    while (!m_steps.empty() && m_steps.begin()->first <= t) {
        const Step step = m_steps.begin()->second;
        m_steps.erase(m_steps.begin());
        apply(step);
    }
    arm();
}

const TaskCatalog::TaskType &WorkloadGenerator::pickType(const QString &entityType)
{
    const auto &types = m_ctx.catalog->types();
    if (!entityType.isEmpty()) {
        for (const auto &t : types) {
            if (t.entityType == entityType && t.weight > 0 && m_random.bounded(3) == 0)
                return t;
        }
    }
    int pick = int(m_random.bounded(qMax(1, m_totalWeight)));
    for (const auto &t : types) {
        if (t.weight <= 0 || m_ctx.inventory->ofType(t.entityType).isEmpty())
            continue;
        if ((pick -= t.weight) < 0)
            return t;
    }
    return types.first();
}

QString WorkloadGenerator::pickEntity(const QString &entityType)
{
    const QStringList &ids = m_ctx.inventory->ofType(entityType);
    return ids.isEmpty() ? QString() : ids.at(qsizetype(m_random.bounded(quint32(ids.size()))));
}

vim::TaskReason WorkloadGenerator::pickReason(const QString &entity)
{
    const double r = m_random.generateDouble();
    if (r < 0.70)
        return vim::TaskReason::user(QLatin1String(kUsers[m_random.bounded(5)]));
    if (r < 0.85)
        return vim::TaskReason::system();
    if (r < 0.95) {
        const int a = int(m_random.bounded(4));
        return vim::TaskReason::alarmReason(
            QLatin1String(kAlarms[a]),
            {QStringLiteral("Alarm"), QStringLiteral("alarm-%1").arg(a + 1)},
            m_ctx.inventory->find(entity) ? m_ctx.inventory->find(entity)->name : entity,
            m_ctx.inventory->ref(entity));
    }
    const int s = int(m_random.bounded(3));
    return vim::TaskReason::schedule(
        QLatin1String(kSchedules[s]),
        {QStringLiteral("ScheduledTask"), QStringLiteral("schedule-%1").arg(s + 101)});
}

vim::MethodFault WorkloadGenerator::pickFailure()
{
    const Failure &f = kFailures[m_random.bounded(6)];
    vim::MethodFault fault = TaskLifecycle::taskFault(QLatin1String(f.type), QLatin1String(f.key),
                                                      QLatin1String(f.message));
    if (fault.typeName == QLatin1String("SystemError"))
        fault.fields.insert(QStringLiteral("reason"), QStringLiteral("Connection reset"));
    return fault;
}

void WorkloadGenerator::spawn(qint64 at, const QString &parentKey, const QString &rootKey,
                              qint64 maxDurationMs)
{
    const TaskCatalog::TaskType &type =
        parentKey.isEmpty() ? pickType() : pickType(QStringLiteral("VirtualMachine"));
    const QString entity = pickEntity(type.entityType);
    TaskLifecycle::NewTask n;
    n.descriptionId = type.descriptionId;
    n.entity = m_ctx.inventory->ref(entity);
    n.reason = pickReason(entity);
    n.cancelable = m_random.generateDouble() < m_options.cancelableShare;
    n.workload = true;
    if (!parentKey.isEmpty()) {
        n.parentTaskKey = parentKey;
        n.rootTaskKey = rootKey;
    }
    const QString key = m_ctx.lifecycle->create(n).key;

    const qint64 queued = qint64(m_random.bounded(50)) + 5;
    qint64 duration = pickDuration();
    if (maxDurationMs > 0)
        duration = qMin(duration, maxDurationMs);
    const qint64 begin = at + queued;
    const qint64 end = begin + duration;
    schedule(begin, {key, StepKind::Start});
    if (type.reportsProgress) {
        const int steps = qMax(1, m_options.progressSteps);
        for (int i = 1; i < steps; ++i)
            schedule(begin + duration * i / steps, {key, StepKind::Progress, 100 * i / steps});
    }
    schedule(begin + duration / 3, {key, StepKind::Describe, int(m_random.bounded(4))});
    const double r = m_random.generateDouble();
    if (n.cancelable && r < m_options.cancelRatio)
        schedule(begin + qint64(duration * m_random.generateDouble()), {key, StepKind::Cancel});
    schedule(end, {key, StepKind::Finish, 0, r >= m_options.cancelRatio + m_options.failureRatio});
    if (parentKey.isEmpty() && spawnsChildren(type.descriptionId) &&
        m_random.generateDouble() < qMin(1.0, m_options.parentShare * 10)) {
        const int children = 1 + int(m_random.bounded(3));
        for (int c = 0; c < children; ++c)
            spawn(begin + 10 * (c + 1), key, key, duration / 2);
    }
}

void WorkloadGenerator::apply(const Step &step)
{
    const TaskRecord *r = m_ctx.tasks->find(step.key);
    if (!r || r->info.isFinished())
        return;
    try {
        switch (step.kind) {
        case StepKind::Start:
            m_ctx.lifecycle->start(step.key);
            if (m_ctx.catalog->find(r->info.descriptionId) &&
                m_ctx.catalog->find(r->info.descriptionId)->reportsProgress)
                m_ctx.lifecycle->updateProgress(step.key, 0);
            break;
        case StepKind::Progress:
            m_ctx.lifecycle->updateProgress(step.key, step.value);
            break;
        case StepKind::Describe: {
            const Phase &p = kPhases[step.value % 4];
            m_ctx.lifecycle->setDescription(step.key,
                                            {QLatin1String(p.key), {}, QLatin1String(p.message)});
            break;
        }
        case StepKind::Cancel:
            m_ctx.lifecycle->cancel(step.key);
            break;
        case StepKind::Finish: {
            const TaskCatalog::TaskType *type = m_ctx.catalog->find(r->info.descriptionId);
            if (r->info.state == vim::TaskInfoState::Value::Queued)
                m_ctx.lifecycle->start(step.key);
            std::optional<vim::AnyValue> result;
            if (step.success && type && type->resultIsVm)
                result = vim::toAny(vim::ManagedObjectReference{
                    QStringLiteral("VirtualMachine"),
                    QStringLiteral("vm-%1").arg(90000 + ++m_createdVms)});
            if (step.success)
                m_ctx.lifecycle->setState(step.key, vim::TaskInfoState::Value::Success, result,
                                          std::nullopt);
            else
                m_ctx.lifecycle->setState(step.key, vim::TaskInfoState::Value::Error, std::nullopt,
                                          pickFailure());
            break;
        }
        }
    } catch (const FaultException &) {
        // The task moved on meanwhile (cancelled or finished by a client); nothing to do.
    }
}

void WorkloadGenerator::seedHistory(int count)
{
    if (count <= 0)
        return;
    // Thirty days of history up to 15 minutes ago, then a short tail in the last minutes, so
    // a client that just connected finds recent tasks too (as on a real vCenter).
    const QDateTime now = QDateTime::currentDateTimeUtc();
    const int tail = std::min(25, count / 20);
    const int bulk = count - tail;
    const QDateTime end = now.addSecs(-15 * 60);
    const qint64 spanMs = 30LL * 24 * 3600 * 1000;
    const QDateTime begin = end.addMSecs(-spanMs);
    const QDateTime tailBegin = now.addSecs(-9 * 60);
    const qint64 tailSpanMs = 8 * 60 * 1000;
    for (int i = 0; i < count; ++i) {
        const TaskCatalog::TaskType &type = pickType();
        const QString entity = pickEntity(type.entityType);
        const Inventory::Entity *e = m_ctx.inventory->find(entity);
        vim::TaskInfo t;
        t.descriptionId = type.descriptionId;
        if (!type.methodName.isEmpty())
            t.name = type.methodName;
        t.entity = m_ctx.inventory->ref(entity);
        t.entityName = e->name;
        t.cancelable = m_random.generateDouble() < m_options.cancelableShare;
        t.reason = pickReason(entity);
        t.queueTime = i < bulk ? begin.addMSecs(spanMs / std::max(1, bulk) * i)
                               : tailBegin.addMSecs(tailSpanMs / std::max(1, tail) * (i - bulk));
        t.startTime = t.queueTime.addMSecs(qint64(m_random.bounded(200)));
        t.completeTime = std::min(t.startTime->addMSecs(pickDuration()), now.addSecs(-1));
        const double r = m_random.generateDouble();
        if (t.cancelable && r < m_options.cancelRatio) {
            t.state = vim::TaskInfoState::Value::Error;
            t.cancelled = true;
            t.error =
                TaskLifecycle::taskFault(QStringLiteral("RequestCanceled"),
                                         QStringLiteral("com.vmware.vim.vpxd.vpx.TaskCanceled"),
                                         QStringLiteral("The task was canceled by a user."));
        } else if (r < m_options.cancelRatio + m_options.failureRatio) {
            t.state = vim::TaskInfoState::Value::Error;
            t.error = pickFailure();
        } else {
            t.state = vim::TaskInfoState::Value::Success;
            if (type.reportsProgress)
                t.progress = 100;
        }
        m_ctx.tasks->appendHistorical(std::move(t), e->ancestors);
    }
}

} // namespace sim
