#include "taskoperations.h"

#include "faults.h"
#include "historycollector.h"
#include "objectmodel.h"
#include "operationtable.h"
#include "session.h"
#include "simcontext.h"
#include "taskcatalog.h"
#include "tasklifecycle.h"
#include "taskstore.h"

#include <vim/codec.h>

namespace sim {

namespace {

HistoryCollector &collectorOf(const Call &call)
{
    return *call.session->collectors.at(call.self.value);
}

int maxCountOf(const Call &call)
{
    const qint32 n = call.required<qint32>("maxCount");
    if (n <= 0)
        faults::raise(faults::invalidArgument(QStringLiteral("maxCount")));
    return n;
}

} // namespace

void TaskOperations::registerWith(OperationTable &table)
{
    registerTaskManager(table);
    registerTask(table);
    registerCollector(table);
    table.add(QStringLiteral("ExtensionManager"), QStringLiteral("FindExtension"),
              [this](Call &call) {
                  const QString key = call.required<QString>("extensionKey");
                  for (const vim::Extension &e : m_ctx.catalog->extensions()) {
                      if (e.key == key)
                          return Reply::json(vim::encode(e));
                  }
                  return Reply::none();
              });
}

void TaskOperations::registerTaskManager(OperationTable &table)
{
    const QString tm = QStringLiteral("TaskManager");
    auto createCollector = [this](Call &call, bool withInfoFilter) {
        if (m_ctx.options.esxi)
            faults::raise(faults::notSupported());
        const auto filter = call.optional<vim::TaskFilterSpec>("filter");
        if (!filter)
            faults::raise(faults::invalidArgument(QStringLiteral("filter")));
        if (filter->entity &&
            m_ctx.model->typeOf(filter->entity->entity.value, call.session).isEmpty())
            faults::raise(faults::invalidArgument(QStringLiteral("entity")));
        Session &s = *call.session;
        if (int(s.collectors.size()) >= m_ctx.options.maxCollectors)
            faults::raise(faults::invalidState());
        const std::optional<vim::TaskInfoFilterSpec> infoFilter =
            withInfoFilter ? call.optional<vim::TaskInfoFilterSpec>("infoFilter") : std::nullopt;
        const QString id = s.newObjectId();
        s.collectors.emplace(id, std::make_unique<HistoryCollector>(id, *filter, infoFilter,
                                                                    m_ctx.tasks,
                                                                    m_ctx.options.defaultPageSize));
        return Reply::json(
            vim::encode(vim::ManagedObjectReference{QStringLiteral("TaskHistoryCollector"), id}));
    };
    table.add(tm, QStringLiteral("CreateCollectorForTasks"),
              [createCollector](Call &call) { return createCollector(call, false); });
    table.add(tm, QStringLiteral("CreateCollectorWithInfoFilterForTasks"),
              [createCollector](Call &call) { return createCollector(call, true); });

    table.add(tm, QStringLiteral("CreateTask"), [this](Call &call) {
        const auto obj = call.required<vim::ManagedObjectReference>("obj");
        const QString taskTypeId = call.required<QString>("taskTypeId");
        const bool cancelable = call.required<bool>("cancelable");
        const QString type = m_ctx.model->typeOf(obj.value, call.session);
        if (type.isEmpty())
            faults::raise(faults::managedObjectNotFound(obj));
        if (!m_ctx.catalog->isExtensionTaskType(taskTypeId))
            faults::raise(faults::invalidArgument(QStringLiteral("taskType")));
        TaskLifecycle::NewTask t;
        t.descriptionId = taskTypeId;
        t.entity = {type, obj.value};
        t.reason = vim::TaskReason::user(
            call.optional<QString>("initiatedBy").value_or(call.session->userName));
        t.cancelable = cancelable;
        t.parentTaskKey = call.optional<QString>("parentTaskKey");
        t.activationId = call.optional<QString>("activationId");
        if (t.parentTaskKey) {
            const TaskRecord *parent = m_ctx.tasks->find(*t.parentTaskKey);
            t.rootTaskKey =
                parent ? parent->info.rootTaskKey.value_or(*t.parentTaskKey) : *t.parentTaskKey;
        }
        return Reply::json(vim::encode(m_ctx.lifecycle->create(t)));
    });
}

void TaskOperations::registerTask(OperationTable &table)
{
    const QString task = QStringLiteral("Task");
    table.add(task, QStringLiteral("CancelTask"), [this](Call &call) {
        m_ctx.lifecycle->cancel(call.self.value);
        return Reply::none();
    });
    table.add(task, QStringLiteral("UpdateProgress"), [this](Call &call) {
        m_ctx.lifecycle->updateProgress(call.self.value, call.required<qint32>("percentDone"));
        return Reply::none();
    });
    table.add(task, QStringLiteral("SetTaskState"), [this](Call &call) {
        m_ctx.lifecycle->setState(call.self.value, call.required<vim::TaskInfoState>("state"),
                                  call.optional<vim::AnyValue>("result"),
                                  call.optional<vim::MethodFault>("fault"));
        return Reply::none();
    });
    table.add(task, QStringLiteral("SetTaskDescription"), [this](Call &call) {
        m_ctx.lifecycle->setDescription(call.self.value,
                                        call.required<vim::LocalizableMessage>("description"));
        return Reply::none();
    });
    table.add(QStringLiteral("ExtensibleManagedObject"), QStringLiteral("setCustomValue"),
              [](Call &call) {
                  call.required<QString>("key");
                  call.required<QString>("value");
                  return Reply::none();
              });
}

void TaskOperations::registerCollector(OperationTable &table)
{
    const QString thc = QStringLiteral("TaskHistoryCollector");
    const QString hc = QStringLiteral("HistoryCollector");
    table.add(thc, QStringLiteral("ReadNextTasks"), [](Call &call) {
        return Reply::jsonBytes(collectorOf(call).readNext(maxCountOf(call)));
    });
    table.add(thc, QStringLiteral("ReadPreviousTasks"), [](Call &call) {
        return Reply::jsonBytes(collectorOf(call).readPrevious(maxCountOf(call)));
    });
    table.add(hc, QStringLiteral("RewindCollector"), [](Call &call) {
        collectorOf(call).rewind();
        return Reply::none();
    });
    table.add(hc, QStringLiteral("ResetCollector"), [](Call &call) {
        collectorOf(call).reset();
        return Reply::none();
    });
    table.add(hc, QStringLiteral("SetCollectorPageSize"), [this](Call &call) {
        const qint32 n = call.required<qint32>("maxCount");
        if (n < 0 || n > 1000)
            faults::raise(faults::invalidArgument(QStringLiteral("maxCount")));
        collectorOf(call).setPageSize(n == 0 ? m_ctx.options.defaultPageSize : n);
        return Reply::none();
    });
    table.add(hc, QStringLiteral("DestroyCollector"), [](Call &call) {
        call.session->collectors.erase(call.self.value);
        return Reply::none();
    });
}

} // namespace sim
