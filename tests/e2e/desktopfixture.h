#pragma once

// The main window on a simulator, connected and synchronized; shared by the end-to-end test
// and the screenshot tool.

#include "../ui/uitesthelpers.h"

#include <inventorymodel.h>
#include <mainwindow.h>
#include <taskmonitor.h>

#include <QTest>

namespace uitest {

struct DesktopFixture
{
    std::unique_ptr<sim::Simulator> simulator;
    std::unique_ptr<VimConnection> connection;
    std::unique_ptr<MainWindow> window;

    /// False (with a QTest failure) when the window did not get connected and filled.
    bool start(const sim::SimulatorOptions &options)
    {
        simulator = std::make_unique<sim::Simulator>(options);
        QString error;
        if (!simulator->start(&error)) {
            qWarning("simulator: %s", qPrintable(error));
            return false;
        }
        connection = std::make_unique<VimConnection>();
        window = std::make_unique<MainWindow>(connection.get());
        window->show();
        connection->connectToServer(optionsFor(*simulator));
        return QTest::qWaitFor(
            [this] {
                return window->monitor()->isSynchronized() && window->inventory()->rowCount() > 1;
            },
            20000);
    }

    /// The name and reference of the first virtual machine in the inventory.
    std::pair<QString, vim::ManagedObjectReference> firstVm() const
    {
        InventoryModel *inventory = window->inventory();
        for (int row = 0; row < inventory->rowCount(); ++row) {
            const auto ref = InventoryModel::refAt(inventory->index(row, 0));
            if (ref.type == QLatin1String("VirtualMachine"))
                return {inventory->index(row, 0).data().toString(), ref};
        }
        return {};
    }
};

} // namespace uitest
