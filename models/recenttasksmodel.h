#pragma once

#include "tasktable.h"

#include <QAbstractTableModel>
#include <QDateTime>
#include <QHash>
#include <QList>
#include <QPointer>
#include <QTimer>

class TaskMonitor;

/// The live "Recent Tasks" table: one row per TaskInfo.key, fed by upserts (TaskMonitor).
/// Changes are incremental: new rows are inserted in one batch per call, dataChanged covers
/// only the cells and roles that changed and is coalesced per event-loop tick into contiguous
/// ranges; finished tasks age out by retention. There is no model reset while live.
/// Columns and roles: see TaskTable.
class RecentTasksModel final : public QAbstractTableModel
{
    Q_OBJECT
public:
    explicit RecentTasksModel(QObject *parent = nullptr);
    ~RecentTasksModel() override;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;
    QHash<int, QByteArray> roleNames() const override;

    /// Subscribes to a monitor: its upserts, vanished tasks, server changes, liveness,
    /// description and clock offset feed this model from now on (one monitor at a time).
    void attach(TaskMonitor *monitor);

    /// Inserts unknown keys (one batch at the end) and updates known ones.
    void applyUpdates(const QList<vim::TaskInfo> &tasks);
    /// Tasks the server no longer reports keep their last state, marked (UnreportedRole),
    /// until retention removes them or the server reports the key again.
    void markUnreported(const QStringList &keys);
    /// Not live: every row is as of `since` (AsOfRole) until called with an invalid time.
    void setAsOf(const QDateTime &since);
    QDateTime asOf() const { return m_asOf; }
    void removeTasks(const QStringList &keys);
    /// Removes every row; meant for disconnecting, not for live operation.
    void clear();

    /// Localized labels for the Task and Status columns (TaskManager.description).
    void setDescription(const vim::TaskDescription &description);
    const vim::TaskDescription &description() const { return m_description; }
    /// Shown in the Server column for every row applied afterwards.
    void setServerName(const QString &server);

    /// Shows "Cancelling…" until the task finishes or pending is cleared.
    void setCancelPending(const QString &key, bool pending = true);

    /// Finished tasks older than maxAgeSeconds (since this model saw them finish), and the
    /// oldest beyond maxFinished, are removed. 0 disables a limit.
    /// Server clock minus local clock, so a task's completeTime can be aged on the local
    /// clock: finished tasks older than the retention age never enter the table.
    void setServerClockOffset(qint64 ms) { m_serverClockOffsetMs = ms; }
    void setRetention(int maxAgeSeconds, int maxFinished);
    int retentionMaxAge() const { return m_maxAgeSeconds; }
    int retentionMaxFinished() const { return m_maxFinished; }
    /// Applies retention as of `now`; the model calls it itself on a timer and after updates.
    void expireFinished(const QDateTime &now = QDateTime::currentDateTimeUtc());

    int rowOf(const QString &key) const { return m_rowOf.value(key, -1); }
    std::optional<vim::TaskInfo> task(const QString &key) const;
    QList<vim::TaskInfo> tasks() const;

    /// Emits the coalesced dataChanged now instead of on the next event-loop tick.
    void flushChanges();

private:
    QDateTime finishedAt(const vim::TaskInfo &info, const QDateTime &now) const;
    struct Row
    {
        vim::TaskInfo info;
        QString server;
        bool cancelPending = false;
        QDateTime finishedSeen;
        bool unreported = false;
    };
    using ChangeMask = QList<QList<int>>; // roles per column

    TaskTable::RowContext context(const Row &row) const;
    void noteChange(const vim::TaskInfo &before, const TaskTable::RowContext &beforeContext,
                    const vim::TaskInfo &after, const TaskTable::RowContext &afterContext);
    void scheduleFlush();
    void removeRows(QList<int> rows);
    void reindex(int from);

    QList<Row> m_rows;
    QHash<QString, int> m_rowOf;
    qint64 m_serverClockOffsetMs = 0;
    QHash<QString, ChangeMask> m_pending;
    bool m_flushScheduled = false;
    vim::TaskDescription m_description;
    QString m_server;
    QDateTime m_asOf;
    QPointer<TaskMonitor> m_monitor;
    int m_maxAgeSeconds = 600;
    int m_maxFinished = 200;
    QTimer m_retentionTimer;
};
