#include "report.h"

#include <QJsonArray>
#include <QStringList>

namespace {

double num(const QJsonObject &o, const QString &path)
{
    // "a.b.c" into nested objects; a missing key reads as NaN so it shows as "–".
    QJsonValue v = o;
    for (const QString &part : path.split(QLatin1Char('.'))) {
        if (!v.isObject())
            return qQNaN();
        v = v.toObject().value(part);
    }
    return v.isDouble() ? v.toDouble() : qQNaN();
}

QString fmt(double v, int decimals = 1)
{
    if (qIsNaN(v))
        return QStringLiteral("–");
    return QString::number(v, 'f', decimals);
}

QString verdict(double v, double limit, bool lowerIsBetter = true)
{
    if (qIsNaN(v))
        return QStringLiteral("no data");
    const bool met = lowerIsBetter ? v <= limit : v >= limit;
    return met ? QStringLiteral("met") : QStringLiteral("**missed**");
}

QString row(const QStringList &cells)
{
    return QStringLiteral("| ") + cells.join(QStringLiteral(" | ")) + QStringLiteral(" |\n");
}

} // namespace

QString formatReport(const QJsonObject &r)
{
    QString out;
    const QJsonObject m = r.value(QStringLiteral("machine")).toObject();
    out += QStringLiteral("Machine: %1 × %2, %3 MiB RAM, Qt %4, load average at the end %5\n\n")
               .arg(m.value(QStringLiteral("nproc")).toInt())
               .arg(m.value(QStringLiteral("cpu")).toString())
               .arg(m.value(QStringLiteral("ram_mib")).toDouble())
               .arg(m.value(QStringLiteral("qt")).toString(),
                    m.value(QStringLiteral("loadavg")).toString());

    if (r.contains(QStringLiteral("steady"))) {
        const QJsonObject s = r.value(QStringLiteral("steady")).toObject();
        out += QStringLiteral("### steady\n\n");
        out += row({QStringLiteral("figure"), QStringLiteral("engine"), QStringLiteral("baseline"),
                    QStringLiteral("engine / baseline")});
        out += row({QStringLiteral("---"), QStringLiteral("---:"), QStringLiteral("---:"),
                    QStringLiteral("---:")});
        struct Line
        {
            const char *label;
            const char *key;
            int decimals;
        };
        const Line lines[] = {
            {"latency p50 (ms)", "latency_ms.p50", 1},
            {"latency p95 (ms)", "latency_ms.p95", 1},
            {"latency p99 (ms)", "latency_ms.p99", 1},
            {"latency max (ms)", "latency_ms.max", 1},
            {"new-task insert latency p50 (ms)", "insert_latency_ms.p50", 1},
            {"changes applied / s", "changes_per_s", 1},
            {"progress changes offered / s", "offered_progress_changes_per_s", 1},
            {"progress changes seen / s", "seen_progress_changes_per_s", 1},
            {"progress changes never shown", "missed_progress_changes", 0},
            {"HTTP requests / min", "requests_per_min", 0},
            {"bytes received / min", "bytes_per_min", 0},
            {"engine-thread CPU (s)", "cpu_s", 2},
            {"client CPU, all threads (s)", "client_process_cpu_s", 2},
            {"simulator CPU (s)", "simulator_cpu_s", 2},
            {"event-loop gap max (ms)", "stall_ms.max", 1},
            {"peak RSS (KiB, whole process)", "peak_rss_kib", 0},
        };
        for (const Line &l : lines) {
            const QString key = QString::fromLatin1(l.key);
            const double e = num(s, QStringLiteral("engine.") + key);
            const double b = num(s, QStringLiteral("baseline.") + key);
            out += row({QString::fromLatin1(l.label), fmt(e, l.decimals), fmt(b, l.decimals),
                        (qIsNaN(b) || b == 0) ? QStringLiteral("–") : fmt(e / b, 3)});
        }
        out += QLatin1Char('\n');
    }
    if (r.contains(QStringLiteral("burst"))) {
        const QJsonObject b = r.value(QStringLiteral("burst")).toObject();
        out += QStringLiteral("### burst (%1 tasks at once)\n\n")
                   .arg(b.value(QStringLiteral("tasks")).toInt());
        out +=
            row({QStringLiteral("figure"), QStringLiteral("engine"), QStringLiteral("baseline")});
        out += row({QStringLiteral("---"), QStringLiteral("---:"), QStringLiteral("---:")});
        struct Line
        {
            const char *label;
            const char *key;
            int decimals;
        };
        const Line lines[] = {
            {"all rows visible after (s)", "all_visible_s", 2},
            {"rows seen", "rows_seen", 0},
            {"row insert latency p50 (ms)", "insert_latency_ms.p50", 0},
            {"event-loop gap p99 (ms)", "stall_ms.p99", 1},
            {"event-loop gap max (ms)", "stall_ms.max", 1},
            {"HTTP requests", "requests", 0},
            {"engine-thread CPU (s)", "cpu_s", 2},
        };
        for (const Line &l : lines) {
            const QString key = QString::fromLatin1(l.key);
            out += row({QString::fromLatin1(l.label), fmt(num(b, key), l.decimals),
                        fmt(num(b, QStringLiteral("baseline.") + key), l.decimals)});
        }
        out += QLatin1Char('\n');
    }
    if (r.contains(QStringLiteral("history"))) {
        const QJsonObject h = r.value(QStringLiteral("history")).toObject();
        out += QStringLiteral("### history\n\n");
        out += row({QStringLiteral("figure"), QStringLiteral("value")});
        out += row({QStringLiteral("---"), QStringLiteral("---:")});
        out += row({QStringLiteral("tasks read (status %1)")
                        .arg(h.value(QStringLiteral("status")).toString()),
                    fmt(num(h, QStringLiteral("tasks")), 0)});
        out += row({QStringLiteral("page size"), fmt(num(h, QStringLiteral("page_size")), 0)});
        out += row({QStringLiteral("seconds"), fmt(num(h, QStringLiteral("seconds")), 2)});
        out += row(
            {QStringLiteral("tasks decoded / s"), fmt(num(h, QStringLiteral("tasks_per_s")), 0)});
        out +=
            row({QStringLiteral("client-thread CPU (s)"), fmt(num(h, QStringLiteral("cpu_s")), 2)});
        out += row({QStringLiteral("RSS per row (bytes)"),
                    fmt(num(h, QStringLiteral("rss_per_row_bytes")), 0)});
        out += QLatin1Char('\n');
    }
    if (r.contains(QStringLiteral("idle"))) {
        const QJsonObject i = r.value(QStringLiteral("idle")).toObject();
        out +=
            QStringLiteral("### idle (%1 s)\n\n").arg(i.value(QStringLiteral("seconds")).toInt());
        out +=
            row({QStringLiteral("figure"), QStringLiteral("engine"), QStringLiteral("baseline")});
        out += row({QStringLiteral("---"), QStringLiteral("---:"), QStringLiteral("---:")});
        out += row({QStringLiteral("HTTP requests / min"),
                    fmt(num(i, QStringLiteral("requests_per_min")), 1),
                    fmt(num(i, QStringLiteral("baseline.requests_per_min")), 1)});
        out += row({QStringLiteral("bytes received / min"),
                    fmt(num(i, QStringLiteral("bytes_per_min")), 0),
                    fmt(num(i, QStringLiteral("baseline.bytes_per_min")), 0)});
        out += QLatin1Char('\n');
    }

    // The targets of issue 6, in the order it lists them.
    out += QStringLiteral("### targets\n\n");
    // They are stated for the default sizes; smaller runs pay fixed costs over fewer tasks.
    if (num(r, QStringLiteral("options.running")) != 500 ||
        num(r, QStringLiteral("options.rate")) != 20 ||
        num(r, QStringLiteral("options.burst")) != 10'000 ||
        num(r, QStringLiteral("options.history")) != 100'000 ||
        num(r, QStringLiteral("options.idle_seconds")) < 60)
        out += QStringLiteral("Sizes differ from the ones the targets are set for (`--quick` or "
                              "options): the verdicts below are indicative only.\n\n");
    out += row({QStringLiteral("target"), QStringLiteral("measured"), QStringLiteral("verdict")});
    out += row({QStringLiteral("---"), QStringLiteral("---:"), QStringLiteral("---")});
    // No samples or a zero ratio means "no data", never "met".
    const bool haveLatency = num(r, QStringLiteral("steady.engine.latency_ms.count")) > 0;
    const auto orNaN = [](double v, bool valid) {
        return valid && v > 0 ? v : qQNaN();
    };
    const double p50 = orNaN(num(r, QStringLiteral("steady.engine.latency_ms.p50")), haveLatency);
    const double p99 = orNaN(num(r, QStringLiteral("steady.engine.latency_ms.p99")), haveLatency);
    const double latRatio = orNaN(num(r, QStringLiteral("steady.ratio.latency_p50")), haveLatency);
    const double reqRatio = orNaN(num(r, QStringLiteral("steady.ratio.requests_per_min")), true);
    const double visible = num(r, QStringLiteral("burst.all_visible_s"));
    const double stall = num(r, QStringLiteral("burst.stall_ms.max"));
    out += row({QStringLiteral("steady p50 ≤ 20 ms"), fmt(p50), verdict(p50, 20)});
    out += row({QStringLiteral("steady p99 ≤ 100 ms"), fmt(p99), verdict(p99, 100)});
    out += row({QStringLiteral("p50 ≥ 10× lower than baseline"),
                qIsNaN(latRatio) || latRatio == 0 ? QStringLiteral("–")
                                                  : fmt(1 / latRatio) + QStringLiteral("×"),
                verdict(latRatio, 0.1)});
    out += row({QStringLiteral("requests/min ≥ 10× fewer than baseline"),
                qIsNaN(reqRatio) || reqRatio == 0 ? QStringLiteral("–")
                                                  : fmt(1 / reqRatio) + QStringLiteral("×"),
                verdict(reqRatio, 0.1)});
    out += row({QStringLiteral("burst: all rows within 2 s"),
                fmt(visible, 2) + QStringLiteral(" s"), verdict(visible, 2)});
    out += row({QStringLiteral("burst: no stall over 50 ms"), fmt(stall) + QStringLiteral(" ms"),
                verdict(stall, 50)});
    // Scenarios left out of a run have no data rather than a verdict.
    const auto present = [&r](const char *scenario, const QString &path) {
        return r.contains(QLatin1String(scenario)) ? num(r, path) : qQNaN();
    };
    const double perSecond = present("history", QStringLiteral("history.tasks_per_s"));
    const double perRow = present("history", QStringLiteral("history.rss_per_row_bytes"));
    const double idle = present("idle", QStringLiteral("idle.requests_per_min"));
    out += row({QStringLiteral("history: ≥ 50 000 tasks/s decoded"),
                fmt(perSecond, 0) + QStringLiteral(" /s"), verdict(perSecond, 50'000, false)});
    out += row({QStringLiteral("history: ≤ 2 KiB RSS per row"),
                fmt(perRow, 0) + QStringLiteral(" B"), verdict(perRow, 2048)});
    out += row({QStringLiteral("idle: ≤ 2 requests/min"), fmt(idle), verdict(idle, 2)});
    return out;
}
