#pragma once

#include <taskhistorymodel.h>

#include <QWidget>

class InventoryModel;
class QAction;
class QLabel;
class QSpinBox;
class QTreeView;

/// The History tab: one TaskHistoryCollector's tasks, newest first, loading more while
/// scrolling; its filter in words, the collector budget, and the collector operations.
class HistoryView final : public QWidget
{
    Q_OBJECT
public:
    HistoryView(VimConnection *connection, InventoryModel *inventory, QWidget *parent = nullptr);
    ~HistoryView() override;

    TaskHistoryModel *model() const { return m_model; }
    QTreeView *view() const { return m_view; }
    /// Shows the tasks of a collector the create dialog made: the model opens its own with the
    /// same filter (it owns the paging), so this one is destroyed to keep within the budget.
    void openCollector(const vim::ManagedObjectReference &collector,
                       const vim::TaskFilterSpec &filter, int pageSize);
    /// How many collectors the rest of the application holds (the live monitor's).
    void setOtherCollectors(int count);
    void setDescription(const vim::TaskDescription &description);
    QString filterText() const;
    QString budgetText() const;

Q_SIGNALS:
    void newCollectorRequested();
    void taskSelected(const vim::TaskInfo &info);

private:
    void updateStatus();

    VimConnection *m_connection;
    InventoryModel *m_inventory;
    TaskHistoryModel *m_model;
    QTreeView *m_view;
    QLabel *m_filterLabel;
    QLabel *m_statusLabel;
    QLabel *m_budgetLabel;
    QSpinBox *m_pageSize;
    QAction *m_rewind;
    QAction *m_reset;
    QAction *m_destroy;
    int m_otherCollectors = 0;
};
