#pragma once

#include <pending.h>

#include <QTest>

#include <optional>

/// Waits (event loop running) for a call's result; a Canceled "test timeout" if none comes.
template<typename T>
VimResult<T> await(const Pending<T> &pending, int timeoutMs = 5000)
{
    std::optional<VimResult<T>> result;
    QObject context;
    pending.then(&context, [&](const VimResult<T> &r) { result = r; });
    if (!QTest::qWaitFor([&] { return result.has_value(); }, timeoutMs))
        return VimError::make(VimError::Kind::Canceled, QStringLiteral("test timeout"));
    return *result;
}
