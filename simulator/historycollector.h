#pragma once

#include <vim/taskfilterspec.h>

#include <QJsonArray>
#include <QString>

#include <optional>
#include <vector>

namespace sim {

class TaskStore;
struct TaskRecord;

/// One TaskHistoryCollector (§6.3): the tasks matching its filter in creation order, a
/// cursor for ReadNext/ReadPrevious, and the latest page, refreshed when a matching task
/// is created or changes state (not on progress).
class HistoryCollector final
{
public:
    HistoryCollector(const QString &moId, const vim::TaskFilterSpec &filter,
                     const std::optional<vim::TaskInfoFilterSpec> &infoFilter, TaskStore *store,
                     int pageSize);

    const QString &moId() const { return m_moId; }
    const vim::TaskFilterSpec &filter() const { return m_filter; }
    int pageSize() const { return m_pageSize; }

    /// Both return true when the latest page changed.
    bool onTaskCreated(int id);
    bool onTaskStateChanged(int id);

    /// Forward from the cursor (older → newer); moves the cursor past what was read. The
    /// answer is the compact JSON array itself: pages of 1 000 tasks are the simulator's
    /// largest answers, and seeded tasks are copied as the bytes they were frozen to.
    QByteArray readNext(int maxCount);
    /// Backward from the cursor (newer → older, in that order); moves the cursor back.
    QByteArray readPrevious(int maxCount);
    /// Cursor to the oldest item.
    void rewind() { m_cursor = 0; }
    /// Cursor to just before the latest page.
    void reset();
    void setPageSize(int pageSize);
    const QJsonArray &latestPage() const { return m_page; }

private:
    bool staticMatch(const TaskRecord &r) const;
    bool dynamicMatch(const TaskRecord &r) const;
    bool filtersResults() const { return m_infoFilter && m_infoFilter->filterTaskResults; }
    QJsonObject encode(const TaskRecord &r) const;
    /// encode() as compact JSON bytes.
    QByteArray encodeCompact(const TaskRecord &r) const;
    /// Appends `r` to a JSON array being written as bytes.
    void appendTo(QByteArray &array, const TaskRecord &r) const;
    /// Index in m_candidates of the oldest task on the latest page.
    size_t pageStart() const;
    void refreshPage();

    QString m_moId;
    vim::TaskFilterSpec m_filter;
    std::optional<vim::TaskInfoFilterSpec> m_infoFilter;
    TaskStore *m_store;
    int m_pageSize;
    std::vector<int> m_candidates;
    size_t m_cursor = 0;
    QJsonArray m_page;
    std::vector<int> m_pageIds;
    /// The task revision each page entry was encoded at; unchanged entries are reused.
    std::vector<qint64> m_pageRevisions;
};

} // namespace sim
