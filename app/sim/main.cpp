// vtaskmon-sim: a simulated vCenter speaking VI/JSON, for demos, tests and benchmarks.

#include <simulator/simulator.h>

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QTextStream>

#include <functional>
#include <optional>
#include <vector>

namespace {

using Options = sim::SimulatorOptions;

/// A numeric option bound to one field of SimulatorOptions: it reads the field (for the
/// default shown in --help) and writes it.
struct NumericOption
{
    QCommandLineOption option;
    std::function<double(Options &, std::optional<double>)> access;
};

template<typename T>
std::function<double(Options &, std::optional<double>)> access(T Options::*member)
{
    return [member](Options &o, std::optional<double> v) {
        if (v)
            o.*member = T(*v);
        return double(o.*member);
    };
}

template<typename Group, typename T>
std::function<double(Options &, std::optional<double>)> access(Group Options::*group,
                                                               T Group::*member)
{
    return [group, member](Options &o, std::optional<double> v) {
        if (v)
            (o.*group).*member = T(*v);
        return double((o.*group).*member);
    };
}

NumericOption numeric(Options &defaults, const char *name, const char *valueName, const char *help,
                      std::function<double(Options &, std::optional<double>)> field)
{
    const QString text =
        QLatin1String(help) + QStringLiteral(" (default %1).").arg(field(defaults, std::nullopt));
    return {QCommandLineOption(QLatin1String(name), text, QLatin1String(valueName)),
            std::move(field)};
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("vtaskmon-sim"));
    QCoreApplication::setApplicationVersion(QStringLiteral(VTASKMON_VERSION));
    Options o;
    o.port = 8443;

    QCommandLineParser p;
    p.setApplicationDescription(QStringLiteral(
        "Simulated vCenter Server speaking the VI/JSON API (https://HOST:PORT/sdk/vim25/...)."));
    p.addHelpOption();
    p.addVersionOption();
    const QCommandLineOption bind(QStringLiteral("bind"),
                                  QStringLiteral("Address to listen on (default 127.0.0.1)."),
                                  QStringLiteral("address"), QStringLiteral("127.0.0.1"));
    const QCommandLineOption http(QStringLiteral("http"),
                                  QStringLiteral("Serve plain http instead of https."));
    const QCommandLineOption user(
        QStringLiteral("user"), QStringLiteral("Accepted user name (default %1).").arg(o.userName),
        QStringLiteral("name"), o.userName);
    const QCommandLineOption password(
        QStringLiteral("password"),
        QStringLiteral("Accepted password (default %1). alice@vsphere.local, bob@vsphere.local, "
                       "carol@corp.example.com and svc-backup@vsphere.local share it.")
            .arg(o.password),
        QStringLiteral("password"), o.password);
    const QCommandLineOption release(
        QStringLiteral("release"),
        QStringLiteral("Simulated API release: 8.0.1.0, 8.0.2.0 or 8.0.3.0 (default %1).")
            .arg(o.release),
        QStringLiteral("release"), o.release);
    const QCommandLineOption noHello(
        QStringLiteral("no-hello"),
        QStringLiteral("No /api/vcenter/system?action=hello (like vCenter 8.0 U1)."));
    const QCommandLineOption esxi(
        QStringLiteral("esxi"),
        QStringLiteral("ESXi host mode: apiType HostAgent, no task history collectors."));
    const QCommandLineOption lenient(
        QStringLiteral("lenient"),
        QStringLiteral("Accept nested request objects without _typeName."));
    const QCommandLineOption noWorkload(QStringLiteral("no-workload"),
                                        QStringLiteral("Generate no tasks."));
    const QCommandLineOption instanceUuid(
        QStringLiteral("instance-uuid"),
        QStringLiteral("about.instanceUuid (default: derived from --seed and --esxi)"),
        QStringLiteral("uuid"));
    for (const QCommandLineOption &opt :
         {bind, http, user, password, release, noHello, esxi, lenient, noWorkload, instanceUuid})
        p.addOption(opt);

