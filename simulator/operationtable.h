#pragma once

#include "call.h"
#include "reply.h"

#include <QHash>
#include <QString>

#include <functional>

namespace sim {

/// The methods the simulator answers, by managed-object type and WSDL method name.
class OperationTable final
{
public:
    using Handler = std::function<Reply(Call &)>;
    struct Operation
    {
        Handler handler;
        /// Callable without a session (RetrieveServiceContent, Login).
        bool anonymous = false;
    };

    void add(const QString &type, const QString &method, Handler handler, bool anonymous = false);
    /// The operation for `method` on `type` or one of its supertypes, or null.
    const Operation *find(const QString &type, const QString &method) const;

private:
    QHash<QString, QHash<QString, Operation>> m_operations;
};

} // namespace sim
