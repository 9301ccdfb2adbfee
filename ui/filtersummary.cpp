#include "filtersummary.h"

#include "inventorymodel.h"

#include <QCoreApplication>
#include <QLocale>

namespace {

QString when(const QDateTime &t)
{
    return QLocale().toString(t.toLocalTime(), QLocale::ShortFormat);
}

QString entityName(const vim::ManagedObjectReference &ref, const InventoryModel *inventory)
{
    const int row = inventory ? inventory->rowOf(ref) : -1;
    return row >= 0 ? inventory->index(row, InventoryModel::NameColumn).data().toString()
                    : ref.toString();
}

QString listed(const QList<QString> &values)
{
    QStringList shown;
    for (const QString &v : values)
        shown.append(v.isEmpty() ? FilterSummary::tr("(none)") : v);
    return QLocale().createSeparatedList(shown);
}

} // namespace

QString FilterSummary::describe(const vim::TaskFilterSpec &f, const InventoryModel *inventory)
{
    QStringList parts;
    if (f.entity) {
        const QString name = entityName(f.entity->entity, inventory);
        using R = vim::TaskFilterSpecRecursionOption::Value;
        switch (f.entity->recursion.value()) {
        case R::Self:
            parts.append(tr("on %1 only").arg(name));
            break;
        case R::Children:
            parts.append(tr("on the children of %1").arg(name));
            break;
        default:
            parts.append(tr("on %1 and below").arg(name));
            break;
        }
    }
    if (f.time) {
        using T = vim::TaskFilterSpecTimeOption::Value;
        const QString verb =
            f.time->timeType == T::QueuedTime      ? tr("queued", "filter: tasks queued …")
            : f.time->timeType == T::CompletedTime ? tr("completed", "filter: tasks completed …")
                                                   : tr("started", "filter: tasks started …");
        if (f.time->beginTime && f.time->endTime)
            parts.append(tr("%1 between %2 and %3")
                             .arg(verb, when(*f.time->beginTime), when(*f.time->endTime)));
        else if (f.time->beginTime)
            parts.append(tr("%1 since %2").arg(verb, when(*f.time->beginTime)));
        else if (f.time->endTime)
            parts.append(tr("%1 before %2").arg(verb, when(*f.time->endTime)));
    }
    if (f.userName) {
        QString users = f.userName->userList.isEmpty()
                            ? QString()
                            : tr("by %1").arg(listed(f.userName->userList));
        if (f.userName->systemUser)
            users = users.isEmpty() ? tr("by the system") : tr("%1 or the system").arg(users);
        parts.append(users);
    }
    if (!f.state.isEmpty()) {
        QStringList states;
        for (const auto &s : f.state)
            states.append(s.toString());
        parts.append(tr("in state %1").arg(QLocale().createSeparatedList(states)));
    }
    if (f.alarm)
        parts.append(tr("from alarm %1").arg(f.alarm->value));
    if (f.scheduledTask)
        parts.append(tr("from scheduled task %1").arg(f.scheduledTask->value));
    if (!f.eventChainId.isEmpty()) {
        QStringList ids;
        for (qint32 id : f.eventChainId)
            ids.append(QString::number(id));
        parts.append(tr("in event chain %1").arg(QLocale().createSeparatedList(ids)));
    }
    if (!f.tag.isEmpty())
        parts.append(tr("tagged %1").arg(listed(f.tag)));
    if (!f.parentTaskKey.isEmpty())
        parts.append(tr("with parent %1").arg(listed(f.parentTaskKey)));
    if (!f.rootTaskKey.isEmpty())
        parts.append(tr("with root %1").arg(listed(f.rootTaskKey)));
    if (!f.activationId.isEmpty())
        parts.append(tr("with activation ID %1").arg(listed(f.activationId)));
    if (parts.isEmpty())
        return tr("All tasks");
    return tr("Tasks %1").arg(parts.join(QStringLiteral(" · ")));
}
