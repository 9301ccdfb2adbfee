#include "pollingbaseline.h"

#include <pending.h>
#include <vimconnection.h>

PollingBaseline::PollingBaseline(VimConnection *connection, int intervalMs, int concurrency,
                                 QObject *parent)
    : QObject(parent)
    , m_connection(connection)
    , m_concurrency(qMax(1, concurrency))
{
    m_timer.setInterval(intervalMs);
    connect(&m_timer, &QTimer::timeout, this, &PollingBaseline::tick);
}

void PollingBaseline::start()
{
    m_running = true;
    m_timer.start();
    startCycle();
}

void PollingBaseline::stop()
{
    m_running = false;
    m_timer.stop();
    m_queue.clear();
}

void PollingBaseline::tick()
{
    if (m_cycleRunning) {
        ++m_overruns;
        m_due = true;
        return;
    }
    startCycle();
}

void PollingBaseline::startCycle()
{
    const auto &tm = m_connection->serviceContent().taskManager;
    if (!m_running || !tm)
        return;
    m_cycleRunning = true;
    m_due = false;
    ++m_cycles;
    Pending<QList<vim::ManagedObjectReference>>(
        m_connection->get(*tm, QStringLiteral("recentTask")))
        .then(this, [this](const VimResult<QList<vim::ManagedObjectReference>> &r) {
            if (!r.ok()) {
                ++m_errors;
                m_queue.clear();
            } else {
                m_queue = r.value();
            }
            pump();
        });
}

void PollingBaseline::pump()
{
    while (m_running && m_inFlight < m_concurrency && !m_queue.isEmpty()) {
        ++m_inFlight;
        const vim::ManagedObjectReference ref = m_queue.takeFirst();
        Pending<vim::TaskInfo>(m_connection->get(ref, QStringLiteral("info")))
            .then(this, [this](const VimResult<vim::TaskInfo> &r) {
                if (!r.ok()) {
                    ++m_errors;
                } else {
                    // Only what changed goes on, as from the engine: the model then
                    // does the same amount of work per real change.
                    const vim::TaskInfo &info = r.value();
                    auto it = m_known.find(info.key);
                    if (it == m_known.end() || !(*it == info)) {
                        m_known.insert(info.key, info);
                        Q_EMIT tasksUpdated({info});
                    }
                }
                finishOne();
            });
    }
    if (m_inFlight == 0 && m_queue.isEmpty())
        finishOne();
}

void PollingBaseline::finishOne()
{
    if (m_inFlight > 0)
        --m_inFlight;
    if (m_inFlight > 0 || !m_queue.isEmpty()) {
        pump();
        return;
    }
    if (!m_cycleRunning)
        return;
    m_cycleRunning = false;
    if (m_running && m_due)
        startCycle();
}
