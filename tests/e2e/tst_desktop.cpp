// End to end: the main window on the simulator; a task created through the dialog appears,
// is selected and finishes in the table; a cancelable one is cancelled through the UI.

#include "desktopfixture.h"

#include <createtaskdialog.h>
#include <entitypicker.h>
#include <recenttasksmodel.h>

#include <QAction>
#include <QMessageBox>
#include <QPushButton>
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
        QCOMPARE(m_f.simulator->setTaskState(key, vim::TaskInfoState::Value::Success), QString());
        QTRY_COMPARE_WITH_TIMEOUT(stateOf(key), QStringLiteral("success"), 10000);
        QVERIFY2(!window.cancelAction()->isEnabled(), "a finished task cannot be cancelled");
    }

    void cancelableTaskIsCancelledThroughTheUi()
    {
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
        click(window.findChild<QToolBar *>(QStringLiteral("mainToolBar"))
                  ->widgetForAction(window.cancelAction()));

        // Then the server cancelled it and the row says so
        QTRY_VERIFY_WITH_TIMEOUT(m_f.simulator->task(key)->cancelled, 10000);
        QTRY_COMPARE_WITH_TIMEOUT(stateOf(key), QStringLiteral("error"), 10000);
        QVERIFY(!window.cancelAction()->isEnabled());
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
