#pragma once

#include "faults.h"

#include <vim/codec.h>
#include <vim/moref.h>

#include <QJsonObject>
#include <QString>

#include <memory>
#include <optional>

namespace sim {

class HttpExchange;
class Session;

/// One VI/JSON method call or property read after routing: the target object (with its
/// actual type), the named parameters and the caller's session (null when anonymous).
struct Call
{
    QString release;
    vim::ManagedObjectReference self;
    QString name;
    QJsonObject body;
    Session *session = nullptr;
    std::shared_ptr<HttpExchange> exchange;

    /// A parameter that may be absent; a present one of the wrong shape is InvalidRequest.
    template<typename T>
    std::optional<T> optional(const char *param) const
    {
        const QJsonValue v = body.value(QLatin1String(param));
        if (v.isUndefined() || v.isNull())
            return std::nullopt;
        auto r = vim::decode<T>(v, QLatin1String(param));
        if (!r)
            faults::raise(faults::invalidRequest(r.error().toString()));
        return std::move(r).value();
    }

    /// A required parameter; missing is InvalidRequest.
    template<typename T>
    T required(const char *param) const
    {
        auto v = optional<T>(param);
        if (!v)
            faults::raise(
                faults::invalidRequest(QLatin1String(param) + QStringLiteral(": missing")));
        return std::move(*v);
    }
};

} // namespace sim
