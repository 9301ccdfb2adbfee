#pragma once

#include <vim/taskdescription.h>

#include <QAbstractTableModel>

/// TaskManager.description as a flat table: one row per method, state and reason label.
class TaskDescriptionModel final : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column
    {
        CategoryColumn,
        KeyColumn,
        LabelColumn,
        SummaryColumn,
        ColumnCount
    };
    Q_ENUM(Column)
    enum class Category
    {
        Method,
        State,
        Reason
    };
    Q_ENUM(Category)
    enum Role
    {
        /// CategoryColumn: the Category as int; other columns: the same text as displayed.
        RawRole = Qt::UserRole + 1,
    };
    Q_ENUM(Role)

    explicit TaskDescriptionModel(QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

    /// Replaces every row. The description only changes on (re)connection or a new locale.
    void setDescription(const vim::TaskDescription &description);
    const vim::TaskDescription &description() const { return m_description; }

    static QString categoryName(Category category);

private:
    struct Row
    {
        Category category;
        QString key;
        QString label;
        QString summary;
    };
    vim::TaskDescription m_description;
    QList<Row> m_rows;
};
