#pragma once

#include <QJsonObject>
#include <QString>

/// The results object as a readable table (Markdown, so it can be pasted into
/// docs/BENCHMARKS.md as is), with the targets of issue 6 marked met or missed.
QString formatReport(const QJsonObject &results);
