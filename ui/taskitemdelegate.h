#pragma once

#include <QStyledItemDelegate>

/// Paints task tables: the state icon in the Task column, a style-drawn progress bar in the
/// Status column of running tasks (only there), and start/completion times as "3 min ago"
/// with the absolute time in the tooltip.
class TaskItemDelegate final : public QStyledItemDelegate
{
    Q_OBJECT
public:
    explicit TaskItemDelegate(QObject *parent = nullptr);

    void paint(QPainter *painter, const QStyleOptionViewItem &option,
               const QModelIndex &index) const override;
    bool helpEvent(QHelpEvent *event, QAbstractItemView *view, const QStyleOptionViewItem &option,
                   const QModelIndex &index) override;

    /// "just now", "5 s ago", "3 min ago", "2 h ago", else the short date and time.
    static QString relativeTime(const QDateTime &time, const QDateTime &now);
    static bool isTimeColumn(int column);
    static bool isUnreported(const QModelIndex &index);

protected:
    void initStyleOption(QStyleOptionViewItem *option, const QModelIndex &index) const override;
};
