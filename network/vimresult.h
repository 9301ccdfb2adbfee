#pragma once

#include "vimerror.h"

#include <optional>
#include <utility>

/// The outcome of one call: a value or a VimError.
template<typename T>
class VimResult
{
public:
    VimResult(T value)
        : m_value(std::move(value))
    {}
    VimResult(VimError error)
        : m_error(std::move(error))
    {}

    bool ok() const { return m_value.has_value(); }
    explicit operator bool() const { return ok(); }
    const T &value() const & { return *m_value; }
    T &&value() && { return std::move(*m_value); }
    const T *operator->() const { return &*m_value; }
    const T &operator*() const { return *m_value; }
    const VimError &error() const { return m_error; }

private:
    std::optional<T> m_value;
    VimError m_error;
};

/// Result of a void method (204).
template<>
class VimResult<void>
{
public:
    VimResult() = default;
    VimResult(VimError error)
        : m_error(std::move(error))
    {}
    bool ok() const { return !m_error.isError(); }
    explicit operator bool() const { return ok(); }
    const VimError &error() const { return m_error; }

private:
    VimError m_error;
};
