#include "simulatorthread.h"

#include <QSemaphore>

namespace sim {

SimulatorThread::SimulatorThread(const SimulatorOptions &options)
{
    m_thread.setObjectName(QStringLiteral("simulator"));
    // QThread::started is emitted in the new thread, before its event loop runs: the
    // simulator is built there, and so is everything its constructor creates.
    QSemaphore built;
    const QMetaObject::Connection connection = QObject::connect(
        &m_thread, &QThread::started, &m_thread,
        [&] {
            m_sim = new Simulator(options);
            built.release();
        },
        Qt::DirectConnection);
    m_thread.start();
    built.acquire();
    QObject::disconnect(connection);
}

SimulatorThread::~SimulatorThread()
{
    // Deleted in its own thread, where its sockets and timers live; then the thread ends.
    QMetaObject::invokeMethod(
        m_sim, [sim = m_sim] { delete sim; }, Qt::BlockingQueuedConnection);
    m_thread.quit();
    m_thread.wait();
}

bool SimulatorThread::start(QString *error)
{
    return m_sim->start(error);
}

} // namespace sim
