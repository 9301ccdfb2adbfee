#pragma once

// Shared by the tst_vim* suites: loading the fact-sheet examples and the decode → encode →
// decode check every example goes through.

#include <vim/codec.h>

#include <QFile>
#include <QHash>
#include <QJsonArray>
#include <QJsonObject>
#include <QTest>

namespace vimtest {

/// One example of vi-json-protocol.md, as stored in data/factsheet/.
inline QByteArray example(const QString &fileName)
{
    const QString path = QFINDTESTDATA(QStringLiteral("data/factsheet/") + fileName);
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        qFatal("missing test data %s", qPrintable(fileName));
    return f.readAll();
}

/// `json` parsed within the default limits; test input that does not parse is a test bug.
inline QJsonValue parsed(const QByteArray &json)
{
    vim::DecodeError error;
    const QJsonValue v = vim::parseJson(json, &error);
    if (!error.message.isEmpty())
        qFatal("bad test input: %s", qPrintable(error.toString()));
    return v;
}

/// The whole example, or its member `member` when it is a request body.
inline QJsonValue exampleValue(const QString &fileName, const QString &member = {})
{
    const QJsonValue v = parsed(example(fileName));
    return member.isEmpty() ? v : v.toObject().value(member);
}

/// Decodes a fact-sheet example as T; fails the calling test when it does not decode.
template<typename T>
T decodeExample(const QString &fileName, const QString &member = {})
{
    const vim::Result<T> r = vim::decode<T>(exampleValue(fileName, member));
    if (!r.ok())
        qFatal("%s: %s", qPrintable(fileName), qPrintable(r.error().toString()));
    return r.value();
}

/// The error of decoding `json` as T, as `path: message`; empty when it decodes.
template<typename T>
QString errorOf(const QByteArray &json)
{
    const vim::Result<T> r = vim::parse<T>(json);
    return r.ok() ? QString() : r.error().toString();
}

/// The path of the first JSON object in `v` that lacks `_typeName`, or empty.
inline QString objectWithoutTypeName(const QJsonValue &v, const QString &path = QStringLiteral("$"))
{
    if (v.isObject()) {
        const QJsonObject o = v.toObject();
        if (!o.value(QLatin1String("_typeName")).isString())
            return path;
        for (auto it = o.begin(); it != o.end(); ++it) {
            const QString inner = objectWithoutTypeName(it.value(), path + u'.' + it.key());
            if (!inner.isEmpty())
                return inner;
        }
    } else if (v.isArray()) {
        const QJsonArray a = v.toArray();
        for (qsizetype i = 0; i < a.size(); ++i) {
            const QString inner =
                objectWithoutTypeName(a.at(i), path + u'[' + QString::number(i) + u']');
            if (!inner.isEmpty())
                return inner;
        }
    }
    return {};
}

/// Decode, encode (with `_typeName` on every object), decode again: the two values must be
/// equal and the second encoding identical to the first. Returns what went wrong, or empty.
template<typename T>
QString roundTrip(const QJsonValue &v)
{
    const vim::Result<T> first = vim::decode<T>(v);
    if (!first.ok())
        return QStringLiteral("decode: ") + first.error().toString();
    const QJsonValue encoded = vim::encode(first.value());
    const QString untyped = objectWithoutTypeName(encoded);
    if (!untyped.isEmpty())
        return QStringLiteral("encoded object without _typeName at ") + untyped;
    const vim::Result<T> second = vim::decode<T>(encoded);
    if (!second.ok())
        return QStringLiteral("decode of the encoding: ") + second.error().toString();
    if (!(second.value() == first.value()))
        return QStringLiteral("second decode differs from the first");
    if (vim::encode(second.value()) != encoded)
        return QStringLiteral("second encoding differs from the first");
    return {};
}

using RoundTripFn = QString (*)(const QJsonValue &);
using ErrorOfFn = QString (*)(const QByteArray &);

/// errorOf<T> for each of Ts, keyed by the wire type name.
template<typename... Ts>
QHash<QString, ErrorOfFn> errorsOf()
{
    return {{vim::typeNameOf<Ts>(), &errorOf<Ts>}...};
}

/// roundTrip<T> for each of Ts, keyed by the wire type name (`TaskInfo`, `ArrayOfInt`).
template<typename... Ts>
QHash<QString, RoundTripFn> roundTrips()
{
    return {{vim::typeNameOf<Ts>(), &roundTrip<Ts>}...};
}

} // namespace vimtest
