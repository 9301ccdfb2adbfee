#pragma once

#include "enumvalue.h"
#include "moref.h"

#include <QDateTime>
#include <QList>
#include <QString>

#include <optional>

namespace vim {

struct TaskFilterSpecByEntity
{
    ManagedObjectReference entity;
    TaskFilterSpecRecursionOption recursion = TaskFilterSpecRecursionOption::Value::All;
    bool operator==(const TaskFilterSpecByEntity &) const = default;
};

struct TaskFilterSpecByTime
{
    TaskFilterSpecTimeOption timeType = TaskFilterSpecTimeOption::Value::StartedTime;
    std::optional<QDateTime> beginTime;
    std::optional<QDateTime> endTime;
    bool operator==(const TaskFilterSpecByTime &) const = default;
};

struct TaskFilterSpecByUsername
{
    bool systemUser = false;
    QList<QString> userList;
    bool operator==(const TaskFilterSpecByUsername &) const = default;
};

/// Which tasks a TaskHistoryCollector collects (§5.6). Every field is optional.
struct TaskFilterSpec
{
    std::optional<TaskFilterSpecByEntity> entity;
    std::optional<TaskFilterSpecByTime> time;
    std::optional<TaskFilterSpecByUsername> userName;
    QList<QString> activationId;
    QList<TaskInfoState> state;
    std::optional<ManagedObjectReference> alarm;
    std::optional<ManagedObjectReference> scheduledTask;
    QList<qint32> eventChainId;
    QList<QString> tag;
    QList<QString> parentTaskKey;
    QList<QString> rootTaskKey;
    bool operator==(const TaskFilterSpec &) const = default;
};

struct TaskInfoFilterSpecFilterTaskResults
{
    std::optional<bool> removeAll;
    QList<QString> descriptionIds;
    std::optional<bool> filterIn;
    bool operator==(const TaskInfoFilterSpecFilterTaskResults &) const = default;
};

/// Strips task results from collector pages (since 8.0.3.0, §5.7).
struct TaskInfoFilterSpec
{
    std::optional<TaskInfoFilterSpecFilterTaskResults> filterTaskResults;
    bool operator==(const TaskInfoFilterSpec &) const = default;
};

} // namespace vim
