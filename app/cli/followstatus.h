#pragma once

#include <QCoreApplication>
#include <QDateTime>
#include <QJsonObject>
#include <QString>

#include <optional>

/// What `tasks --follow` says about the server besides its tasks: whether they are live, and
/// why not. A report is made only when the state or its reason changes, so a server that
/// keeps failing the same way is reported once, not once per attempt.
class FollowStatus final
{
    Q_DECLARE_TR_FUNCTIONS(FollowStatus)
public:
    enum class State
    {
        Starting,     ///< no task list yet, nothing wrong so far
        Live,         ///< push updates, current
        Polling,      ///< current, read on a timer instead of pushed
        Retrying,     ///< the last attempt failed; `reason` says how
        Recovering,   ///< the task watch is being set up again
        Reconnecting, ///< the connection to the server is lost
    };

    /// One change: a line for stderr, and the same as a record for --json
    /// (`{"type":"state","server":…,"state":…,"live":…,"reason":…,"since":…,"nextAttempt":…,
    /// "time":…}`).
    struct Report
    {
        QString line;
        QJsonObject record;
    };

    explicit FollowStatus(QString server);

    /// The state now; a report when it differs from the last one. `lastUpdate` is when the
    /// tasks were last current (invalid: the moment they stopped being live is used);
    /// `nextAttempt` when the next reconnect starts (invalid if unknown).
    std::optional<Report> update(State state, const QString &reason, const QDateTime &lastUpdate,
                                 const QDateTime &nextAttempt);

    static QString name(State state);

private:
    static bool isLive(State state) { return state == State::Live || state == State::Polling; }
    QString describe(State state, const QString &reason, const QDateTime &nextAttempt) const;

    QString m_server;
    State m_state = State::Starting;
    QString m_reason;
    /// When the tasks were last known current; invalid before the first task list.
    QDateTime m_since;
    bool m_problemReported = false;
};
