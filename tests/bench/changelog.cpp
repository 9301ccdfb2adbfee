#include "changelog.h"

#include "procstats.h"

#include <simulator/simulator.h>

void ChangeLog::attach(sim::Simulator *simulator)
{
    // Direct: the lambdas run in the simulator's thread at the moment of the change; a
    // queued connection would add the simulator's own queueing to the measured latency.
    QObject::connect(
        simulator, &sim::Simulator::taskChanged, simulator,
        [this](const vim::TaskInfo &info, bool) {
            if (info.progress && !info.isFinished())
                recordProgress(info.key, *info.progress, procstats::nowNs());
        },
        Qt::DirectConnection);
    QObject::connect(
        simulator, &sim::Simulator::taskCreated, simulator,
        [this](const vim::TaskInfo &info) { recordCreated(info.key, procstats::nowNs()); },
        Qt::DirectConnection);
}

void ChangeLog::setRecording(bool on)
{
    QMutexLocker lock(&m_mutex);
    m_recording = on;
}

void ChangeLog::recordProgress(const QString &key, int progress, qint64 ns)
{
    QMutexLocker lock(&m_mutex);
    if (!m_recording)
        return;
    m_progress[key].insert(progress, ns);
    ++m_progressChanges;
}

void ChangeLog::recordCreated(const QString &key, qint64 ns)
{
    QMutexLocker lock(&m_mutex);
    if (!m_recording)
        return;
    m_created.insert(key, ns);
    ++m_createdCount;
}

std::optional<qint64> ChangeLog::takeProgress(const QString &key, int progress)
{
    QMutexLocker lock(&m_mutex);
    const auto it = m_progress.find(key);
    if (it == m_progress.end())
        return std::nullopt;
    const auto p = it->find(progress);
    if (p == it->end())
        return std::nullopt;
    const qint64 ns = *p;
    it->erase(p);
    return ns;
}

std::optional<qint64> ChangeLog::takeCreated(const QString &key)
{
    QMutexLocker lock(&m_mutex);
    const auto it = m_created.find(key);
    if (it == m_created.end())
        return std::nullopt;
    const qint64 ns = *it;
    m_created.erase(it);
    return ns;
}

qint64 ChangeLog::progressChanges() const
{
    QMutexLocker lock(&m_mutex);
    return m_progressChanges;
}

qint64 ChangeLog::created() const
{
    QMutexLocker lock(&m_mutex);
    return m_createdCount;
}

void ChangeLog::clear()
{
    QMutexLocker lock(&m_mutex);
    m_progress.clear();
    m_created.clear();
    m_progressChanges = 0;
    m_createdCount = 0;
}
