#include "vimanswer.h"

#include "networklogging.h"

#include <QJsonObject>

namespace {

bool looksLikeHtml(const QByteArray &body)
{
    const QByteArray start = body.left(512).trimmed().toLower();
    return start.startsWith("<!doctype html") || start.startsWith("<html") ||
           start.startsWith("<head") || start.startsWith("<body");
}

/// The page's <title>, or its first <h1>, as plain text of at most 80 characters.
QString htmlTitle(const QByteArray &body)
{
    const QByteArray head = body.left(64 * 1024);
    const QByteArray lower = head.toLower();
    for (const char *tag : {"title", "h1"}) {
        const QByteArray open = QByteArray("<") + tag;
        const qsizetype at = lower.indexOf(open);
        const qsizetype from = at < 0 ? -1 : lower.indexOf('>', at);
        const qsizetype to =
            from < 0 ? -1 : lower.indexOf(QByteArray("</" + QByteArray(tag)), from);
        if (to < 0)
            continue;
        const QString text = QString::fromUtf8(head.mid(from + 1, to - from - 1)).simplified();
        if (!text.isEmpty())
            return text.left(80);
    }
    return {};
}

} // namespace

VimError VimAnswer::faultError(const QString &operation, int status, const QByteArray &body,
                               const vim::ParseLimits &limits)
{
    vim::DecodeError parseError;
    const QJsonValue v = vim::parseJson(body, &parseError, limits);
    const QJsonObject o = v.toObject();
    const QJsonValue typeName = o.value(QLatin1String("_typeName"));
    const QJsonValue text = o.value(QLatin1String("faultstring"));
    if (parseError.message.isEmpty() && v.isObject() && typeName.isString() &&
        !typeName.toString().trimmed().isEmpty()) {
        VimError e = VimError::make(VimError::Kind::Fault, QString(), status);
        auto fault = vim::decode<vim::MethodFault>(v);
        if (fault) {
            e.fault = std::move(fault).value();
        } else {
            // Keep the type and text, so callers still recognise NotAuthenticated & co.
            qCWarning(lcNetwork).noquote()
                << "malformed fault for" << operation << ":" << fault.error().toString();
            e.fault = vim::MethodFault::make(typeName.toString(),
                                             text.isString() ? text.toString() : QString());
        }
        e.message = e.fault->message();
        return e;
    }
    if (looksLikeHtml(body)) {
        const QString title = htmlTitle(body);
        return VimError::make(
            VimError::Kind::Http,
            title.isEmpty()
                ? tr("The server answered %1 with HTTP %2 and an HTML page instead of a vSphere "
                     "fault.")
                      .arg(operation)
                      .arg(status)
                : tr("The server answered %1 with HTTP %2 and an HTML page (\u201c%3\u201d) "
                     "instead of a vSphere fault.")
                      .arg(operation)
                      .arg(status)
                      .arg(title),
            status);
    }
    if (text.isString() && !text.toString().isEmpty()) {
        return VimError::make(
            VimError::Kind::Http,
            tr("The server reported an error for %1 without a fault type (HTTP 500): %2")
                .arg(operation, text.toString()),
            status);
    }
    return VimError::make(VimError::Kind::Http,
                          tr("The server reported an internal error for %1 (HTTP 500) without a "
                             "fault description.")
                              .arg(operation),
                          status);
}

VimError VimAnswer::interpret(const QString &operation, int status, const QByteArray &body,
                              const vim::ParseLimits &limits, QJsonValue *value)
{
    *value = QJsonValue(QJsonValue::Undefined);
    if (body.size() > limits.maxBytes) {
        return VimError::make(VimError::Kind::Decode,
                              tr("The answer to %1 is larger than the limit of %2 bytes.")
                                  .arg(operation)
                                  .arg(limits.maxBytes),
                              status);
    }
    if (status >= 200 && status < 300) {
        if (body.trimmed().isEmpty())
            return {};
        vim::DecodeError parseError;
        *value = vim::parseJson(body, &parseError, limits);
        if (parseError.message.isEmpty())
            return {};
        *value = QJsonValue(QJsonValue::Undefined);
        return VimError::make(
            VimError::Kind::Decode,
            tr("The answer to %1 cannot be read: %2").arg(operation, parseError.toString()),
            status);
    }
    if (status == 500)
        return faultError(operation, status, body, limits);
    return VimError::make(
        VimError::Kind::Http,
        tr("The server answered %1 with HTTP status %2.").arg(operation).arg(status), status);
}
