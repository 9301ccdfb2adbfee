// Renders the README screenshots from real windows: run under Xvfb (xcb) at 1280×800,
//   xvfb-run -s "-screen 0 1280x800x24" vtaskmon_screenshots docs/screenshots [locale]
// It grabs the X screen itself, so what is saved is what a user would see.

#include "desktopfixture.h"

#include <certificatedialog.h>
#include <certificatenotice.h>
#include <certificatespage.h>
#include <createcollectordialog.h>
#include <createtaskdialog.h>
#include <entitypicker.h>
#include <historyview.h>
#include <pinnedcertificatesmodel.h>
#include <recenttasksmodel.h>
#include <settingsdialog.h>
#include <simulator/certificategenerator.h>
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
    // As the app shows itself in English (plural forms come from a translation), or in the
    // locale asked for, to check a translation's layout.
    const QLocale locale(argc > 2 ? QString::fromLocal8Bit(argv[2]) : QStringLiteral("en"));
    QLocale::setDefault(locale);
    Translations::install(locale, &app);
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
    certificate.close();

    // A renewal: the host is pinned, the server comes back with a new certificate.
    const QString host = TrustStore::hostKey(f.simulator->baseUrl().toString());
    for (const char *other : {"vc-berlin.example.com:443", "esxi-07.example.com:443"})
        TrustStore::pin(QLatin1String(other), sim::CertificateGenerator::generate().certificate);
    TrustStore::pin(host, f.simulator->certificate());
    ConnectOptions pinned = optionsFor(*f.simulator, false);
    pinned.pinnedSha256 = TrustStore::pinned(host);
    f.connection->connectToServer(pinned);
    (void)QTest::qWaitFor([&] { return f.connection->state() == VimConnection::State::Connected; },
                          10000);
    (void)QTest::qWaitFor([&] { return window.monitor()->isSynchronized(); }, 10000);
    options.port = f.simulator->port();
    f.simulator.reset();
    f.simulator = std::make_unique<sim::Simulator>(options);
    if (!f.simulator->start())
        return 1;
    auto *notice = window.findChild<CertificateNotice *>();
    (void)QTest::qWaitFor([&] { return notice->isDecisionPending(); }, 10000);
    window.tabs()->setCurrentIndex(0);
    save(out, "certificate-notice.png");
    notice->review();
    if (!notice->dialog()) {
        qWarning("the changed certificate was not offered for a decision");
        return 1;
    }
    (void)QTest::qWaitForWindowExposed(notice->dialog());
    notice->dialog()->move(window.geometry().center() - notice->dialog()->rect().center());
    save(out, "certificate-changed-dialog.png");
    click(notice->dialog()->findChild<QPushButton *>(QStringLiteral("replacePin")));
    (void)QTest::qWaitFor([&] { return window.monitor()->isSynchronized(); }, 10000);

    auto *settings = openDialog<SettingsDialog>(window, "settingsAction");
    settings->move(window.geometry().center() - settings->rect().center());
    settings->certificatesPage()->view()->setCurrentIndex(
        settings->certificatesPage()->model()->index(0, 0));
    save(out, "settings-certificates.png");
    return 0;
}
