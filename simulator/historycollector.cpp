#include "historycollector.h"

#include "taskstore.h"

#include <QHash>
#include <QJsonDocument>
#include <QPair>

#include <algorithm>

namespace sim {

HistoryCollector::HistoryCollector(const QString &moId, const vim::TaskFilterSpec &filter,
                                   const std::optional<vim::TaskInfoFilterSpec> &infoFilter,
                                   TaskStore *store, int pageSize)
    : m_moId(moId)
    , m_filter(filter)
    , m_infoFilter(infoFilter)
    , m_store(store)
    , m_pageSize(pageSize)
{
    for (int id = store->firstId(); id < store->endId(); ++id) {
        if (const TaskRecord *r = store->byId(id); r && staticMatch(*r))
            m_candidates.push_back(id);
    }
    refreshPage();
}

bool HistoryCollector::staticMatch(const TaskRecord &r) const
{
    const vim::TaskInfo &t = r.info;
    if (const auto &e = m_filter.entity) {
        if (r.ancestors.isEmpty())
            return false;
        const QString &target = e->entity.value;
        switch (e->recursion.value()) {
        case vim::TaskFilterSpecRecursionOption::Value::Self:
            if (r.ancestors.first() != target)
                return false;
            break;
        case vim::TaskFilterSpecRecursionOption::Value::Children:
            if (r.ancestors.first() == target || !r.ancestors.contains(target))
                return false;
            break;
        default:
            if (!r.ancestors.contains(target))
                return false;
        }
    }
    if (const auto &u = m_filter.userName) {
        const bool isUser = t.reason.kind() == vim::TaskReason::Kind::User;
        if (isUser ? !(u->userList.isEmpty() || u->userList.contains(t.reason.userName))
                   : !u->systemUser)
            return false;
    }
    if (!m_filter.activationId.isEmpty() &&
        !(t.activationId && m_filter.activationId.contains(*t.activationId)))
        return false;
    if (m_filter.alarm &&
        !(t.reason.kind() == vim::TaskReason::Kind::Alarm && t.reason.alarm == *m_filter.alarm))
        return false;
    if (m_filter.scheduledTask && !(t.reason.kind() == vim::TaskReason::Kind::Schedule &&
                                    t.reason.scheduledTask == *m_filter.scheduledTask))
        return false;
    if (!m_filter.eventChainId.isEmpty() && !m_filter.eventChainId.contains(t.eventChainId))
        return false;
    // Simulated tasks carry no tags: only the "untagged" entry ("") matches them.
    if (!m_filter.tag.isEmpty() && !m_filter.tag.contains(QString()))
        return false;
    if (!m_filter.parentTaskKey.isEmpty() &&
        !(t.parentTaskKey && m_filter.parentTaskKey.contains(*t.parentTaskKey)))
        return false;
    if (!m_filter.rootTaskKey.isEmpty() &&
        !(t.rootTaskKey && m_filter.rootTaskKey.contains(*t.rootTaskKey)))
        return false;
    return true;
}

bool HistoryCollector::dynamicMatch(const TaskRecord &r) const
{
    const vim::TaskInfo &t = r.info;
    if (!m_filter.state.isEmpty() && !m_filter.state.contains(t.state))
        return false;
    if (const auto &time = m_filter.time) {
        std::optional<QDateTime> v;
        switch (time->timeType.value()) {
        case vim::TaskFilterSpecTimeOption::Value::QueuedTime:
            v = t.queueTime;
            break;
        case vim::TaskFilterSpecTimeOption::Value::CompletedTime:
            v = t.completeTime;
            break;
        default:
            v = t.startTime;
        }
        if (!v || (time->beginTime && *v < *time->beginTime) ||
            (time->endTime && *v > *time->endTime))
            return false;
    }
    return true;
}

QJsonObject HistoryCollector::encode(const TaskRecord &r) const
{
    QJsonObject o = m_store->transientJson(r);
    if (!filtersResults() || !o.contains(QLatin1String("result")))
        return o;
    const auto &f = *m_infoFilter->filterTaskResults;
    const bool listed = f.descriptionIds.contains(r.info.descriptionId);
    const bool strip =
        f.removeAll.value_or(false) || (f.filterIn.value_or(false) ? !listed : listed);
    if (strip)
        o.remove(QStringLiteral("result"));
    return o;
}

QByteArray HistoryCollector::encodeCompact(const TaskRecord &r) const
{
    // Without a result filter the stored task is the answer; the store may have it frozen.
    if (!filtersResults() || !r.info.result)
        return m_store->compactJson(r);
    return QJsonDocument(encode(r)).toJson(QJsonDocument::Compact);
}

bool HistoryCollector::onTaskCreated(int id)
{
    const TaskRecord *r = m_store->byId(id);
    if (!r || !staticMatch(*r))
        return false;
    m_candidates.push_back(id);
    if (!dynamicMatch(*r))
        return false;
    refreshPage();
    return true;
}

bool HistoryCollector::onTaskStateChanged(int id)
{
    const TaskRecord *r = m_store->byId(id);
    if (!r || !std::binary_search(m_candidates.begin(), m_candidates.end(), id))
        return false;
    const bool onPage = std::find(m_pageIds.begin(), m_pageIds.end(), id) != m_pageIds.end();
    if (!onPage && !dynamicMatch(*r))
        return false;
    refreshPage();
    return true;
}

size_t HistoryCollector::pageStart() const
{
    size_t i = m_candidates.size();
    int found = 0;
    while (i > 0 && found < m_pageSize) {
        const TaskRecord *r = m_store->byId(m_candidates[i - 1]);
        if (r && dynamicMatch(*r))
            ++found;
        --i;
    }
    return i;
}

void HistoryCollector::refreshPage()
{
    QHash<int, QPair<qint64, QJsonObject>> previous;
    for (size_t i = 0; i < m_pageIds.size(); ++i)
        previous.insert(m_pageIds[i], {m_pageRevisions[i], m_page.at(qsizetype(i)).toObject()});
    m_page = QJsonArray();
    m_pageIds.clear();
    m_pageRevisions.clear();
    for (size_t i = pageStart(); i < m_candidates.size(); ++i) {
        const TaskRecord *r = m_store->byId(m_candidates[i]);
        if (!r || !dynamicMatch(*r))
            continue;
        const auto old = previous.constFind(r->id);
        m_page.append(old != previous.cend() && old->first == r->revision ? old->second
                                                                          : encode(*r));
        m_pageIds.push_back(r->id);
        m_pageRevisions.push_back(r->revision);
    }
}

void HistoryCollector::appendTo(QByteArray &array, const TaskRecord &r) const
{
    array += array.isEmpty() ? '[' : ',';
    array += encodeCompact(r);
}

QByteArray HistoryCollector::readNext(int maxCount)
{
    QByteArray out;
    for (int n = 0; m_cursor < m_candidates.size() && n < maxCount;) {
        const TaskRecord *r = m_store->byId(m_candidates[m_cursor++]);
        if (r && dynamicMatch(*r)) {
            appendTo(out, *r);
            ++n;
        }
    }
    return out.isEmpty() ? QByteArrayLiteral("[]") : out + ']';
}

QByteArray HistoryCollector::readPrevious(int maxCount)
{
    QByteArray out;
    m_cursor = std::min(m_cursor, m_candidates.size());
    for (int n = 0; m_cursor > 0 && n < maxCount;) {
        const TaskRecord *r = m_store->byId(m_candidates[--m_cursor]);
        if (r && dynamicMatch(*r)) {
            appendTo(out, *r);
            ++n;
        }
    }
    return out.isEmpty() ? QByteArrayLiteral("[]") : out + ']';
}

void HistoryCollector::reset()
{
    m_cursor = pageStart();
}

void HistoryCollector::setPageSize(int pageSize)
{
    m_pageSize = pageSize;
    refreshPage();
}

} // namespace sim
