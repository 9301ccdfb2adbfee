#include "taskfactory.h"

#include <taskdescriptionmodel.h>

#include <QAbstractItemModelTester>
#include <QTest>

using namespace taskfactory;

class tst_TaskDescriptionModel final : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void rowsPerCategory()
    {
        // Given a model under the tester
        TaskDescriptionModel model;
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        // When a description with one method, four states and one reason is set
        model.setDescription(description());
        // Then there are six rows, methods first
        QCOMPARE(model.rowCount(), 6);
        QCOMPARE(cell(model, 0, TaskDescriptionModel::CategoryColumn), QStringLiteral("Method"));
        QCOMPARE(cell(model, 0, TaskDescriptionModel::KeyColumn),
                 QStringLiteral("VirtualMachine.powerOn"));
        QCOMPARE(cell(model, 0, TaskDescriptionModel::LabelColumn),
                 QStringLiteral("Power On virtual machine"));
        QCOMPARE(cell(model, 2, TaskDescriptionModel::LabelColumn), QStringLiteral("Running"));
        QCOMPARE(model.index(5, 0).data(TaskDescriptionModel::RawRole).toInt(),
                 int(TaskDescriptionModel::Category::Reason));
        QCOMPARE(cell(model, 5, TaskDescriptionModel::SummaryColumn),
                 QStringLiteral("Task started by a specific user"));
        // And an empty description empties it
        model.setDescription({});
        QCOMPARE(model.rowCount(), 0);
    }
};

QTEST_GUILESS_MAIN(tst_TaskDescriptionModel)
#include "tst_taskdescriptionmodel.moc"
