// vtaskmon: command line, translations, and the demo simulator; everything else is in ui/.

#include <mainwindow.h>
#include <translations.h>
#ifdef VTASKMON_HAVE_SIMULATOR
#include <simulator/simulatorthread.h>
#endif

#include <QApplication>
#include <QCommandLineParser>
#include <QEventLoop>
#include <QLocale>
#include <QMessageBox>
#include <QTimer>

#include <memory>

namespace {

#ifdef VTASKMON_HAVE_SIMULATOR
/// Runs the simulator on its own thread so that its work never stutters the window.
class DemoServer
{
public:
    bool start(QString *error)
    {
        sim::SimulatorOptions options;
        options.workload.historyTasks = 400;
        options.workload.tasksPerSecond = 0.4;
        m_server = std::make_unique<sim::SimulatorThread>(options);
        return m_server->start(error);
    }

    ConnectOptions connectOptions(const QString &locale) const
    {
        const sim::Simulator &simulator = *m_server->simulator();
        ConnectOptions o;
        const sim::SimulatorOptions options = simulator.options();
        o.server = simulator.baseUrl().toString();
        o.userName = options.userName;
        o.password = options.password;
        o.locale = locale;
        // The demo's certificate is generated at start; trusting it is the point of --demo.
        o.trustedSha256 = {
            QByteArray::fromHex(VimConnection::thumbprint(simulator.certificate()).toLatin1())};
        return o;
    }

private:
    std::unique_ptr<sim::SimulatorThread> m_server;
};
#else
/// Built without the simulator: --demo explains that instead of connecting.
class DemoServer
{
public:
    bool start(QString *error)
    {
        *error = QApplication::translate("main", "this build has no simulator");
        return false;
    }
    ConnectOptions connectOptions(const QString &) const { return {}; }
};
#endif

} // namespace

int main(int argc, char *argv[])
{
    QApplication app(argc, argv);
    QApplication::setOrganizationName(QStringLiteral("vtaskmon"));
    QApplication::setApplicationName(QStringLiteral("vtaskmon"));
    QApplication::setApplicationDisplayName(QStringLiteral("vSphere Task Monitor"));
    QApplication::setApplicationVersion(QStringLiteral(VTASKMON_VERSION));
    QApplication::setDesktopFileName(QStringLiteral("vtaskmon"));

    // The locale must be known before the parser's texts are translated.
    QLocale locale;
    const QStringList args = app.arguments();
    const qsizetype localeAt = args.indexOf(QStringLiteral("--locale"));
    if (localeAt >= 0 && localeAt + 1 < args.size())
        locale = QLocale(args.at(localeAt + 1));
    QLocale::setDefault(locale);
    Translations::install(locale, &app);

    QCommandLineParser parser;
    parser.setApplicationDescription(
        QApplication::translate("main", "Live tasks, history and descriptions of vCenter Server."));
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption demo(
        QStringLiteral("demo"),
        QApplication::translate("main", "Start the built-in simulator and connect to it."));
    const QCommandLineOption localeOption(
        QStringLiteral("locale"),
        QApplication::translate("main",
                                "Language of the interface and of server messages (de, en)."),
        QApplication::translate("main", "locale"));
    const QCommandLineOption insecure(
        QStringLiteral("insecure"),
        QApplication::translate("main", "Do not verify server certificates (dangerous)."));
    const QCommandLineOption server(
        QStringLiteral("server"),
        QApplication::translate("main", "Connect to this server at start (as typed in the "
                                        "connect dialog; http:// only when written so)."),
        QApplication::translate("main", "server"));
    const QCommandLineOption user(
        QStringLiteral("user"),
        QApplication::translate("main", "User name for --server; the password comes from "
                                        "VTASKMON_PASSWORD, or the connect dialog asks."),
        QApplication::translate("main", "name"));
    parser.addOptions({demo, localeOption, insecure, server, user});
    parser.process(app);

    VimConnection connection;
    MainWindow window(&connection);
    window.setInsecure(parser.isSet(insecure));
    window.show();

    // The server knows languages, not the POSIX "C" locale.
    QString sessionLocale = locale.name().section(QLatin1Char('_'), 0, 0);
    if (locale.language() == QLocale::C)
        sessionLocale = QStringLiteral("en");
    DemoServer demoServer;
    if (parser.isSet(demo)) {
        QString error;
        if (!demoServer.start(&error)) {
            QMessageBox::critical(
                &window, QApplication::translate("main", "Demo"),
                QApplication::translate("main", "The built-in simulator did not start: %1")
                    .arg(error));
            return 1;
        }
        window.setDemoMode(true);
        ConnectOptions options = demoServer.connectOptions(sessionLocale);
        options.insecure = parser.isSet(insecure);
        connection.connectToServer(options);
    } else if (parser.isSet(server) && parser.isSet(user) &&
               !qEnvironmentVariableIsEmpty("VTASKMON_PASSWORD")) {
        ConnectOptions options;
        options.server = parser.value(server);
        options.userName = parser.value(user);
        options.password = qEnvironmentVariable("VTASKMON_PASSWORD");
        options.locale = sessionLocale;
        options.allowHttp = options.server.startsWith(QLatin1String("http://"));
        options.insecure = parser.isSet(insecure);
        connection.connectToServer(options);
    } else {
        QTimer::singleShot(0, &window, [&window, &parser, &server, &user] {
            window.showConnectDialog(parser.value(server), parser.value(user));
        });
    }
    const int exitCode = app.exec();
    // Log out before leaving, so that the session and its collectors, filters and views do
    // not linger on the server until its idle timeout; bounded, for an unreachable server.
    if (connection.hasSession()) {
        QEventLoop loop;
        QObject::connect(&connection, &VimConnection::logoutFinished, &loop, &QEventLoop::quit);
        QTimer::singleShot(3000, &loop, &QEventLoop::quit);
        connection.disconnectFromServer();
        loop.exec();
    }
    return exitCode;
}
