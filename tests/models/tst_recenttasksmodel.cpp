#include "taskfactory.h"

#include <recenttasksmodel.h>
#include <taskfilterproxymodel.h>

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTest>

using namespace taskfactory;
using namespace TaskTable;
using State = vim::TaskInfoState::Value;

class tst_RecentTasksModel final : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void init()
    {
        m_model = std::make_unique<RecentTasksModel>();
        // The factory's tasks live in 2024: tell the model the server's clock says so.
        m_model->setServerClockOffset(t0().toMSecsSinceEpoch() -
                                      QDateTime::currentMSecsSinceEpoch());
        m_tester = std::make_unique<QAbstractItemModelTester>(
            m_model.get(), QAbstractItemModelTester::FailureReportingMode::QtTest);
    }
    void cleanup()
    {
        m_tester.reset();
        m_model.reset();
    }

    void insertsNewTasksInOneBatch()
    {
        // Given an empty model
        QSignalSpy inserted(m_model.get(), &QAbstractItemModel::rowsInserted);
        // When three new tasks arrive in one update
        m_model->applyUpdates({task(1), task(2), task(3)});
        // Then they are inserted with one signal, in order
        QCOMPARE(inserted.size(), 1);
        QCOMPARE(inserted.at(0).at(1).toInt(), 0);
        QCOMPARE(inserted.at(0).at(2).toInt(), 2);
        QCOMPARE(keys(*m_model), QStringLiteral("task-1,task-2,task-3"));
    }

    void duplicateKeyInOneBatchIsOneRow()
    {
        // Given a batch holding the same task twice, as latestPage and Task.info can
        vim::TaskInfo running = task(1, State::Running);
        // When it is applied
        m_model->applyUpdates({task(1), running});
        // Then there is one row with the last state
        QCOMPARE(m_model->rowCount(), 1);
        QCOMPARE(cell(*m_model, 0, StatusColumn, StateRole), QStringLiteral("running"));
    }

    void formatsColumns()
    {
        // Given a description and a failed task started by a user
        m_model->setDescription(description());
        m_model->setServerName(QStringLiteral("vc1"));
        vim::TaskInfo t = task(1, State::Error);
        t.description =
            vim::LocalizableMessage{QStringLiteral("k"), {}, QStringLiteral("Copying disk0")};
        // When it is applied
        m_model->applyUpdates({t});
        // Then every column shows what the operator expects
        QCOMPARE(cell(*m_model, 0, TaskColumn), QStringLiteral("Power On virtual machine"));
        QCOMPARE(cell(*m_model, 0, TargetColumn), QStringLiteral("web-1"));
        QCOMPARE(cell(*m_model, 0, TargetColumn, Qt::ToolTipRole),
                 QStringLiteral("VirtualMachine:vm-1"));
        QCOMPARE(cell(*m_model, 0, StatusColumn), QStringLiteral("backend unavailable"));
        QCOMPARE(cell(*m_model, 0, DetailsColumn), QStringLiteral("Copying disk0"));
        QCOMPARE(cell(*m_model, 0, InitiatorColumn), QStringLiteral("VSPHERE.LOCAL\\alice"));
        QCOMPARE(cell(*m_model, 0, QueuedForColumn), QStringLiteral("250 ms"));
        QCOMPARE(m_model->index(0, QueuedForColumn).data(RawRole).toLongLong(), 250);
        QCOMPARE(cell(*m_model, 0, DurationColumn), QStringLiteral("5 s"));
        QCOMPARE(m_model->index(0, StartTimeColumn).data(RawRole).toDateTime(),
                 t.startTime.value());
        QCOMPARE(cell(*m_model, 0, ServerColumn), QStringLiteral("vc1"));
        QVERIFY(!m_model->index(0, StatusColumn).data(ProgressRole).isValid());
    }

    void fallsBackToNameThenKey()
    {
        // Given no description, a task with a name and one with neither name nor descriptionId
        vim::TaskInfo anonymous = task(2);
        anonymous.name.reset();
        anonymous.descriptionId.clear();
        anonymous.reason = vim::TaskReason::system();
        // When they are applied
        m_model->applyUpdates({task(1), anonymous});
        // Then the label falls back to the method name, then to the key
        QCOMPARE(cell(*m_model, 0, TaskColumn), QStringLiteral("PowerOnVM_Task"));
        QCOMPARE(cell(*m_model, 1, TaskColumn), QStringLiteral("task-2"));
        QCOMPARE(cell(*m_model, 1, InitiatorColumn), QStringLiteral("System"));
    }

    void runningShowsProgressAndCancelPending()
    {
        // Given a running task at 40 %
        m_model->setDescription(description());
        vim::TaskInfo t = task(1, State::Running);
        t.progress = 40;
        m_model->applyUpdates({t});
        QCOMPARE(cell(*m_model, 0, StatusColumn), QStringLiteral("Running 40 %"));
        // When a cancel is requested
        m_model->setCancelPending(t.key);
        // Then the status says so until the task ends
        QCOMPARE(cell(*m_model, 0, StatusColumn), QStringLiteral("Cancelling…"));
        QVERIFY(m_model->index(0, StatusColumn).data(CancelPendingRole).toBool());
        vim::TaskInfo done = task(1, State::Error);
        done.cancelled = true;
        done.error = vim::MethodFault::make(QStringLiteral("RequestCanceled"),
                                            QStringLiteral("The task was canceled by a user."));
        m_model->applyUpdates({done});
        QCOMPARE(cell(*m_model, 0, StatusColumn),
                 QStringLiteral("The task was canceled by a user."));
        QVERIFY(!m_model->index(0, StatusColumn).data(CancelPendingRole).toBool());
    }

    void dataChangedIsMinimalAndCoalesced()
    {
        // Given five running tasks
        QList<vim::TaskInfo> tasks;
        for (int i = 1; i <= 5; ++i) {
            tasks.append(task(i, State::Running));
            tasks.last().progress = 10;
        }
        m_model->applyUpdates(tasks);
        QTest::qWait(0);
        QSignalSpy changed(m_model.get(), &QAbstractItemModel::dataChanged);
        // When the progress of tasks 2, 3 and 4 changes, in two separate updates in one tick
        tasks[1].progress = 20;
        tasks[2].progress = 20;
        m_model->applyUpdates({tasks[1]});
        m_model->applyUpdates({tasks[2]});
        tasks[3].progress = 30;
        m_model->applyUpdates({tasks[3]});
        // Then nothing is emitted synchronously...
        QCOMPARE(changed.size(), 0);
        // ...and on the next tick one range covers rows 1–3 per changed column, with only the
        // roles that changed
        QTRY_VERIFY(!changed.isEmpty());
        QStringList seen;
        for (const auto &args : std::as_const(changed)) {
            const auto tl = args.at(0).value<QModelIndex>();
            const auto br = args.at(1).value<QModelIndex>();
            auto roles = args.at(2).value<QList<int>>();
            std::sort(roles.begin(), roles.end());
            QStringList names;
            for (int r : roles)
                names.append(QString::number(r));
            seen.append(QStringLiteral("%1-%2:%3-%4:%5")
                            .arg(tl.row())
                            .arg(br.row())
                            .arg(tl.column())
                            .arg(br.column())
                            .arg(names.join(QLatin1Char('/'))));
        }
        const QString task =
            QStringLiteral("1-3:%1-%1:%2/%3").arg(TaskColumn).arg(TaskInfoRole).arg(ProgressRole);
        // The raw state ("running") did not change, so RawRole is not named.
        const QString status = QStringLiteral("1-3:%1-%1:%2/%3")
                                   .arg(StatusColumn)
                                   .arg(Qt::DisplayRole)
                                   .arg(ProgressRole);
        QCOMPARE(seen, (QStringList{task, status}));
    }

    void unchangedUpdateEmitsNothing()
    {
        // Given a task
        m_model->applyUpdates({task(1, State::Running)});
        QSignalSpy changed(m_model.get(), &QAbstractItemModel::dataChanged);
        // When the same TaskInfo arrives again
        m_model->applyUpdates({task(1, State::Running)});
        QTest::qWait(0);
        // Then no signal
        QCOMPARE(changed.size(), 0);
    }

    void noResetDuringAStreamOfUpdates()
    {
        // Given a model watched for resets
        QSignalSpy resets(m_model.get(), &QAbstractItemModel::modelReset);
        m_model->setRetention(0, 20);
        // When 300 updates insert, progress, finish and age out tasks
        for (int i = 1; i <= 100; ++i) {
            vim::TaskInfo t = task(i, State::Running);
            t.progress = i % 100;
            m_model->applyUpdates({task(i), t});
            if (i > 3)
                m_model->applyUpdates({task(i - 3, State::Success)});
            m_model->setDescription(i % 2 ? description() : vim::TaskDescription());
            if (i % 10 == 0)
                QTest::qWait(0);
        }
        QTest::qWait(0);
        // Then the model was never reset, and retention kept 20 finished plus the running
        QCOMPARE(resets.size(), 0);
        QCOMPARE(m_model->rowCount(), 23);
    }

    void retentionByAgeAndCount()
    {
        // Given two finished tasks and one running
        m_model->applyUpdates(
            {task(1, State::Success), task(2, State::Error), task(3, State::Running)});
        QSignalSpy removed(m_model.get(), &QAbstractItemModel::rowsRemoved);
        // When an hour passes with a retention of ten minutes
        m_model->expireFinished(QDateTime::currentDateTimeUtc().addSecs(3600));
        // Then the finished rows go in one contiguous removal and the running one stays
        QCOMPARE(keys(*m_model), QStringLiteral("task-3"));
        QCOMPARE(removed.size(), 1);
        // And a count limit keeps the most recently completed
        m_model->setRetention(0, 1);
        m_model->applyUpdates({task(4, State::Success), task(5, State::Success)});
        QCOMPARE(keys(*m_model), QStringLiteral("task-3,task-5"));
    }

    void unreportedTasksAreMarkedNotRunning()
    {
        // Given two running tasks, seen through the Running filter
        m_model->applyUpdates({task(1, State::Running), task(2, State::Running)});
        TaskFilterProxyModel running;
        running.setSourceModel(m_model.get());
        running.setStateFilter(TaskFilterProxyModel::Active);
        QCOMPARE(running.rowCount(), 2);
        QSignalSpy changed(m_model.get(), &QAbstractItemModel::dataChanged);
        // When the server no longer reports one of them
        m_model->markUnreported({QStringLiteral("task-1"), QStringLiteral("task-99")});
        m_model->flushChanges();
        // Then its row says so, keeps its last state, and no longer counts as running
        const QModelIndex status =
            m_model->index(m_model->rowOf(QStringLiteral("task-1")), StatusColumn);
        QVERIFY(status.data(UnreportedRole).toBool());
        QCOMPARE(status.data(StateRole).toString(), QStringLiteral("running"));
        QVERIFY(status.data().toString().contains(QStringLiteral("Running")));
        QVERIFY(status.data().toString() != statusText(task(1, State::Running), nullptr, false));
        QVERIFY(!changed.isEmpty());
        QCOMPARE(running.rowCount(), 1);
        // And it ages out like a finished task
        m_model->expireFinished(QDateTime::currentDateTimeUtc().addSecs(3600));
        QCOMPARE(keys(*m_model), QStringLiteral("task-2"));
        // When the server reports a marked key again, the mark goes
        m_model->applyUpdates({task(3, State::Running)});
        m_model->markUnreported({QStringLiteral("task-3")});
        m_model->applyUpdates({task(3, State::Running)});
        QVERIFY(!m_model->index(m_model->rowOf(QStringLiteral("task-3")), TaskColumn)
                     .data(UnreportedRole)
                     .toBool());
        QCOMPARE(running.rowCount(), 2);
    }

    void notLiveRowsAreAsOfTheLastUpdate()
    {
        // Given rows
        m_model->applyUpdates({task(1, State::Running), task(2, State::Success)});
        QVERIFY(!m_model->index(0, TaskColumn).data(AsOfRole).isValid());
        QSignalSpy changed(m_model.get(), &QAbstractItemModel::dataChanged);
        // When the list stops being live
        const QDateTime since = QDateTime::currentDateTimeUtc().addSecs(-30);
        m_model->setAsOf(since);
        // Then every cell of every row says as of when, in one signal
        QCOMPARE(changed.size(), 1);
        QCOMPARE(changed.at(0).at(0).toModelIndex(), m_model->index(0, 0));
        QCOMPARE(changed.at(0).at(1).toModelIndex(), m_model->index(1, ColumnCount - 1));
        for (int c = 0; c < ColumnCount; ++c)
            QCOMPARE(m_model->index(1, c).data(AsOfRole).toDateTime(), since);
        // When it is live again, the mark goes
        m_model->setAsOf({});
        QCOMPARE(changed.size(), 2);
        QVERIFY(!m_model->index(1, StatusColumn).data(AsOfRole).isValid());
    }

    void longFinishedTasksStayOut()
    {
        // Given a server whose clock runs an hour behind ours, and ten minutes of retention
        const qint64 hour = 3600'000;
        m_model->setServerClockOffset(-hour);
        const QDateTime serverNow = QDateTime::currentDateTimeUtc().addMSecs(-hour);
        vim::TaskInfo old = task(1, State::Success);
        old.completeTime = serverNow.addSecs(-2 * 86400);
        vim::TaskInfo fresh = task(2, State::Success);
        fresh.completeTime = serverNow.addSecs(-60);
        // When a latest page brings a task finished two days ago and one finished a minute ago
        m_model->applyUpdates({old, fresh, task(3, State::Running)});
        // Then only the recent ones enter the table
        QCOMPARE(keys(*m_model), QStringLiteral("task-2,task-3"));
        // And the fresh one ages out nine minutes later, on our clock
        m_model->expireFinished(QDateTime::currentDateTimeUtc().addSecs(9 * 60 + 1));
        QCOMPARE(keys(*m_model), QStringLiteral("task-3"));
    }

    void removeTasksInRanges()
    {
        // Given six tasks
        m_model->applyUpdates({task(1), task(2), task(3), task(4), task(5), task(6)});
        QSignalSpy removed(m_model.get(), &QAbstractItemModel::rowsRemoved);
        // When 2, 3 and 5 are removed
        m_model->removeTasks(
            {QStringLiteral("task-2"), QStringLiteral("task-5"), QStringLiteral("task-3")});
        // Then two ranges go, and keys still resolve to rows
        QCOMPARE(removed.size(), 2);
        QCOMPARE(keys(*m_model), QStringLiteral("task-1,task-4,task-6"));
        QCOMPARE(m_model->rowOf(QStringLiteral("task-6")), 2);
    }

    void descriptionChangeUpdatesLabels()
    {
        // Given tasks without a description
        m_model->applyUpdates({task(1), task(2)});
        QTest::qWait(0);
        QSignalSpy changed(m_model.get(), &QAbstractItemModel::dataChanged);
        // When the description arrives
        m_model->setDescription(description());
        // Then labels change in place, in one range for the task column
        QTRY_VERIFY(!changed.isEmpty());
        QCOMPARE(cell(*m_model, 1, TaskColumn), QStringLiteral("Power On virtual machine"));
        QCOMPARE(changed.first().at(0).value<QModelIndex>().row(), 0);
        QCOMPARE(changed.first().at(1).value<QModelIndex>().row(), 1);
    }

private:
    std::unique_ptr<RecentTasksModel> m_model;
    std::unique_ptr<QAbstractItemModelTester> m_tester;
};

QTEST_GUILESS_MAIN(tst_RecentTasksModel)
#include "tst_recenttasksmodel.moc"
