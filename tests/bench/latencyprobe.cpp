#include "latencyprobe.h"

#include "changelog.h"
#include "procstats.h"

#include <tasktable.h>

#include <QAbstractItemModel>

LatencyProbe::LatencyProbe(QAbstractItemModel *model, ChangeLog *log, QObject *parent)
    : QObject(parent)
    , m_model(model)
    , m_log(log)
{
    connect(model, &QAbstractItemModel::dataChanged, this,
            [this](const QModelIndex &tl, const QModelIndex &br, const QList<int> &roles) {
                onDataChanged(tl.row(), br.row(), roles);
            });
    connect(model, &QAbstractItemModel::rowsInserted, this,
            [this](const QModelIndex &, int first, int last) { onRowsInserted(first, last); });
}

void LatencyProbe::clear()
{
    m_progress.clear();
    m_insert.clear();
    m_changedRows = 0;
    m_insertedRows = 0;
}

void LatencyProbe::onDataChanged(int firstRow, int lastRow, const QList<int> &roles)
{
    if (!m_enabled)
        return;
    // Timestamp first: the lookups below are the probe's cost, not the client's latency.
    const qint64 now = procstats::nowNs();
    m_changedRows += lastRow - firstRow + 1;
    if (!roles.isEmpty() && !roles.contains(TaskTable::ProgressRole))
        return;
    for (int row = firstRow; row <= lastRow; ++row) {
        const QModelIndex idx = m_model->index(row, TaskTable::TaskColumn);
        const QVariant progress = idx.data(TaskTable::ProgressRole);
        if (!progress.isValid())
            continue;
        const QString key = idx.data(TaskTable::KeyRole).toString();
        if (const auto at = m_log->takeProgress(key, progress.toInt()))
            m_progress.append(double(now - *at) / 1e6);
    }
}

void LatencyProbe::onRowsInserted(int first, int last)
{
    if (!m_enabled)
        return;
    const qint64 now = procstats::nowNs();
    m_insertedRows += last - first + 1;
    for (int row = first; row <= last; ++row) {
        const QString key =
            m_model->index(row, TaskTable::TaskColumn).data(TaskTable::KeyRole).toString();
        if (const auto at = m_log->takeCreated(key))
            m_insert.append(double(now - *at) / 1e6);
    }
}
