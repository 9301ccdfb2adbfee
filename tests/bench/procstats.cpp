#include "procstats.h"

#include <QFile>
#include <QSysInfo>
#include <QThread>

#include <sys/resource.h>
#include <time.h>

namespace procstats {

namespace {

double toSeconds(const timespec &ts)
{
    return double(ts.tv_sec) + double(ts.tv_nsec) / 1e9;
}

// A "Key:   123 kB" line of a /proc file, in kB; -1 when missing.
qint64 procField(const char *path, QByteArrayView key)
{
    QFile f(QString::fromLatin1(path));
    if (!f.open(QIODevice::ReadOnly))
        return -1;
    // /proc files report size 0 and atEnd() at once, so read everything, then split.
    const QList<QByteArray> lines = f.readAll().split('\n');
    for (const QByteArray &line : lines) {
        if (line.startsWith(key)) {
            const QByteArray rest = line.mid(key.size()).trimmed();
            return rest.left(rest.indexOf(' ')).toLongLong();
        }
    }
    return -1;
}

} // namespace

qint64 nowNs()
{
    timespec ts{};
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return qint64(ts.tv_sec) * 1'000'000'000 + ts.tv_nsec;
}

double threadCpuSeconds()
{
    timespec ts{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
    return toSeconds(ts);
}

double threadCpuSeconds(pthread_t thread)
{
    clockid_t clock{};
    if (pthread_getcpuclockid(thread, &clock) != 0)
        return -1;
    timespec ts{};
    if (clock_gettime(clock, &ts) != 0)
        return -1;
    return toSeconds(ts);
}

double processCpuSeconds()
{
    rusage ru{};
    getrusage(RUSAGE_SELF, &ru);
    return double(ru.ru_utime.tv_sec + ru.ru_stime.tv_sec) +
           double(ru.ru_utime.tv_usec + ru.ru_stime.tv_usec) / 1e6;
}

qint64 rssKib()
{
    return procField("/proc/self/status", "VmRSS:");
}

qint64 peakRssKib()
{
    return procField("/proc/self/status", "VmHWM:");
}

bool resetPeakRss()
{
    QFile f(QStringLiteral("/proc/self/clear_refs"));
    if (!f.open(QIODevice::WriteOnly))
        return false;
    return f.write("5") == 1;
}

QJsonObject machine()
{
    QString model;
    QFile cpu(QStringLiteral("/proc/cpuinfo"));
    if (cpu.open(QIODevice::ReadOnly)) {
        const QList<QByteArray> lines = cpu.readAll().split('\n');
        for (const QByteArray &line : lines) {
            if (line.startsWith("model name")) {
                model = QString::fromUtf8(line.mid(line.indexOf(':') + 1).trimmed());
                break;
            }
        }
    }
    const qint64 memKib = procField("/proc/meminfo", "MemTotal:");
    // Other work on the machine shows up in every figure; the load average tells how much.
    QFile loadavg(QStringLiteral("/proc/loadavg"));
    QString load;
    if (loadavg.open(QIODevice::ReadOnly))
        load = QString::fromLatin1(loadavg.readAll().trimmed());
    return {{QStringLiteral("nproc"), QThread::idealThreadCount()},
            {QStringLiteral("cpu"), model},
            {QStringLiteral("ram_mib"), double(memKib / 1024)},
            {QStringLiteral("kernel"), QSysInfo::kernelVersion()},
            {QStringLiteral("os"), QSysInfo::prettyProductName()},
            {QStringLiteral("qt"), QString::fromLatin1(qVersion())},
            {QStringLiteral("loadavg"), load}};
}

} // namespace procstats
