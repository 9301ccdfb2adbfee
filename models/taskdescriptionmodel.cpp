#include "taskdescriptionmodel.h"

TaskDescriptionModel::TaskDescriptionModel(QObject *parent)
    : QAbstractTableModel(parent)
{}

int TaskDescriptionModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int TaskDescriptionModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant TaskDescriptionModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    if (role != Qt::DisplayRole && role != RawRole)
        return {};
    const Row &row = m_rows.at(index.row());
    switch (index.column()) {
    case CategoryColumn:
        return role == RawRole ? QVariant(int(row.category)) : QVariant(categoryName(row.category));
    case KeyColumn:
        return row.key;
    case LabelColumn:
        return row.label;
    case SummaryColumn:
        return row.summary;
    default:
        return {};
    }
}

QVariant TaskDescriptionModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case CategoryColumn:
        return tr("Category", "column: method, state or reason");
    case KeyColumn:
        return tr("Key", "column: identifier of a label");
    case LabelColumn:
        return tr("Label", "column: localized short text");
    case SummaryColumn:
        return tr("Summary", "column: localized long text");
    default:
        return {};
    }
}

QString TaskDescriptionModel::categoryName(Category category)
{
    switch (category) {
    case Category::Method:
        return tr("Method", "task description category");
    case Category::State:
        return tr("State", "task description category");
    case Category::Reason:
        return tr("Reason", "task description category");
    }
    return {};
}

void TaskDescriptionModel::setDescription(const vim::TaskDescription &description)
{
    if (description == m_description && !m_rows.isEmpty())
        return;
    beginResetModel();
    m_description = description;
    m_rows.clear();
    for (const auto &d : description.methodInfo)
        m_rows.append({Category::Method, d.key, d.label, d.summary});
    for (const auto &d : description.state)
        m_rows.append({Category::State, d.key, d.label, d.summary});
    for (const auto &d : description.reason)
        m_rows.append({Category::Reason, d.key, d.label, d.summary});
    endResetModel();
}
