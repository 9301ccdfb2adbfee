#pragma once

#include "taskdescription.h"

#include <QDateTime>
#include <QList>
#include <QString>

#include <optional>

namespace vim {

struct KeyValue
{
    QString key;
    QString value;
    bool operator==(const KeyValue &) const = default;
};

struct ExtensionTaskTypeInfo
{
    QString taskID;
    bool operator==(const ExtensionTaskTypeInfo &) const = default;
};

struct ExtensionResourceInfo
{
    QString locale;
    QString module;
    QList<KeyValue> data;
    bool operator==(const ExtensionResourceInfo &) const = default;
};

/// A registered extension (§10); its taskList is what TaskManager.CreateTask accepts.
struct Extension
{
    Description description;
    QString key;
    std::optional<QString> company;
    QString version;
    QList<ExtensionTaskTypeInfo> taskList;
    QList<ExtensionResourceInfo> resourceList;
    QDateTime lastHeartbeatTime;

    /// `<taskID>.label` from the `task` resource module in `locale`, falling back to `en`.
    std::optional<QString> taskLabel(const QString &taskId, const QString &locale) const;
    std::optional<QString> taskSummary(const QString &taskId, const QString &locale) const;
    bool operator==(const Extension &) const = default;
};

} // namespace vim
