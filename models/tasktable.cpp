#include "tasktable.h"

#include <QCoreApplication>
#include <QJsonValue>
#include <QLocale>

namespace TaskTable {

namespace {

QString tr(const char *text, const char *disambiguation = nullptr)
{
    return QCoreApplication::translate("TaskTable", text, disambiguation);
}

QString formatTime(const std::optional<QDateTime> &t)
{
    if (!t || !t->isValid())
        return {};
    return QLocale().toString(t->toLocalTime(), QLocale::ShortFormat);
}

QVariant rawTime(const std::optional<QDateTime> &t)
{
    return t && t->isValid() ? QVariant(*t) : QVariant();
}

QVariant durationCell(const QVariant &ms, int role)
{
    if (role == RawRole || !ms.isValid())
        return ms;
    return formatDuration(ms.toLongLong());
}

QString entityText(const vim::TaskInfo &info)
{
    if (info.entityName && !info.entityName->isEmpty())
        return *info.entityName;
    return info.entity ? info.entity->value : QString();
}

} // namespace

QVariant headerData(int column, int role)
{
    if (role != Qt::DisplayRole)
        return {};
    switch (column) {
    case TaskColumn:
        return tr("Task", "column: the task's name");
    case TargetColumn:
        return tr("Target", "column: object the task works on");
    case StatusColumn:
        return tr("Status", "column: task state");
    case DetailsColumn:
        return tr("Details", "column: current phase of the task");
    case InitiatorColumn:
        return tr("Initiator", "column: who started the task");
    case QueuedForColumn:
        return tr("Queued For", "column: time between queued and started");
    case StartTimeColumn:
        return tr("Start Time", "column");
    case CompletionTimeColumn:
        return tr("Completion Time", "column");
    case DurationColumn:
        return tr("Duration", "column: time between start and completion");
    case ServerColumn:
        return tr("Server", "column: vCenter or host name");
    default:
        return {};
    }
}

QList<int> rolesOf(int column)
{
    switch (column) {
    case TaskColumn:
        return {Qt::DisplayRole, RawRole, TaskInfoRole, StateRole, ProgressRole, UnreportedRole};
    case TargetColumn:
        return {Qt::DisplayRole, RawRole, Qt::ToolTipRole};
    case StatusColumn:
        return {Qt::DisplayRole, RawRole,           StateRole,
                ProgressRole,    CancelPendingRole, UnreportedRole};
    default:
        return {Qt::DisplayRole, RawRole};
    }
}

QVariant cellData(const vim::TaskInfo &info, const RowContext &context, int column, int role)
{
    if (role == KeyRole)
        return info.key;
    if (role == TaskInfoRole)
        return column == TaskColumn ? QVariant::fromValue(info) : QVariant();
    if (role == StateRole || role == ProgressRole) {
        if (column != TaskColumn && column != StatusColumn)
            return {};
        if (role == StateRole)
            return info.state.toString();
        return info.progress ? QVariant(*info.progress) : QVariant();
    }
    if (role == CancelPendingRole)
        return column == StatusColumn ? QVariant(context.cancelPending && !info.isFinished())
                                      : QVariant();
    if (role == UnreportedRole)
        return column == TaskColumn || column == StatusColumn ? QVariant(context.unreported)
                                                              : QVariant();
    if (role == AsOfRole)
        return context.asOf.isValid() ? QVariant(context.asOf) : QVariant();
    if (role == Qt::ToolTipRole && column == TargetColumn)
        return info.entity ? QVariant(info.entity->toString()) : QVariant();
    if (role != Qt::DisplayRole && role != RawRole)
        return {};

    switch (column) {
    case TaskColumn:
        return taskLabel(info, context.description);
    case TargetColumn:
        return entityText(info);
    case StatusColumn:
        // Raw is the state key so that sorting groups states; display is the sentence.
        return role == RawRole ? QVariant(info.state.toString())
                               : QVariant(statusText(info, context.description,
                                                     context.cancelPending, context.unreported));
    case DetailsColumn:
        return info.description ? info.description->message.value_or(QString()) : QString();
    case InitiatorColumn:
        return initiator(info.reason);
    case QueuedForColumn:
        return durationCell(millisBetween(info.queueTime, info.startTime), role);
    case StartTimeColumn:
        return role == RawRole ? rawTime(info.startTime) : QVariant(formatTime(info.startTime));
    case CompletionTimeColumn:
        return role == RawRole ? rawTime(info.completeTime)
                               : QVariant(formatTime(info.completeTime));
    case DurationColumn:
        return durationCell(millisBetween(info.startTime, info.completeTime), role);
    case ServerColumn:
        return context.server;
    default:
        return {};
    }
}

QString taskLabel(const vim::TaskInfo &info, const vim::TaskDescription *description)
{
    if (description) {
        for (const vim::ElementDescription &d : description->methodInfo) {
            if (d.key == info.descriptionId && !d.label.isEmpty())
                return d.label;
        }
    }
    if (info.name && !info.name->isEmpty())
        return *info.name;
    return info.descriptionId.isEmpty() ? info.key : info.descriptionId;
}

QString stateLabel(const QString &state, const vim::TaskDescription *description)
{
    if (description) {
        for (const vim::ElementDescription &d : description->state) {
            if (d.key == state && !d.label.isEmpty())
                return d.label;
        }
    }
    using V = vim::TaskInfoState::Value;
    switch (vim::TaskInfoState::fromString(state).value()) {
    case V::Queued:
        return tr("Queued", "task state");
    case V::Running:
        return tr("Running", "task state");
    case V::Success:
        return tr("Completed", "task state");
    case V::Error:
        return tr("Failed", "task state");
    case V::Unknown:
        break;
    }
    return state;
}

QString statusText(const vim::TaskInfo &info, const vim::TaskDescription *description,
                   bool cancelPending, bool unreported)
{
    if (unreported)
        return tr("Unknown to the server · was %1",
                  "status of a task the server does not know any more; %1 is its last status")
            .arg(statusText(info, description, false, false));
    if (info.state == vim::TaskInfoState::Value::Error) {
        if (info.error)
            return info.error->message();
        return stateLabel(info.state.toString(), description);
    }
    if (!info.isFinished() && (cancelPending || info.cancelled))
        return tr("Cancelling…", "task status while a cancel request is pending");
    const QString label = stateLabel(info.state.toString(), description);
    if (info.state == vim::TaskInfoState::Value::Running && info.progress)
        return tr("%1 %2 %", "task status: state label, progress percent")
            .arg(label)
            .arg(*info.progress);
    return label;
}

QString initiator(const vim::TaskReason &reason)
{
    switch (reason.kind()) {
    case vim::TaskReason::Kind::User:
        return reason.userName;
    case vim::TaskReason::Kind::Alarm:
        return reason.alarmName;
    case vim::TaskReason::Kind::Schedule:
        return reason.name;
    case vim::TaskReason::Kind::System:
    case vim::TaskReason::Kind::Unknown:
        break;
    }
    return tr("System", "task initiator: started by the server itself");
}

QString formatDuration(qint64 ms)
{
    if (ms < 1000)
        return tr("%1 ms", "duration").arg(ms);
    const qint64 s = ms / 1000;
    if (s < 60)
        return tr("%1 s", "duration").arg(s);
    if (s < 3600)
        return tr("%1 min %2 s", "duration").arg(s / 60).arg(s % 60);
    return tr("%1 h %2 min", "duration").arg(s / 3600).arg((s % 3600) / 60);
}

QVariant millisBetween(const std::optional<QDateTime> &from, const std::optional<QDateTime> &to)
{
    if (!from || !to || !from->isValid() || !to->isValid())
        return {};
    return qMax<qint64>(0, from->msecsTo(*to));
}

QJsonObject toJson(const vim::TaskInfo &info, const vim::TaskDescription *description,
                   const QString &server)
{
    auto opt = [](const std::optional<QString> &s) {
        return s ? QJsonValue(*s) : QJsonValue();
    };
    auto time = [](const std::optional<QDateTime> &t) {
        return t && t->isValid() ? QJsonValue(t->toUTC().toString(Qt::ISODateWithMs))
                                 : QJsonValue();
    };
    QJsonValue error;
    if (info.error)
        error = QJsonObject{{QStringLiteral("type"), info.error->typeName},
                            {QStringLiteral("message"), info.error->message()}};
    return QJsonObject{
        {QStringLiteral("key"), info.key},
        {QStringLiteral("name"), opt(info.name)},
        {QStringLiteral("descriptionId"), info.descriptionId},
        {QStringLiteral("label"), taskLabel(info, description)},
        {QStringLiteral("entity"),
         info.entity ? QJsonValue(info.entity->toString()) : QJsonValue()},
        {QStringLiteral("entityName"), opt(info.entityName)},
        {QStringLiteral("state"), info.state.toString()},
        {QStringLiteral("progress"), info.progress ? QJsonValue(*info.progress) : QJsonValue()},
        {QStringLiteral("cancelable"), info.cancelable},
        {QStringLiteral("cancelled"), info.cancelled},
        {QStringLiteral("initiator"), initiator(info.reason)},
        {QStringLiteral("reason"), info.reason.typeName},
        {QStringLiteral("description"),
         info.description ? opt(info.description->message) : QJsonValue()},
        {QStringLiteral("queueTime"), time(info.queueTime)},
        {QStringLiteral("startTime"), time(info.startTime)},
        {QStringLiteral("completeTime"), time(info.completeTime)},
        {QStringLiteral("error"), error},
        {QStringLiteral("server"), server},
        {QStringLiteral("parentTaskKey"), opt(info.parentTaskKey)},
        {QStringLiteral("rootTaskKey"), opt(info.rootTaskKey)},
    };
}

} // namespace TaskTable
