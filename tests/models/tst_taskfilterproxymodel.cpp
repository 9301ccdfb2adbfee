#include "taskfactory.h"

#include <recenttasksmodel.h>
#include <taskfilterproxymodel.h>

#include <QAbstractItemModelTester>
#include <QTest>

using namespace taskfactory;
using namespace TaskTable;
using State = vim::TaskInfoState::Value;

class tst_TaskFilterProxyModel final : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void init()
    {
        m_source = std::make_unique<RecentTasksModel>();
        // The factory's tasks live in 2024: tell the model the server's clock says so.
        m_source->setServerClockOffset(taskfactory::t0().toMSecsSinceEpoch() -
                                       QDateTime::currentMSecsSinceEpoch());
        m_proxy = std::make_unique<TaskFilterProxyModel>();
        m_proxy->setSourceModel(m_source.get());
        m_tester = std::make_unique<QAbstractItemModelTester>(
            m_proxy.get(), QAbstractItemModelTester::FailureReportingMode::QtTest);
        vim::TaskInfo cancelled = task(4, State::Error, QStringLiteral("bob"));
        cancelled.cancelled = true;
        vim::TaskInfo system = task(5, State::Running);
        system.reason = vim::TaskReason::system();
        system.description =
            vim::LocalizableMessage{QStringLiteral("k"), {}, QStringLiteral("Copying disk0")};
        m_source->applyUpdates({task(1), task(2, State::Running, QStringLiteral("bob")),
                                task(3, State::Success), cancelled, system, task(6, State::Error)});
    }
    void cleanup()
    {
        m_tester.reset();
        m_proxy.reset();
        m_source.reset();
    }

    void filtersByState_data()
    {
        QTest::addColumn<int>("states");
        QTest::addColumn<QString>("expected");
        QTest::newRow("all") << int(TaskFilterProxyModel::AllStates)
                             << QStringLiteral("task-1,task-2,task-3,task-4,task-5,task-6");
        QTest::newRow("running") << int(TaskFilterProxyModel::Running)
                                 << QStringLiteral("task-2,task-5");
        QTest::newRow("failed") << int(TaskFilterProxyModel::Failed) << QStringLiteral("task-6");
        QTest::newRow("cancelled")
            << int(TaskFilterProxyModel::Cancelled) << QStringLiteral("task-4");
        QTest::newRow("active") << int(TaskFilterProxyModel::Active)
                                << QStringLiteral("task-1,task-2,task-5");
    }
    void filtersByState()
    {
        QFETCH(int, states);
        QFETCH(QString, expected);
        // When the state filter is set
        m_proxy->setStateFilter(TaskFilterProxyModel::StateFilters(states));
        // Then only those rows remain
        QCOMPARE(keys(*m_proxy), expected);
    }

    void filtersByTextInitiatorEntityAndTime()
    {
        // Free text matches the initiator, the target and the details
        m_proxy->setText(QStringLiteral("BOB"));
        QCOMPARE(keys(*m_proxy), QStringLiteral("task-2,task-4"));
        m_proxy->setText(QStringLiteral("web-3"));
        QCOMPARE(keys(*m_proxy), QStringLiteral("task-3"));
        m_proxy->setText(QStringLiteral("disk0"));
        QCOMPARE(keys(*m_proxy), QStringLiteral("task-5"));
        m_proxy->setText({});
        // Initiator is exact
        m_proxy->setInitiator(QStringLiteral("system"));
        QCOMPARE(keys(*m_proxy), QStringLiteral("task-5"));
        m_proxy->setInitiator({});
        // Entity
        m_proxy->setEntity({QStringLiteral("VirtualMachine"), QStringLiteral("vm-6")});
        QCOMPARE(keys(*m_proxy), QStringLiteral("task-6"));
        m_proxy->setEntity({});
        // Queue time range (task n is queued n seconds after t0)
        m_proxy->setTimeRange(t0().addSecs(2), t0().addSecs(3));
        QCOMPARE(keys(*m_proxy), QStringLiteral("task-2,task-3"));
    }

    void sortsOnRawWithEmptyLast()
    {
        // Given tasks where only some have completed
        // When sorted by completion time, both ways
        m_proxy->sort(CompletionTimeColumn, Qt::AscendingOrder);
        // Then tasks without a completion time come last in either order
        QCOMPARE(keys(*m_proxy), QStringLiteral("task-3,task-4,task-6,task-1,task-2,task-5"));
        m_proxy->sort(CompletionTimeColumn, Qt::DescendingOrder);
        QCOMPARE(keys(*m_proxy), QStringLiteral("task-6,task-4,task-3,task-1,task-2,task-5"));
        // And durations compare as numbers, not text
        m_proxy->sort(QueuedForColumn, Qt::AscendingOrder);
        QCOMPARE(keys(*m_proxy).left(6), QStringLiteral("task-2"));
    }

    void followsLiveUpdates()
    {
        // Given a proxy showing running tasks
        m_proxy->setStateFilter(TaskFilterProxyModel::Running);
        // When task 1 starts and task 2 finishes
        m_source->applyUpdates({task(1, State::Running), task(2, State::Success)});
        m_source->flushChanges();
        // Then the proxy follows
        QCOMPARE(keys(*m_proxy), QStringLiteral("task-1,task-5"));
    }

private:
    std::unique_ptr<RecentTasksModel> m_source;
    std::unique_ptr<TaskFilterProxyModel> m_proxy;
    std::unique_ptr<QAbstractItemModelTester> m_tester;
};

QTEST_GUILESS_MAIN(tst_TaskFilterProxyModel)
#include "tst_taskfilterproxymodel.moc"
