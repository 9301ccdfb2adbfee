#pragma once

#include <QJsonObject>
#include <QString>

#include <pthread.h>

/// Process and thread figures from the kernel. The simulator shares the process, so the
/// client's share is measured per thread, not from getrusage().
namespace procstats {

/// Nanoseconds on the monotonic clock, comparable across threads.
qint64 nowNs();
/// CPU seconds of the calling thread.
double threadCpuSeconds();
/// CPU seconds of another thread of this process (pthread_getcpuclockid), -1 on failure.
double threadCpuSeconds(pthread_t thread);
/// CPU seconds of the whole process (user + system).
double processCpuSeconds();
/// Current and peak resident set size from /proc/self/status (VmRSS, VmHWM), in KiB.
qint64 rssKib();
qint64 peakRssKib();
/// Resets VmHWM to the current RSS (`5` > /proc/self/clear_refs, Linux ≥ 4.0); false if refused.
bool resetPeakRss();
/// nproc, CPU model, RAM and Qt version, for the report.
QJsonObject machine();

} // namespace procstats
