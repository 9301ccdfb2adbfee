#pragma once

#include <vim/taskdescription.h>
#include <vim/taskinfo.h>

#include <QDateTime>
#include <QJsonObject>
#include <QMetaType>
#include <QObject>
#include <QVariant>

/// The columns and roles shared by RecentTasksModel and TaskHistoryModel, and the
/// formatting of one task into cells, so both tables (and the CLI) read the same.
namespace TaskTable {
Q_NAMESPACE

enum Column
{
    TaskColumn,      ///< localized method label, else name, else the key
    TargetColumn,    ///< entity name (tooltip: type and moId)
    StatusColumn,    ///< state label and progress, the error when failed, "Cancelling…"
    DetailsColumn,   ///< TaskInfo.description message
    InitiatorColumn, ///< user, System, alarm or scheduled-task name
    QueuedForColumn, ///< start − queue time
    StartTimeColumn,
    CompletionTimeColumn,
    DurationColumn, ///< completion − start
    ServerColumn,
    ColumnCount
};
Q_ENUM_NS(Column)

/// Custom roles, next to Qt::DisplayRole.
enum Role
{
    /// The unformatted value of a cell (QString, QDateTime, qint64 milliseconds, int): what
    /// the sort proxy compares. Invalid when the cell has no value.
    RawRole = Qt::UserRole + 1,
    /// The whole vim::TaskInfo of the row. TaskColumn only, so that it is notified exactly.
    TaskInfoRole,
    /// TaskInfo.state as a string (`queued`, `running`, `success`, `error`).
    /// TaskColumn and StatusColumn.
    StateRole,
    /// TaskInfo.progress (int 0–100), invalid when the task reports none.
    /// TaskColumn and StatusColumn.
    ProgressRole,
    /// TaskInfo.key, on every column; never changes for a row.
    KeyRole,
    /// bool: a cancel was requested from this client and the task has not finished yet.
    /// StatusColumn.
    CancelPendingRole,
    /// bool: the server no longer reports this task (restarted, or the task aged out while
    /// we were away); the row holds its last known state. TaskColumn and StatusColumn.
    UnreportedRole,
    /// QDateTime (UTC): the row is not current, its data is as of this time (the server is
    /// being reconnected). Invalid while live. Every column; views grey such rows and show
    /// relative times as of this time.
    AsOfRole,
};
Q_ENUM_NS(Role)

/// What a cell needs besides the TaskInfo.
struct RowContext
{
    const vim::TaskDescription *description = nullptr;
    QString server;
    bool cancelPending = false;
    bool unreported = false;
    QDateTime asOf;
};

QVariant headerData(int column, int role);
QVariant cellData(const vim::TaskInfo &info, const RowContext &context, int column, int role);
/// The roles `cellData` serves for `column`, for change detection.
QList<int> rolesOf(int column);

/// Localized method label from TaskManager.description, else the method name, else the key.
QString taskLabel(const vim::TaskInfo &info, const vim::TaskDescription *description);
/// Localized label of a state key (`running` → "Running").
QString stateLabel(const QString &state, const vim::TaskDescription *description);
/// The status line: "Running 40 %", the error message, "Cancelling…"; for a task the server
/// no longer reports, says so with the last known status.
QString statusText(const vim::TaskInfo &info, const vim::TaskDescription *description,
                   bool cancelPending, bool unreported = false);
/// User name, "System", or the alarm or scheduled task that started it.
QString initiator(const vim::TaskReason &reason);
/// "850 ms", "12 s", "3 min 4 s", "2 h 5 min".
QString formatDuration(qint64 ms);
/// Milliseconds between two optional times, or invalid.
QVariant millisBetween(const std::optional<QDateTime> &from, const std::optional<QDateTime> &to);

/// One task as a flat JSON object (CLI `--json`, copy to clipboard): key, name,
/// descriptionId, label, entity, entityName, state, progress, cancelable, cancelled,
/// initiator, reason, description, queueTime, startTime, completeTime, error, server,
/// parentTaskKey, rootTaskKey. Absent values are null.
QJsonObject toJson(const vim::TaskInfo &info, const vim::TaskDescription *description,
                   const QString &server);

} // namespace TaskTable
