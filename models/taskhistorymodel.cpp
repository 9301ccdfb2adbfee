#include "taskhistorymodel.h"

#include "modelslogging.h"

#include <taskhistorycollector.h>
#include <taskmanager.h>

#include <algorithm>

using namespace TaskTable;

TaskHistoryModel::TaskHistoryModel(VimConnection *connection, QObject *parent)
    : QAbstractTableModel(parent)
    , m_connection(connection)
{
    // Every collector dies with its session; a renewed session needs a new one.
    connect(m_connection, &VimConnection::sessionRenewed, this, [this] {
        m_collector = {};
        if (m_hasFilter)
            refresh();
    });
}

TaskHistoryModel::~TaskHistoryModel()
{
    close();
}

int TaskHistoryModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int TaskHistoryModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant TaskHistoryModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    return cellData(m_rows.at(index.row()), RowContext{&m_description, m_server, false, false, {}},
                    index.column(), role);
}

QVariant TaskHistoryModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    return orientation == Qt::Horizontal ? TaskTable::headerData(section, role) : QVariant();
}

bool TaskHistoryModel::canFetchMore(const QModelIndex &parent) const
{
    return !parent.isValid() && !m_collector.isNull() && m_status == Status::Ready;
}

void TaskHistoryModel::fetchMore(const QModelIndex &parent)
{
    if (!canFetchMore(parent))
        return;
    m_pageWanted = true;
    setStatus(Status::Loading);
    pumpReads();
}

void TaskHistoryModel::sendRead()
{
    const quint64 id = ++m_nextReadId;
    const quint64 generation = m_generation;
    m_reads.push_back(PageRead{id, std::nullopt});
    m_readAtServer = true;
    svc::TaskHistoryCollector collector(m_connection, m_collector);
    auto pending = m_newestFirst ? collector.readPreviousTasks(m_pageSize)
                                 : collector.readNextTasks(m_pageSize);
    m_readReply = pending.reply();
    pending.onAnswered(this, [this, generation] {
        if (generation != m_generation)
            return;
        m_readAtServer = false;
        pumpReads();
    });
    pending.then(this, [this, generation, id](VimResult<QList<vim::TaskInfo>> r) {
        if (generation != m_generation)
            return;
        const auto read = std::find_if(m_reads.begin(), m_reads.end(),
                                       [id](const PageRead &p) { return p.id == id; });
        if (read == m_reads.end())
            return;
        if (read + 1 == m_reads.end())
            m_readAtServer = false;
        if (r.ok() && r.value().size() < m_pageSize)
            m_nearEnd = true;
        read->result = std::move(r);
        pumpReads();
    });
}

void TaskHistoryModel::pumpReads()
{
    // Deliver in the order read, and only what the view asked for (one page at a time).
    if (m_pageWanted && !m_reads.empty() && m_reads.front().result) {
        VimResult<QList<vim::TaskInfo>> r = std::move(*m_reads.front().result);
        m_reads.pop_front();
        m_pageWanted = false;
        if (!r.ok()) {
            m_reads.clear();
            fail(r.error());
            return;
        }
        const bool end = r.value().isEmpty();
        appendBatch(std::move(r).value());
        setStatus(end ? Status::Complete : Status::Ready);
        if (end) {
            m_reads.clear();
            return;
        }
    }
    // Keep one page beyond what was asked for on its way, one request at the server at a time.
    const qsizetype wanted = (m_pageWanted ? 1 : 0) + (m_nearEnd ? 0 : 1);
    if (!m_readAtServer && !m_collector.isNull() && qsizetype(m_reads.size()) < wanted &&
        (m_status == Status::Ready || m_status == Status::Loading))
        sendRead();
}

void TaskHistoryModel::setFilter(const vim::TaskFilterSpec &filter)
{
    m_filter = filter;
    m_hasFilter = true;
    open(true);
}

void TaskHistoryModel::refresh()
{
    if (m_hasFilter)
        open(m_newestFirst);
}

