#include "operationtable.h"

#include "objectmodel.h"

namespace sim {

void OperationTable::add(const QString &type, const QString &method, Handler handler,
                         bool anonymous)
{
    m_operations[type].insert(method, Operation{std::move(handler), anonymous});
}

const OperationTable::Operation *OperationTable::find(const QString &type,
                                                      const QString &method) const
{
    for (const QString &t : ObjectModel::typeChain(type)) {
        const auto it = m_operations.constFind(t);
        if (it == m_operations.cend())
            continue;
        const auto op = it->constFind(method);
        if (op != it->cend())
            return &*op;
    }
    return nullptr;
}

} // namespace sim
