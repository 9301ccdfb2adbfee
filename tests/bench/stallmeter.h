#pragma once

#include <QElapsedTimer>
#include <QList>
#include <QObject>
#include <QTimer>

/// Measures how long the calling thread's event loop is blocked: a 1 ms precise timer
/// records the gap between consecutive timeouts. A gap much above 1 ms is a stall — time
/// in which a GUI would neither repaint nor react to input.
class StallMeter final : public QObject
{
    Q_OBJECT
public:
    explicit StallMeter(QObject *parent = nullptr);

    void start();
    void stop();
    /// Gaps between timeouts, in milliseconds.
    const QList<double> &gaps() const { return m_gaps; }

private:
    QTimer m_timer;
    QElapsedTimer m_clock;
    qint64 m_last = 0;
    QList<double> m_gaps;
};
