#pragma once

#include "rawhttpclient.h"

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
