// vtaskmon-bench: the live engine and RecentTasksModel against the in-process simulator
// over loopback https, next to a polling baseline; see docs/BENCHMARKS.md.
#include "benchoptions.h"
#include "procstats.h"
#include "report.h"
#include "scenarios.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDateTime>
#include <QJsonDocument>
#include <QLoggingCategory>

#include <cstdio>

namespace {

bool parse(QCoreApplication &app, BenchOptions &o)
{
    QCommandLineParser p;
    p.setApplicationDescription(
        QStringLiteral("Benchmarks of the vtaskmon live engine against a polling baseline."));
    p.addHelpOption();
    const auto opt = [&](const char *name, const char *help, const QString &def) {
        QCommandLineOption option(QString::fromLatin1(name), QString::fromLatin1(help),
                                  QStringLiteral("n"), def);
        p.addOption(option);
        return option;
    };
    const QCommandLineOption scenario(
        QStringLiteral("scenario"), QStringLiteral("steady|burst|history|idle|all (default all)."),
        QStringLiteral("name"), o.scenario);
    p.addOption(scenario);
    const QCommandLineOption json(QStringLiteral("json"),
                                  QStringLiteral("Print only the results object."));
    p.addOption(json);
    const QCommandLineOption noBaseline(QStringLiteral("no-baseline"),
                                        QStringLiteral("Skip the polling baseline."));
    p.addOption(noBaseline);
    const QCommandLineOption quick(
        QStringLiteral("quick"),
        QStringLiteral("Smoke sizes (under a minute); later options still apply."));
    p.addOption(quick);
    const auto seconds =
        opt("seconds", "steady: measured seconds.", QString::number(o.steadySeconds));
    const auto warmup = opt("warmup", "steady: warm-up seconds before measuring.",
                            QString::number(o.warmupSeconds));
    const auto running =
        opt("running", "steady: N running tasks, each changing progress every second.",
            QString::number(o.running));
    const auto rate =
        opt("rate", "steady: R new tasks per second.", QString::number(o.newPerSecond));
    const auto newMs =
        opt("new-task-ms", "steady: how long each new task runs.", QString::number(o.newTaskMs));
    const auto burst = opt("burst", "burst: tasks created at once.", QString::number(o.burstTasks));
    const auto burstTimeout = opt("burst-timeout", "burst: seconds to wait for all rows.",
                                  QString::number(o.burstTimeoutSeconds));
    const auto history =
        opt("history", "history: tasks in the collector.", QString::number(o.historyTasks));
    const auto historyPage = opt("history-page", "history: ReadPreviousTasks page size (1-1000).",
                                 QString::number(o.historyPageSize));
    const auto idle =
        opt("idle-seconds", "idle: measured seconds.", QString::number(o.idleSeconds));
    const auto idleTasks =
        opt("idle-tasks", "idle: finished tasks in recentTask.", QString::number(o.idleTasks));
    const auto interval = opt("baseline-interval", "baseline: poll interval in ms.",
                              QString::number(o.baselineIntervalMs));
    const auto concurrency = opt("baseline-concurrency", "baseline: requests in flight at most.",
                                 QString::number(o.baselineConcurrency));
    const auto recent =
        opt("engine-recent-ms", "engine: recentTask re-read interval in ms (0: app default).",
            QString::number(o.engineRecentMs));
    p.process(app);

    if (p.isSet(quick)) {
        o.steadySeconds = 8;
        o.warmupSeconds = 2;
        o.running = 200;
        o.newPerSecond = 10;
        o.burstTasks = 2000;
        o.burstTimeoutSeconds = 25;
        o.historyTasks = 10'000;
        o.idleSeconds = 5;
    }
    bool ok = true;
    const auto intOf = [&](const QCommandLineOption &option, int &target, int min) {
        if (!p.isSet(option))
            return;
        bool valid = false;
        const int v = p.value(option).toInt(&valid);
        if (!valid || v < min) {
            fprintf(stderr, "vtaskmon-bench: --%s needs an integer ≥ %d\n",
                    qPrintable(option.names().first()), min);
            ok = false;
            return;
        }
        target = v;
    };
    intOf(seconds, o.steadySeconds, 1);
    intOf(warmup, o.warmupSeconds, 0);
    intOf(running, o.running, 0);
    intOf(newMs, o.newTaskMs, 0);
    intOf(burst, o.burstTasks, 1);
    intOf(burstTimeout, o.burstTimeoutSeconds, 1);
    intOf(history, o.historyTasks, 1);
    intOf(historyPage, o.historyPageSize, 1);
    intOf(idle, o.idleSeconds, 1);
    intOf(idleTasks, o.idleTasks, 0);
    intOf(interval, o.baselineIntervalMs, 10);
    intOf(concurrency, o.baselineConcurrency, 1);
    intOf(recent, o.engineRecentMs, 0);
    if (p.isSet(rate)) {
        bool valid = false;
        o.newPerSecond = p.value(rate).toDouble(&valid);
        if (!valid || o.newPerSecond < 0) {
            fprintf(stderr, "vtaskmon-bench: --rate needs a number ≥ 0\n");
            ok = false;
        }
    }
    o.scenario = p.value(scenario);
    const QStringList known{QStringLiteral("steady"), QStringLiteral("burst"),
                            QStringLiteral("history"), QStringLiteral("idle"),
                            QStringLiteral("all")};
    if (!known.contains(o.scenario)) {
        fprintf(stderr, "vtaskmon-bench: unknown --scenario %s\n", qPrintable(o.scenario));
        ok = false;
    }
    o.json = p.isSet(json);
    o.runBaseline = !p.isSet(noBaseline);
    return ok;
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("vtaskmon-bench"));
    // The engine's and simulator's info logs would measure our terminal, not the client.
    QLoggingCategory::setFilterRules(QStringLiteral("*.info=false\n*.debug=false"));

