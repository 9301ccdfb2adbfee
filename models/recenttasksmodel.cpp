#include "recenttasksmodel.h"

#include "modelslogging.h"
#include "taskmonitor.h"

#include <algorithm>

using namespace TaskTable;

RecentTasksModel::RecentTasksModel(QObject *parent)
    : QAbstractTableModel(parent)
{
    // Age-out is coarse by nature; a slow timer keeps it off the update path.
    m_retentionTimer.setInterval(10'000);
    connect(&m_retentionTimer, &QTimer::timeout, this, [this] { expireFinished(); });
    m_retentionTimer.start();
}

RecentTasksModel::~RecentTasksModel() = default;

int RecentTasksModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int RecentTasksModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant RecentTasksModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Row &row = m_rows.at(index.row());
    return cellData(row.info, context(row), index.column(), role);
}

QVariant RecentTasksModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal)
        return {};
    return TaskTable::headerData(section, role);
}

QHash<int, QByteArray> RecentTasksModel::roleNames() const
{
    QHash<int, QByteArray> names = QAbstractTableModel::roleNames();
    names.insert(RawRole, "raw");
    names.insert(TaskInfoRole, "taskInfo");
    names.insert(StateRole, "state");
    names.insert(ProgressRole, "progress");
    names.insert(KeyRole, "key");
    names.insert(CancelPendingRole, "cancelPending");
    return names;
}

RowContext RecentTasksModel::context(const Row &row) const
{
    return RowContext{&m_description, row.server, row.cancelPending, row.unreported, m_asOf};
}

void RecentTasksModel::attach(TaskMonitor *monitor)
{
    if (m_monitor)
        disconnect(m_monitor, nullptr, this, nullptr);
    m_monitor = monitor;
    if (!monitor)
        return;
    connect(monitor, &TaskMonitor::tasksUpdated, this, &RecentTasksModel::applyUpdates);
    connect(monitor, &TaskMonitor::tasksVanished, this, &RecentTasksModel::markUnreported);
    connect(monitor, &TaskMonitor::serverChanged, this, &RecentTasksModel::clear);
    connect(monitor, &TaskMonitor::descriptionChanged, this, &RecentTasksModel::setDescription);
    connect(monitor, &TaskMonitor::serverClockOffsetChanged, this,
            &RecentTasksModel::setServerClockOffset);
    auto live = [this, monitor] {
        // Before the first answer there is nothing to be stale.
        setAsOf(monitor->isLive() || !monitor->lastUpdate().isValid() ? QDateTime()
                                                                      : monitor->lastUpdate());
    };
    connect(monitor, &TaskMonitor::liveChanged, this, live);
    live();
}

void RecentTasksModel::markUnreported(const QStringList &keys)
{
    const QDateTime now = QDateTime::currentDateTimeUtc();
    for (const QString &key : keys) {
        const int row = m_rowOf.value(key, -1);
        if (row < 0)
            continue;
        Row &r = m_rows[row];
        if (r.unreported)
            continue;
        const RowContext before = context(r);
        r.unreported = true;
        r.cancelPending = false;
        // Retention counts from now: nothing more will come for it.
        r.finishedSeen = now;
        noteChange(r.info, before, r.info, context(r));
    }
}

void RecentTasksModel::setAsOf(const QDateTime &since)
{
    if (since == m_asOf)
        return;
    m_asOf = since;
    if (m_rows.isEmpty())
        return;
    // Every cell of every row changes its look; one range says so.
    Q_EMIT dataChanged(index(0, 0), index(int(m_rows.size()) - 1, ColumnCount - 1),
                       {AsOfRole, Qt::DisplayRole});
}

QDateTime RecentTasksModel::finishedAt(const vim::TaskInfo &info, const QDateTime &now) const
{
    if (!info.isFinished())
        return {};
    if (!info.completeTime)
        return now;
    // On the local clock, and never in the future when the offset is off a little.
    return std::min(now, info.completeTime->addMSecs(-m_serverClockOffsetMs));
}

