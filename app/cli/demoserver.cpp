#include "demoserver.h"

#include <simulator/simulator.h>

bool startDemoServer(std::shared_ptr<void> *holder, ConnectOptions *options, QString *error)
{
    sim::SimulatorOptions simOptions;
    // A livelier workload than the default, so that `tasks --follow` shows something soon.
    simOptions.workload.tasksPerSecond = 1.0;
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
