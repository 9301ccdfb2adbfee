#include "loaddriver.h"

#include "procstats.h"

#include <simulator/simulator.h>

namespace {
// The root folder of the simulated inventory and a catalogue task valid on it.
const QString kEntity = QStringLiteral("group-d1");
const QString kTaskType = QStringLiteral("Folder.createVm");
// 100 slots per second: each slot advances 1 % of the running tasks, so the load is smooth
// instead of 500 changes in one instant every second.
constexpr int kTickMs = 10;
constexpr int kSlotsPerSecond = 1000 / kTickMs;
} // namespace

LoadDriver::LoadDriver(sim::Simulator *simulator, QObject *parent)
    : QObject(parent)
    , m_sim(simulator)
{
    m_timer.setTimerType(Qt::PreciseTimer);
    m_timer.setInterval(kTickMs);
    connect(&m_timer, &QTimer::timeout, this, &LoadDriver::tick);
}

QString LoadDriver::newTask()
{
    return m_sim->createTask(kTaskType, kEntity, true, QStringLiteral("bench"));
}

QStringList LoadDriver::createRunning(int count)
{
    QStringList keys;
    keys.reserve(count);
    for (int i = 0; i < count; ++i) {
        const QString key = newTask();
        m_sim->setTaskState(key, vim::TaskInfoState::Value::Running);
        m_sim->setTaskProgress(key, 0);
        keys.append(key);
    }
    return keys;
}

QStringList LoadDriver::createQueued(int count)
{
    QStringList keys;
    keys.reserve(count);
    m_burstStart = procstats::nowNs();
    for (int i = 0; i < count; ++i)
        keys.append(newTask());
    m_burstEnd = procstats::nowNs();
    return keys;
}

QStringList LoadDriver::createFinished(int count)
{
    QStringList keys;
    for (int i = 0; i < count; ++i) {
        const QString key = newTask();
        m_sim->setTaskState(key, vim::TaskInfoState::Value::Running);
        m_sim->setTaskState(key, vim::TaskInfoState::Value::Success);
        keys.append(key);
    }
    return keys;
}

void LoadDriver::startSteady(const QStringList &running, double newPerSecond, int newTaskMs)
{
    m_running = running;
    m_progress = QList<int>(running.size(), 0);
    m_newPerSecond = newPerSecond;
    m_newTaskMs = newTaskMs;
    m_arrivalDebt = 0;
    m_nextSlot = 0;
    m_clock.start();
    m_lastTickMs = 0;
    m_timer.start();
}

void LoadDriver::stopSteady()
{
    m_timer.stop();
}

void LoadDriver::tick()
{
    const qint64 now = m_clock.elapsed();
    // Timers slip under load; catch up on every slot that came due, so the offered rate
    // stays at one update per task per second instead of silently dropping.
    const qint64 dueSlots = now / kTickMs;
    while (m_nextSlot <= dueSlots) {
        const int slot = int(m_nextSlot % kSlotsPerSecond);
        for (qsizetype i = slot; i < m_running.size(); i += kSlotsPerSecond) {
            // 1..99 and round again: the task never completes and every value is new
            // for 99 s, which is what identifies a change on the client side.
            m_progress[i] = m_progress[i] % 99 + 1;
            if (m_sim->setTaskProgress(m_running.at(i), m_progress[i]).isEmpty())
                ++m_progressUpdates;
        }
        ++m_nextSlot;
    }

    m_arrivalDebt += m_newPerSecond * double(now - m_lastTickMs) / 1000.0;
    m_lastTickMs = now;
    while (m_arrivalDebt >= 1.0) {
        m_arrivalDebt -= 1.0;
        const QString key = newTask();
        m_sim->setTaskState(key, vim::TaskInfoState::Value::Running);
        m_finishAt.emplace(now + m_newTaskMs, key);
        ++m_arrivals;
    }
    while (!m_finishAt.empty() && m_finishAt.begin()->first <= now) {
        m_sim->setTaskState(m_finishAt.begin()->second, vim::TaskInfoState::Value::Success);
        m_finishAt.erase(m_finishAt.begin());
    }
}
