#pragma once

#include <QList>
#include <QObject>

class ChangeLog;
class QAbstractItemModel;

/// Watches a task table model (RecentTasksModel) and turns each dataChanged / rowsInserted
/// into latency samples: now minus the time the simulator made the change the row now shows.
class LatencyProbe final : public QObject
{
    Q_OBJECT
public:
    LatencyProbe(QAbstractItemModel *model, ChangeLog *log, QObject *parent = nullptr);

    void setEnabled(bool on) { m_enabled = on; }
    /// Milliseconds from Simulator::taskChanged (progress) to the model's dataChanged.
    const QList<double> &progressLatencies() const { return m_progress; }
    /// Milliseconds from Simulator::taskCreated to the row's rowsInserted.
    const QList<double> &insertLatencies() const { return m_insert; }
    /// Rows reported in dataChanged ranges and rows inserted, while enabled.
    qint64 changedRows() const { return m_changedRows; }
    qint64 insertedRows() const { return m_insertedRows; }
    void clear();

private:
    void onDataChanged(int firstRow, int lastRow, const QList<int> &roles);
    void onRowsInserted(int first, int last);

    QAbstractItemModel *m_model;
    ChangeLog *m_log;
    bool m_enabled = false;
    QList<double> m_progress;
    QList<double> m_insert;
    qint64 m_changedRows = 0;
    qint64 m_insertedRows = 0;
};
