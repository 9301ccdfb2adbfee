#pragma once

#include <QString>
#include <QStringList>

#include <exception>
#include <optional>
#include <utility>

namespace vim {

/// What went wrong while decoding, with the JSON path of the offending value
/// (`TaskInfo.reason._typeName`).
struct DecodeError
{
    QString path;
    QString message;

    QString toString() const { return path.isEmpty() ? message : path + QStringLiteral(": ") + message; }
};

/// Thrown inside the codec only; the public entry points turn it into a DecodeError.
class DecodeFailure final : public std::exception
{
public:
    explicit DecodeFailure(QString message) : m_message(std::move(message)) {}
    void prepend(const QString &segment) { m_segments.prepend(segment); }
    DecodeError error(const QString &root) const;
    const char *what() const noexcept override { return "vim decode failure"; }

private:
    QString m_message;
    QStringList m_segments;
};

/// A decoded value or the reason it could not be decoded.
template <typename T>
class Result
{
public:
    Result(T value) : m_value(std::move(value)) {}
    Result(DecodeError error) : m_error(std::move(error)) {}

    bool ok() const { return m_value.has_value(); }
    explicit operator bool() const { return ok(); }
    const T &value() const & { return *m_value; }
    T &value() & { return *m_value; }
    T &&value() && { return std::move(*m_value); }
    const T *operator->() const { return &*m_value; }
    const T &operator*() const { return *m_value; }
    const DecodeError &error() const { return m_error; }

private:
    std::optional<T> m_value;
    DecodeError m_error;
};

} // namespace vim
