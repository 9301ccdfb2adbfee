#pragma once

#include "httpexchange.h"
#include "operationtable.h"
#include "propertycollectoroperations.h"
#include "sessionoperations.h"
#include "taskoperations.h"
#include "viewoperations.h"

#include <QObject>
#include <QTimer>

#include <memory>

namespace sim {

struct SimContext;

/// The VI/JSON endpoint behind the HTTP server: routing (§1, §9 items 1–6), sessions
/// and authentication, strict request checks, dispatch to the operations, and the
/// coalesced re-evaluation of pending WaitForUpdatesEx calls after changes.
///
/// Routing choices where the fact sheet is open: an unknown release, MoType, property or
/// method answers 404 with an empty body; a known name with the wrong verb answers 405;
/// a release newer than the simulated one answers 500 InvalidRequest; a malformed JSON
/// body or parameter answers 500 InvalidRequest.
class VimService final : public QObject
{
    Q_OBJECT

public:
    explicit VimService(SimContext &context, QObject *parent = nullptr);

    void handle(const std::shared_ptr<HttpExchange> &exchange);
    /// Schedules one re-evaluation of every pending wait for this event-loop pass.
    void notifyChanged();
    void onTaskCreated(int id);
    void onTaskChanged(int id, bool stateChanged);
    /// Every PropertyCollector of every session, for the `restart` fault.
    void dropPendingWaits();

private:
    Reply route(const std::shared_ptr<HttpExchange> &exchange);
    Reply hello(const HttpExchange &exchange) const;
    Reply vimCall(const std::shared_ptr<HttpExchange> &exchange, const QStringList &segments);
    void pollAll();

    SimContext &m_ctx;
    OperationTable m_operations;
    SessionOperations m_sessionOps;
    TaskOperations m_taskOps;
    PropertyCollectorOperations m_pcOps;
    ViewOperations m_viewOps;
    QTimer m_idleSweep{this};
    bool m_pollQueued = false;
};

} // namespace sim
