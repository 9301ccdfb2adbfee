#pragma once

#include "pending.h"

#include <vim/moref.h>

class VimConnection;

namespace svc {

/// Base of the service objects: a connection plus the MoRef calls go to. Cheap to copy.
class ManagedObject
{
public:
    ManagedObject(VimConnection *connection, vim::ManagedObjectReference ref)
        : m_connection(connection)
        , m_ref(std::move(ref))
    {}

    const vim::ManagedObjectReference &ref() const { return m_ref; }
    VimConnection *connection() const { return m_connection; }

protected:
    template<typename T>
    Pending<T> get(const char *property) const;
    template<typename T>
    Pending<T> call(const char *method, const QJsonObject &params = {}) const;

private:
    VimConnection *m_connection;
    vim::ManagedObjectReference m_ref;
};

} // namespace svc
