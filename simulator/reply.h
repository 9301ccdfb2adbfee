#pragma once

#include <vim/methodfault.h>

#include <QByteArray>
#include <QJsonValue>
#include <QList>
#include <QPair>

namespace sim {

/// One HTTP answer as the VI/JSON endpoint writes it (§1.3, §9 item 3).
struct Reply
{
    int status = 200;
    QByteArray body;
    QByteArray contentType = QByteArrayLiteral("application/json");
    QList<QPair<QByteArray, QByteArray>> headers;
    /// The handler keeps the exchange and answers later (WaitForUpdatesEx long-poll).
    bool deferred = false;
    bool isFault = false;

    /// 200 with the value serialized as it is (objects, arrays and bare primitives).
    static Reply json(const QJsonValue &value, int status = 200);
    /// 200 with a body that is already compact JSON.
    static Reply jsonBytes(QByteArray body);
    /// 204 with an empty body: void methods and unset (null) results.
    static Reply none();
    /// HTTP 500 with the fault object as the body.
    static Reply fault(const vim::MethodFault &fault);
    static Reply later();
    /// 404/405 from the router, with no vim fault body.
    static Reply http(int status);

    /// Compact JSON for any value, including bare primitives QJsonDocument cannot hold.
    static QByteArray toBytes(const QJsonValue &value);
};

} // namespace sim
