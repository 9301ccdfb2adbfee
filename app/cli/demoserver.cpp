#include "demoserver.h"

#include <simulator/simulator.h>

bool startDemoServer(std::shared_ptr<void> *holder, ConnectOptions *options, QString *error)
{
    sim::SimulatorOptions simOptions;
    // A livelier workload than the default, so that `tasks --follow` shows something soon.
    simOptions.workload.tasksPerSecond = 1.0;
    // Some history, the last of it from the past minutes, like a vCenter that has been up.
    simOptions.workload.historyTasks = 400;
    auto simulator = std::make_shared<sim::Simulator>(simOptions);
    if (!simulator->start(error))
        return false;
    options->server = simulator->baseUrl().toString();
    options->userName = simOptions.userName;
    options->password = simOptions.password;
    options->trustedSha256 = {
        QByteArray::fromHex(simulator->thumbprint().remove(QLatin1Char(':')).toLatin1())};
    *holder = simulator;
    return true;
}
