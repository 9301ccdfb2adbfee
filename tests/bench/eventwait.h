#pragma once

#include <QEventLoop>
#include <QTimer>

/// Runs the calling thread's event loop until `done()` or the timeout; true when done.
/// Used instead of QTest::qWaitFor so the benchmark does not link QtTest. The loop sleeps
/// in the event dispatcher between checks (every 5 ms): a processEvents() loop would spin
/// and bill its own busy-waiting to the client thread's CPU time.
template<typename Predicate>
bool waitFor(Predicate done, int timeoutMs)
{
    if (done())
        return true;
    QEventLoop loop;
    QTimer check;
    check.setInterval(5);
    QObject::connect(&check, &QTimer::timeout, &loop, [&] {
        if (done())
            loop.quit();
    });
    QTimer deadline;
    deadline.setSingleShot(true);
    QObject::connect(&deadline, &QTimer::timeout, &loop, &QEventLoop::quit);
    check.start();
    deadline.start(timeoutMs);
    loop.exec();
    return done();
}

/// Lets the event loop run for `ms` milliseconds.
inline void spin(int ms)
{
    waitFor([] { return false; }, ms);
}
