#pragma once

#include <QLoggingCategory>

/// `vtaskmon.network`: method, path, status and duration per request at debug level.
/// Never a password, a request body or a session id.
Q_DECLARE_LOGGING_CATEGORY(lcNetwork)