void RecentTasksModel::applyUpdates(const QList<vim::TaskInfo> &tasks)
{
    QList<Row> added;
    QHash<QString, int> addedAt;
    const QDateTime now = QDateTime::currentDateTimeUtc();
    for (const vim::TaskInfo &info : tasks) {
        if (info.key.isEmpty())
            continue;
        const int row = m_rowOf.value(info.key, -1);
        if (row < 0) {
            // A key can appear twice in one batch (latestPage and Task.info); last one wins.
            if (const auto it = addedAt.constFind(info.key); it != addedAt.cend()) {
                added[*it].info = info;
                continue;
            }
            const QDateTime finished = finishedAt(info, now);
            // Long-finished tasks (an initial latest page) are history, not recent tasks.
            if (m_maxAgeSeconds > 0 && finished.isValid() &&
                finished.secsTo(now) >= m_maxAgeSeconds)
                continue;
            addedAt.insert(info.key, int(added.size()));
            added.append(Row{info, m_server, false, finished, false});
            continue;
        }
        Row &r = m_rows[row];
        if (r.info == info && !r.unreported)
            continue;
        const vim::TaskInfo before = r.info;
        const RowContext beforeContext = context(r);
        r.info = info;
        if (std::exchange(r.unreported, false))
            r.finishedSeen = {};
        if (info.isFinished()) {
            r.cancelPending = false;
            if (!r.finishedSeen.isValid())
                r.finishedSeen = finishedAt(info, now);
        }
        noteChange(before, beforeContext, r.info, context(r));
    }
    for (Row &r : added) {
        if (r.info.isFinished() && !r.finishedSeen.isValid())
            r.finishedSeen = finishedAt(r.info, now);
    }
    if (!added.isEmpty()) {
        const int first = int(m_rows.size());
        beginInsertRows({}, first, first + int(added.size()) - 1);
        m_rows.append(added);
        reindex(first);
        endInsertRows();
    }
    if (m_maxFinished > 0 || m_maxAgeSeconds > 0)
        expireFinished(now);
}

void RecentTasksModel::noteChange(const vim::TaskInfo &before, const RowContext &beforeContext,
                                  const vim::TaskInfo &after, const RowContext &afterContext)
{
    ChangeMask *mask = nullptr;
    for (int column = 0; column < ColumnCount; ++column) {
        QList<int> changed;
        for (int role : rolesOf(column)) {
            const bool differs = role == TaskInfoRole
                                     ? before != after
                                     : cellData(before, beforeContext, column, role) !=
                                           cellData(after, afterContext, column, role);
            if (differs)
                changed.append(role);
        }
        if (changed.isEmpty())
            continue;
        if (!mask) {
            mask = &m_pending[after.key];
            if (mask->isEmpty())
                mask->resize(ColumnCount);
        }
        QList<int> &roles = (*mask)[column];
        for (int role : std::as_const(changed)) {
            if (!roles.contains(role))
                roles.append(role);
        }
        std::sort(roles.begin(), roles.end());
    }
    if (mask)
        scheduleFlush();
}

void RecentTasksModel::scheduleFlush()
{
    if (m_flushScheduled)
        return;
    m_flushScheduled = true;
    QMetaObject::invokeMethod(this, &RecentTasksModel::flushChanges, Qt::QueuedConnection);
}

void RecentTasksModel::flushChanges()
{
    m_flushScheduled = false;
    if (m_pending.isEmpty())
        return;
    // Rows may have moved or gone since the change was noted, so resolve keys only now.
    QList<std::pair<int, ChangeMask>> changes;
    changes.reserve(m_pending.size());
    for (auto it = m_pending.cbegin(); it != m_pending.cend(); ++it) {
        const int row = m_rowOf.value(it.key(), -1);
        if (row >= 0)
            changes.append({row, it.value()});
    }
    m_pending.clear();
    std::sort(changes.begin(), changes.end(),
              [](const auto &a, const auto &b) { return a.first < b.first; });

    // Runs of adjacent rows with the same changed cells become one range per column run.
    for (qsizetype i = 0; i < changes.size();) {
        qsizetype j = i + 1;
        while (j < changes.size() && changes[j].first == changes[j - 1].first + 1 &&
               changes[j].second == changes[i].second)
            ++j;
        const int firstRow = changes[i].first;
        const int lastRow = changes[j - 1].first;
        const ChangeMask &mask = changes[i].second;
        for (int c = 0; c < ColumnCount;) {
            if (mask[c].isEmpty()) {
                ++c;
                continue;
            }
            int d = c + 1;
            while (d < ColumnCount && mask[d] == mask[c])
                ++d;
            Q_EMIT dataChanged(index(firstRow, c), index(lastRow, d - 1), mask[c]);
            c = d;
        }
        i = j;
    }
}

