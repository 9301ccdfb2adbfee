#pragma once

#include <vimresult.h>

#include <vim/taskfilterspec.h>

#include <QDialog>

class EntityPicker;
class InventoryModel;
class VimConnection;
class QCheckBox;
class QComboBox;
class QDateTimeEdit;
class QGroupBox;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QPushButton;
class QSpinBox;
class QSplitter;

/// A form for every TaskFilterSpec field; shows the JSON filter it will send and calls
/// TaskManager.CreateCollectorForTasks. On success it reports the new collector.
class CreateCollectorDialog final : public QDialog
{
    Q_OBJECT
public:
    CreateCollectorDialog(VimConnection *connection, InventoryModel *inventory,
                          const QStringList &knownTaskKeys, QWidget *parent = nullptr);
    ~CreateCollectorDialog() override;

    /// The filter as the form stands; `error` says what is wrong when it returns nothing.
    std::optional<vim::TaskFilterSpec> filterSpec(QString *error = nullptr) const;
    int pageSize() const;
    QString previewText() const;

    void done(int result) override;

public Q_SLOTS:
    void submit();
    /// Sets begin to now − `seconds` and clears end.
    void setQuickRange(qint64 seconds);

Q_SIGNALS:
    void collectorCreated(const vim::ManagedObjectReference &collector,
                          const vim::TaskFilterSpec &filter, int pageSize);

private:
    QWidget *buildForm();
    void updatePreview();
    void onCreated(const VimResult<vim::ManagedObjectReference> &result,
                   const vim::TaskFilterSpec &spec);

    VimConnection *m_connection;
    /// Bumped by each submit and by closing the dialog: an answer to an older one is not
    /// shown, and the collector it made is destroyed.
    quint64 m_submission = 0;
    QSplitter *m_splitter;
    QGroupBox *m_entityGroup;
    EntityPicker *m_entity;
    QComboBox *m_recursion;
    QGroupBox *m_timeGroup;
    QComboBox *m_timeType;
    QCheckBox *m_beginEnabled;
    QDateTimeEdit *m_begin;
    QCheckBox *m_endEnabled;
    QDateTimeEdit *m_end;
    QGroupBox *m_userGroup;
    QLineEdit *m_users;
    QCheckBox *m_systemUser;
    QList<QCheckBox *> m_states;
    QLineEdit *m_alarm;
    QLineEdit *m_scheduledTask;
    QLineEdit *m_eventChainIds;
    QLineEdit *m_tags;
    QCheckBox *m_untagged;
    QLineEdit *m_parentKeys;
    QLineEdit *m_rootKeys;
    QLineEdit *m_activationIds;
    QSpinBox *m_pageSize;
    QPlainTextEdit *m_preview;
    QLabel *m_error;
    QPushButton *m_submit;
};
