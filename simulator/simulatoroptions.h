#pragma once

#include <QHostAddress>
#include <QString>

namespace sim {

/// Everything that configures a Simulator; the defaults are what `vtaskmon-sim` runs with.
struct SimulatorOptions
{
    struct Inventory
    {
        int datacenters = 2;
        int clustersPerDatacenter = 2;
        int hostsPerCluster = 4;
        int vmsPerHost = 6;
        int datastoresPerDatacenter = 4;
    };

    struct Workload
    {
        bool enabled = true;
        quint32 seed = 42;
        double tasksPerSecond = 0.5;
        /// Median task duration; durations are log-normal around it.
        int medianDurationMs = 4000;
        double durationSpread = 0.8;
        double failureRatio = 0.08;
        double cancelRatio = 0.04;
        double cancelableShare = 0.6;
        /// Share of tasks that spawn child tasks (parentTaskKey/rootTaskKey).
        double parentShare = 0.05;
        int progressSteps = 5;
        /// Historical completed tasks created at start, spread over the past 30 days.
        int historyTasks = 0;
    };

    struct Faults
    {
        int latencyMs = 0;
        int latencyJitterMs = 0;
        /// Share of requests (0..1) answered with HTTP 500 SystemError.
        double errorRate = 0.0;
        /// Share of requests (0..1) whose connection is closed mid-response.
        double dropRate = 0.0;
        /// A session ends after serving this many calls (a very short TTL), 0 for never:
        /// the next call with its token gets NotAuthenticated.
        int sessionCallLimit = 0;
    };

    QHostAddress address = QHostAddress::LocalHost;
    quint16 port = 0;
    bool https = true;
    QString userName = QStringLiteral("administrator@vsphere.local");
    QString password = QStringLiteral("VMware1!demo");
    /// The simulated API release; releases up to this one are served.
    QString release = QStringLiteral("8.0.3.0");
    bool hello = true;
    /// ESXi host mode: apiType HostAgent, no TaskHistoryCollectors.
    bool esxi = false;
    /// Reject nested request objects without `_typeName` (vCenter 8.0.3 behaviour).
    bool strict = true;
    int sessionIdleTimeoutSeconds = 1800;
    int maxCollectors = 32;
    int defaultPageSize = 10;
    /// Tasks kept for history collectors; the oldest are dropped beyond this.
    int maxTasks = 250000;
    /// The number in the first task's key (`task-<n>`); a restarted server that starts
    /// elsewhere has a task set of its own.
    int firstTaskId = 1;
    /// about.instanceUuid; empty: one derived from the seed and the mode, so that two
    /// simulators of a fleet (or a vCenter and a host) are told apart, and a restart with
    /// the same options is the same server.
    QString instanceUuid;
    Inventory inventory;
    Workload workload;
    Faults faults;
};

} // namespace sim
