#pragma once

#include "taskstringpool.h"
#include "tasktable.h"

#include <vimconnection.h>

#include <vim/taskfilterspec.h>

#include <QAbstractTableModel>
#include <QPointer>
#include <QSet>

#include <deque>
#include <optional>

/// Task history through one TaskHistoryCollector (DESIGN.md decision 5): newest first, read
/// lazily a page at a time through canFetchMore/fetchMore. One page is read ahead of what was
/// asked for, so scrolling on finds it waiting: the read of the next page goes out as soon as
/// the server has answered the previous one, while that one is still being decoded (never
/// two at the server at once, so pages cannot arrive out of order). A new filter destroys the
/// old collector. Collector errors become status() and errorString(), never a crash.
/// Columns and roles: see TaskTable.
class TaskHistoryModel final : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum class Status
    {
        Idle,              ///< no filter set
        Loading,           ///< creating the collector or reading a page
        Ready,             ///< more pages may be fetched
        Complete,          ///< every matching task has been read
        Unsupported,       ///< the server has no task collectors (ESXi)
        TooManyCollectors, ///< the maxCollector budget is exhausted
        Failed,            ///< any other error; see errorString()
    };
    Q_ENUM(Status)

    explicit TaskHistoryModel(VimConnection *connection, QObject *parent = nullptr);
    ~TaskHistoryModel() override;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;
    bool canFetchMore(const QModelIndex &parent) const override;
    void fetchMore(const QModelIndex &parent) override;

    /// Replaces the collector with one for `filter` and starts from the newest task.
    void setFilter(const vim::TaskFilterSpec &filter);
    const vim::TaskFilterSpec &filter() const { return m_filter; }
    /// Takes over a collector someone else created with `filter` (e.g. a dialog), instead of
    /// creating another; the model destroys it like its own.
    void adoptCollector(const vim::ManagedObjectReference &collector,
                        const vim::TaskFilterSpec &filter);
    /// Re-creates the collector with the same filter (new tasks, fresh states).
    void refresh();
    /// Oldest first from now on: RewindCollector on the same collector, then ReadNextTasks.
    void rewind();
    /// Newest first again on the same collector: latestPage, ResetCollector, then
    /// ReadPreviousTasks.
    void reset();
    /// Destroys the collector, e.g. when the history is no longer shown. Rows stay.
    void close();

    /// Tasks per ReadPreviousTasks / ReadNextTasks and latest-page size (default 50).
    void setPageSize(int size) { m_pageSize = qBound(1, size, 1000); }
    int pageSize() const { return m_pageSize; }
    void setDescription(const vim::TaskDescription &description);
    void setServerName(const QString &server) { m_server = server; }

    Status status() const { return m_status; }
    QString errorString() const { return m_errorString; }
    /// The collector this model holds, or a null reference.
    vim::ManagedObjectReference collector() const { return m_collector; }
    /// TaskManager.maxCollector, or -1 until known.
    int maxCollector() const { return m_maxCollector; }
    vim::TaskInfo task(int row) const { return m_rows.value(row); }

Q_SIGNALS:
    void statusChanged(TaskHistoryModel::Status status);
    void maxCollectorChanged(int maxCollector);

private:
    void open(bool newestFirst);
    /// Reads the list again in a direction through the collector held (or a new one).
    void reread(bool newestFirst);
    /// Forgets page reads in flight; their answers are ignored.
    void dropReads();
    /// Clears the rows and status for a new list; returns the generation callbacks check.
    quint64 begin(bool newestFirst);
    void readMaxCollector();
    void beginReading(quint64 generation, bool newestFirst);
    void setStatus(Status status, const QString &error = {});
    void fail(const VimError &error);
    void appendBatch(QList<vim::TaskInfo> tasks);
    /// Delivers read pages the view asked for and sends the next read when one may go out.
    void pumpReads();
    void sendRead();
    void clearRows();

    VimConnection *m_connection;
    vim::TaskFilterSpec m_filter;
    bool m_hasFilter = false;
    vim::ManagedObjectReference m_collector;
    quint64 m_generation = 0;
    bool m_newestFirst = true;
    /// Page reads in the order they were sent: the last one may still be at the server.
    struct PageRead
    {
        quint64 id = 0;
        std::optional<VimResult<QList<vim::TaskInfo>>> result;
    };
    std::deque<PageRead> m_reads;
    quint64 m_nextReadId = 0;
    bool m_readAtServer = false;
    /// The last page read sent, until it is over.
    QPointer<VimReply> m_readReply;
    /// fetchMore() asked for a page that is not delivered yet.
    bool m_pageWanted = false;
    /// A short or empty page was decoded: the end is near, so nothing more is read ahead.
    bool m_nearEnd = false;
    int m_pageSize = 50;
    int m_maxCollector = -1;
    Status m_status = Status::Idle;
    QString m_errorString;
    QList<vim::TaskInfo> m_rows;
    QSet<QString> m_keys;
    TaskStringPool m_strings;
    vim::TaskDescription m_description;
    QString m_server;
};
