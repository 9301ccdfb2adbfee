#pragma once

#include <QHash>
#include <QMutex>
#include <QString>

#include <optional>

namespace sim {
class Simulator;
}

/// When the simulator made each change, for end-to-end latency. Filled in the simulator's
/// thread straight from Simulator::taskCreated/taskChanged (direct connections, so the
/// timestamp is taken inside the change itself), read in the client's thread.
///
/// A change is identified by (task key, progress value): the client can only tell which
/// change it is showing by the value it shows. Each is handed out once, so a row repainted
/// twice with the same value counts once.
class ChangeLog final
{
public:
    /// Records every change of `simulator` from now on, until the simulator is destroyed.
    void attach(sim::Simulator *simulator);
    /// Recording on/off (off during warm-up, so only the measured window counts).
    void setRecording(bool on);

    /// Time of the change that set `key` to `progress`, removed so it is matched once.
    std::optional<qint64> takeProgress(const QString &key, int progress);
    /// Time `key` was created, removed once taken.
    std::optional<qint64> takeCreated(const QString &key);

    /// Progress changes recorded since recording was switched on.
    qint64 progressChanges() const;
    qint64 created() const;
    void clear();

private:
    void recordProgress(const QString &key, int progress, qint64 ns);
    void recordCreated(const QString &key, qint64 ns);

    mutable QMutex m_mutex;
    bool m_recording = false;
    QHash<QString, QHash<int, qint64>> m_progress;
    QHash<QString, qint64> m_created;
    qint64 m_progressChanges = 0;
    qint64 m_createdCount = 0;
};
