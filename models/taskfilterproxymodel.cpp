#include "taskfilterproxymodel.h"

#include "tasktable.h"

TaskFilterProxyModel::TaskFilterProxyModel(QObject *parent)
    : QSortFilterProxyModel(parent)
{
    setSortRole(TaskTable::RawRole);
    setDynamicSortFilter(true);
}

void TaskFilterProxyModel::filterChanged()
{
    invalidateRowsFilter();
}

void TaskFilterProxyModel::setStateFilter(StateFilters states)
{
    if (states == m_states)
        return;
    m_states = states;
    filterChanged();
}

void TaskFilterProxyModel::setText(const QString &text)
{
    if (text == m_text)
        return;
    m_text = text;
    filterChanged();
}

void TaskFilterProxyModel::setInitiator(const QString &initiator)
{
    if (initiator == m_initiator)
        return;
    m_initiator = initiator;
    filterChanged();
}

void TaskFilterProxyModel::setEntity(const vim::ManagedObjectReference &entity)
{
    if (entity == m_entity)
        return;
    m_entity = entity;
    filterChanged();
}

void TaskFilterProxyModel::setTimeRange(const QDateTime &begin, const QDateTime &end)
{
    if (begin == m_begin && end == m_end)
        return;
    m_begin = begin;
    m_end = end;
    filterChanged();
}

bool TaskFilterProxyModel::filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const
{
    const QAbstractItemModel *source = sourceModel();
    const QModelIndex first = source->index(sourceRow, TaskTable::TaskColumn, sourceParent);
    const auto info = first.data(TaskTable::TaskInfoRole).value<vim::TaskInfo>();

    StateFilter state = Queued;
    switch (info.state.value()) {
    case vim::TaskInfoState::Value::Queued:
        state = Queued;
        break;
    case vim::TaskInfoState::Value::Running:
        state = Running;
        break;
    case vim::TaskInfoState::Value::Success:
        state = Succeeded;
        break;
    case vim::TaskInfoState::Value::Error:
        state = info.cancelled ? Cancelled : Failed;
        break;
    case vim::TaskInfoState::Value::Unknown:
        state = Running;
        break;
    }
    if (first.data(TaskTable::UnreportedRole).toBool())
        state = Unreported;
    if (!m_states.testFlag(state))
        return false;

    auto text = [&](int column) {
        return source->index(sourceRow, column, sourceParent).data(Qt::DisplayRole).toString();
    };
    if (!m_initiator.isEmpty() &&
        text(TaskTable::InitiatorColumn).compare(m_initiator, Qt::CaseInsensitive) != 0)
        return false;
    if (!m_entity.isNull() && info.entity != m_entity)
        return false;
    if (m_begin.isValid() && info.queueTime < m_begin)
        return false;
    if (m_end.isValid() && info.queueTime > m_end)
        return false;
    if (m_text.isEmpty())
        return true;
    for (int column : {TaskTable::TaskColumn, TaskTable::TargetColumn, TaskTable::InitiatorColumn,
                       TaskTable::DetailsColumn}) {
        if (text(column).contains(m_text, Qt::CaseInsensitive))
            return true;
    }
    return false;
}

bool TaskFilterProxyModel::lessThan(const QModelIndex &left, const QModelIndex &right) const
{
    const QVariant l = left.data(sortRole());
    const QVariant r = right.data(sortRole());
    // Empty cells (not started, not finished) go last whatever the sort order.
    const bool lValid =
        l.isValid() && !(l.typeId() == QMetaType::QString && l.toString().isEmpty());
    const bool rValid =
        r.isValid() && !(r.typeId() == QMetaType::QString && r.toString().isEmpty());
    if (lValid != rValid)
        return (sortOrder() == Qt::AscendingOrder) ? lValid : rValid;
    // Ties keep the source order in either direction.
    const bool sourceOrder = (sortOrder() == Qt::AscendingOrder) == (left.row() < right.row());
    if (!lValid)
        return sourceOrder;
    const auto order = QVariant::compare(l, r);
    if (order == QPartialOrdering::Equivalent)
        return sourceOrder;
    if (l.typeId() == QMetaType::QString)
        return QString::localeAwareCompare(l.toString(), r.toString()) < 0;
    return order == QPartialOrdering::Less;
}
