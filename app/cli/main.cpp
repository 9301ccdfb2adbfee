#include "clioptions.h"
#include "clirunner.h"
#include "signalwatcher.h"

#include <QCoreApplication>
#include <QLoggingCategory>

#include <cstdio>

int main(int argc, char *argv[])
{
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
    if (!options.isSet(QStringLiteral("verbose")))
        QLoggingCategory::setFilterRules(
            QStringLiteral("vtaskmon.*.info=false\nvtaskmon.*.warning=false"));

    CliRunner runner(options);
    SignalWatcher watcher;
    QObject::connect(&watcher, &SignalWatcher::interrupted, &runner, &CliRunner::interrupt);
    runner.start();
    return QCoreApplication::exec();
}