void TaskHistoryModel::rewind()
{
    reread(false);
}

void TaskHistoryModel::reset()
{
    reread(true);
}

void TaskHistoryModel::reread(bool newestFirst)
{
    if (!m_hasFilter)
        return;
    // The collector already holds the filter: moving its cursor is all a new direction needs.
    if (m_collector.isNull()) {
        open(newestFirst);
        return;
    }
    // Loading before the reset: a view (or a model tester) reacting to it must not fetch.
    const QPointer<VimReply> stale = m_readReply;
    dropReads();
    m_newestFirst = newestFirst;
    setStatus(Status::Loading);
    clearRows();
    // A read still at the server would move the cursor after the rewind or reset if it got
    // there second (requests may travel on different connections): move it once that is over.
    if (stale && !stale->isFinished()) {
        connect(stale, &QObject::destroyed, this, [this, generation = m_generation, newestFirst] {
            if (generation == m_generation)
                beginReading(generation, newestFirst);
        });
        return;
    }
    beginReading(m_generation, newestFirst);
}

void TaskHistoryModel::dropReads()
{
    ++m_generation;
    m_reads.clear();
    m_readAtServer = false;
    m_pageWanted = false;
    m_nearEnd = false;
}

void TaskHistoryModel::close()
{
    dropReads();
    if (!m_collector.isNull() && m_connection->hasSession())
        svc::TaskHistoryCollector(m_connection, m_collector).destroyCollector();
    m_collector = {};
}

void TaskHistoryModel::clearRows()
{
    // A new filter or direction is a new list, not a live change: a reset is the honest signal.
    beginResetModel();
    m_rows.clear();
    m_keys.clear();
    m_strings.clear();
    endResetModel();
}

quint64 TaskHistoryModel::begin(bool newestFirst)
{
    close();
    clearRows();
    m_newestFirst = newestFirst;
    setStatus(Status::Loading);
    readMaxCollector();
    return m_generation;
}

void TaskHistoryModel::readMaxCollector()
{
    const auto &tm = m_connection->serviceContent().taskManager;
    if (m_maxCollector >= 0 || !tm)
        return;
    svc::TaskManager(m_connection, *tm)
        .maxCollector()
        .then(this, [this](const VimResult<qint32> &r) {
            if (r.ok() && r.value() != m_maxCollector) {
                m_maxCollector = r.value();
                Q_EMIT maxCollectorChanged(m_maxCollector);
            }
        });
}

void TaskHistoryModel::adoptCollector(const vim::ManagedObjectReference &collector,
                                      const vim::TaskFilterSpec &filter)
{
    m_filter = filter;
    m_hasFilter = true;
    const quint64 generation = begin(true);
    m_collector = collector;
    beginReading(generation, true);
}

void TaskHistoryModel::open(bool newestFirst)
{
    const auto &tm = m_connection->serviceContent().taskManager;
    if (!tm) {
        close();
        clearRows();
        setStatus(Status::Unsupported, tr("The server has no task manager.", "history error"));
        return;
    }
    const quint64 generation = begin(newestFirst);
    svc::TaskManager(m_connection, *tm)
        .createCollectorForTasks(m_filter)
        .then(this,
              [this, generation, newestFirst](const VimResult<vim::ManagedObjectReference> &r) {
                  // No answer at all: the server may hold a collector nobody can name, which
                  // would count against maxCollector for the rest of the session. A fresh
                  // session drops it, and sessionRenewed opens the history again.
                  if (!r.ok() && r.error().mayHaveTakenEffect() && m_connection->renewSession()) {
                      qCInfo(lcModels) << "task history: a collector may be left without its "
                                          "answer; replacing the session";
                      return;
                  }
                  if (generation != m_generation) {
                      if (r.ok())
                          svc::TaskHistoryCollector(m_connection, r.value()).destroyCollector();
                      return;
                  }
                  if (!r.ok()) {
                      fail(r.error());
                      return;
                  }
                  m_collector = r.value();
                  beginReading(generation, newestFirst);
              });
}