void RecentTasksModel::removeTasks(const QStringList &keys)
{
    QList<int> rows;
    for (const QString &key : keys) {
        const int row = m_rowOf.value(key, -1);
        if (row >= 0)
            rows.append(row);
    }
    removeRows(rows);
}

void RecentTasksModel::removeRows(QList<int> rows)
{
    if (rows.isEmpty())
        return;
    std::sort(rows.begin(), rows.end());
    rows.erase(std::unique(rows.begin(), rows.end()), rows.end());
    // Remove from the bottom up, one contiguous range at a time, so that indices above a
    // range stay valid while it goes.
    qsizetype end = rows.size();
    while (end > 0) {
        qsizetype begin = end - 1;
        while (begin > 0 && rows[begin - 1] == rows[begin] - 1)
            --begin;
        const int first = rows[begin];
        const int last = rows[end - 1];
        beginRemoveRows({}, first, last);
        for (int r = first; r <= last; ++r) {
            m_rowOf.remove(m_rows.at(r).info.key);
            m_pending.remove(m_rows.at(r).info.key);
        }
        m_rows.remove(first, last - first + 1);
        reindex(first);
        endRemoveRows();
        end = begin;
    }
}

void RecentTasksModel::reindex(int from)
{
    for (int r = from; r < m_rows.size(); ++r)
        m_rowOf.insert(m_rows.at(r).info.key, r);
}

void RecentTasksModel::clear()
{
    if (m_rows.isEmpty())
        return;
    beginResetModel();
    m_rows.clear();
    m_rowOf.clear();
    m_pending.clear();
    endResetModel();
}

void RecentTasksModel::setDescription(const vim::TaskDescription &description)
{
    if (description == m_description)
        return;
    const vim::TaskDescription old = m_description;
    m_description = description;
    for (const Row &row : std::as_const(m_rows)) {
        RowContext before = context(row);
        before.description = &old;
        noteChange(row.info, before, row.info, context(row));
    }
}

void RecentTasksModel::setServerName(const QString &server)
{
    m_server = server;
}

void RecentTasksModel::setCancelPending(const QString &key, bool pending)
{
    const int row = m_rowOf.value(key, -1);
    if (row < 0)
        return;
    Row &r = m_rows[row];
    if (r.cancelPending == pending || (pending && r.info.isFinished()))
        return;
    const RowContext before = context(r);
    r.cancelPending = pending;
    noteChange(r.info, before, r.info, context(r));
}

void RecentTasksModel::setRetention(int maxAgeSeconds, int maxFinished)
{
    m_maxAgeSeconds = qMax(0, maxAgeSeconds);
    m_maxFinished = qMax(0, maxFinished);
    expireFinished();
}

void RecentTasksModel::expireFinished(const QDateTime &now)
{
    QList<int> expired;
    QList<int> finished;
    for (int r = 0; r < m_rows.size(); ++r) {
        const Row &row = m_rows.at(r);
        if (!row.info.isFinished() && !row.unreported)
            continue;
        if (m_maxAgeSeconds > 0 && row.finishedSeen.secsTo(now) >= m_maxAgeSeconds)
            expired.append(r);
        else
            finished.append(r);
    }
    if (m_maxFinished > 0 && finished.size() > m_maxFinished) {
        // Keep the most recently completed ones.
        auto completed = [this](int r) {
            const vim::TaskInfo &i = m_rows.at(r).info;
            return i.completeTime.value_or(i.queueTime);
        };
        std::stable_sort(finished.begin(), finished.end(),
                         [&](int a, int b) { return completed(a) < completed(b); });
        expired.append(finished.mid(0, finished.size() - m_maxFinished));
    }
    if (!expired.isEmpty())
        qCDebug(lcModels) << "retention removes" << expired.size() << "finished tasks";
    removeRows(expired);
}

std::optional<vim::TaskInfo> RecentTasksModel::task(const QString &key) const
{
    const int row = m_rowOf.value(key, -1);
    if (row < 0)
        return std::nullopt;
    return m_rows.at(row).info;
}

QList<vim::TaskInfo> RecentTasksModel::tasks() const
{
    QList<vim::TaskInfo> out;
    out.reserve(m_rows.size());
    for (const Row &r : m_rows)
        out.append(r.info);
    return out;
}
