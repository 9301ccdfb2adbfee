#include "simfixture.h"

#include <taskhistorymodel.h>
#include <taskmanager.h>

#include <QAbstractItemModelTester>

// TaskHistoryModel against the simulator: lazy newest-first paging, errors as status.
class tst_TaskHistoryModel final : public QObject
{
    Q_OBJECT
private:
    static sim::SimulatorOptions historyOptions()
    {
        sim::SimulatorOptions o = SimFixture::quickOptions();
        o.workload.enabled = false;
        o.workload.historyTasks = 120;
        return o;
    }

    static vim::TaskFilterSpec everything(SimFixture &f)
    {
        vim::TaskFilterSpec filter;
        filter.entity = vim::TaskFilterSpecByEntity{f.connection().serviceContent().rootFolder,
                                                    vim::TaskFilterSpecRecursionOption::Value::All};
        return filter;
    }

    /// 120 finished tasks on a server, and a checked model over all of them in pages of 25
    /// that open() asks for the latest page.
    struct History
    {
        SimFixture f{historyOptions()};
        std::unique_ptr<TaskHistoryModel> model;
        std::unique_ptr<QAbstractItemModelTester> tester;

        /// True once connected and the latest page is shown.
        bool open()
        {
            if (!f.connect())
                return false;
            model = std::make_unique<TaskHistoryModel>(&f.connection());
            tester = std::make_unique<QAbstractItemModelTester>(
                model.get(), QAbstractItemModelTester::FailureReportingMode::QtTest);
            model->setPageSize(25);
            model->setFilter(everything(f));
            return QTest::qWaitFor(
                [this] { return model->status() == TaskHistoryModel::Status::Ready; }, 10'000);
        }
    };

