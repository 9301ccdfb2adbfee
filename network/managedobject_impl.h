#pragma once

// Definitions of ManagedObject's call templates. Only service implementations (.cpp) include
// this; it needs the complete VimConnection.

#include "managedobject.h"
#include "vimconnection.h"

namespace svc {

template<typename T>
Pending<T> ManagedObject::get(const char *property) const
{
    return Pending<T>(m_connection->get(m_ref, QLatin1String(property)));
}

template<typename T>
Pending<T> ManagedObject::call(const char *method, const QJsonObject &params) const
{
    return Pending<T>(m_connection->post(m_ref, QLatin1String(method), params));
}

/// `{"name": encode(value)}` for the parameter lists below; unset optionals are left out.
template<typename T>
void putParam(QJsonObject &params, const char *name, const T &value)
{
    if constexpr (vim::detail::IsOptional<T>::value) {
        if (value)
            params.insert(QLatin1String(name), vim::encode(*value));
    } else {
        params.insert(QLatin1String(name), vim::encode(value));
    }
}

/// A parameter object with one parameter: `{"maxCount":10}`.
template<typename T>
QJsonObject singleParam(const char *name, const T &value)
{
    QJsonObject params;
    putParam(params, name, value);
    return params;
}

} // namespace svc
