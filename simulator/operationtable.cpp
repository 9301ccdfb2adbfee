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
    return ObjectModel::findInChain(m_operations, type, method);
}

} // namespace sim
