#pragma once

#include <QJsonObject>
#include <QList>

/// Order statistics of a set of samples (milliseconds, usually).
struct Percentiles
{
    qsizetype count = 0;
    double p50 = 0;
    double p95 = 0;
    double p99 = 0;
    double max = 0;
    double mean = 0;

    /// Nearest-rank percentiles; an empty set gives zeros with count 0.
    static Percentiles of(QList<double> samples);
    QJsonObject toJson() const;
};

/// `a / b`, or 0 when b is 0, rounded to 3 decimals for the report.
double ratio(double a, double b);
/// Rounds for JSON output, so the report does not show 15 noise digits.
double round3(double v);
