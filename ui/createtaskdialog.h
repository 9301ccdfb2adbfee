#pragma once

// tasktable.h declares vim::TaskInfo as a metatype; it must come before moc uses it.
#include <tasktable.h>

#include <QDialog>

class EntityPicker;
class InventoryModel;
class VimConnection;
class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QPushButton;

/// TaskManager.CreateTask as a form: target entity, a task type registered by an extension
/// (by its label in the session locale), initiator, cancelable, parent task and activation id.
class CreateTaskDialog final : public QDialog
{
    Q_OBJECT
public:
    CreateTaskDialog(VimConnection *connection, InventoryModel *inventory,
                     const QStringList &knownTaskKeys, QWidget *parent = nullptr);
    ~CreateTaskDialog() override;

    /// True once the extension list is in the task type box.
    bool taskTypesLoaded() const { return m_typesLoaded; }

public Q_SLOTS:
    void submit();

Q_SIGNALS:
    void taskCreated(const vim::TaskInfo &info);
    void taskTypesReady();

private:
    void loadTaskTypes();

    VimConnection *m_connection;
    EntityPicker *m_entity;
    QComboBox *m_taskType;
    QLabel *m_taskSummary;
    QLineEdit *m_initiatedBy;
    QCheckBox *m_cancelable;
    QComboBox *m_parentKey;
    QLineEdit *m_activationId;
    QLabel *m_error;
    QPushButton *m_submit;
    bool m_typesLoaded = false;
};
