#pragma once

#include <QString>

/// What to run and how big; the defaults are the "full run" of docs/BENCHMARKS.md.
struct BenchOptions
{
    QString scenario = QStringLiteral("all"); ///< steady | burst | history | idle | all
    bool json = false;
    bool runBaseline = true;

    // steady
    int steadySeconds = 60;
    int warmupSeconds = 3;
    int running = 500;        ///< long-running tasks, each changing progress every second
    double newPerSecond = 20; ///< arrivals during the run
    int newTaskMs = 3000;     ///< how long an arrival runs before it succeeds

    // burst
    int burstTasks = 10'000;
    int burstTimeoutSeconds = 60;

    // history
    int historyTasks = 100'000;
    int historyPageSize = 1000;
    int historyTimeoutSeconds = 300;

    // idle
    int idleSeconds = 60;
    int idleTasks = 50; ///< finished tasks in recentTask, so the baseline has something to poll

    // engine: 0 keeps the app's default recentTask re-read interval (TaskMonitor, 20 s)
    int engineRecentMs = 0;

    // polling baseline
    int baselineIntervalMs = 1000;
    int baselineConcurrency = 6; ///< QNetworkAccessManager opens at most 6 connections per host
};
