#include "reply.h"

#include <vim/codec.h>

#include <QJsonArray>
#include <QJsonDocument>

namespace sim {

QByteArray Reply::toBytes(const QJsonValue &value)
{
    if (value.isObject())
        return QJsonDocument(value.toObject()).toJson(QJsonDocument::Compact);
    if (value.isArray())
        return QJsonDocument(value.toArray()).toJson(QJsonDocument::Compact);
    // Wrap the primitive in an array and strip the brackets.
    const QByteArray wrapped = QJsonDocument(QJsonArray{value}).toJson(QJsonDocument::Compact);
    return wrapped.mid(1, wrapped.size() - 2);
}

Reply Reply::json(const QJsonValue &value, int status)
{
    Reply r;
    r.status = status;
    r.body = toBytes(value);
    return r;
}

Reply Reply::jsonBytes(QByteArray body)
{
    Reply r;
    r.body = std::move(body);
    return r;
}

Reply Reply::none()
{
    Reply r;
    r.status = 204;
    return r;
}

Reply Reply::fault(const vim::MethodFault &fault)
{
    Reply r = json(vim::encode(fault), 500);
    r.isFault = true;
    return r;
}

Reply Reply::later()
{
    Reply r;
    r.deferred = true;
    return r;
}

Reply Reply::http(int status)
{
    Reply r;
    r.status = status;
    return r;
}

} // namespace sim
