#include "clioptions.h"
#include "clirunner.h"
#include "signalwatcher.h"

#include <QCoreApplication>
#include <QLoggingCategory>

#include <cstdio>

namespace {

QtMessageHandler g_defaultHandler = nullptr;

/// stderr carries the program's own lines only (one per error, the --follow state lines):
/// Qt's warnings and the engine's logging go nowhere unless --verbose asks for them.
void quietHandler(QtMsgType type, const QMessageLogContext &context, const QString &message)
{
    if (type == QtFatalMsg && g_defaultHandler)
        g_defaultHandler(type, context, message);
}

} // namespace

int main(int argc, char *argv[])
{
    // Before anything can warn; --verbose puts Qt's own handler back once it is parsed.
    g_defaultHandler = qInstallMessageHandler(quietHandler);
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("vtaskmon-cli"));
    QCoreApplication::setApplicationVersion(QStringLiteral(VTASKMON_VERSION));

    CliOptions options;
    QString error;
    if (!options.parse(QCoreApplication::arguments(), &error)) {
        std::fprintf(stderr, "vtaskmon-cli: %s\n", qPrintable(error));
        return 2;
    }
    if (options.isSet(QStringLiteral("help")))
        options.parser().showHelp(0);
    if (options.isSet(QStringLiteral("version")))
        options.parser().showVersion();

    // stderr carries exactly one line per error; engine chatter only when asked for.
    if (options.isSet(QStringLiteral("verbose")))
        qInstallMessageHandler(g_defaultHandler);
    else
        QLoggingCategory::setFilterRules(
            QStringLiteral("vtaskmon.*.info=false\nvtaskmon.*.warning=false"));

    CliRunner runner(options);
    SignalWatcher watcher;
    QObject::connect(&watcher, &SignalWatcher::interrupted, &runner, &CliRunner::interrupt);
    runner.start();
    return QCoreApplication::exec();
}
