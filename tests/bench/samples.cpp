#include "samples.h"

#include <algorithm>
#include <cmath>
#include <numeric>

Percentiles Percentiles::of(QList<double> samples)
{
    Percentiles p;
    p.count = samples.size();
    if (samples.isEmpty())
        return p;
    std::sort(samples.begin(), samples.end());
    // Nearest rank: the smallest sample with at least q of the set at or below it.
    auto rank = [&](double q) {
        const auto i = qsizetype(std::ceil(q * double(samples.size()))) - 1;
        return samples.at(std::clamp<qsizetype>(i, 0, samples.size() - 1));
    };
    p.p50 = rank(0.50);
    p.p95 = rank(0.95);
    p.p99 = rank(0.99);
    p.max = samples.last();
    p.mean = std::accumulate(samples.cbegin(), samples.cend(), 0.0) / double(samples.size());
    return p;
}

QJsonObject Percentiles::toJson() const
{
    return {{QStringLiteral("p50"), round3(p50)},   {QStringLiteral("p95"), round3(p95)},
            {QStringLiteral("p99"), round3(p99)},   {QStringLiteral("max"), round3(max)},
            {QStringLiteral("mean"), round3(mean)}, {QStringLiteral("count"), double(count)}};
}

double ratio(double a, double b)
{
    return b == 0 ? 0 : round3(a / b);
}

double round3(double v)
{
    return std::round(v * 1000.0) / 1000.0;
}
