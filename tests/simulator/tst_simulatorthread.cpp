// sim::SimulatorThread: the simulator really runs on a thread of its own, answers there while
// the test thread blocks, and is deleted in that thread before the thread is joined.

#include "rawhttpclient.h"
#include "simharness.h"

#include <simulator/simulatorthread.h>

#include <QPointer>
#include <QRegularExpression>
#include <QTest>

#include <memory>

class TstSimulatorThread final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void runsInItsOwnThread()
    {
        QTest::failOnWarning(QRegularExpression(QStringLiteral(".*")));
        sim::SimulatorThread server(SimHarness::quietOptions());
        QString error;
        QVERIFY2(server.start(&error), qPrintable(error));
        sim::Simulator *simulator = server.simulator();
        QVERIFY(simulator->thread() != QThread::currentThread());
        QCOMPARE(simulator->thread(), server.thread());
        QVERIFY(server.thread()->isRunning());
        QCOMPARE(server.thread()->objectName(), QStringLiteral("simulator"));

        // Built there: what its constructor made lives in that thread as well.
        QList<QThread *> childThreads;
        QMetaObject::invokeMethod(
            simulator,
            [&] {
                for (const QObject *child : simulator->findChildren<QObject *>())
                    childThreads.append(child->thread());
            },
            Qt::BlockingQueuedConnection);
        QVERIFY(!childThreads.isEmpty());
        for (QThread *t : std::as_const(childThreads))
            QCOMPARE(t, server.thread());

        // The test thread blocks on the socket: only a server on another thread can answer.
        RawHttpClient client(simulator->port());
        const RawHttpClient::Response r =
            client.get(QStringLiteral("ServiceInstance/ServiceInstance/content"));
        QCOMPARE(r.status, 200);
        QCOMPARE(r.typeName(), QStringLiteral("ServiceContent"));
    }

    void destroyedInItsThreadThenJoined()
    {
        // Sockets or timers deleted from another thread warn; a QThread destroyed running aborts.
        QTest::failOnWarning(QRegularExpression(QStringLiteral(".*")));
        auto server = std::make_unique<sim::SimulatorThread>(SimHarness::quietOptions());
        QVERIFY(server->start());
        // A session and an open connection: something to tear down in the simulator's thread.
        RawHttpClient client(server->simulator()->port());
        QCOMPARE(client.login().status, 200);
        QCOMPARE(server->simulator()->stats().sessions, 1);

        QThread *simulatorThread = server->thread();
        QPointer<sim::Simulator> simulator = server->simulator();
        bool deletedInItsThread = false;
        bool threadFinished = false;
        // Direct connections: these run in the simulator's thread, read here after the join.
        QObject::connect(simulator.data(), &QObject::destroyed, [&, simulatorThread] {
            deletedInItsThread = QThread::currentThread() == simulatorThread;
        });
        QObject::connect(simulatorThread, &QThread::finished,
                         [&threadFinished] { threadFinished = true; });

        server.reset();
        QVERIFY(simulator.isNull());
        QVERIFY(deletedInItsThread);
        QVERIFY(threadFinished);
    }

    void endsCleanlyWithoutStart()
    {
        QTest::failOnWarning(QRegularExpression(QStringLiteral(".*")));
        QPointer<sim::Simulator> simulator;
        {
            sim::SimulatorThread server(SimHarness::quietOptions());
            simulator = server.simulator();
            QVERIFY(!simulator.isNull());
        }
        QVERIFY(simulator.isNull());
    }
};

QTEST_GUILESS_MAIN(TstSimulatorThread)
#include "tst_simulatorthread.moc"
