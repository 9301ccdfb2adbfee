#include "taskitemdelegate.h"

#include "icons.h"

#include <tasktable.h>

#include <QAbstractItemView>
#include <QApplication>
#include <QHelpEvent>
#include <QLocale>
#include <QPainter>
#include <QToolTip>

TaskItemDelegate::TaskItemDelegate(QObject *parent)
    : QStyledItemDelegate(parent)
{}

bool TaskItemDelegate::isUnreported(const QModelIndex &index)
{
    return index.siblingAtColumn(TaskTable::StatusColumn).data(TaskTable::UnreportedRole).toBool();
}

bool TaskItemDelegate::isTimeColumn(int column)
{
    return column == TaskTable::StartTimeColumn || column == TaskTable::CompletionTimeColumn;
}

QString TaskItemDelegate::relativeTime(const QDateTime &time, const QDateTime &now)
{
    const qint64 secs = time.secsTo(now);
    if (secs < 5)
        return tr("just now");
    if (secs < 60)
        return tr("%n s ago", "seconds", int(secs));
    if (secs < 3600)
        return tr("%n min ago", "minutes", int(secs / 60));
    if (secs < 86400)
        return tr("%n h ago", "hours", int(secs / 3600));
    return QLocale().toString(time.toLocalTime(), QLocale::ShortFormat);
}

void TaskItemDelegate::initStyleOption(QStyleOptionViewItem *option, const QModelIndex &index) const
{
    QStyledItemDelegate::initStyleOption(option, index);
    // Rows that are not current (server not live, or task no longer reported) are greyed,
    // and their relative times stand still at the moment they were last true.
    const QDateTime asOf = index.data(TaskTable::AsOfRole).toDateTime();
    if (asOf.isValid() || isUnreported(index)) {
        option->palette.setColor(QPalette::Text,
                                 option->palette.color(QPalette::Disabled, QPalette::Text));
        option->palette.setColor(QPalette::WindowText,
                                 option->palette.color(QPalette::Disabled, QPalette::WindowText));
    }
    if (index.column() == TaskTable::TaskColumn) {
        const QVariant info = index.data(TaskTable::TaskInfoRole);
        if (info.isValid()) {
            option->icon = isUnreported(index) ? Icons::state(Icons::State::Unreported)
                                               : Icons::forTask(info.value<vim::TaskInfo>());
            option->features |= QStyleOptionViewItem::HasDecoration;
        }
    } else if (isTimeColumn(index.column())) {
        const QDateTime time = index.data(TaskTable::RawRole).toDateTime();
        if (time.isValid())
            option->text =
                relativeTime(time, asOf.isValid() ? asOf : QDateTime::currentDateTimeUtc());
    }
}

void TaskItemDelegate::paint(QPainter *painter, const QStyleOptionViewItem &option,
                             const QModelIndex &index) const
{
    const QVariant progress = index.data(TaskTable::ProgressRole);
    const bool running = index.data(TaskTable::StateRole).toString() == QLatin1String("running");
    if (index.column() != TaskTable::StatusColumn || !running || !progress.isValid() ||
        isUnreported(index)) {
        QStyledItemDelegate::paint(painter, option, index);
        return;
    }
    // Selection background first, so the bar sits on the row like any other cell.
    QStyleOptionViewItem cell = option;
    initStyleOption(&cell, index);
    cell.text.clear();
    const QWidget *widget = option.widget;
    QStyle *style = widget ? widget->style() : QApplication::style();
    style->drawControl(QStyle::CE_ItemViewItem, &cell, painter, widget);

    QStyleOptionProgressBar bar;
    bar.initFrom(widget);
    bar.state = option.state | QStyle::State_Horizontal;
    if (index.data(TaskTable::AsOfRole).isValid()) {
        // Drawn as not moving: a bar in the greys of a disabled widget.
        bar.state &= ~QStyle::State_Enabled;
        bar.palette.setCurrentColorGroup(QPalette::Disabled);
        bar.palette.setColor(QPalette::Highlight,
                             bar.palette.color(QPalette::Disabled, QPalette::Mid));
        bar.palette.setColor(QPalette::HighlightedText,
                             bar.palette.color(QPalette::Disabled, QPalette::Text));
    }
    bar.rect = option.rect.adjusted(2, 2, -2, -2);
    bar.minimum = 0;
    bar.maximum = 100;
    bar.progress = qBound(0, progress.toInt(), 100);
    bar.text = index.data(Qt::DisplayRole).toString();
    bar.textVisible = true;
    bar.textAlignment = Qt::AlignCenter;
    style->drawControl(QStyle::CE_ProgressBar, &bar, painter, widget);
}

bool TaskItemDelegate::helpEvent(QHelpEvent *event, QAbstractItemView *view,
                                 const QStyleOptionViewItem &option, const QModelIndex &index)
{
    if (event->type() == QEvent::ToolTip && isTimeColumn(index.column())) {
        const QDateTime time = index.data(TaskTable::RawRole).toDateTime();
        if (time.isValid()) {
            QToolTip::showText(event->globalPos(),
                               QLocale().toString(time.toLocalTime(), QLocale::LongFormat), view);
            return true;
        }
    }
    if (event->type() == QEvent::ToolTip && index.column() == TaskTable::StatusColumn) {
        // The status of a failed task is often longer than the column.
        const QString text = index.data(Qt::DisplayRole).toString();
        if (!text.isEmpty()) {
            QToolTip::showText(event->globalPos(), text, view);
            return true;
        }
    }
    return QStyledItemDelegate::helpEvent(event, view, option, index);
}
