#include "scenarios.h"

#include "changelog.h"
#include "eventwait.h"
#include "latencyprobe.h"
#include "liveclient.h"
#include "loaddriver.h"
#include "procstats.h"
#include "samples.h"
#include "simhost.h"
#include "stallmeter.h"

#include <taskhistorymodel.h>

#include <QJsonArray>
#include <QMetaEnum>

#include <algorithm>

namespace scenarios {

namespace {

using Kind = LiveClient::Kind;

void progress(const QString &what)
{
    // stderr, so that `--json` output on stdout stays one clean object.
    fprintf(stderr, "bench: %s\n", qPrintable(what));
}

// Runs `f` in the driver's (simulator's) thread and waits for its result.
template<typename F>
auto inDriver(LoadDriver *driver, F f) -> decltype(f())
{
    decltype(f()) result{};
    QMetaObject::invokeMethod(
        driver, [&] { result = f(); }, Qt::BlockingQueuedConnection);
    return result;
}

// Counters read at the start and end of a measured window.
struct Counters
{
    quint64 requests = 0;
    quint64 bytes = 0;
    qint64 simRequests = 0;
    qint64 simBytes = 0;
    double threadCpu = 0;
    double processCpu = 0;
    double simCpu = 0;
    qint64 upserts = 0;
    qint64 ns = 0;

    static Counters take(const SimHost &host, const VimConnection &c, const LiveClient &client)
    {
        Counters k;
        k.requests = c.requestCount();
        k.bytes = c.bytesReceived();
        const sim::SimulatorStats s = host.simulator()->stats();
        k.simRequests = s.requests;
        k.simBytes = s.bytesSent;
        k.threadCpu = procstats::threadCpuSeconds();
        k.processCpu = procstats::processCpuSeconds();
        k.simCpu = host.simulatorCpuSeconds();
        k.upserts = client.upserts();
        k.ns = procstats::nowNs();
        return k;
    }
};

// The traffic and CPU keys shared by every live scenario, over the window [a, b].
void addTraffic(QJsonObject &out, const Counters &a, const Counters &b)
{
    const double seconds = double(b.ns - a.ns) / 1e9;
    const double perMin = seconds > 0 ? 60.0 / seconds : 0;
    out.insert(QStringLiteral("seconds"), round3(seconds));
    out.insert(QStringLiteral("requests"), double(b.requests - a.requests));
    out.insert(QStringLiteral("requests_per_min"),
               round3(double(b.requests - a.requests) * perMin));
    out.insert(QStringLiteral("bytes_per_min"), round3(double(b.bytes - a.bytes) * perMin));
    // The server's own count (includes headers) as a cross-check of the client's.
    out.insert(QStringLiteral("server_requests_per_min"),
               round3(double(b.simRequests - a.simRequests) * perMin));
    out.insert(QStringLiteral("server_bytes_per_min"),
               round3(double(b.simBytes - a.simBytes) * perMin));
    // cpu_s: the GUI/engine thread only (CLOCK_THREAD_CPUTIME_ID). client_process_cpu_s:
    // the whole process minus the simulator's thread, i.e. also Qt's network and TLS work
    // wherever Qt runs it.
    out.insert(QStringLiteral("cpu_s"), round3(b.threadCpu - a.threadCpu));
    out.insert(QStringLiteral("client_process_cpu_s"),
               round3((b.processCpu - a.processCpu) - (b.simCpu - a.simCpu)));
    out.insert(QStringLiteral("simulator_cpu_s"), round3(b.simCpu - a.simCpu));
}

struct Phase
{
    explicit Phase(const sim::SimulatorOptions &options)
        : host(options)
    {}
    // Declared before the host, so it outlives the simulator whose signals write into it.
    ChangeLog log;
    SimHost host;
    LoadDriver *driver = nullptr;
    std::unique_ptr<VimConnection> connection;

