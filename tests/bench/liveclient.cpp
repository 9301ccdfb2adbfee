#include "liveclient.h"

#include "eventwait.h"
#include "pollingbaseline.h"

#include <taskmonitor.h>

#include <QMetaEnum>

LiveClient::LiveClient(Kind kind, VimConnection *connection, int baselineIntervalMs,
                       int baselineConcurrency, int engineRecentMs)
    : m_kind(kind)
    , m_connection(connection)
{
    if (kind == Kind::Engine) {
        // App defaults on purpose (page size, recentTask interval, maxWaitSeconds): the
        // benchmark measures what users get, not a tuned engine.
        m_monitor = std::make_unique<TaskMonitor>(connection);
        if (engineRecentMs > 0)
            m_monitor->setRecentTaskInterval(engineRecentMs);
        QObject::connect(m_monitor.get(), &TaskMonitor::tasksUpdated, &m_model,
                         [this](const QList<vim::TaskInfo> &tasks) {
                             m_upserts += tasks.size();
                             m_model.applyUpdates(tasks);
                         });
        QObject::connect(m_monitor.get(), &TaskMonitor::descriptionChanged, &m_model,
                         &RecentTasksModel::setDescription);
    } else {
        m_baseline =
            std::make_unique<PollingBaseline>(connection, baselineIntervalMs, baselineConcurrency);
        QObject::connect(m_baseline.get(), &PollingBaseline::tasksUpdated, &m_model,
                         [this](const QList<vim::TaskInfo> &tasks) {
                             m_upserts += tasks.size();
                             m_model.applyUpdates(tasks);
                         });
    }
}

LiveClient::~LiveClient()
{
    stop();
}

QString LiveClient::name(Kind kind)
{
    return kind == Kind::Engine ? QStringLiteral("engine") : QStringLiteral("baseline");
}

void LiveClient::start()
{
    if (m_monitor)
        m_monitor->start();
    else
        m_baseline->start();
}

void LiveClient::stop()
{
    if (m_baseline) {
        m_baseline->stop();
        return;
    }
    if (!m_monitor || m_monitor->mode() == TaskMonitor::Mode::Stopped)
        return;
    bool stopped = false;
    const auto c = QObject::connect(m_monitor.get(), &TaskMonitor::stopped, &m_model,
                                    [&stopped] { stopped = true; });
    m_monitor->stop();
    waitFor([&] { return stopped; }, 5000);
    // The flag lives on this stack frame; a late signal must not reach it.
    QObject::disconnect(c);
}

bool LiveClient::isSynchronized() const
{
    return m_monitor ? m_monitor->isSynchronized() : m_baseline->cycles() > 1;
}

QString LiveClient::mode() const
{
    if (!m_monitor)
        return QStringLiteral("-");
    return QString::fromLatin1(
        QMetaEnum::fromType<TaskMonitor::Mode>().valueToKey(int(m_monitor->mode())));
}
