#pragma once

#include <vimconnection.h>

#include <memory>

/// Starts the embedded simulator for `--demo` (https, seeded workload) and fills in the
/// options to reach it: its URL, its certificate thumbprint as trusted, its credentials.
/// `holder` keeps the simulator alive.
bool startDemoServer(std::shared_ptr<void> *holder, ConnectOptions *options, QString *error);
