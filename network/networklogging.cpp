#include "networklogging.h"

Q_LOGGING_CATEGORY(lcNetwork, "vtaskmon.network", QtInfoMsg)
