// End to end: the main window on the simulator; a task created through the dialog appears,
// is selected and finishes in the table; a cancelable one is cancelled through the UI.

#include "desktopfixture.h"

#include <createtaskdialog.h>
#include <entitypicker.h>
#include <recenttasksmodel.h>

#include <QAction>
#include <QHeaderView>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QMessageBox>
#include <QPushButton>
#include <QTemporaryDir>
#include <QToolBar>
#include <QTreeView>

using namespace uitest;

class TestDesktop : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        isolateSettings();
        sim::SimulatorOptions options;
        options.workload.enabled = false;
        QVERIFY(m_f.start(options));
    }

    void createdTaskAppearsIsSelectedAndFinishes()
    {
        // Given the New Task dialog opened from the main window
        MainWindow &window = *m_f.window;
        window.findChild<QAction *>(QStringLiteral("newTaskAction"))->trigger();
        CreateTaskDialog *dialog = nullptr;
        QTRY_VERIFY((dialog = window.findChild<CreateTaskDialog *>()) != nullptr);
        QTRY_VERIFY_WITH_TIMEOUT(dialog->taskTypesLoaded(), 10000);

        // When the user picks a VM and submits
        const auto [vmName, vm] = m_f.firstVm();
        typeInto(dialog->findChild<EntityPicker *>(QStringLiteral("entity")), vmName);
        click(dialog->findChild<QPushButton *>(QStringLiteral("submit")));

        // Then the new task is in the list and selected
        QTRY_VERIFY_WITH_TIMEOUT(!window.currentTaskKey().isEmpty(), 10000);
        const QString key = window.currentTaskKey();
        const auto truth = m_f.simulator->task(key);
        QVERIFY(truth);
        QCOMPARE(truth->entity.value_or(vim::ManagedObjectReference{}), vm);
        m_taskType = truth->descriptionId;

        // When the extension drives it to success, the row follows
        QCOMPARE(m_f.simulator->setTaskState(key, vim::TaskInfoState::Value::Running), QString());
        QCOMPARE(m_f.simulator->setTaskProgress(key, 60), QString());
        QTRY_COMPARE_WITH_TIMEOUT(stateOf(key), QStringLiteral("running"), 10000);
        // (the cancel action is watched in the very update that finishes the row: the row and
        // the action change in the same event-loop turn, or a click in between cancels a
        // finished task)
        std::optional<bool> cancelEnabledAsItFinished;
        const auto watch = connect(window.monitor(), &TaskMonitor::tasksUpdated, this, [&] {
            if (!cancelEnabledAsItFinished && stateOf(key) == QLatin1String("success"))
                cancelEnabledAsItFinished = window.cancelAction()->isEnabled();
        });
        QCOMPARE(m_f.simulator->setTaskState(key, vim::TaskInfoState::Value::Success), QString());
        QTRY_COMPARE_WITH_TIMEOUT(stateOf(key), QStringLiteral("success"), 10000);
        disconnect(watch);
        QVERIFY(cancelEnabledAsItFinished.has_value());
        QVERIFY2(!*cancelEnabledAsItFinished, "a finished task cannot be cancelled");
        QVERIFY(!window.cancelAction()->isEnabled());
    }

    void cancelableTaskIsCancelledThroughTheUi_data()
    {
        QTest::addColumn<bool>("deleteKey");
        QTest::newRow("toolbar button") << false;
        QTest::newRow("Delete key in the list") << true;
    }

    void cancelableTaskIsCancelledThroughTheUi()
    {
        QFETCH(bool, deleteKey);
        // Given a running, cancelable task selected in the list
        MainWindow &window = *m_f.window;
        const QString key = m_f.simulator->createTask(m_taskType, m_f.firstVm().second.value, true);
        QVERIFY(!key.isEmpty());
        QCOMPARE(m_f.simulator->setTaskState(key, vim::TaskInfoState::Value::Running), QString());
        QTRY_COMPARE_WITH_TIMEOUT(stateOf(key), QStringLiteral("running"), 10000);
        QVERIFY(window.selectTask(key));
        QTRY_VERIFY(window.cancelAction()->isEnabled());

        // When the user clicks Cancel Task in the toolbar and confirms
        onNextModal([](QWidget *modal) {
            auto *box = qobject_cast<QMessageBox *>(modal);
            QVERIFY(box);
            for (QAbstractButton *b : box->buttons()) {
                if (box->buttonRole(b) == QMessageBox::DestructiveRole)
                    click(b);
            }
        });
        // (or presses Delete with the list focused)
        if (deleteKey) {
            window.activateWindow();
            QVERIFY(QTest::qWaitForWindowActive(&window));
            window.recentTasksView()->setFocus();
            QTest::keyClick(window.recentTasksView(), Qt::Key_Delete);
        } else {
            click(window.findChild<QToolBar *>(QStringLiteral("mainToolBar"))
                      ->widgetForAction(window.cancelAction()));
        }

        // Then the server cancelled it and the row says so
        QTRY_VERIFY_WITH_TIMEOUT(m_f.simulator->task(key)->cancelled, 10000);
        QTRY_COMPARE_WITH_TIMEOUT(stateOf(key), QStringLiteral("error"), 10000);
        QVERIFY(!window.cancelAction()->isEnabled());
    }

    void exportWritesWhatTheListShows()
    {
        // Given a list with a few tasks in it
        MainWindow &window = *m_f.window;
        for (int i = 0; i < 3; ++i)
            QVERIFY(!m_f.simulator->createTask(m_taskType, m_f.firstVm().second.value).isEmpty());
        QTRY_VERIFY_WITH_TIMEOUT(window.recentTasksModel()->rowCount() >= 3, 10000);
        const QAbstractItemModel *shown = window.recentTasksView()->model();
        const QHeaderView *header = window.recentTasksView()->header();
        QTemporaryDir dir;
        QVERIFY(dir.isValid());

        // When the list is exported as CSV and as JSON
        const QString csvPath = dir.filePath(QStringLiteral("tasks.csv"));
        const QString jsonPath = dir.filePath(QStringLiteral("tasks.json"));
        QCOMPARE(window.exportTo(csvPath, MainWindow::ExportFormat::Csv), QString());
        QCOMPARE(window.exportTo(jsonPath, MainWindow::ExportFormat::Json), QString());

        // Then the CSV has the visible columns in screen order and one line per row shown
        QFile csv(csvPath);
        QVERIFY(csv.open(QIODevice::ReadOnly | QIODevice::Text));
        const QStringList lines =
            QString::fromUtf8(csv.readAll()).split(QLatin1Char('\n'), Qt::SkipEmptyParts);
        QCOMPARE(lines.size(), shown->rowCount() + 1);
        const int first = header->logicalIndex(0);
        QVERIFY2(lines.first().startsWith(shown->headerData(first, Qt::Horizontal).toString()),
                 qPrintable(lines.first()));
        // and the JSON holds the full TaskInfo of each, as the server sent it
        QFile json(jsonPath);
        QVERIFY(json.open(QIODevice::ReadOnly));
        const QJsonArray tasks = QJsonDocument::fromJson(json.readAll()).array();
        QCOMPARE(tasks.size(), shown->rowCount());
        for (const QJsonValue &t : tasks) {
            const QString key = t.toObject().value(QLatin1String("key")).toString();
            QVERIFY2(window.recentTasksModel()->task(key).has_value(), qPrintable(key));
        }

        // When the place cannot be written
        const QString blocked = dir.filePath(QStringLiteral("missing/tasks.csv"));
        const QString error = window.exportTo(blocked, MainWindow::ExportFormat::Csv);
        // Then the user is told where and why, and nothing is half-written
        QVERIFY2(error.contains(blocked), qPrintable(error));
        QVERIFY(!QFile::exists(blocked));
    }

    void columnLayoutSurvivesARestart()
    {
        // Given the operator hid one column and moved another to the front
        QHeaderView *header = m_f.window->recentTasksView()->header();
        const int hidden = header->logicalIndex(2);
        const int moved = header->logicalIndex(header->count() - 1);
        header->hideSection(hidden);
        header->moveSection(header->visualIndex(moved), 0);
        // When the window is closed and a new one opens
        m_f.window->close();
        MainWindow again(m_f.connection.get());
        // Then the columns are as they were left
        QHeaderView *restored = again.recentTasksView()->header();
        QVERIFY(restored->isSectionHidden(hidden));
        QCOMPARE(restored->logicalIndex(0), moved);
        // (the fixture's window goes on for later tests)
        header->showSection(hidden);
        m_f.window->show();
        m_f.window->monitor()->start();
        QTRY_VERIFY_WITH_TIMEOUT(m_f.window->monitor()->isSynchronized(), 10000);
    }

private:
    QString stateOf(const QString &key) const
    {
        const auto info = m_f.window->recentTasksModel()->task(key);
        return info ? info->state.toString() : QString();
    }

    DesktopFixture m_f;
    QString m_taskType;
};

QTEST_MAIN(TestDesktop)
#include "tst_desktop.moc"