    /// Fetches as a scrolling view would until the model is Complete; false when it stalls.
    static bool readToTheEnd(TaskHistoryModel &model)
    {
        while (model.status() != TaskHistoryModel::Status::Complete) {
            if (model.canFetchMore({}))
                model.fetchMore({});
            if (!QTest::qWaitFor(
                    [&model] {
                        return model.status() == TaskHistoryModel::Status::Ready ||
                               model.status() == TaskHistoryModel::Status::Complete;
                    },
                    10'000))
                return false;
        }
        return true;
    }

private Q_SLOTS:
    void pagesNewestFirstToTheEnd()
    {
        // Given a server with 120 finished tasks in its history, When a filter is set
        History h;
        QVERIFY(h.open());
        SimFixture &f = h.f;
        TaskHistoryModel &model = *h.model;
        // Then the latest page comes first, and more can be fetched
        QCOMPARE(model.rowCount(), 25);
        QVERIFY(model.canFetchMore({}));
        QTRY_COMPARE(model.maxCollector(), 32);
        // When fetching until the end
        QVERIFY(readToTheEnd(model));
        // Then every task is there once, newest first
        QCOMPARE(model.rowCount(), int(f.sim().tasks().size()));
        for (int r = 1; r < model.rowCount(); ++r)
            QVERIFY(model.task(r - 1).queueTime >= model.task(r).queueTime);
        // with the server's content, and the texts that repeat from row to row held once
        // (one buffer per distinct task type, user and state, whatever the row count)
        QHash<QString, vim::TaskInfo> truth;
        for (const vim::TaskInfo &t : f.sim().tasks())
            truth.insert(t.key, t);
        QSet<QString> texts;
        QSet<const QChar *> buffers;
        for (int r = 0; r < model.rowCount(); ++r) {
            const vim::TaskInfo t = model.task(r);
            QCOMPARE(t, truth.value(t.key));
            for (const QString *s : {&t.descriptionId, &t.reason.userName, &t.state.toString()}) {
                texts.insert(*s);
                buffers.insert(s->constData());
            }
            QCOMPARE(t.task.value.constData(), t.key.constData());
        }
        QVERIFY(texts.size() < model.rowCount());
        QCOMPARE(buffers.size(), texts.size());
        QCOMPARE(f.sim().stats().collectors, 1);
        // When the model closes its collector
        model.close();
        QTRY_COMPARE(f.sim().stats().collectors, 0);
    }

    void readsOnePageAhead()
    {
        // Given the latest 25 of 120 tasks shown
        History h;
        QVERIFY(h.open());
        SimFixture &f = h.f;
        TaskHistoryModel &model = *h.model;
        // Then nothing is read before the view asks: most operators never scroll
        const qint64 idle = f.sim().stats().requests;
        QTest::qWait(300);
        QCOMPARE(f.sim().stats().requests, idle);

        // When the view asks for the next page
        model.fetchMore({});
        QCOMPARE(model.status(), TaskHistoryModel::Status::Loading);
        QTRY_COMPARE_WITH_TIMEOUT(model.status(), TaskHistoryModel::Status::Ready, 10'000);
        QCOMPARE(model.rowCount(), 50);
        // Then the page after it is read too, without being asked, and kept back
        QTRY_COMPARE_WITH_TIMEOUT(f.sim().stats().requests, idle + 2, 10'000);
        QTest::qWait(200);
        QCOMPARE(model.rowCount(), 50);
        // and the next fetchMore shows it at once, still newest first
        model.fetchMore({});
        QCOMPARE(model.rowCount(), 75);
        QCOMPARE(model.status(), TaskHistoryModel::Status::Ready);
        for (int r = 1; r < model.rowCount(); ++r)
            QVERIFY(model.task(r - 1).queueTime >= model.task(r).queueTime);
        // When read to the end, no read goes out beyond it
        QVERIFY(readToTheEnd(model));
        QCOMPARE(model.rowCount(), 120);
        const qint64 atEnd = f.sim().stats().requests;
        QTest::qWait(300);
        QCOMPARE(f.sim().stats().requests, atEnd);
    }

    void rewindAndResetMoveTheSameCollector()
    {
        // Given the latest page shown through a collector
        History h;
        QVERIFY(h.open());
        TaskHistoryModel &model = *h.model;
        const vim::ManagedObjectReference collector = model.collector();
        QVERIFY(!collector.isNull());
        // When rewound
        model.rewind();
        QTRY_COMPARE_WITH_TIMEOUT(model.status(), TaskHistoryModel::Status::Ready, 10'000);
        // Then it reads oldest first through the same collector, to the end
        QCOMPARE(model.collector(), collector);
        QVERIFY(readToTheEnd(model));
        QCOMPARE(model.rowCount(), 120);
        for (int r = 1; r < model.rowCount(); ++r)
            QVERIFY(model.task(r - 1).queueTime <= model.task(r).queueTime);
        // When reset
        model.reset();
        QTRY_COMPARE_WITH_TIMEOUT(model.status(), TaskHistoryModel::Status::Ready, 10'000);
        // Then the latest page is back, newest first, still through that collector
        QCOMPARE(model.rowCount(), 25);
        QVERIFY(model.task(0).queueTime >= model.task(24).queueTime);
        QCOMPARE(model.collector(), collector);
        QCOMPARE(h.f.sim().stats().collectors, 1);
    }

    void refilterReplacesTheCollector()
    {
        // Given a model with a filter
        SimFixture f(historyOptions());
        QVERIFY(f.connect());
        TaskHistoryModel model(&f.connection());
        model.setFilter(everything(f));
        QTRY_COMPARE_WITH_TIMEOUT(model.status(), TaskHistoryModel::Status::Ready, 10'000);
        // When the filter changes to failed tasks only
        vim::TaskFilterSpec failed = everything(f);
        failed.state = {vim::TaskInfoState::Value::Error};
        model.setFilter(failed);
        // Then, as they are fewer than a page, the model finds out by itself it has them all
        QTRY_COMPARE_WITH_TIMEOUT(model.status(), TaskHistoryModel::Status::Complete, 10'000);
        QVERIFY(model.rowCount() < 50);
        // and only failed tasks show, and one collector is alive
        for (int r = 0; r < model.rowCount(); ++r)
            QCOMPARE(model.task(r).state.toString(), QStringLiteral("error"));
        QTRY_COMPARE(f.sim().stats().collectors, 1);
    }

    void adoptsACollectorItDidNotCreate()
    {
        // Given a collector created elsewhere (the New Collector dialog) for failed tasks
        SimFixture f(historyOptions());
        QVERIFY(f.connect());
        vim::TaskFilterSpec failed = everything(f);
        failed.state = {vim::TaskInfoState::Value::Error};
        const auto &tm = *f.connection().serviceContent().taskManager;
        std::optional<vim::ManagedObjectReference> created;
        svc::TaskManager(&f.connection(), tm)
            .createCollectorForTasks(failed)
            .then(&f.connection(), [&](const VimResult<vim::ManagedObjectReference> &r) {
                QVERIFY(r.ok());
                created = r.value();
            });
        QTRY_VERIFY(created.has_value());
        TaskHistoryModel model(&f.connection());
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        // When the model adopts it
        model.adoptCollector(*created, failed);
        QTRY_COMPARE_WITH_TIMEOUT(model.status(), TaskHistoryModel::Status::Complete, 10'000);
        // Then it reads through that collector: no second one, failed tasks only
        QCOMPARE(model.collector(), *created);
        QCOMPARE(f.sim().stats().collectors, 1);
        QVERIFY(model.rowCount() > 0);
        for (int r = 0; r < model.rowCount(); ++r)
            QCOMPARE(model.task(r).state.toString(), QStringLiteral("error"));
        // And closing the model destroys it
        model.close();
        QTRY_COMPARE(f.sim().stats().collectors, 0);
    }

    void budgetAndUnsupportedAreStatus()
    {
        // Given a server allowing one collector per session
        sim::SimulatorOptions o = historyOptions();
        o.maxCollectors = 1;
        SimFixture f(o);
        QVERIFY(f.connect());
        TaskHistoryModel first(&f.connection());
        TaskHistoryModel second(&f.connection());
        first.setFilter(everything(f));
        QTRY_COMPARE_WITH_TIMEOUT(first.status(), TaskHistoryModel::Status::Ready, 10'000);
        // When a second history is opened
        second.setFilter(everything(f));
        // Then it reports the exhausted budget instead of failing hard
        QTRY_COMPARE_WITH_TIMEOUT(second.status(), TaskHistoryModel::Status::TooManyCollectors,
                                  10'000);
        QVERIFY(!second.errorString().isEmpty());
        QVERIFY(!second.canFetchMore({}));
    }

    void esxiHasNoHistory()
    {
        // Given an ESXi host
        sim::SimulatorOptions o = historyOptions();
        o.esxi = true;
        SimFixture f(o);
        QVERIFY(f.connect());
        TaskHistoryModel model(&f.connection());
        // When history is asked for
        model.setFilter(everything(f));
        // Then the model says it is unsupported
        QTRY_COMPARE_WITH_TIMEOUT(model.status(), TaskHistoryModel::Status::Unsupported, 10'000);
        QVERIFY(!model.errorString().isEmpty());
    }
};

QTEST_GUILESS_MAIN(tst_TaskHistoryModel)
#include "tst_taskhistorymodel.moc"