    using W = Options::Workload;
    using I = Options::Inventory;
    using F = Options::Faults;
    const std::vector<NumericOption> numbers{
        numeric(o, "port", "port", "Port; 0 picks a free one and prints it",
                access(&Options::port)),
        numeric(o, "session-timeout", "seconds", "Idle session timeout in seconds; 0 = never",
                access(&Options::sessionIdleTimeoutSeconds)),
        numeric(o, "max-collector", "n", "TaskManager.maxCollector per session",
                access(&Options::maxCollectors)),
        numeric(o, "seed", "n", "Workload random seed", access(&Options::workload, &W::seed)),
        numeric(o, "rate", "n", "New tasks per second",
                access(&Options::workload, &W::tasksPerSecond)),
        numeric(o, "duration", "ms", "Median task duration in ms",
                access(&Options::workload, &W::medianDurationMs)),
        numeric(o, "failure-ratio", "0..1", "Share of tasks that fail",
                access(&Options::workload, &W::failureRatio)),
        numeric(o, "cancel-ratio", "0..1", "Share of tasks cancelled while running",
                access(&Options::workload, &W::cancelRatio)),
        numeric(o, "cancelable-share", "0..1", "Share of tasks that are cancelable",
                access(&Options::workload, &W::cancelableShare)),
        numeric(o, "history", "n", "Completed historical tasks created at start",
                access(&Options::workload, &W::historyTasks)),
        numeric(o, "first-task", "n", "Number of the first task key (task-<n>)",
                access(&Options::firstTaskId)),
        numeric(o, "datacenters", "n", "Datacenters", access(&Options::inventory, &I::datacenters)),
        numeric(o, "clusters", "n", "Clusters per datacenter",
                access(&Options::inventory, &I::clustersPerDatacenter)),
        numeric(o, "hosts", "n", "Hosts per cluster",
                access(&Options::inventory, &I::hostsPerCluster)),
        numeric(o, "vms", "n", "VMs per host", access(&Options::inventory, &I::vmsPerHost)),
        numeric(o, "datastores", "n", "Datastores per datacenter",
                access(&Options::inventory, &I::datastoresPerDatacenter)),
        numeric(o, "latency", "ms", "Added latency per response",
                access(&Options::faults, &F::latencyMs)),
        numeric(o, "jitter", "ms", "Random extra latency up to this",
                access(&Options::faults, &F::latencyJitterMs)),
        numeric(o, "error-rate", "0..1", "Share of requests answered with 500 SystemError",
                access(&Options::faults, &F::errorRate)),
        numeric(o, "drop-rate", "0..1", "Share of responses cut off by closing the connection",
                access(&Options::faults, &F::dropRate)),
    };
    for (const NumericOption &n : numbers)
        p.addOption(n.option);
    p.process(app);

    QTextStream out(stdout);
    QTextStream err(stderr);
    for (const NumericOption &n : numbers) {
        if (!p.isSet(n.option))
            continue;
        bool ok = false;
        const double v = p.value(n.option).toDouble(&ok);
        if (!ok || v < 0) {
            err << "vtaskmon-sim: invalid --" << n.option.names().first() << ' '
                << p.value(n.option) << '\n';
            return 2;
        }
        n.access(o, v);
    }
    o.address = QHostAddress(p.value(bind));
    if (o.address.isNull()) {
        err << "vtaskmon-sim: invalid --bind address\n";
        return 2;
    }
    o.https = !p.isSet(http);
    o.userName = p.value(user);
    o.password = p.value(password);
    o.release = p.value(release);
    if (!QStringList{QStringLiteral("8.0.1.0"), QStringLiteral("8.0.2.0"),
                     QStringLiteral("8.0.3.0")}
             .contains(o.release)) {
        err << "vtaskmon-sim: unsupported --release " << o.release
            << " (use 8.0.1.0, 8.0.2.0 or 8.0.3.0)\n";
        return 2;
    }
    o.hello = !p.isSet(noHello);
    o.esxi = p.isSet(esxi);
    o.strict = !p.isSet(lenient);
    o.workload.enabled = !p.isSet(noWorkload);
    o.instanceUuid = p.value(instanceUuid);

    sim::Simulator simulator(o);
    QString error;
    if (!simulator.start(&error)) {
        err << "vtaskmon-sim: " << error << '\n';
        return 1;
    }
    out << "vtaskmon-sim: simulated " << (o.esxi ? "ESXi host" : "vCenter Server") << " release "
        << o.release << '\n';
    out << "listening on " << simulator.baseUrl().toString() << "/sdk/vim25/" << o.release << '\n';
    out << "port " << simulator.port() << '\n';
    if (o.https)
        out << "certificate SHA-256 thumbprint " << simulator.thumbprint() << '\n';
    out << "login " << o.userName << '\n';
    out.flush();
    return app.exec();
}
