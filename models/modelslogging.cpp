#include "modelslogging.h"

Q_LOGGING_CATEGORY(lcModels, "vtaskmon.models", QtInfoMsg)
