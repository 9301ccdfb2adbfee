#include "viewoperations.h"

#include "faults.h"
#include "objectmodel.h"
#include "objectview.h"
#include "operationtable.h"
#include "session.h"
#include "simcontext.h"

#include <vim/codec.h>

namespace sim {

QList<vim::ManagedObjectReference>
ViewOperations::addMembers(ObjectView &view, const QList<vim::ManagedObjectReference> &objs,
                           const Session *session) const
{
    QList<vim::ManagedObjectReference> unresolved;
    for (const vim::ManagedObjectReference &o : objs) {
        const QString type = m_ctx.model->typeOf(o.value, session);
        if (type.isEmpty()) {
            unresolved.append(o);
            continue;
        }
        const vim::ManagedObjectReference ref{type, o.value};
        if (!view.memberIds.contains(ref.value)) {
            view.memberIds.insert(ref.value);
            view.members.append(ref);
        }
    }
    return unresolved;
}

void ViewOperations::registerWith(OperationTable &table)
{
    const QString vm = QStringLiteral("ViewManager");
    table.add(vm, QStringLiteral("CreateListView"), [this](Call &call) {
        Session &s = *call.session;
        ObjectView view;
        view.moId = s.newObjectId();
        view.type = QStringLiteral("ListView");
        addMembers(view,
                   call.optional<QList<vim::ManagedObjectReference>>("obj").value_or(
                       QList<vim::ManagedObjectReference>{}),
                   &s);
        s.views.emplace(view.moId, view);
        return Reply::json(vim::encode(vim::ManagedObjectReference{view.type, view.moId}));
    });
    table.add(vm, QStringLiteral("CreateContainerView"), [this](Call &call) {
        Session &s = *call.session;
        const auto container = call.required<vim::ManagedObjectReference>("container");
        const QString type = m_ctx.model->typeOf(container.value, &s);
        if (type.isEmpty() || !ObjectModel::isA(type, QStringLiteral("ManagedEntity")))
            faults::raise(faults::managedObjectNotFound(container));
        ObjectView view;
        view.moId = s.newObjectId();
        view.type = QStringLiteral("ContainerView");
        view.container = container.value;
        view.types = call.optional<QList<QString>>("type").value_or(QList<QString>{});
        for (const QString &t : std::as_const(view.types)) {
            if (!ObjectModel::isKnownType(t))
                faults::raise(faults::invalidType(t));
        }
        view.recursive = call.required<bool>("recursive");
        s.views.emplace(view.moId, view);
        return Reply::json(vim::encode(vim::ManagedObjectReference{view.type, view.moId}));
    });
    const QString lv = QStringLiteral("ListView");
    table.add(lv, QStringLiteral("ModifyListView"), [this](Call &call) {
        ObjectView &view = call.session->views.at(call.self.value);
        using Refs = QList<vim::ManagedObjectReference>;
        const Refs unresolved =
            addMembers(view, call.optional<Refs>("add").value_or(Refs{}), call.session);
        QSet<QString> gone;
        for (const vim::ManagedObjectReference &r :
             call.optional<Refs>("remove").value_or(Refs{})) {
            if (view.memberIds.remove(r.value))
                gone.insert(r.value);
        }
        if (!gone.isEmpty())
            view.members.removeIf(
                [&](const vim::ManagedObjectReference &m) { return gone.contains(m.value); });
        return Reply::json(vim::encode(unresolved));
    });
    table.add(lv, QStringLiteral("ResetListView"), [this](Call &call) {
        ObjectView &view = call.session->views.at(call.self.value);
        using Refs = QList<vim::ManagedObjectReference>;
        view.members.clear();
        view.memberIds.clear();
        return Reply::json(vim::encode(
            addMembers(view, call.optional<Refs>("obj").value_or(Refs{}), call.session)));
    });
    table.add(QStringLiteral("View"), QStringLiteral("DestroyView"), [](Call &call) {
        call.session->views.erase(call.self.value);
        return Reply::none();
    });
}

} // namespace sim
