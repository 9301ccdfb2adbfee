#pragma once

#include <vim/moref.h>

#include <QDateTime>
#include <QSortFilterProxyModel>

/// Filters and sorts a task table (RecentTasksModel or TaskHistoryModel): by state, free
/// text over task, target, initiator and details, by initiator, entity and queue-time range.
/// Sorts on TaskTable::RawRole; rows without a value sort last in either order.
class TaskFilterProxyModel final : public QSortFilterProxyModel
{
    Q_OBJECT
public:
    enum StateFilter
    {
        Queued = 0x1,
        Running = 0x2,
        Succeeded = 0x4,
        Failed = 0x8,     ///< error, not cancelled
        Cancelled = 0x10, ///< error with cancelled set
        /// No longer reported by the server (TaskTable::UnreportedRole), whatever its last
        /// known state: neither active nor finished as far as anyone can tell.
        Unreported = 0x20,
        Active = Queued | Running,
        Finished = Succeeded | Failed | Cancelled,
        AllStates = Active | Finished | Unreported,
    };
    Q_DECLARE_FLAGS(StateFilters, StateFilter)
    Q_FLAG(StateFilters)

    explicit TaskFilterProxyModel(QObject *parent = nullptr);

    void setStateFilter(StateFilters states);
    StateFilters stateFilter() const { return m_states; }
    /// Case-insensitive substring over the Task, Target, Initiator and Details columns.
    void setText(const QString &text);
    QString text() const { return m_text; }
    /// Exact (case-insensitive) initiator; empty accepts all.
    void setInitiator(const QString &initiator);
    /// Only tasks on this entity; a null reference accepts all.
    void setEntity(const vim::ManagedObjectReference &entity);
    /// Queue time within [begin, end]; an invalid bound is open.
    void setTimeRange(const QDateTime &begin, const QDateTime &end);

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const override;
    bool lessThan(const QModelIndex &left, const QModelIndex &right) const override;

private:
    void filterChanged();

    StateFilters m_states = AllStates;
    QString m_text;
    QString m_initiator;
    vim::ManagedObjectReference m_entity;
    QDateTime m_begin;
    QDateTime m_end;
};

Q_DECLARE_OPERATORS_FOR_FLAGS(TaskFilterProxyModel::StateFilters)
