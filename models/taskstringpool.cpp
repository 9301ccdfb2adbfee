#include "taskstringpool.h"

void TaskStringPool::share(QString &text)
{
    const auto it = m_strings.constFind(text);
    if (it == m_strings.cend())
        m_strings.insert(text);
    else
        text = *it;
}

void TaskStringPool::share(vim::ManagedObjectReference &ref)
{
    share(ref.type);
    share(ref.value);
}

void TaskStringPool::share(vim::TaskInfo &task)
{
    // The task's own moId is its key on every server seen (`task-123`): one buffer for both.
    share(task.task.type);
    if (task.task.value == task.key)
        task.task.value = task.key;
    share(task.descriptionId);
    if (task.entity)
        share(*task.entity);
    if (task.entityName)
        share(*task.entityName);
    QString state = task.state.toString();
    share(state);
    task.state = vim::TaskInfoState::fromString(state);
    share(task.reason.typeName);
    share(task.reason.userName);
    if (task.error)
        share(task.error->typeName);
}
