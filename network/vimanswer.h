#pragma once

#include "vimerror.h"

#include <vim/codec.h>

#include <QByteArray>
#include <QCoreApplication>
#include <QJsonValue>
#include <QString>

/// The part of response handling that depends only on the bytes of a complete HTTP answer
/// (status and body): a JSON value for 2xx, a decoded fault for 500, a clear error for
/// anything else. Pure, so it can be fuzzed; VimConnection adds transport and TLS.
class VimAnswer final
{
    // Its messages belong with the connection's, for translators.
    Q_DECLARE_TR_FUNCTIONS(VimConnection)

public:
    /// `operation` names the call in messages; `value` receives the body of a 2xx answer
    /// (Undefined when empty). Returns an error, or one with Kind::None.
    static VimError interpret(const QString &operation, int status, const QByteArray &body,
                              const vim::ParseLimits &limits, QJsonValue *value);

private:
    static VimError faultError(const QString &operation, int status, const QByteArray &body,
                               const vim::ParseLimits &limits);
};
