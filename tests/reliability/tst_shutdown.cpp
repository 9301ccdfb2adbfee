#include "simserver.h"

#include <mainwindow.h>
#include <taskmonitor.h>

#include <QApplication>
#include <QSettings>
#include <QStandardPaths>
#include <QTemporaryDir>

// Orderly shutdown (issue 7): leaving the program must log the session out, so that no
// session, collector, filter or view of ours lingers on the server until its idle timeout.
// The desktop case follows app/desktop/main.cpp: a VimConnection and a MainWindow on main()'s
// stack, the window closed by the user, then both destroyed.
class tst_Shutdown final : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_home;

private Q_SLOTS:
    void initTestCase()
    {
        // The window saves its layout on close: keep that away from the user's settings.
        QVERIFY(m_home.isValid());
        qputenv("HOME", m_home.path().toLocal8Bit());
        QStandardPaths::setTestModeEnabled(true);
        QCoreApplication::setOrganizationName(QStringLiteral("vtaskmon-reliability"));
        QCoreApplication::setApplicationName(QStringLiteral("tst_shutdown"));
        QSettings().clear();
    }

    void destroyingAConnectedEngineLogsOut()
    {
        // Given a live engine owned by something that is being torn down
        SimServer server;
        QVERIFY(server.started());
        auto connection = std::make_unique<VimConnection>();
        QCOMPARE(connectAndSettle(*connection, server.trustedOptions()),
                 VimConnection::State::Connected);
        auto monitor = std::make_unique<TaskMonitor>(connection.get());
        monitor->start();
        QTRY_COMPARE_WITH_TIMEOUT(monitor->mode(), TaskMonitor::Mode::Live, 10'000);
        // When both are destroyed without an explicit stop or disconnect
        monitor.reset();
        connection.reset();
        // Then the session and its objects are gone on the server
        QTRY_COMPARE_WITH_TIMEOUT(server.objectCounts(), noObjectsLeft, 10'000);
    }

    void closingTheMainWindowLogsOut()
    {
        // Given the desktop app connected and showing live tasks
        SimServer server;
        QVERIFY(server.started());
        auto connection = std::make_unique<VimConnection>();
        auto window = std::make_unique<MainWindow>(connection.get());
        window->show();
        QCOMPARE(connectAndSettle(*connection, server.trustedOptions()),
                 VimConnection::State::Connected);
        QTRY_VERIFY_WITH_TIMEOUT(server->stats().filters == 2, 10'000);

        // When the user closes the window and main() returns
        window->close();
        QCoreApplication::processEvents(); // the one turn the event loop takes before exec()
                                           // returns
        window.reset();
        connection.reset();

        // Then the server holds nothing of ours
        QTRY_COMPARE_WITH_TIMEOUT(server.objectCounts(), noObjectsLeft, 10'000);
    }
};

QTEST_MAIN(tst_Shutdown)
#include "tst_shutdown.moc"
