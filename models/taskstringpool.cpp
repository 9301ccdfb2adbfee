#include "taskstringpool.h"

void TaskStringPool::clear()
{
    m_strings.clear();
    m_last = {};
}

void TaskStringPool::share(QString &text, QString &last)
{
    if (text == last) {
        text = last;
        return;
    }
    const auto it = m_strings.constFind(text);
    if (it == m_strings.cend())
        m_strings.insert(text);
    else
        text = *it;
    last = text;
}

void TaskStringPool::share(vim::TaskInfo &task)
{
    // The task's own moId is its key on every server seen (`task-123`): one buffer for both.
    share(task.task.type, m_last.taskType);
    if (task.task.value == task.key)
        task.task.value = task.key;
    share(task.descriptionId, m_last.descriptionId);
    if (task.entity) {
        share(task.entity->type, m_last.entityType);
        share(task.entity->value, m_last.entityValue);
    }
    if (task.entityName)
        share(*task.entityName, m_last.entityName);
    QString state = task.state.toString();
    share(state, m_last.state);
    task.state = vim::TaskInfoState::fromString(state);
    share(task.reason.typeName, m_last.reasonType);
    share(task.reason.userName, m_last.userName);
    if (task.error)
        share(task.error->typeName, m_last.faultType);
}
