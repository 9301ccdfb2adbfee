// vtaskmon-sim: a simulated vCenter speaking VI/JSON, for demos, tests and benchmarks.

#include <simulator/simulator.h>

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QTextStream>

namespace {

struct Option
{
    QCommandLineOption option;
    bool isSet(const QCommandLineParser &p) const { return p.isSet(option); }
};

double number(const QCommandLineParser &p, const QCommandLineOption &o, double fallback)
{
    bool ok = false;
    const double v = p.value(o).toDouble(&ok);
    return p.isSet(o) && ok ? v : fallback;
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("vtaskmon-sim"));
    QCoreApplication::setApplicationVersion(QStringLiteral(VTASKMON_VERSION));
    const sim::SimulatorOptions d;

    QCommandLineParser p;
    p.setApplicationDescription(QStringLiteral(
        "Simulated vCenter Server speaking the VI/JSON API (https://HOST:PORT/sdk/vim25/...)."));
    p.addHelpOption();
    p.addVersionOption();
    const QCommandLineOption bind(QStringLiteral("bind"),
                                  QStringLiteral("Address to listen on (default 127.0.0.1)."),
                                  QStringLiteral("address"), QStringLiteral("127.0.0.1"));
    const QCommandLineOption port(
        QStringLiteral("port"),
        QStringLiteral("Port; 0 picks a free one and prints it (default 8443)."),
        QStringLiteral("port"), QStringLiteral("8443"));
    const QCommandLineOption http(QStringLiteral("http"),
                                  QStringLiteral("Serve plain http instead of https."));
    const QCommandLineOption user(
        QStringLiteral("user"), QStringLiteral("Accepted user name (default %1).").arg(d.userName),
        QStringLiteral("name"), d.userName);
    const QCommandLineOption password(
        QStringLiteral("password"),
        QStringLiteral(
            "Accepted password (default %1). The users alice@vsphere.local, bob@vsphere.local, "
            "carol@corp.example.com and svc-backup@vsphere.local share it.")
            .arg(d.password),
        QStringLiteral("password"), d.password);
    const QCommandLineOption release(
        QStringLiteral("release"),
        QStringLiteral("Simulated API release: 8.0.1.0, 8.0.2.0 or 8.0.3.0 (default %1).")
            .arg(d.release),
        QStringLiteral("release"), d.release);
    const QCommandLineOption noHello(
        QStringLiteral("no-hello"),
        QStringLiteral("No /api/vcenter/system?action=hello (like vCenter 8.0 U1)."));
    const QCommandLineOption esxi(
        QStringLiteral("esxi"),
        QStringLiteral("ESXi host mode: apiType HostAgent, no task history collectors."));
    const QCommandLineOption lenient(
        QStringLiteral("lenient"),
        QStringLiteral("Accept nested request objects without _typeName."));
    const QCommandLineOption timeout(
        QStringLiteral("session-timeout"),
        QStringLiteral("Idle session timeout in seconds (default %1; 0 = never).")
            .arg(d.sessionIdleTimeoutSeconds),
        QStringLiteral("seconds"));
    const QCommandLineOption seed(
        QStringLiteral("seed"),
        QStringLiteral("Workload random seed (default %1).").arg(d.workload.seed),
        QStringLiteral("n"));
    const QCommandLineOption rate(
        QStringLiteral("rate"),
        QStringLiteral("New tasks per second (default %1).").arg(d.workload.tasksPerSecond),
        QStringLiteral("n"));
    const QCommandLineOption duration(
        QStringLiteral("duration"),
        QStringLiteral("Median task duration in ms (default %1).").arg(d.workload.medianDurationMs),
        QStringLiteral("ms"));
    const QCommandLineOption failures(
        QStringLiteral("failure-ratio"),
        QStringLiteral("Share of tasks that fail (default %1).").arg(d.workload.failureRatio),
        QStringLiteral("0..1"));
    const QCommandLineOption cancels(
        QStringLiteral("cancel-ratio"),
        QStringLiteral("Share of tasks cancelled while running (default %1).")
            .arg(d.workload.cancelRatio),
        QStringLiteral("0..1"));
    const QCommandLineOption cancelable(
        QStringLiteral("cancelable-share"),
        QStringLiteral("Share of tasks that are cancelable (default %1).")
            .arg(d.workload.cancelableShare),
        QStringLiteral("0..1"));
    const QCommandLineOption noWorkload(QStringLiteral("no-workload"),
                                        QStringLiteral("Generate no tasks."));
    const QCommandLineOption history(QStringLiteral("history"),
                                     QStringLiteral("Pre-seed N completed historical tasks."),
                                     QStringLiteral("n"));
    const QCommandLineOption datacenters(
        QStringLiteral("datacenters"),
        QStringLiteral("Datacenters (default %1).").arg(d.inventory.datacenters),
        QStringLiteral("n"));
    const QCommandLineOption clusters(QStringLiteral("clusters"),
                                      QStringLiteral("Clusters per datacenter (default %1).")
                                          .arg(d.inventory.clustersPerDatacenter),
                                      QStringLiteral("n"));
    const QCommandLineOption hosts(
        QStringLiteral("hosts"),
        QStringLiteral("Hosts per cluster (default %1).").arg(d.inventory.hostsPerCluster),
        QStringLiteral("n"));
    const QCommandLineOption vms(
        QStringLiteral("vms"),
        QStringLiteral("VMs per host (default %1).").arg(d.inventory.vmsPerHost),
        QStringLiteral("n"));
    const QCommandLineOption datastores(QStringLiteral("datastores"),
                                        QStringLiteral("Datastores per datacenter (default %1).")
                                            .arg(d.inventory.datastoresPerDatacenter),
                                        QStringLiteral("n"));
    const QCommandLineOption maxCollector(
        QStringLiteral("max-collector"),
        QStringLiteral("TaskManager.maxCollector per session (default %1).").arg(d.maxCollectors),
        QStringLiteral("n"));
    const QCommandLineOption latency(QStringLiteral("latency"),
                                     QStringLiteral("Added latency per response in ms."),
                                     QStringLiteral("ms"));
    const QCommandLineOption jitter(QStringLiteral("jitter"),
                                    QStringLiteral("Random extra latency up to this many ms."),
                                    QStringLiteral("ms"));
    const QCommandLineOption errorRate(
        QStringLiteral("error-rate"),
        QStringLiteral("Share of requests answered with 500 SystemError."), QStringLiteral("0..1"));
    const QCommandLineOption dropRate(
        QStringLiteral("drop-rate"),
        QStringLiteral("Share of responses cut off by closing the connection."),
        QStringLiteral("0..1"));
    for (const QCommandLineOption &o :
         {bind,    port,       http,         user,    password,    release,   noHello,
          esxi,    lenient,    timeout,      seed,    rate,        duration,  failures,
          cancels, cancelable, noWorkload,   history, datacenters, clusters,  hosts,
          vms,     datastores, maxCollector, latency, jitter,      errorRate, dropRate})
        p.addOption(o);
    p.process(app);

