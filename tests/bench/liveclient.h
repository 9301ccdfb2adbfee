#pragma once

#include <recenttasksmodel.h>

#include <QString>

#include <memory>

class PollingBaseline;
class TaskMonitor;
class VimConnection;

/// The client under test: a RecentTasksModel fed either by the push engine (TaskMonitor,
/// as the app wires it) or by the polling baseline, over the same connection type.
class LiveClient final
{
public:
    enum class Kind
    {
        Engine,
        Baseline
    };

    /// `engineRecentMs` > 0 overrides TaskMonitor's recentTask interval; 0 keeps the default.
    LiveClient(Kind kind, VimConnection *connection, int baselineIntervalMs,
               int baselineConcurrency, int engineRecentMs = 0);
    ~LiveClient();
    LiveClient(const LiveClient &) = delete;
    LiveClient &operator=(const LiveClient &) = delete;

    static QString name(Kind kind);
    Kind kind() const { return m_kind; }
    RecentTasksModel &model() { return m_model; }

    void start();
    /// Stops and, for the engine, waits (bounded) until its server objects are destroyed.
    void stop();
    /// The engine has delivered its first snapshot; the baseline finished one cycle.
    bool isSynchronized() const;
    /// TaskInfo upserts handed to the model so far.
    qint64 upserts() const { return m_upserts; }
    /// "Live", "Polling", … for the engine; "-" for the baseline.
    QString mode() const;

private:
    Kind m_kind;
    VimConnection *m_connection;
    RecentTasksModel m_model;
    std::unique_ptr<TaskMonitor> m_monitor;
    std::unique_ptr<PollingBaseline> m_baseline;
    qint64 m_upserts = 0;
};
