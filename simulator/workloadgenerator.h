#pragma once

#include "simulatoroptions.h"
#include "taskcatalog.h"

#include <vim/taskinfo.h>

#include <QElapsedTimer>
#include <QObject>
#include <QRandomGenerator>
#include <QTimer>

#include <map>

namespace sim {

struct SimContext;

/// Generates a believable, seeded task load: Poisson arrivals, log-normal durations,
/// failures and cancellations, user/system/alarm/schedule reasons, parent/child tasks,
/// progress and description updates. Also pre-seeds historical completed tasks.
class WorkloadGenerator final : public QObject
{
    Q_OBJECT

public:
    WorkloadGenerator(SimContext &context, QObject *parent = nullptr);

    void start();
    /// Freezes arrivals and the progress of running workload tasks; resume continues them.
    void setPaused(bool paused);
    bool isPaused() const { return m_paused; }
    /// New tasks per second; 0 stops arrivals while running tasks still finish.
    void setRate(double tasksPerSecond);
    double rate() const { return m_options.tasksPerSecond; }
    /// Adds `count` completed tasks spread over the last 30 days (no signals, fast).
    void seedHistory(int count);

private:
    enum class StepKind
    {
        Start,
        Progress,
        Describe,
        Cancel,
        Finish
    };
    struct Step
    {
        QString key;
        StepKind kind;
        int value = 0;
        bool success = true;
    };

    qint64 now() const;
    void schedule(qint64 at, const Step &step);
    void arm();
    void run();
    void spawn(qint64 at, const QString &parentKey = {}, const QString &rootKey = {},
               qint64 maxDurationMs = 0);
    void apply(const Step &step);
    const TaskCatalog::TaskType &pickType(const QString &entityType = {});
    QString pickEntity(const QString &entityType);
    vim::TaskReason pickReason(const QString &entity);
    vim::MethodFault pickFailure();
    qint64 pickDuration();
    qint64 nextArrivalGap();

    SimContext &m_ctx;
    SimulatorOptions::Workload m_options;
    QRandomGenerator m_random;
    QTimer m_timer{this};
    QElapsedTimer m_clock;
    qint64 m_pausedAt = -1;
    qint64 m_pausedTotal = 0;
    bool m_paused = false;
    bool m_started = false;
    qint64 m_nextArrival = -1;
    std::multimap<qint64, Step> m_steps;
    int m_totalWeight = 0;
    int m_createdVms = 0;
};

} // namespace sim
