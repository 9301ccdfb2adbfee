#include "taskdetailsview.h"

#include <tasktable.h>

#include <QLocale>

namespace {

QString esc(const QString &s)
{
    return s.toHtmlEscaped();
}

QString time(const std::optional<QDateTime> &t)
{
    return t ? esc(QLocale().toString(t->toLocalTime(), QLocale::LongFormat)) : QString();
}

QString yesNo(bool b)
{
    return b ? TaskDetailsView::tr("yes") : TaskDetailsView::tr("no");
}

QString taskLink(const std::optional<QString> &key)
{
    if (!key || key->isEmpty())
        return {};
    return QStringLiteral("<a href=\"task:%1\">%1</a>").arg(esc(*key));
}

QString messages(const QList<vim::LocalizableMessage> &list)
{
    QStringList items;
    for (const vim::LocalizableMessage &m : list)
        items.append(QStringLiteral("<li>%1 <small>(%2)</small></li>")
                         .arg(esc(m.message.value_or(m.key)), esc(m.key)));
    return items.isEmpty()
               ? QString()
               : QStringLiteral("<ul style=\"margin:0\">%1</ul>").arg(items.join(QString()));
}

QString causeChain(const vim::MethodFault &fault)
{
    QStringList causes;
    for (auto cause = fault.faultCause; cause; cause = cause->faultCause)
        causes.append(QStringLiteral("<li><b>%1</b>: %2</li>")
                          .arg(esc(cause->typeName), esc(cause->message())));
    return causes.isEmpty()
               ? QString()
               : QStringLiteral("<ol style=\"margin:0\">%1</ol>").arg(causes.join(QString()));
}

QString reasonText(const vim::TaskReason &r)
{
    switch (r.kind()) {
    case vim::TaskReason::Kind::User:
        return TaskDetailsView::tr("started by user %1").arg(esc(r.userName));
    case vim::TaskReason::Kind::System:
        return TaskDetailsView::tr("started by the system");
    case vim::TaskReason::Kind::Alarm:
        return TaskDetailsView::tr("started by alarm %1 (%2) on %3")
            .arg(esc(r.alarmName), esc(r.alarm.value), esc(r.entityName));
    case vim::TaskReason::Kind::Schedule:
        return TaskDetailsView::tr("started by scheduled task %1 (%2)")
            .arg(esc(r.name), esc(r.scheduledTask.value));
    case vim::TaskReason::Kind::Unknown:
        break;
    }
    return esc(r.typeName);
}

class Table
{
public:
    void section(const QString &title)
    {
        m_html +=
            QStringLiteral("<tr><td colspan=\"2\" style=\"padding-top:8px\"><b>%1</b></td></tr>")
                .arg(esc(title));
    }
    /// `value` is HTML already; empty values are left out, so the pane shows what is set.
    void row(const QString &label, const QString &value)
    {
        if (value.isEmpty())
            return;
        m_html +=
            QStringLiteral(
                "<tr><td style=\"padding-right:12px; white-space:nowrap\">%1</td><td>%2</td></tr>")
                .arg(esc(label), value);
    }
    QString html() const
    {
        return QStringLiteral("<table cellspacing=\"2\">%1</table>").arg(m_html);
    }

private:
    QString m_html;
};

} // namespace

TaskDetailsView::TaskDetailsView(QWidget *parent)
    : QTextBrowser(parent)
{
    setObjectName(QStringLiteral("taskDetails"));
    setAccessibleName(tr("Task details"));
    setOpenLinks(false);
    setFrameShape(QFrame::NoFrame);
    connect(this, &QTextBrowser::anchorClicked, this, [this](const QUrl &url) {
        if (url.scheme() == QLatin1String("task"))
            Q_EMIT taskActivated(url.path());
    });
    setTask(std::nullopt, nullptr);
}

void TaskDetailsView::setTask(const std::optional<vim::TaskInfo> &info,
                              const vim::TaskDescription *description, const QString &notice)
{
    if (!info) {
        setHtml(QStringLiteral("<p>%1</p>").arg(esc(tr("Select a task to see its details."))));
        return;
    }
    const QString head =
        notice.isEmpty() ? QString() : QStringLiteral("<p><b>%1</b></p>").arg(esc(notice));
    setHtml(head + toHtml(*info, description));
}

QString TaskDetailsView::toHtml(const vim::TaskInfo &info, const vim::TaskDescription *description)
{
    Table t;
    t.section(tr("Task"));
    t.row(tr("Name:"), esc(TaskTable::taskLabel(info, description)));
    t.row(tr("Method:"), esc(info.name.value_or(QString())));
    t.row(tr("Description ID:"), esc(info.descriptionId));
    if (info.description)
        t.row(tr("Current step:"), esc(info.description->message.value_or(info.description->key)));
    t.row(tr("Key:"), esc(info.key));
    QString state = esc(TaskTable::stateLabel(info.state.toString(), description));
    if (info.progress)
        state += QStringLiteral(" · %1 %").arg(*info.progress);
    t.row(tr("State:"), state);
    for (const vim::KeyAnyValue &kv : info.progressDetails)
        t.row(tr("Progress detail %1:").arg(kv.key), esc(kv.value.toDisplayString()));
    t.row(tr("Cancelable:"), yesNo(info.cancelable));
    t.row(tr("Cancelled:"), yesNo(info.cancelled));

    t.section(tr("Target and initiator"));
    if (info.entity)
        t.row(tr("Entity:"), QStringLiteral("%1 <small>(%2)</small>")
                                 .arg(esc(info.entityName.value_or(info.entity->value)),
                                      esc(info.entity->toString())));
    QStringList locked;
    for (const vim::ManagedObjectReference &ref : info.locked)
        locked.append(esc(ref.toString()));
    t.row(tr("Locked entities:"), locked.join(QStringLiteral("<br>")));
    t.row(tr("Initiator:"), esc(TaskTable::initiator(info.reason)));
    t.row(tr("Reason:"), reasonText(info.reason));

    t.section(tr("Times"));
    t.row(tr("Queued:"), time(info.queueTime));
    t.row(tr("Started:"), time(info.startTime));
    t.row(tr("Completed:"), time(info.completeTime));
    const QVariant duration = TaskTable::millisBetween(info.startTime, info.completeTime);
    if (duration.isValid())
        t.row(tr("Duration:"), esc(TaskTable::formatDuration(duration.toLongLong())));

    if (info.error) {
        t.section(info.cancelled ? tr("Cancelled") : tr("Error"));
        t.row(tr("Fault type:"), esc(info.error->typeName));
        t.row(tr("Message:"), esc(info.error->message()));
        t.row(tr("Fault messages:"), messages(info.error->faultMessage));
        t.row(tr("Caused by:"), causeChain(*info.error));
    }
    if (info.result) {
        t.section(tr("Result"));
        t.row(tr("Value:"), esc(info.result->toDisplayString()));
        t.row(tr("Type:", "of the result value"), esc(info.result->typeName()));
    }

    t.section(tr("Relations"));
    t.row(tr("Parent task:"), taskLink(info.parentTaskKey));
    t.row(tr("Root task:"), taskLink(info.rootTaskKey));
    t.row(tr("Activation ID:"), esc(info.activationId.value_or(QString())));
    t.row(tr("Event chain ID:"), QString::number(info.eventChainId));
    t.row(tr("Change tag:"), esc(info.changeTag.value_or(QString())));
    return t.html();
}
