#pragma once

#include "benchoptions.h"

#include <QJsonObject>

/// One function per scenario; each runs the engine, then (unless disabled) the polling
/// baseline against a fresh simulator with the same load, and returns its part of the
/// results object (docs/BENCHMARKS.md explains every key).
namespace scenarios {

QJsonObject steady(const BenchOptions &options);
QJsonObject burst(const BenchOptions &options);
QJsonObject history(const BenchOptions &options);
QJsonObject idle(const BenchOptions &options);

} // namespace scenarios
