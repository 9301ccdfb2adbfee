#include "followstatus.h"

#include <QJsonValue>

#include <utility>

namespace {

QJsonValue isoOrNull(const QDateTime &t)
{
    return t.isValid() ? QJsonValue(t.toUTC().toString(Qt::ISODateWithMs)) : QJsonValue();
}

} // namespace

FollowStatus::FollowStatus(QString server)
    : m_server(std::move(server))
{}

QString FollowStatus::name(State state)
{
    switch (state) {
    case State::Starting:
        return QStringLiteral("starting");
    case State::Live:
        return QStringLiteral("live");
    case State::Polling:
        return QStringLiteral("polling");
    case State::Retrying:
        return QStringLiteral("retrying");
    case State::Recovering:
        return QStringLiteral("recovering");
    case State::Reconnecting:
        return QStringLiteral("reconnecting");
    }
    return {};
}

std::optional<FollowStatus::Report> FollowStatus::update(State state, const QString &reason,
                                                         const QDateTime &lastUpdate,
                                                         const QDateTime &nextAttempt)
{
    const QDateTime now = QDateTime::currentDateTimeUtc();
    const bool wasLive = isLive(m_state);
    if (lastUpdate.isValid())
        m_since = lastUpdate;
    else if (wasLive && !isLive(state))
        m_since = now; // live until this moment
    if (state == m_state && reason == m_reason)
        return std::nullopt;
    m_state = state;
    m_reason = reason;
    // Starting is no news, and "live" only after something else was said.
    if (state == State::Starting || (state == State::Live && !m_problemReported))
        return std::nullopt;
    m_problemReported = state != State::Live;
    Report report;
    report.line = describe(state, reason, nextAttempt);
    report.record = QJsonObject{
        {QStringLiteral("type"), QStringLiteral("state")},
        {QStringLiteral("server"), m_server},
        {QStringLiteral("state"), name(state)},
        {QStringLiteral("live"), isLive(state)},
        {QStringLiteral("reason"), reason.isEmpty() ? QJsonValue() : QJsonValue(reason)},
        {QStringLiteral("since"), isLive(state) ? QJsonValue() : isoOrNull(m_since)},
        {QStringLiteral("nextAttempt"),
         state == State::Reconnecting ? isoOrNull(nextAttempt) : QJsonValue()},
        {QStringLiteral("time"), isoOrNull(now)},
    };
    return report;
}

QString FollowStatus::describe(State state, const QString &reason,
                               const QDateTime &nextAttempt) const
{
    switch (state) {
    case State::Live:
        return tr("%1: live again").arg(m_server);
    case State::Polling:
        return reason.isEmpty() ? tr("%1: live, polling for changes").arg(m_server)
                                : tr("%1: live, polling for changes (%2)").arg(m_server, reason);
    case State::Starting:
        return {};
    case State::Retrying:
    case State::Recovering:
    case State::Reconnecting:
        break;
    }
    QString what;
    if (state == State::Retrying) {
        what = tr("retrying: %1").arg(reason);
    } else if (state == State::Recovering) {
        what = tr("setting up the task watch again");
    } else {
        const qint64 seconds =
            nextAttempt.isValid()
                ? std::max<qint64>(0, (QDateTime::currentDateTimeUtc().msecsTo(nextAttempt) + 999) /
                                          1000)
                : -1;
        what = seconds >= 0 ? tr("reconnecting, next attempt in %1 s").arg(seconds)
                            : tr("reconnecting");
        if (!reason.isEmpty())
            what += QStringLiteral(" (") + reason + QLatin1Char(')');
    }
    if (!m_since.isValid())
        return tr("%1: no task list yet — %2").arg(m_server, what);
    return tr("%1: not updated since %2 — %3")
        .arg(m_server, m_since.toLocalTime().toString(QStringLiteral("HH:mm:ss")), what);
}