    BenchOptions o;
    if (!parse(app, o))
        return 2;

    const auto wants = [&](const char *name) {
        return o.scenario == QLatin1String("all") || o.scenario == QLatin1String(name);
    };
    QJsonObject results;
    if (wants("steady"))
        results.insert(QStringLiteral("steady"), scenarios::steady(o));
    if (wants("burst"))
        results.insert(QStringLiteral("burst"), scenarios::burst(o));
    if (wants("history"))
        results.insert(QStringLiteral("history"), scenarios::history(o));
    if (wants("idle"))
        results.insert(QStringLiteral("idle"), scenarios::idle(o));
    results.insert(QStringLiteral("machine"), procstats::machine());
    results.insert(QStringLiteral("options"),
                   QJsonObject{{QStringLiteral("scenario"), o.scenario},
                               {QStringLiteral("steady_seconds"), o.steadySeconds},
                               {QStringLiteral("running"), o.running},
                               {QStringLiteral("rate"), o.newPerSecond},
                               {QStringLiteral("burst"), o.burstTasks},
                               {QStringLiteral("history"), o.historyTasks},
                               {QStringLiteral("history_page"), o.historyPageSize},
                               {QStringLiteral("idle_seconds"), o.idleSeconds},
                               {QStringLiteral("baseline"), o.runBaseline},
                               {QStringLiteral("baseline_interval_ms"), o.baselineIntervalMs},
                               {QStringLiteral("baseline_concurrency"), o.baselineConcurrency},
                               {QStringLiteral("engine_recent_ms"), o.engineRecentMs}});
    results.insert(QStringLiteral("finished_at"),
                   QDateTime::currentDateTimeUtc().toString(Qt::ISODate));

    const QByteArray json =
        QJsonDocument(results).toJson(o.json ? QJsonDocument::Compact : QJsonDocument::Indented);
    if (o.json) {
        fwrite(json.constData(), 1, size_t(json.size()), stdout);
        fputc('\n', stdout);
    } else {
        fputs(qPrintable(formatReport(results)), stdout);
        fputc('\n', stdout);
        fwrite(json.constData(), 1, size_t(json.size()), stdout);
    }
    return 0;
}