    QTextStream out(stdout);
    QTextStream err(stderr);
    sim::SimulatorOptions o;
    o.address = QHostAddress(p.value(bind));
    if (o.address.isNull()) {
        err << "invalid --bind address\n";
        return 2;
    }
    o.port = quint16(number(p, port, 8443));
    o.https = !p.isSet(http);
    o.userName = p.value(user);
    o.password = p.value(password);
    o.release = p.value(release);
    if (!QStringList{QStringLiteral("8.0.1.0"), QStringLiteral("8.0.2.0"),
                     QStringLiteral("8.0.3.0")}
             .contains(o.release)) {
        err << "unsupported --release " << o.release << " (use 8.0.1.0, 8.0.2.0 or 8.0.3.0)\n";
        return 2;
    }
    o.hello = !p.isSet(noHello);
    o.esxi = p.isSet(esxi);
    o.strict = !p.isSet(lenient);
    o.sessionIdleTimeoutSeconds = int(number(p, timeout, o.sessionIdleTimeoutSeconds));
    o.maxCollectors = int(number(p, maxCollector, o.maxCollectors));
    auto &w = o.workload;
    w.enabled = !p.isSet(noWorkload);
    w.seed = quint32(number(p, seed, w.seed));
    w.tasksPerSecond = number(p, rate, w.tasksPerSecond);
    w.medianDurationMs = int(number(p, duration, w.medianDurationMs));
    w.failureRatio = number(p, failures, w.failureRatio);
    w.cancelRatio = number(p, cancels, w.cancelRatio);
    w.cancelableShare = number(p, cancelable, w.cancelableShare);
    w.historyTasks = int(number(p, history, 0));
    auto &inv = o.inventory;
    inv.datacenters = int(number(p, datacenters, inv.datacenters));
    inv.clustersPerDatacenter = int(number(p, clusters, inv.clustersPerDatacenter));
    inv.hostsPerCluster = int(number(p, hosts, inv.hostsPerCluster));
    inv.vmsPerHost = int(number(p, vms, inv.vmsPerHost));
    inv.datastoresPerDatacenter = int(number(p, datastores, inv.datastoresPerDatacenter));
    o.faults.latencyMs = int(number(p, latency, 0));
    o.faults.latencyJitterMs = int(number(p, jitter, 0));
    o.faults.errorRate = number(p, errorRate, 0);
    o.faults.dropRate = number(p, dropRate, 0);

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
