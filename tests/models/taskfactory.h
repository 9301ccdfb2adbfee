#pragma once

#include <tasktable.h>

#include <vim/taskdescription.h>
#include <vim/taskinfo.h>

#include <QAbstractItemModel>
#include <QDateTime>

// Builders shared by the model tests: short, readable TaskInfos and descriptions.
namespace taskfactory {

inline QDateTime t0()
{
    return QDateTime(QDate(2024, 5, 1), QTime(10, 0), Qt::UTC);
}

inline vim::TaskInfo task(int n,
                          vim::TaskInfoState::Value state = vim::TaskInfoState::Value::Queued,
                          const QString &user = QStringLiteral("VSPHERE.LOCAL\\alice"))
{
    vim::TaskInfo t;
    t.key = QStringLiteral("task-%1").arg(n);
    t.task = {QStringLiteral("Task"), t.key};
    t.name = QStringLiteral("PowerOnVM_Task");
    t.descriptionId = QStringLiteral("VirtualMachine.powerOn");
    t.entity = vim::ManagedObjectReference{QStringLiteral("VirtualMachine"),
                                           QStringLiteral("vm-%1").arg(n)};
    t.entityName = QStringLiteral("web-%1").arg(n);
    t.state = state;
    t.cancelable = true;
    t.reason = vim::TaskReason::user(user);
    t.queueTime = t0().addSecs(n);
    if (state != vim::TaskInfoState::Value::Queued)
        t.startTime = t.queueTime.addMSecs(250);
    if (state == vim::TaskInfoState::Value::Success || state == vim::TaskInfoState::Value::Error)
        t.completeTime = t.startTime->addSecs(5);
    if (state == vim::TaskInfoState::Value::Error)
        t.error = vim::MethodFault::make(QStringLiteral("SystemError"),
                                         QStringLiteral("backend unavailable"));
    return t;
}

inline vim::TaskDescription description()
{
    vim::TaskDescription d;
    d.methodInfo = {{QStringLiteral("Power On virtual machine"),
                     QStringLiteral("Power On this virtual machine"),
                     QStringLiteral("VirtualMachine.powerOn")}};
    d.state = {
        {QStringLiteral("Queued"), QStringLiteral("Task is queued"), QStringLiteral("queued")},
        {QStringLiteral("Running"), QStringLiteral("Task is in progress"),
         QStringLiteral("running")},
        {QStringLiteral("Success"), QStringLiteral("Task completed successfully"),
         QStringLiteral("success")},
        {QStringLiteral("Error"), QStringLiteral("Task completed with a failure"),
         QStringLiteral("error")}};
    d.reason = {{QStringLiteral("User task"), QStringLiteral("Task started by a specific user"),
                 QStringLiteral("TaskReasonUser")}};
    return d;
}

inline QString cell(const QAbstractItemModel &m, int row, int column, int role = Qt::DisplayRole)
{
    return m.index(row, column).data(role).toString();
}

/// The key column of a model top to bottom, e.g. "task-1,task-3".
inline QString keys(const QAbstractItemModel &m)
{
    QStringList out;
    for (int r = 0; r < m.rowCount(); ++r)
        out.append(m.index(r, 0).data(TaskTable::KeyRole).toString());
    return out.join(QLatin1Char(','));
}

} // namespace taskfactory
