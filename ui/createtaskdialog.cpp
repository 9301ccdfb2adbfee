#include "createtaskdialog.h"

#include "entitypicker.h"
#include "formhelpers.h"
#include "icons.h"
#include "inventorymodel.h"
#include "uisettings.h"

#include <extensionmanager.h>
#include <taskmanager.h>
#include <vimconnection.h>

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QStandardItemModel>
#include <QVBoxLayout>

namespace {
constexpr int SummaryRole = Qt::UserRole + 1;
}

CreateTaskDialog::CreateTaskDialog(VimConnection *connection, InventoryModel *inventory,
                                   const QStringList &knownTaskKeys, QWidget *parent)
    : QDialog(parent)
    , m_connection(connection)
{
    setObjectName(QStringLiteral("CreateTaskDialog"));
    setWindowTitle(tr("New Task"));
    setWindowIcon(Icons::action(Icons::Action::NewTask));

    m_entity = new EntityPicker(inventory, this);
    m_entity->setObjectName(QStringLiteral("entity"));
    m_entity->setAccessibleName(tr("Target entity"));

    m_taskType = new QComboBox(this);
    m_taskType->setObjectName(QStringLiteral("taskType"));
    m_taskType->setAccessibleName(tr("Task type"));
    m_taskType->setMinimumContentsLength(30);
    m_taskType->setPlaceholderText(tr("Loading the task types extensions registered…"));
    m_taskSummary = new QLabel(this);
    m_taskSummary->setWordWrap(true);
    m_taskSummary->setForegroundRole(QPalette::PlaceholderText);

    const QString sessionUser = connection->userSession().userName;
    m_initiatedBy = new QLineEdit(this);
    m_initiatedBy->setObjectName(QStringLiteral("initiatedBy"));
    m_initiatedBy->setAccessibleName(tr("Initiated by"));
    m_initiatedBy->setPlaceholderText(sessionUser.isEmpty() ? tr("the session user") : sessionUser);

    m_cancelable = new QCheckBox(tr("The task can be &cancelled"), this);
    m_cancelable->setObjectName(QStringLiteral("cancelable"));
    m_cancelable->setChecked(true);

    m_parentKey = new QComboBox(this);
    m_parentKey->setObjectName(QStringLiteral("parentTaskKey"));
    m_parentKey->setAccessibleName(tr("Parent task key"));
    m_parentKey->setEditable(true);
    m_parentKey->setInsertPolicy(QComboBox::NoInsert);
    m_parentKey->addItem(QString());
    m_parentKey->addItems(knownTaskKeys);
    m_parentKey->lineEdit()->setPlaceholderText(tr("none"));

    m_activationId = new QLineEdit(this);
    m_activationId->setObjectName(QStringLiteral("activationId"));
    m_activationId->setAccessibleName(tr("Activation ID"));
    m_activationId->setPlaceholderText(tr("optional"));

    auto *form = new QFormLayout;
    form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    form->addRow(tr("&Target:", "entity a task runs on"), m_entity);
    form->addRow(tr("Task &type:"), m_taskType);
    form->addRow(QString(), m_taskSummary);
    form->addRow(tr("&Initiated by:"), m_initiatedBy);
    form->addRow(QString(), m_cancelable);
    form->addRow(tr("&Parent task:"), m_parentKey);
    form->addRow(tr("&Activation ID:"), m_activationId);

    m_error = FormHelpers::errorLabel(this);
    auto *buttons = FormHelpers::buttonBox(this, tr("C&reate Task"), &m_submit);
    connect(m_submit, &QPushButton::clicked, this, &CreateTaskDialog::submit);

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(m_error);
    layout->addStretch();
    layout->addWidget(buttons);

    connect(m_taskType, &QComboBox::currentIndexChanged, this,
            [this] { m_taskSummary->setText(m_taskType->currentData(SummaryRole).toString()); });
    setMinimumWidth(560);
    restoreGeometry(UiSettings::createTaskDialogGeometry.get());
    loadTaskTypes();
}

CreateTaskDialog::~CreateTaskDialog()
{
    UiSettings::createTaskDialogGeometry.set(saveGeometry());
}

void CreateTaskDialog::loadTaskTypes()
{
    const auto extensionManager = m_connection->serviceContent().extensionManager;
    if (!extensionManager) {
        m_taskType->setPlaceholderText(tr("This server has no extension manager"));
        return;
    }
    svc::ExtensionManager(m_connection, *extensionManager)
        .extensionList()
        .then(this, [this](const VimResult<QList<vim::Extension>> &result) {
            if (!result) {
                m_taskType->setPlaceholderText(tr("No task types"));
                m_error->setText(
                    tr("The task types could not be read: %1").arg(result.error().message));
                m_error->show();
                return;
            }
            const QString locale = m_connection->options().locale;
            for (const vim::Extension &ext : *result) {
                for (const vim::ExtensionTaskTypeInfo &type : ext.taskList) {
                    const QString label = ext.taskLabel(type.taskID, locale).value_or(type.taskID);
                    const QString summary =
                        ext.taskSummary(type.taskID, locale).value_or(QString());
                    m_taskType->addItem(tr("%1 — %2", "task label — extension label")
                                            .arg(label, ext.description.label),
                                        type.taskID);
                    m_taskType->setItemData(m_taskType->count() - 1, summary, SummaryRole);
                    m_taskType->setItemData(m_taskType->count() - 1, type.taskID, Qt::ToolTipRole);
                }
            }
            if (m_taskType->count() == 0)
                m_taskType->setPlaceholderText(tr("No extension registered a task type"));
            m_taskType->setCurrentIndex(m_taskType->count() > 0 ? 0 : -1);
            m_typesLoaded = true;
            Q_EMIT taskTypesReady();
        });
}

void CreateTaskDialog::submit()
{
    auto fail = [this](const QString &message, QWidget *focus) {
        m_error->setText(message);
        m_error->show();
        if (focus)
            focus->setFocus();
    };
    svc::TaskManager::CreateTaskArgs args;
    args.obj = m_entity->entity();
    if (args.obj.isNull())
        return fail(tr("Pick the target entity from the list."), m_entity);
    args.taskTypeId = m_taskType->currentData().toString();
    if (args.taskTypeId.isEmpty())
        return fail(tr("Pick a task type."), m_taskType);
    const QString initiator = m_initiatedBy->text().trimmed();
    if (!initiator.isEmpty())
        args.initiatedBy = initiator;
    args.cancelable = m_cancelable->isChecked();
    const QString parent = m_parentKey->currentText().trimmed();
    if (!parent.isEmpty()) {
        if (!parent.startsWith(QLatin1String("task-")))
            return fail(tr("“%1” is not a task key; task keys look like task-123.").arg(parent),
                        m_parentKey);
        args.parentTaskKey = parent;
    }
    const QString activation = m_activationId->text().trimmed();
    if (!activation.isEmpty())
        args.activationId = activation;
    const auto taskManager = m_connection->serviceContent().taskManager;
    if (!taskManager)
        return fail(tr("This server has no task manager."), nullptr);

    m_error->hide();
    m_submit->setEnabled(false);
    svc::TaskManager(m_connection, *taskManager)
        .createTask(args)
        .then(this, [this](const VimResult<vim::TaskInfo> &result) {
            m_submit->setEnabled(true);
            if (!result) {
                QString message = result.error().message;
                if (result.error().isFault(QStringLiteral("InvalidArgument")))
                    message = tr("The server rejected the request (%1).").arg(message);
                m_error->setText(tr("The task was not created: %1").arg(message));
                m_error->show();
                return;
            }
            Q_EMIT taskCreated(*result);
            accept();
        });
}