    bool open()
    {
        if (!host.started()) {
            progress(QStringLiteral("simulator did not start: ") + host.error());
            return false;
        }
        log.attach(host.simulator());
        // Parented to the simulator: it is destroyed with it, in the simulator's thread.
        driver = new LoadDriver(host.simulator());
        driver->moveToThread(host.thread());
        QMetaObject::invokeMethod(
            driver, [d = driver, s = host.simulator()] { d->setParent(s); },
            Qt::BlockingQueuedConnection);
        return true;
    }
    bool connect()
    {
        connection = host.connect();
        return connection != nullptr;
    }
};

QJsonObject failure(const QString &message)
{
    progress(message);
    return {{QStringLiteral("error"), message}};
}

// ---- steady ---------------------------------------------------------------------------

QJsonObject steadyPhase(const BenchOptions &o, Kind kind)
{
    progress(QStringLiteral("steady/%1: %2 running tasks, %3 new/s, %4 s")
                 .arg(LiveClient::name(kind))
                 .arg(o.running)
                 .arg(o.newPerSecond)
                 .arg(o.steadySeconds));
    Phase p(SimHost::quietOptions());
    if (!p.open())
        return failure(QStringLiteral("simulator did not start"));
    const QStringList running =
        inDriver(p.driver, [&] { return p.driver->createRunning(o.running); });
    if (!p.connect())
        return failure(QStringLiteral("no connection"));

    LiveClient client(kind, p.connection.get(), o.baselineIntervalMs, o.baselineConcurrency,
                      o.engineRecentMs);
    LatencyProbe probe(&client.model(), &p.log);
    StallMeter stalls;
    client.start();
    const bool seen = waitFor(
        [&] {
            return std::all_of(running.cbegin(), running.cend(),
                               [&](const QString &k) { return client.model().rowOf(k) >= 0; });
        },
        60'000);
    if (!seen)
        return failure(QStringLiteral("steady/%1: the running tasks never all reached the model")
                           .arg(LiveClient::name(kind)));

    const QStringList keys = running;
    QMetaObject::invokeMethod(
        p.driver, [&p, keys, o] { p.driver->startSteady(keys, o.newPerSecond, o.newTaskMs); },
        Qt::BlockingQueuedConnection);
    spin(o.warmupSeconds * 1000);

    p.log.clear();
    p.log.setRecording(true);
    probe.clear();
    probe.setEnabled(true);
    const bool peakReset = procstats::resetPeakRss();
    const qint64 offered0 = p.driver->progressUpdates();
    const qint64 arrivals0 = p.driver->arrivals();
    stalls.start();
    const Counters a = Counters::take(p.host, *p.connection, client);
    spin(o.steadySeconds * 1000);
    const Counters b = Counters::take(p.host, *p.connection, client);
    const qint64 offered = p.driver->progressUpdates() - offered0;
    const qint64 arrivals = p.driver->arrivals() - arrivals0;
    // Changes made near the end are still on their way: keep matching them for a while,
    // but record nothing new, so slow clients are not flattered by a cut-off tail.
    p.log.setRecording(false);
    spin(2000 + o.baselineIntervalMs);
    stalls.stop();
    probe.setEnabled(false);
    const qint64 peakRss = procstats::peakRssKib();
    QMetaObject::invokeMethod(
        p.driver, [&p] { p.driver->stopSteady(); }, Qt::BlockingQueuedConnection);
    const QString mode = client.mode();
    client.stop();

    const double seconds = double(b.ns - a.ns) / 1e9;
    const Percentiles lat = Percentiles::of(probe.progressLatencies());
    QJsonObject out;
    out.insert(QStringLiteral("latency_ms"), lat.toJson());
    out.insert(QStringLiteral("insert_latency_ms"),
               Percentiles::of(probe.insertLatencies()).toJson());
    out.insert(QStringLiteral("changes_per_s"), round3(double(b.upserts - a.upserts) / seconds));
    out.insert(QStringLiteral("offered_progress_changes_per_s"), round3(double(offered) / seconds));
    out.insert(QStringLiteral("seen_progress_changes_per_s"), round3(double(lat.count) / seconds));
    // Progress values the model never showed (overwritten before the client looked).
    out.insert(QStringLiteral("missed_progress_changes"),
               double(qMax<qint64>(0, offered - lat.count)));
    out.insert(QStringLiteral("new_tasks"), double(arrivals));
    addTraffic(out, a, b);
    out.insert(QStringLiteral("peak_rss_kib"), double(peakRss));
    out.insert(QStringLiteral("peak_rss_reset"), peakReset);
    out.insert(QStringLiteral("stall_ms"), Percentiles::of(stalls.gaps()).toJson());
    out.insert(QStringLiteral("rows"), client.model().rowCount());
    out.insert(QStringLiteral("mode"), mode);
    return out;
}

// ---- burst ----------------------------------------------------------------------------

QJsonObject burstPhase(const BenchOptions &o, Kind kind)
{
    progress(
        QStringLiteral("burst/%1: %2 tasks at once").arg(LiveClient::name(kind)).arg(o.burstTasks));
    Phase p(SimHost::quietOptions());
    if (!p.open() || !p.connect())
        return failure(QStringLiteral("burst: no simulator or connection"));
    LiveClient client(kind, p.connection.get(), o.baselineIntervalMs, o.baselineConcurrency,
                      o.engineRecentMs);
    LatencyProbe probe(&client.model(), &p.log);
    StallMeter stalls;
    client.start();
    if (!waitFor([&] { return client.isSynchronized(); }, 30'000))
        return failure(QStringLiteral("burst: client never synchronized"));
    spin(500);

    // The simulator holds nothing but the burst, so every row is one of its tasks.
    qint64 allSeenNs = 0;
    QObject::connect(&client.model(), &QAbstractItemModel::rowsInserted, &client.model(), [&] {
        if (allSeenNs == 0 && client.model().rowCount() >= o.burstTasks)
            allSeenNs = procstats::nowNs();
    });
    p.log.setRecording(true);
    probe.setEnabled(true);
    procstats::resetPeakRss();
    stalls.start();
    const Counters a = Counters::take(p.host, *p.connection, client);
    // Queued, not blocking: the client's event loop must keep running while the
    // simulator creates the tasks, or the stall meter would measure our own wait.
    LoadDriver *driver = p.driver;
    const int n = o.burstTasks;
    QMetaObject::invokeMethod(
        driver, [driver, n] { driver->createQueued(n); }, Qt::QueuedConnection);
    const bool all = waitFor([&] { return allSeenNs != 0; }, o.burstTimeoutSeconds * 1000);
    const Counters b = Counters::take(p.host, *p.connection, client);
    stalls.stop();
    probe.setEnabled(false);
    const qint64 peakRss = procstats::peakRssKib();
    const QString mode = client.mode();
    client.stop();
    waitFor([&] { return driver->burstEndNs() != 0; }, 30'000);

    const Percentiles gaps = Percentiles::of(stalls.gaps());
    QJsonObject out;
    out.insert(QStringLiteral("tasks"), o.burstTasks);
    out.insert(QStringLiteral("rows_seen"), client.model().rowCount());
    out.insert(QStringLiteral("all_visible"), all);
    // From the first createTask to the rowsInserted that completed the set; a timeout
    // reports the timeout, so a miss never looks like a fast result.
    const qint64 start = driver->burstStartNs();
    out.insert(QStringLiteral("all_visible_s"),
               round3(all ? double(allSeenNs - start) / 1e9 : double(o.burstTimeoutSeconds)));
    out.insert(QStringLiteral("simulator_create_s"),
               round3(double(driver->burstEndNs() - start) / 1e9));
    out.insert(QStringLiteral("stall_ms"),
               QJsonObject{{QStringLiteral("p99"), round3(gaps.p99)},
                           {QStringLiteral("max"), round3(gaps.max)},
                           {QStringLiteral("p50"), round3(gaps.p50)},
                           {QStringLiteral("samples"), double(gaps.count)}});
    out.insert(QStringLiteral("insert_latency_ms"),
               Percentiles::of(probe.insertLatencies()).toJson());
    addTraffic(out, a, b);
    out.insert(QStringLiteral("peak_rss_kib"), double(peakRss));
    out.insert(QStringLiteral("mode"), mode);
    return out;
}

// ---- idle -----------------------------------------------------------------------------

QJsonObject idlePhase(const BenchOptions &o, Kind kind)
{
    progress(QStringLiteral("idle/%1: %2 s, %3 finished tasks")
                 .arg(LiveClient::name(kind))
                 .arg(o.idleSeconds)
                 .arg(o.idleTasks));
    Phase p(SimHost::quietOptions());
    if (!p.open())
        return failure(QStringLiteral("idle: simulator did not start"));
    inDriver(p.driver, [&] { return p.driver->createFinished(o.idleTasks); });
    if (!p.connect())
        return failure(QStringLiteral("idle: no connection"));
    LiveClient client(kind, p.connection.get(), o.baselineIntervalMs, o.baselineConcurrency,
                      o.engineRecentMs);
    client.start();
    if (!waitFor([&] { return client.isSynchronized(); }, 30'000))
        return failure(QStringLiteral("idle: client never synchronized"));
    // Let start-up traffic (description, collector, filters, first reads) settle.
    spin(2000);
    const Counters a = Counters::take(p.host, *p.connection, client);
    spin(o.idleSeconds * 1000);
    const Counters b = Counters::take(p.host, *p.connection, client);
    const QString mode = client.mode();
    client.stop();
    QJsonObject out;
    addTraffic(out, a, b);
    out.insert(QStringLiteral("seconds"), o.idleSeconds);
    out.insert(QStringLiteral("rows"), client.model().rowCount());
    out.insert(QStringLiteral("mode"), mode);
    return out;
}

// `"latency_ms.p50"` reads o["latency_ms"]["p50"].
double number(const QJsonObject &o, const QString &path)
{
    QJsonValue v = o;
    for (const QString &part : path.split(QLatin1Char('.')))
        v = v.toObject().value(part);
    return v.toDouble();
}

// {name: engine[path] / baseline[path]} for each (name, path).
QJsonObject ratios(const QJsonObject &engine, const QJsonObject &baseline,
                   std::initializer_list<std::pair<const char *, const char *>> keys)
{
    QJsonObject out;
    for (const auto &[name, path] : keys) {
        const QString p = QString::fromLatin1(path);
        out.insert(QString::fromLatin1(name), ratio(number(engine, p), number(baseline, p)));
    }
    return out;
}

} // namespace

QJsonObject steady(const BenchOptions &o)
{
    const QJsonObject engine = steadyPhase(o, Kind::Engine);
    QJsonObject out{{QStringLiteral("engine"), engine}};
    if (o.runBaseline) {
        const QJsonObject baseline = steadyPhase(o, Kind::Baseline);
        out.insert(QStringLiteral("baseline"), baseline);
        out.insert(QStringLiteral("ratio"), ratios(engine, baseline,
                                                   {{"latency_p50", "latency_ms.p50"},
                                                    {"latency_p95", "latency_ms.p95"},
                                                    {"latency_p99", "latency_ms.p99"},
                                                    {"changes_per_s", "changes_per_s"},
                                                    {"requests_per_min", "requests_per_min"},
                                                    {"bytes_per_min", "bytes_per_min"},
                                                    {"cpu_s", "cpu_s"},
                                                    {"peak_rss_kib", "peak_rss_kib"}}));
    }
    return out;
}

QJsonObject burst(const BenchOptions &o)
{
    // The engine's figures sit at the top level (the documented shape); the baseline's
    // beside them under "baseline".
    QJsonObject out = burstPhase(o, Kind::Engine);
    if (o.runBaseline) {
        const QJsonObject baseline = burstPhase(o, Kind::Baseline);
        out.insert(QStringLiteral("baseline"), baseline);
        out.insert(QStringLiteral("ratio"), ratios(out, baseline,
                                                   {{"all_visible_s", "all_visible_s"},
                                                    {"stall_max", "stall_ms.max"},
                                                    {"requests", "requests"}}));
    }
    return out;
}

QJsonObject history(const BenchOptions &o)
{
    progress(
        QStringLiteral("history: %1 tasks, page %2").arg(o.historyTasks).arg(o.historyPageSize));
    sim::SimulatorOptions so = SimHost::quietOptions();
    so.workload.historyTasks = o.historyTasks;
    so.maxTasks = qMax(so.maxTasks, o.historyTasks + 1000);
    SimHost host(so);
    if (!host.started())
        return failure(QStringLiteral("history: simulator did not start"));
    const std::unique_ptr<VimConnection> connection = host.connect();
    if (!connection)
        return failure(QStringLiteral("history: no connection"));

    const qint64 rssBefore = procstats::rssKib();
    auto model = std::make_unique<TaskHistoryModel>(connection.get());
    model->setPageSize(o.historyPageSize);
    bool done = false;
    QObject::connect(model.get(), &TaskHistoryModel::statusChanged, model.get(),
                     [&, m = model.get()](TaskHistoryModel::Status s) {
                         if (s == TaskHistoryModel::Status::Ready)
                             // Queued: fetchMore from inside the model's own signal would
                             // re-enter it; a view does the same from its next paint.
                             QMetaObject::invokeMethod(
                                 m, [m] { m->fetchMore({}); }, Qt::QueuedConnection);
                         else if (s != TaskHistoryModel::Status::Loading)
                             done = true;
                     });
    vim::TaskFilterSpec filter;
    filter.entity = vim::TaskFilterSpecByEntity{connection->serviceContent().rootFolder,
                                                vim::TaskFilterSpecRecursionOption::Value::All};
    const quint64 req0 = connection->requestCount();
    const quint64 bytes0 = connection->bytesReceived();
    const double cpu0 = procstats::threadCpuSeconds();
    const qint64 t0 = procstats::nowNs();
    model->setFilter(filter);
    waitFor([&] { return done; }, o.historyTimeoutSeconds * 1000);
    const qint64 t1 = procstats::nowNs();
    const double cpu = procstats::threadCpuSeconds() - cpu0;
    const qint64 rssAfter = procstats::rssKib();
    const int rows = model->rowCount();
    const double seconds = double(t1 - t0) / 1e9;
    const QString status = QString::fromLatin1(
        QMetaEnum::fromType<TaskHistoryModel::Status>().valueToKey(int(model->status())));

    QJsonObject out;
    out.insert(QStringLiteral("tasks"), rows);
    out.insert(QStringLiteral("seeded"), o.historyTasks);
    out.insert(QStringLiteral("page_size"), o.historyPageSize);
    out.insert(QStringLiteral("status"), status);
    out.insert(QStringLiteral("seconds"), round3(seconds));
    out.insert(QStringLiteral("tasks_per_s"), round3(seconds > 0 ? rows / seconds : 0));
    out.insert(QStringLiteral("cpu_s"), round3(cpu));
    out.insert(QStringLiteral("requests"), double(connection->requestCount() - req0));
    out.insert(QStringLiteral("bytes"), double(connection->bytesReceived() - bytes0));
    // RSS growth of the whole process while the model filled, per row: the rows dominate,
    // but freed response buffers the allocator keeps count too, so this is an upper bound.
    out.insert(QStringLiteral("rss_growth_kib"), double(rssAfter - rssBefore));
    out.insert(QStringLiteral("rss_per_row_bytes"),
               round3(rows > 0 ? double(rssAfter - rssBefore) * 1024.0 / rows : 0));
    model.reset();
    return out;
}

QJsonObject idle(const BenchOptions &o)
{
    QJsonObject out = idlePhase(o, Kind::Engine);
    if (o.runBaseline) {
        const QJsonObject baseline = idlePhase(o, Kind::Baseline);
        out.insert(QStringLiteral("baseline"), baseline);
        out.insert(QStringLiteral("ratio"), ratios(out, baseline,
                                                   {{"requests_per_min", "requests_per_min"},
                                                    {"bytes_per_min", "bytes_per_min"}}));
    }
    return out;
}

} // namespace scenarios
