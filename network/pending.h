#pragma once

#include "vimreply.h"
#include "vimresult.h"

#include <vim/codec.h>

#include <QObject>
#include <QPointer>

#include <optional>
#include <type_traits>

namespace detail {
/// Decodes a reply body into T. An empty body is "unset" for std::optional<T> and an
/// empty list for QList<T>; for anything else it is an error.
template<typename T>
VimResult<T> decodeReply(const VimReply &reply)
{
    if (!reply.isOk())
        return reply.error();
    const QJsonValue &v = reply.value();
    const bool empty = v.isUndefined() || v.isNull();
    if constexpr (vim::detail::IsOptional<T>::value) {
        if (empty)
            return T{};
        auto r = vim::decode<typename vim::detail::IsOptional<T>::Inner>(v);
        if (!r)
            return VimError::make(VimError::Kind::Decode,
                                  QObject::tr("The server sent an unexpected answer to %1 (%2).")
                                      .arg(reply.operation(), r.error().toString()));
        return T{std::move(r).value()};
    } else {
        if (empty) {
            if constexpr (vim::detail::IsList<T>::value)
                return T{};
            return VimError::make(
                VimError::Kind::Decode,
                QObject::tr("The server sent an empty answer to %1.").arg(reply.operation()));
        }
        auto r = vim::decode<T>(v);
        if (!r)
            return VimError::make(VimError::Kind::Decode,
                                  QObject::tr("The server sent an unexpected answer to %1 (%2).")
                                      .arg(reply.operation(), r.error().toString()));
        return std::move(r).value();
    }
}
} // namespace detail

/// A typed handle on a VimReply (DESIGN.md decision 1). `then(context, f)` calls
/// `f(const VimResult<T> &)` exactly once when the reply finishes, unless `context` was
/// destroyed first — so a closed dialog never sees a stale callback. The result is passed as
/// an rvalue, so `f` may take it by value and move a large answer out.
template<typename T>
class Pending
{
public:
    explicit Pending(VimReply *reply)
        : m_reply(reply)
    {}

    template<typename F>
    void then(QObject *context, F &&f) const
    {
        VimReply *reply = m_reply;
        if (reply->isFinished()) {
            // The reply deletes itself once finished, so take the result now, not later.
            QMetaObject::invokeMethod(
                context,
                [result = resultOf(*reply), f = std::forward<F>(f)]() mutable {
                    f(std::move(result));
                },
                Qt::QueuedConnection);
            return;
        }
        QObject::connect(
            reply, &VimReply::finished, context,
            [reply, f = std::forward<F>(f)]() mutable { f(resultOf(*reply)); },
            Qt::SingleShotConnection);
    }

    /// Calls `f()` once the server has answered with success, before the body is decoded (see
    /// VimReply::answered()); never when the call fails or `context` is gone.
    template<typename F>
    void onAnswered(QObject *context, F &&f) const
    {
        QObject::connect(m_reply, &VimReply::answered, context, std::forward<F>(f),
                         Qt::SingleShotConnection);
    }

    VimReply *reply() const { return m_reply; }
    void abort() const { m_reply->abort(); }

private:
    static VimResult<T> resultOf(const VimReply &reply)
    {
        if constexpr (std::is_void_v<T>)
            return reply.isOk() ? VimResult<void>() : VimResult<void>(reply.error());
        else
            return detail::decodeReply<T>(reply);
    }

    VimReply *m_reply;
};
