#pragma once

#include "anyvalue.h"
#include "enumvalue.h"
#include "methodfault.h"
#include "moref.h"

#include <QDateTime>
#include <QList>
#include <QMetaType>
#include <QString>

#include <optional>

namespace vim {

/// Why a task was started (§5.2). One struct for the abstract base and its four
/// subtypes; `typeName` says which, and only that subtype's fields are set.
struct TaskReason
{
    enum class Kind
    {
        User,
        System,
        Alarm,
        Schedule,
        Unknown
    };

    QString typeName = QStringLiteral("TaskReasonSystem");
    QString userName;                     // TaskReasonUser
    QString alarmName;                    // TaskReasonAlarm
    ManagedObjectReference alarm;         // TaskReasonAlarm
    QString entityName;                   // TaskReasonAlarm
    ManagedObjectReference entity;        // TaskReasonAlarm
    QString name;                         // TaskReasonSchedule
    ManagedObjectReference scheduledTask; // TaskReasonSchedule

    static TaskReason user(const QString &userName);
    static TaskReason system();
    static TaskReason alarmReason(const QString &alarmName, const ManagedObjectReference &alarm,
                                  const QString &entityName, const ManagedObjectReference &entity);
    static TaskReason schedule(const QString &name, const ManagedObjectReference &scheduledTask);

    Kind kind() const;
    bool operator==(const TaskReason &) const = default;
};

/// The state of one task (§5.1).
struct TaskInfo
{
    QString key;
    ManagedObjectReference task;
    std::optional<LocalizableMessage> description;
    std::optional<QString> name;
    QString descriptionId;
    std::optional<ManagedObjectReference> entity;
    std::optional<QString> entityName;
    QList<ManagedObjectReference> locked;
    TaskInfoState state;
    bool cancelled = false;
    bool cancelable = false;
    std::optional<MethodFault> error;
    std::optional<AnyValue> result;
    std::optional<qint32> progress;
    QList<KeyAnyValue> progressDetails;
    TaskReason reason;
    QDateTime queueTime;
    std::optional<QDateTime> startTime;
    std::optional<QDateTime> completeTime;
    qint32 eventChainId = 0;
    std::optional<QString> changeTag;
    std::optional<QString> parentTaskKey;
    std::optional<QString> rootTaskKey;
    std::optional<QString> activationId;

    bool isFinished() const
    {
        return state == TaskInfoState::Value::Success || state == TaskInfoState::Value::Error;
    }
    bool operator==(const TaskInfo &) const = default;
};

} // namespace vim

Q_DECLARE_METATYPE(vim::TaskInfo)
