#pragma once

#include "rawhttpclient.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QRegularExpression>
#include <QTest>

/// Checks a VI/JSON fault answer: HTTP 500, JSON, the fault type, a faultstring and,
/// when given, InvalidArgument's invalidProperty.
inline void verifyFault(const RawHttpClient::Response &r, const char *type,
                        const char *invalidProperty = nullptr)
{
    QCOMPARE(r.status, 500);
    QVERIFY(r.header("content-type").startsWith("application/json"));
    QCOMPARE(r.typeName(), QLatin1String(type));
    QVERIFY(!r.object().value(QLatin1String("faultstring")).toString().isEmpty());
    if (invalidProperty)
        QCOMPARE(r.object().value(QLatin1String("invalidProperty")).toString(),
                 QLatin1String(invalidProperty));
}

/// Every JSON object below `v` carries `_typeName` and every dateTime-named field is UTC with
/// microseconds (§9 item 3); `path` names the first offender.
inline bool allTypedWithUtcDates(const QJsonValue &v, QString *path, const QString &at = {})
{
    static const QRegularExpression date(
        QStringLiteral("^\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{6}Z$"));
    if (v.isArray()) {
        const QJsonArray a = v.toArray();
        for (qsizetype i = 0; i < a.size(); ++i) {
            if (!allTypedWithUtcDates(a.at(i), path, at + QStringLiteral("[%1]").arg(i)))
                return false;
        }
        return true;
    }
    if (!v.isObject())
        return true;
    const QJsonObject o = v.toObject();
    if (!o.contains(QLatin1String("_typeName"))) {
        *path = at;
        return false;
    }
    for (auto it = o.begin(); it != o.end(); ++it) {
        const QString sub = at + QLatin1Char('.') + it.key();
        if (it.key().endsWith(QLatin1String("Time")) &&
            !date.match(it.value().toString()).hasMatch()) {
            *path = sub;
            return false;
        }
        if (!allTypedWithUtcDates(it.value(), path, sub))
            return false;
    }
    return true;
}
