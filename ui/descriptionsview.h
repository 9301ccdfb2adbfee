#pragma once

#include <QWidget>

class QComboBox;
class QLineEdit;
class QSortFilterProxyModel;
class QTreeView;
class TaskDescriptionModel;

/// The server's localized task descriptions (TaskManager.description) with a category
/// filter and a search over key, label and summary.
class DescriptionsView final : public QWidget
{
    Q_OBJECT
public:
    explicit DescriptionsView(TaskDescriptionModel *model, QWidget *parent = nullptr);
    ~DescriptionsView() override;

    QTreeView *view() const { return m_view; }
    void focusSearch();

private:
    void updateFilter();

    QComboBox *m_category;
    QLineEdit *m_search;
    QTreeView *m_view;
    QSortFilterProxyModel *m_categoryProxy;
    QSortFilterProxyModel *m_textProxy;
};
