// Under a workload of 50 new tasks/s, a raw WaitForUpdatesEx loop watching latestPage and a
// ListView on Task.info sees every task and every state change in order; what it saw is
// compared with the simulator's ground truth.

#include "rawhttpclient.h"
#include "simharness.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSet>
#include <QTest>

namespace {

int rank(const QString &state)
{
    if (state == QLatin1String("queued"))
        return 0;
    if (state == QLatin1String("running"))
        return 1;
    return 2;
}

struct Seen
{
    QStringList states;
    int progress = -1;
    bool progressMonotonic = true;
    bool cancelled = false;
    QString errorType;
    bool inView = false;
};

QString jsonString(const QJsonObject &o, const char *key)
{
    return o.value(QLatin1String(key)).toString();
}

} // namespace

class TstSimWatch final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void watchSeesEveryChangeInOrder()
    {
        // Given a simulator generating 50 short tasks per second
        sim::SimulatorOptions o = SimHarness::quietOptions();
        o.workload.enabled = true;
        o.workload.seed = 11;
        o.workload.tasksPerSecond = 50;
        o.workload.medianDurationMs = 400;
        o.workload.durationSpread = 0.5;
        o.workload.cancelRatio = 0.05;
        o.workload.failureRatio = 0.1;
        o.workload.parentShare = 0.05;
        SimHarness sim(o);
        QVERIFY(sim.ok());
        // The ground truth's own sequence of states per task, from the change signal.
        QHash<QString, QStringList> truthStates;
        QObject receiver;
        QObject::connect(
            sim.simulator(), &sim::Simulator::taskCreated, &receiver,
            [&](const vim::TaskInfo &t) { truthStates[t.key].append(t.state.toString()); },
            Qt::QueuedConnection);
        QObject::connect(
            sim.simulator(), &sim::Simulator::taskChanged, &receiver,
            [&](const vim::TaskInfo &t, bool stateChanged) {
                if (stateChanged)
                    truthStates[t.key].append(t.state.toString());
            },
            Qt::QueuedConnection);
        RawHttpClient c(sim.port());
        QCOMPARE(c.login().status, 200);

        // And a collector on the root folder with a large latest page, a private
        // PropertyCollector, a filter on latestPage and a ListView filter on Task.info
        const auto coll = c.post(
            QStringLiteral("TaskManager/TaskManager/CreateCollectorForTasks"),
            "{\"filter\":{\"_typeName\":\"TaskFilterSpec\",\"entity\":{\"_typeName\":"
            "\"TaskFilterSpecByEntity\",\"entity\":{\"_typeName\":\"ManagedObjectReference\","
            "\"type\":\"Folder\",\"value\":\"group-d1\"},\"recursion\":\"all\"}}}");
        QCOMPARE(coll.status, 200);
        const QByteArray collector =
            coll.object().value(QLatin1String("value")).toString().toUtf8();
        QCOMPARE(c.post(QStringLiteral("TaskHistoryCollector/") + QString::fromUtf8(collector) +
                            QStringLiteral("/SetCollectorPageSize"),
                        "{\"maxCount\":500}")
                     .status,
                 204);
        const QString pc =
            c.post(QStringLiteral("PropertyCollector/propertyCollector/CreatePropertyCollector"))
                .object()
                .value(QLatin1String("value"))
                .toString();
        const QString lv = c.post(QStringLiteral("ViewManager/ViewManager/CreateListView"), "{}")
                               .object()
                               .value(QLatin1String("value"))
                               .toString();
        QCOMPARE(
            c.post(QStringLiteral("PropertyCollector/") + pc + QStringLiteral("/CreateFilter"),
                   "{\"spec\":{\"_typeName\":\"PropertyFilterSpec\",\"propSet\":[{\"_typeName\":"
                   "\"PropertySpec\",\"type\":\"TaskHistoryCollector\",\"pathSet\":[\"latestPage\"]"
                   "}],\"objectSet\":[{\"_typeName\":\"ObjectSpec\",\"obj\":{\"_typeName\":"
                   "\"ManagedObjectReference\",\"type\":\"TaskHistoryCollector\",\"value\":\"" +
                       collector + "\"}}]},\"partialUpdates\":false}")
                .status,
            200);
        QCOMPARE(
            c.post(QStringLiteral("PropertyCollector/") + pc + QStringLiteral("/CreateFilter"),
                   "{\"spec\":{\"_typeName\":\"PropertyFilterSpec\",\"propSet\":[{\"_typeName\":"
                   "\"PropertySpec\",\"type\":\"Task\",\"pathSet\":[\"info\"]}],\"objectSet\":[{\"_"
                   "typeName\":\"ObjectSpec\",\"obj\":{\"_typeName\":\"ManagedObjectReference\","
                   "\"type\":\"ListView\",\"value\":\"" +
                       lv.toUtf8() +
                       "\"},\"skip\":true,\"selectSet\":[{\"_typeName\":\"TraversalSpec\",\"name\":"
                       "\"view\",\"type\":\"ListView\",\"path\":\"view\",\"skip\":false}]}],"
                       "\"reportMissingObjectsInResults\":true},\"partialUpdates\":false}")
                .status,
            200);

        // When the client loops on WaitForUpdatesEx for 3 s of load, then until all is done
        QHash<QString, Seen> seen;
        int firstWatchedId = -1;
        qint64 lastVersion = 0;
        QString version;
        QElapsedTimer clock;
        clock.start();
        bool arrivalsStopped = false;
        auto observe = [&](const QJsonObject &info, bool fromView) {
            const QString key = jsonString(info, "key");
            Seen &s = seen[key];
            const QString state = jsonString(info, "state");
            if (s.states.isEmpty() || s.states.last() != state)
                s.states.append(state);
            if (fromView && info.contains(QLatin1String("progress"))) {
                const int p = info.value(QLatin1String("progress")).toInt();
                s.progressMonotonic = s.progressMonotonic && p >= s.progress;
                s.progress = p;
            }
            s.cancelled = info.value(QLatin1String("cancelled")).toBool();
            s.errorType = info.value(QLatin1String("error"))
                              .toObject()
                              .value(QLatin1String("_typeName"))
                              .toString();
        };
        for (;;) {
            const QByteArray body =
                "{\"version\":\"" + version.toUtf8() +
                "\",\"options\":{\"_typeName\":\"WaitOptions\",\"maxWaitSeconds\":2}}";
            const auto r = c.post(QStringLiteral("PropertyCollector/") + pc +
                                      QStringLiteral("/WaitForUpdatesEx"),
                                  body);
            QVERIFY2(r.status == 200 || r.status == 204, r.body.constData());
            if (!arrivalsStopped && clock.elapsed() > 3000) {
                sim->setWorkloadRate(0);
                arrivalsStopped = true;
            }
            if (r.status == 200) {
                const QJsonObject set = r.object();
                const qint64 v = jsonString(set, "version").toLongLong();
                QVERIFY(v > lastVersion);
                lastVersion = v;
                version = jsonString(set, "version");
                QJsonArray add;
                QJsonArray remove;
                for (const QJsonValue &fu : set.value(QLatin1String("filterSet")).toArray()) {
                    for (const QJsonValue &ouv :
                         fu.toObject().value(QLatin1String("objectSet")).toArray()) {
                        const QJsonObject ou = ouv.toObject();
                        const QJsonObject obj = ou.value(QLatin1String("obj")).toObject();
                        if (jsonString(ou, "kind") == QLatin1String("leave"))
                            continue;
                        const QJsonObject change =
                            ou.value(QLatin1String("changeSet")).toArray().at(0).toObject();
                        const QJsonObject val = change.value(QLatin1String("val")).toObject();
                        if (jsonString(obj, "type") == QLatin1String("TaskHistoryCollector")) {
                            QCOMPARE(jsonString(val, "_typeName"),
                                     QStringLiteral("ArrayOfTaskInfo"));
                            for (const QJsonValue &t :
                                 val.value(QLatin1String("_value")).toArray()) {
                                const QJsonObject info = t.toObject();
                                const QString key = jsonString(info, "key");
                                const int id = key.mid(5).toInt();
                                if (firstWatchedId < 0)
                                    firstWatchedId = id;
                                const bool isNew = !seen.contains(key);
                                observe(info, false);
                                if (isNew && rank(jsonString(info, "state")) < 2) {
                                    add.append(QJsonObject{
                                        {QStringLiteral("_typeName"),
                                         QStringLiteral("ManagedObjectReference")},
                                        {QStringLiteral("type"), QStringLiteral("Task")},
                                        {QStringLiteral("value"), key}});
                                    seen[key].inView = true;
                                }
                            }
                        } else {
                            QCOMPARE(jsonString(change, "name"), QStringLiteral("info"));
                            observe(val, true);
                            if (rank(jsonString(val, "state")) == 2)
                                remove.append(obj);
                        }
                    }
                }
                if (!add.isEmpty() || !remove.isEmpty()) {
                    const QJsonObject req{{QStringLiteral("add"), add},
                                          {QStringLiteral("remove"), remove}};
                    const auto m =
                        c.post(QStringLiteral("ListView/") + lv + QStringLiteral("/ModifyListView"),
                               QJsonDocument(req).toJson(QJsonDocument::Compact));
                    QCOMPARE(m.status, 200);
                }
            }
            if (arrivalsStopped && sim->stats().activeTasks == 0) {
                // Everything finished; one more round collects the last changes.
                bool allFinal = true;
                for (const vim::TaskInfo &t : sim->tasks()) {
                    const int id = t.key.mid(5).toInt();
                    if (id >= firstWatchedId &&
                        (!seen.contains(t.key) || rank(seen[t.key].states.last()) < 2))
                        allFinal = false;
                }
                if (allFinal)
                    break;
            }
            QVERIFY2(clock.elapsed() < 40000, "watch did not converge");
        }

        // Then every task created since the watch began was seen, in state order, ending as
        // the ground truth ended
        const QList<vim::TaskInfo> truth = sim->tasks();
        // Every signal was posted before tasks() returned; deliver them.
        QCoreApplication::processEvents();
        int checked = 0;
        int sequencesChecked = 0;
        for (const vim::TaskInfo &t : truth) {
            if (t.key.mid(5).toInt() < firstWatchedId)
                continue;
            QVERIFY2(seen.contains(t.key), qPrintable(t.key));
            const Seen &s = seen[t.key];
            for (qsizetype i = 1; i < s.states.size(); ++i)
                QVERIFY2(rank(s.states.at(i)) >= rank(s.states.at(i - 1)),
                         qPrintable(t.key + s.states.join(QLatin1Char(','))));
            QCOMPARE(s.states.last(), t.state.toString());
            QCOMPARE(s.cancelled, t.cancelled);
            QCOMPARE(s.errorType, t.error ? t.error->typeName : QString());
            QVERIFY2(s.progressMonotonic, qPrintable(t.key));
            // What the watch saw is the truth's sequence with some steps coalesced.
            const QStringList full = truthStates.value(t.key);
            if (full.value(0) == QLatin1String("queued")) {
                qsizetype at = 0;
                for (const QString &state : s.states) {
                    while (at < full.size() && full.at(at) != state)
                        ++at;
                    QVERIFY2(at < full.size(),
                             qPrintable(t.key + QLatin1Char(' ') + s.states.join(QLatin1Char(',')) +
                                        QStringLiteral(" vs ") + full.join(QLatin1Char(','))));
                }
                QCOMPARE(full.last(), t.state.toString());
                ++sequencesChecked;
            }
            ++checked;
        }
        qInfo("watched %d tasks, %d full state sequences compared", checked, sequencesChecked);
        QVERIFY2(checked >= 100, qPrintable(QString::number(checked)));
        QVERIFY2(sequencesChecked >= checked * 9 / 10,
                 qPrintable(QString::number(sequencesChecked)));
    }
};

QTEST_GUILESS_MAIN(TstSimWatch)
#include "tst_simwatch.moc"
