// Renders the README screenshots from real windows: run under Xvfb (xcb) at 1280×800,
//   xvfb-run -s "-screen 0 1280x800x24" vtaskmon_screenshots docs/screenshots
// It grabs the X screen itself, so what is saved is what a user would see.

#include "desktopfixture.h"

#include <certificatedialog.h>
#include <createcollectordialog.h>
#include <createtaskdialog.h>
#include <entitypicker.h>
#include <historyview.h>
#include <recenttasksmodel.h>
#include <taskfilterproxymodel.h>
#include <translations.h>
#include <truststore.h>

#include <QAction>
#include <QCheckBox>
#include <QDir>
#include <QGroupBox>
#include <QLineEdit>
#include <QPushButton>
#include <QScreen>
#include <QTreeView>

using namespace uitest;

namespace {

void save(const QDir &dir, const char *name)
{
    QTest::qWait(600); // let pending paints land; this is a tool, not a test
    const QString path = dir.filePath(QLatin1String(name));
    QGuiApplication::primaryScreen()->grabWindow(0).save(path);
    qInfo("wrote %s", qPrintable(path));
}

template<typename Dialog>
Dialog *openDialog(MainWindow &window, const char *action)
{
    window.findChild<QAction *>(QLatin1String(action))->trigger();
    Dialog *dialog = nullptr;
    (void)QTest::qWaitFor([&] { return (dialog = window.findChild<Dialog *>()) != nullptr; }, 5000);
    (void)QTest::qWaitForWindowExposed(dialog);
    return dialog;
}

} // namespace

int main(int argc, char *argv[])
{
    QApplication app(argc, argv);
    isolateSettings();
    // As the app shows itself in English (plural forms come from a translation).
    Translations::install(QLocale(QLocale::English), &app);
    const QDir out(argc > 1 ? QString::fromLocal8Bit(argv[1]) : QStringLiteral("."));
    sim::SimulatorOptions options;
    options.workload.historyTasks = 300;
    options.workload.tasksPerSecond = 1.5;
    options.workload.medianDurationMs = 12000;
    DesktopFixture f;
    if (!f.start(options))
        return 1;
    MainWindow &window = *f.window;
    window.move(0, 0);
    window.resize(1280, 800);
    QTest::qWait(6000); // a few tasks get going, so the table shows progress

    // A failed task selected, so that the details pane shows an error.
    const auto *proxy = window.recentTasksProxy();
    for (int row = 0; row < proxy->rowCount(); ++row) {
        const QModelIndex index = proxy->index(row, TaskTable::TaskColumn);
        const auto info = index.data(TaskTable::TaskInfoRole).value<vim::TaskInfo>();
        if (info.state == vim::TaskInfoState::Value::Error && !info.cancelled &&
            info.progress.value_or(0) >= 0) {
            window.recentTasksView()->setCurrentIndex(index);
            break;
        }
    }
    save(out, "main-window.png");

    auto *task = openDialog<CreateTaskDialog>(window, "newTaskAction");
    (void)QTest::qWaitFor([task] { return task->taskTypesLoaded(); }, 5000);
    typeInto(task->findChild<EntityPicker *>(QStringLiteral("entity")), f.firstVm().first);
    typeInto(task->findChild<QLineEdit *>(QStringLiteral("activationId")),
             QStringLiteral("backup-2024-05-01"));
    save(out, "create-task-dialog.png");
    task->reject();

    auto *collector = openDialog<CreateCollectorDialog>(window, "newCollectorAction");
    clickGroupCheck(collector->findChild<QGroupBox *>(QStringLiteral("entityGroup")));
    typeInto(collector->findChild<EntityPicker *>(QStringLiteral("entity")), f.firstVm().first);
    clickGroupCheck(collector->findChild<QGroupBox *>(QStringLiteral("timeGroup")));
    click(collector->findChild<QPushButton *>(QStringLiteral("quick86400")));
    click(collector->findChild<QCheckBox *>(QStringLiteral("state_error")));
    save(out, "create-collector-dialog.png");
    // The history shot wants rows: every failed task of the day, on any entity.
    clickGroupCheck(collector->findChild<QGroupBox *>(QStringLiteral("entityGroup")));
    click(collector->findChild<QPushButton *>(QStringLiteral("submit")));
    (void)QTest::qWaitFor([&] { return window.historyView()->model()->rowCount() > 0; }, 5000);
    save(out, "history-tab.png");

    CertificateDialog certificate(f.simulator->certificate(),
                                  TrustStore::hostKey(f.simulator->baseUrl().toString()),
                                  CertificateDialog::Mode::Untrusted, {}, &window);
    certificate.show();
    (void)QTest::qWaitForWindowExposed(&certificate);
    save(out, "certificate-dialog.png");
    return 0;
}
