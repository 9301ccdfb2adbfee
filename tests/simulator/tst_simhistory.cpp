// 100 000 historical tasks paged through a TaskHistoryCollector with raw requests.

#include "rawhttpclient.h"
#include "simharness.h"

#include <QJsonArray>

#include <QTest>
#include <vim/codec.h>

class TstSimHistory final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void pagesThroughHundredThousandTasks()
    {
        // Given a simulator pre-seeded with 100 000 completed tasks
        sim::SimulatorOptions o = SimHarness::quietOptions();
        o.workload.historyTasks = 100000;
        SimHarness sim(o);
        QVERIFY(sim.ok());
        RawHttpClient c(sim.port());
        QCOMPARE(c.login().status, 200);

        // When a collector without filter is read forward with a large maxCount to the end
        const auto created =
            c.post(QStringLiteral("TaskManager/TaskManager/CreateCollectorForTasks"),
                   "{\"filter\":{\"_typeName\":\"TaskFilterSpec\"}}");
        QCOMPARE(created.status, 200);
        const QString collector = created.object().value(QLatin1String("value")).toString();
        const QString base = QStringLiteral("TaskHistoryCollector/") + collector;
        int count = 0;
        int lastId = 0;
        bool ordered = true;
        for (;;) {
            const auto page =
                c.post(base + QStringLiteral("/ReadNextTasks"), "{\"maxCount\":5000}");
            QCOMPARE(page.status, 200);
            const QJsonArray tasks = page.json().toArray();
            if (tasks.isEmpty())
                break;
            for (const QJsonValue &t : tasks) {
                const int id = t.toObject().value(QLatin1String("key")).toString().mid(5).toInt();
                ordered = ordered && id > lastId;
                lastId = id;
                ++count;
            }
        }

        // Then every task was read once, oldest first
        QCOMPARE(count, 100000);
        QVERIFY(ordered);

        // And reading backwards from the end gives the newest first
        const auto prev = c.post(base + QStringLiteral("/ReadPreviousTasks"), "{\"maxCount\":3}");
        const QJsonArray newest = prev.json().toArray();
        QCOMPARE(newest.size(), 3);
        QCOMPARE(newest.at(0).toObject().value(QLatin1String("key")).toString(),
                 QStringLiteral("task-100000"));
        QCOMPARE(newest.at(2).toObject().value(QLatin1String("key")).toString(),
                 QStringLiteral("task-99998"));
    }

    void pagesMatchTheGroundTruthAfterChanges()
    {
        // Given 300 historical tasks, one of which is changed after seeding
        sim::SimulatorOptions o = SimHarness::quietOptions();
        o.workload.historyTasks = 300;
        SimHarness sim(o);
        QVERIFY(sim.ok());
        QCOMPARE(sim->setTaskDescription(QStringLiteral("task-150"),
                                         vim::LocalizableMessage{QStringLiteral("changed.after"),
                                                                 {},
                                                                 QStringLiteral("Changed")}),
                 QString());
        RawHttpClient c(sim.port());
        QCOMPARE(c.login().status, 200);

        // When a collector over all of them is read forward in pages of 128
        const auto created =
            c.post(QStringLiteral("TaskManager/TaskManager/CreateCollectorForTasks"),
                   "{\"filter\":{\"_typeName\":\"TaskFilterSpec\"}}");
        const QString base = QStringLiteral("TaskHistoryCollector/") +
                             created.object().value(QLatin1String("value")).toString();
        QList<vim::TaskInfo> read;
        for (;;) {
            const auto page = c.post(base + QStringLiteral("/ReadNextTasks"), "{\"maxCount\":128}");
            QCOMPARE(page.status, 200);
            const auto tasks = vim::decode<QList<vim::TaskInfo>>(page.json());
            QVERIFY2(tasks.ok(), qPrintable(tasks.error().toString()));
            if (tasks->isEmpty())
                break;
            read += tasks.value();
        }

        // Then every task reads back as the ground truth holds it, the changed one with its
        // new description (the bytes kept for seeded tasks must not outlive a change)
        QCOMPARE(read, sim->tasks());
        QCOMPARE(read.at(149).description->key, QStringLiteral("changed.after"));
    }

    void stateFilterSelectsFailedTasks()
    {
        // Given 2 000 historical tasks
        sim::SimulatorOptions o = SimHarness::quietOptions();
        o.workload.historyTasks = 2000;
        SimHarness sim(o);
        RawHttpClient c(sim.port());
        c.login();
        int expected = 0;
        for (const vim::TaskInfo &t : sim->tasks())
            expected += t.state == vim::TaskInfoState::Value::Error ? 1 : 0;
        QVERIFY(expected > 0);

        // When a collector filtered on state "error" is read to the end
        const auto created =
            c.post(QStringLiteral("TaskManager/TaskManager/CreateCollectorForTasks"),
                   "{\"filter\":{\"_typeName\":\"TaskFilterSpec\",\"state\":[\"error\"]}}");
        const QString base = QStringLiteral("TaskHistoryCollector/") +
                             created.object().value(QLatin1String("value")).toString();
        int count = 0;
        for (;;) {
            const QJsonArray tasks =
                c.post(base + QStringLiteral("/ReadNextTasks"), "{\"maxCount\":700}")
                    .json()
                    .toArray();
            if (tasks.isEmpty())
                break;
            for (const QJsonValue &t : tasks)
                QCOMPARE(t.toObject().value(QLatin1String("state")).toString(),
                         QStringLiteral("error"));
            count += int(tasks.size());
        }
        // Then exactly the failed tasks of the ground truth came back
        QCOMPARE(count, expected);
    }
};

QTEST_GUILESS_MAIN(TstSimHistory)
#include "tst_simhistory.moc"
