#pragma once

#include <vim/taskinfo.h>

#include <QSet>
#include <QString>

/// Shares the text of the strings that repeat from task to task. A history of 100 000 tasks
/// names a few dozen task types, entities, users and states, and each decoded TaskInfo holds
/// its own copy of every one; a QString copy shares its buffer, so replacing each with the
/// pooled copy keeps one buffer per distinct text (about a quarter of a row's memory).
class TaskStringPool final
{
public:
    /// Points the repeating strings of `task` at the pooled copies.
    void share(vim::TaskInfo &task);
    void clear();

private:
    /// Each field remembers its last pooled text: neighbouring rows often repeat it, and a
    /// comparison is cheaper than a hash lookup.
    void share(QString &text, QString &last);

    QSet<QString> m_strings;
    struct Last
    {
        QString taskType, descriptionId, entityType, entityValue, entityName, state, reasonType,
            userName, faultType;
    } m_last;
};
