#pragma once

#include <QObject>

class QSocketNotifier;

/// SIGINT and SIGTERM as a Qt signal, through a socket pair the handler writes to (the only
/// thing a handler may safely do). Ctrl-C on `tasks --follow` then ends the run the normal
/// way, logging out and destroying what it created on the server, instead of leaving a
/// session there until it times out. The handler is armed once: a second Ctrl-C ends the
/// process at once, for when the server does not answer.
class SignalWatcher final : public QObject
{
    Q_OBJECT
public:
    explicit SignalWatcher(QObject *parent = nullptr);
    ~SignalWatcher() override;

Q_SIGNALS:
    void interrupted(int signal);

private:
    QSocketNotifier *m_notifier = nullptr;
};
