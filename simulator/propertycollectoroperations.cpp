#include "propertycollectoroperations.h"

#include "faults.h"
#include "objectmodel.h"
#include "operationtable.h"
#include "propertycollector.h"
#include "session.h"
#include "simcontext.h"

#include <vim/codec.h>

#include <QUuid>

namespace sim {

namespace {

Reply moRef(const QString &type, const QString &value)
{
    return Reply::json(vim::encode(vim::ManagedObjectReference{type, value}));
}

vim::RetrieveResult takePage(Session::PendingRetrieve &pending, const QString &token)
{
    vim::RetrieveResult r;
    const qsizetype n = pending.pageSize > 0
                            ? qMin<qsizetype>(pending.pageSize, pending.remaining.size())
                            : pending.remaining.size();
    r.objects = pending.remaining.mid(0, n);
    pending.remaining.remove(0, n);
    if (!pending.remaining.isEmpty())
        r.token = token;
    return r;
}

} // namespace

PropertyCollector &PropertyCollectorOperations::collectorOf(const Call &call) const
{
    Session &s = *call.session;
    auto it = s.propertyCollectors.find(call.self.value);
    if (it == s.propertyCollectors.end()) {
        // The default collector's per-session state is made on first use.
        it = s.propertyCollectors
                 .emplace(call.self.value,
                          std::make_unique<PropertyCollector>(call.self.value, &s, m_ctx.model))
                 .first;
    }
    return *it->second;
}

QList<vim::ObjectContent>
PropertyCollectorOperations::retrieve(const QList<vim::PropertyFilterSpec> &specs,
                                      const Session *session) const
{
    QList<vim::ObjectContent> out;
    for (const vim::PropertyFilterSpec &spec : specs) {
        m_ctx.model->validate(spec);
        const ObjectModel::Collected c = m_ctx.model->collect(spec, session);
        if (!c.missing.isEmpty() && !spec.reportMissingObjectsInResults.value_or(false))
            faults::raise(faults::managedObjectNotFound(c.missing.first()));
        for (const ObjectModel::ObjectValues &ov : c.objects) {
            vim::ObjectContent oc;
            oc.obj = ov.obj;
            for (const auto &[name, value] : ov.props) {
                if (value.isSet())
                    oc.propSet.append({name, value.toAny()});
            }
            out.append(oc);
        }
    }
    return out;
}

void PropertyCollectorOperations::registerWith(OperationTable &table)
{
    const QString pc = QStringLiteral("PropertyCollector");
    table.add(pc, QStringLiteral("CreatePropertyCollector"), [this](Call &call) {
        Session &s = *call.session;
        const QString id = s.newObjectId();
        s.propertyCollectors.emplace(id, std::make_unique<PropertyCollector>(id, &s, m_ctx.model));
        return moRef(QStringLiteral("PropertyCollector"), id);
    });
    table.add(pc, QStringLiteral("DestroyPropertyCollector"), [this](Call &call) {
        if (call.self.value == m_ctx.ids.propertyCollector)
            faults::raise(faults::notSupported());
        call.session->propertyCollectors.erase(call.self.value);
        return Reply::none();
    });
    table.add(pc, QStringLiteral("CreateFilter"), [this](Call &call) {
        const auto spec = call.required<vim::PropertyFilterSpec>("spec");
        const bool partial = call.optional<bool>("partialUpdates").value_or(false);
        m_ctx.model->validate(spec);
        if (!spec.reportMissingObjectsInResults.value_or(false)) {
            const ObjectModel::Collected c = m_ctx.model->collect(spec, call.session);
            if (!c.missing.isEmpty())
                faults::raise(faults::managedObjectNotFound(c.missing.first()));
        }
        const QString id = call.session->newObjectId();
        collectorOf(call).createFilter(id, spec, partial);
        return moRef(QStringLiteral("PropertyFilter"), id);
    });
    table.add(QStringLiteral("PropertyFilter"), QStringLiteral("DestroyPropertyFilter"),
              [](Call &call) {
                  call.session->collectorOfFilter(call.self.value)->destroyFilter(call.self.value);
                  return Reply::none();
              });
    table.add(pc, QStringLiteral("WaitForUpdatesEx"), [this](Call &call) {
        return collectorOf(call).waitForUpdates(
            call.optional<QString>("version"),
            call.optional<vim::WaitOptions>("options").value_or(vim::WaitOptions{}), call.exchange);
    });
    table.add(pc, QStringLiteral("WaitForUpdates"), [this](Call &call) {
        return collectorOf(call).waitForUpdates(call.optional<QString>("version"), {},
                                                call.exchange);
    });
    table.add(pc, QStringLiteral("CheckForUpdates"), [this](Call &call) {
        return collectorOf(call).checkForUpdates(call.optional<QString>("version"));
    });
    table.add(pc, QStringLiteral("CancelWaitForUpdates"), [this](Call &call) {
        collectorOf(call).cancelWait();
        return Reply::none();
    });
    registerRetrieve(table);
}

void PropertyCollectorOperations::registerRetrieve(OperationTable &table)
{
    const QString pc = QStringLiteral("PropertyCollector");
    table.add(pc, QStringLiteral("RetrievePropertiesEx"), [this](Call &call) {
        const auto specs = call.required<QList<vim::PropertyFilterSpec>>("specSet");
        const auto options =
            m_ctx.options.strict
                ? call.required<vim::RetrieveOptions>("options")
                : call.optional<vim::RetrieveOptions>("options").value_or(vim::RetrieveOptions{});
        if (options.maxObjects && *options.maxObjects < 0)
            faults::raise(faults::invalidArgument(QStringLiteral("maxObjects")));
        Session::PendingRetrieve pending{retrieve(specs, call.session),
                                         options.maxObjects.value_or(0)};
        if (pending.remaining.isEmpty())
            return Reply::none();
        const QString token = QUuid::createUuid().toString(QUuid::WithoutBraces);
        const vim::RetrieveResult r = takePage(pending, token);
        if (r.token)
            call.session->retrieveTokens.emplace(token, pending);
        return Reply::json(vim::encode(r));
    });
    table.add(pc, QStringLiteral("ContinueRetrievePropertiesEx"), [](Call &call) {
        const QString token = call.required<QString>("token");
        auto &tokens = call.session->retrieveTokens;
        const auto it = tokens.find(token);
        if (it == tokens.end())
            faults::raise(faults::invalidArgument(QStringLiteral("token")));
        const vim::RetrieveResult r = takePage(it->second, token);
        if (!r.token)
            tokens.erase(it);
        return Reply::json(vim::encode(r));
    });
    table.add(pc, QStringLiteral("CancelRetrievePropertiesEx"), [](Call &call) {
        if (call.session->retrieveTokens.erase(call.required<QString>("token")) == 0)
            faults::raise(faults::invalidArgument(QStringLiteral("token")));
        return Reply::none();
    });
    table.add(pc, QStringLiteral("RetrieveProperties"), [this](Call &call) {
        const auto specs = call.required<QList<vim::PropertyFilterSpec>>("specSet");
        return Reply::json(vim::encode(retrieve(specs, call.session)));
    });
}

} // namespace sim