void TaskHistoryModel::beginReading(quint64 generation, bool newestFirst)
{
    svc::TaskHistoryCollector collector(m_connection, m_collector);
    if (!newestFirst) {
        collector.rewindCollector().then(this, [this, generation](const VimResult<void> &w) {
            if (generation != m_generation)
                return;
            if (!w.ok())
                return fail(w.error());
            setStatus(Status::Ready);
            fetchMore({});
        });
        return;
    }
    // ReadPreviousTasks excludes the latest page (§6.3): read the page first, then
    // move the cursor to just before it.
    collector.setCollectorPageSize(m_pageSize)
        .then(this, [this, generation](const VimResult<void> &s) {
            if (generation != m_generation)
                return;
            if (!s.ok())
                return fail(s.error());
            svc::TaskHistoryCollector c(m_connection, m_collector);
            c.latestPage().then(this, [this, generation](VimResult<QList<vim::TaskInfo>> p) {
                if (generation != m_generation)
                    return;
                if (!p.ok())
                    return fail(p.error());
                // A page shorter than asked is probably all there is, but a server may keep
                // smaller pages than asked for: one read tells, so the view can say "that is
                // all" instead of inviting a scroll that has nothing behind it.
                const bool shortPage = p.value().size() < m_pageSize;
                appendBatch(std::move(p).value());
                svc::TaskHistoryCollector(m_connection, m_collector)
                    .resetCollector()
                    .then(this, [this, generation, shortPage](const VimResult<void> &z) {
                        if (generation != m_generation)
                            return;
                        if (!z.ok())
                            return fail(z.error());
                        setStatus(Status::Ready);
                        if (shortPage)
                            fetchMore({});
                    });
            });
        });
}

void TaskHistoryModel::appendBatch(QList<vim::TaskInfo> tasks)
{
    tasks.erase(std::remove_if(tasks.begin(), tasks.end(),
                               [this](const vim::TaskInfo &t) { return m_keys.contains(t.key); }),
                tasks.end());
    if (tasks.isEmpty())
        return;
    // Pages are unordered; within a batch order by queue time in the reading direction.
    const bool newestFirst = m_newestFirst;
    std::stable_sort(tasks.begin(), tasks.end(), [newestFirst](const auto &a, const auto &b) {
        return newestFirst ? b.queueTime < a.queueTime : a.queueTime < b.queueTime;
    });
    const int first = int(m_rows.size());
    beginInsertRows({}, first, first + int(tasks.size()) - 1);
    for (vim::TaskInfo &t : tasks) {
        m_strings.share(t);
        m_keys.insert(t.key);
        m_rows.append(std::move(t));
    }
    endInsertRows();
}

void TaskHistoryModel::setDescription(const vim::TaskDescription &description)
{
    m_description = description;
    if (!m_rows.isEmpty())
        Q_EMIT dataChanged(index(0, TaskColumn), index(rowCount() - 1, StatusColumn),
                           {Qt::DisplayRole, RawRole});
}

void TaskHistoryModel::setStatus(Status status, const QString &error)
{
    m_errorString = error;
    if (status == m_status)
        return;
    m_status = status;
    Q_EMIT statusChanged(status);
}

void TaskHistoryModel::fail(const VimError &error)
{
    m_pageWanted = false;
    qCInfo(lcModels) << "task history:" << error.toString();
    if (error.isFault(QStringLiteral("NotSupported")))
        setStatus(
            Status::Unsupported,
            tr("This server does not keep task history (it is not a vCenter).", "history error"));
    else if (error.isFault(QStringLiteral("InvalidState")) && m_collector.isNull())
        setStatus(Status::TooManyCollectors,
                  tr("The server allows no more task history views for this session (at most %1). "
                     "Close another history view and try again.",
                     "history error")
                      .arg(m_maxCollector));
    else
        setStatus(Status::Failed, error.message);
}
