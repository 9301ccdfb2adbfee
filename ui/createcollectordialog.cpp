#include "createcollectordialog.h"

#include "entitypicker.h"
#include "formhelpers.h"
#include "icons.h"
#include "inventorymodel.h"
#include "serverobjects.h"
#include "uisettings.h"

#include <taskmanager.h>
#include <vimconnection.h>

#include <vim/codec.h>

#include <QApplication>
#include <QCheckBox>
#include <QClipboard>
#include <QComboBox>
#include <QCompleter>
#include <QDateTimeEdit>
#include <QDialogButtonBox>
#include <QFontDatabase>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPointer>
#include <QPushButton>
#include <QScrollArea>
#include <QSpinBox>
#include <QSplitter>
#include <QVBoxLayout>

namespace {

QLineEdit *listEdit(QWidget *parent, const char *name, const QString &accessible,
                    const QString &placeholder)
{
    auto *edit = new QLineEdit(parent);
    edit->setObjectName(QLatin1String(name));
    edit->setAccessibleName(accessible);
    edit->setPlaceholderText(placeholder);
    edit->setClearButtonEnabled(true);
    return edit;
}

QDateTimeEdit *dateTimeEdit(QWidget *parent, const char *name, const QString &accessible)
{
    auto *edit = new QDateTimeEdit(QDateTime::currentDateTime(), parent);
    edit->setObjectName(QLatin1String(name));
    edit->setAccessibleName(accessible);
    edit->setCalendarPopup(true);
    edit->setDisplayFormat(QLocale().dateTimeFormat(QLocale::ShortFormat));
    edit->setEnabled(false);
    return edit;
}

} // namespace

CreateCollectorDialog::CreateCollectorDialog(VimConnection *connection, InventoryModel *inventory,
                                             const QStringList &knownTaskKeys, QWidget *parent)
    : QDialog(parent)
    , m_connection(connection)
{
    setObjectName(QStringLiteral("CreateCollectorDialog"));
    setWindowTitle(tr("New History Collector"));
    setWindowIcon(Icons::action(Icons::Action::NewCollector));

    m_entity = new EntityPicker(inventory, this);
    m_entity->setObjectName(QStringLiteral("entity"));
    m_entity->setAccessibleName(tr("Entity"));
    auto *form = buildForm();

    auto *keys = new QCompleter(knownTaskKeys, this);
    keys->setFilterMode(Qt::MatchContains);
    m_parentKeys->setCompleter(keys);
    m_rootKeys->setCompleter(keys);

    auto *scroll = new QScrollArea(this);
    scroll->setWidget(form);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);

    m_preview = new QPlainTextEdit(this);
    m_preview->setObjectName(QStringLiteral("preview"));
    m_preview->setAccessibleName(tr("JSON filter preview"));
    m_preview->setReadOnly(true);
    m_preview->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_preview->setLineWrapMode(QPlainTextEdit::NoWrap);
    m_preview->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    auto *copy = new QPushButton(tr("&Copy JSON"), this);
    copy->setObjectName(QStringLiteral("copyJson"));
    connect(copy, &QPushButton::clicked, this,
            [this] { QApplication::clipboard()->setText(m_preview->toPlainText()); });
    auto *previewBox = new QGroupBox(tr("Request body for CreateCollectorForTasks"), this);
    auto *previewLayout = new QVBoxLayout(previewBox);
    previewLayout->addWidget(m_preview);
    previewLayout->addWidget(copy, 0, Qt::AlignRight);

    m_splitter = new QSplitter(Qt::Horizontal, this);
    m_splitter->addWidget(scroll);
    m_splitter->addWidget(previewBox);
    m_splitter->setStretchFactor(0, 1);
    m_splitter->setStretchFactor(1, 1);
    m_splitter->setChildrenCollapsible(false);

    m_error = FormHelpers::errorLabel(this);
    auto *buttons = FormHelpers::buttonBox(this, tr("C&reate Collector"), &m_submit);
    connect(m_submit, &QPushButton::clicked, this, &CreateCollectorDialog::submit);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_splitter, 1);
    layout->addWidget(m_error);
    layout->addWidget(buttons);

    for (auto *edit : findChildren<QLineEdit *>())
        connect(edit, &QLineEdit::textChanged, this, &CreateCollectorDialog::updatePreview);
    for (auto *box : findChildren<QCheckBox *>())
        connect(box, &QCheckBox::toggled, this, &CreateCollectorDialog::updatePreview);
    for (auto *group : findChildren<QGroupBox *>())
        connect(group, &QGroupBox::toggled, this, &CreateCollectorDialog::updatePreview);
    for (auto *combo : findChildren<QComboBox *>())
        connect(combo, &QComboBox::currentIndexChanged, this,
                &CreateCollectorDialog::updatePreview);
    for (auto *edit : findChildren<QDateTimeEdit *>())
        connect(edit, &QDateTimeEdit::dateTimeChanged, this, &CreateCollectorDialog::updatePreview);
    connect(m_entity, &EntityPicker::entityChanged, this, &CreateCollectorDialog::updatePreview);

    resize(1000, 620);
    restoreGeometry(UiSettings::createCollectorDialogGeometry.get());
    m_splitter->restoreState(UiSettings::createCollectorDialogSplitter.get());
    updatePreview();
}

CreateCollectorDialog::~CreateCollectorDialog()
{
    UiSettings::createCollectorDialogGeometry.set(saveGeometry());
    UiSettings::createCollectorDialogSplitter.set(m_splitter->saveState());
}

QWidget *CreateCollectorDialog::buildForm()
{
    auto *form = new QWidget(this);
    auto *column = new QVBoxLayout(form);
    column->setContentsMargins(0, 0, 6, 0);

    m_entityGroup = new QGroupBox(tr("Only tasks on an &entity"), form);
    m_entityGroup->setObjectName(QStringLiteral("entityGroup"));
    m_entityGroup->setCheckable(true);
    m_entityGroup->setChecked(false);
    m_recursion = new QComboBox(form);
    m_recursion->setObjectName(QStringLiteral("recursion"));
    m_recursion->setAccessibleName(tr("Recursion"));
    m_recursion->addItem(tr("The entity and everything below it"), QStringLiteral("all"));
    m_recursion->addItem(tr("Only the entity itself"), QStringLiteral("self"));
    m_recursion->addItem(tr("Only its children, not the entity"), QStringLiteral("children"));
    auto *entityForm = new QFormLayout(m_entityGroup);
    entityForm->addRow(tr("Entity:"), m_entity);
    entityForm->addRow(tr("Include:", "which entities of a subtree"), m_recursion);
    column->addWidget(m_entityGroup);

    m_timeGroup = new QGroupBox(tr("Only tasks in a &time range"), form);
    m_timeGroup->setObjectName(QStringLiteral("timeGroup"));
    m_timeGroup->setCheckable(true);
    m_timeGroup->setChecked(false);
    m_timeType = new QComboBox(form);
    m_timeType->setObjectName(QStringLiteral("timeType"));
    m_timeType->setAccessibleName(tr("Time of"));
    m_timeType->addItem(tr("Queued", "time type"), QStringLiteral("queuedTime"));
    m_timeType->addItem(tr("Started", "time type"), QStringLiteral("startedTime"));
    m_timeType->addItem(tr("Completed", "time type"), QStringLiteral("completedTime"));
    m_timeType->setCurrentIndex(1);
    m_beginEnabled = new QCheckBox(tr("From:"), form);
    m_beginEnabled->setObjectName(QStringLiteral("beginEnabled"));
    m_begin = dateTimeEdit(form, "begin", tr("Begin time"));
    m_endEnabled = new QCheckBox(tr("Until:"), form);
    m_endEnabled->setObjectName(QStringLiteral("endEnabled"));
    m_end = dateTimeEdit(form, "end", tr("End time"));
    connect(m_beginEnabled, &QCheckBox::toggled, m_begin, &QWidget::setEnabled);
    connect(m_endEnabled, &QCheckBox::toggled, m_end, &QWidget::setEnabled);
    auto *quick = new QHBoxLayout;
    const std::pair<QString, qint64> ranges[] = {
        {tr("Last &hour"), 3600}, {tr("Last &day"), 86400}, {tr("Last &week"), 7 * 86400}};
    for (const auto &[label, seconds] : ranges) {
        auto *b = new QPushButton(label, form);
        b->setObjectName(QStringLiteral("quick%1").arg(seconds));
        connect(b, &QPushButton::clicked, this, [this, s = seconds] { setQuickRange(s); });
        quick->addWidget(b);
    }
    quick->addStretch();
    auto *timeForm = new QFormLayout(m_timeGroup);
    timeForm->addRow(tr("Time of:", "which task time the range applies to"), m_timeType);
    timeForm->addRow(m_beginEnabled, m_begin);
    timeForm->addRow(m_endEnabled, m_end);
    timeForm->addRow(tr("Quick range:"), quick);
    column->addWidget(m_timeGroup);

    m_userGroup = new QGroupBox(tr("Only tasks started by &users"), form);
    m_userGroup->setObjectName(QStringLiteral("userGroup"));
    m_userGroup->setCheckable(true);
    m_userGroup->setChecked(false);
    m_users = listEdit(form, "users", tr("User names"),
                       tr("VSPHERE.LOCAL\\alice, VSPHERE.LOCAL\\bob (empty: all users)"));
    m_systemUser = new QCheckBox(tr("Include tasks started by the system"), form);
    m_systemUser->setObjectName(QStringLiteral("systemUser"));
    auto *userForm = new QFormLayout(m_userGroup);
    userForm->addRow(tr("User names:"), m_users);
    userForm->addRow(QString(), m_systemUser);
    column->addWidget(m_userGroup);

    auto *stateGroup = new QGroupBox(tr("States (none checked: any state)"), form);
    auto *stateRow = new QHBoxLayout(stateGroup);
    const std::pair<const char *, QString> states[] = {{"queued", tr("Queued", "task state")},
                                                       {"running", tr("Running", "task state")},
                                                       {"success", tr("Succeeded", "task state")},
                                                       {"error", tr("Failed", "task state")}};
    for (const auto &[key, label] : states) {
        auto *box = new QCheckBox(label, form);
        box->setObjectName(QStringLiteral("state_") + QLatin1String(key));
        box->setProperty("stateKey", QLatin1String(key));
        m_states.append(box);
        stateRow->addWidget(box);
    }
    stateRow->addStretch();
    column->addWidget(stateGroup);

    auto *more = new QGroupBox(tr("More criteria"), form);
    auto *moreForm = new QFormLayout(more);
    moreForm->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    m_alarm = listEdit(form, "alarm", tr("Alarm"), tr("alarm-12"));
    m_scheduledTask = listEdit(form, "scheduledTask", tr("Scheduled task"), tr("schedule-3"));
    m_eventChainIds = listEdit(form, "eventChainIds", tr("Event chain IDs"), tr("1234, 1240"));
    m_tags = listEdit(form, "tags", tr("Tags"), tr("backup, nightly"));
    m_untagged = new QCheckBox(tr("Also tasks without a tag"), form);
    m_untagged->setObjectName(QStringLiteral("untagged"));
    m_parentKeys =
        listEdit(form, "parentTaskKeys", tr("Parent task keys"), tr("task-101, task-102"));
    m_rootKeys = listEdit(form, "rootTaskKeys", tr("Root task keys"), tr("task-100"));
    m_activationIds =
        listEdit(form, "activationIds", tr("Activation IDs"), tr("one or more, comma-separated"));
    moreForm->addRow(tr("Alarm (moId):"), m_alarm);
    moreForm->addRow(tr("Scheduled task (moId):"), m_scheduledTask);
    moreForm->addRow(tr("Event chain IDs:"), m_eventChainIds);
    moreForm->addRow(tr("Tags:"), m_tags);
    moreForm->addRow(QString(), m_untagged);
    moreForm->addRow(tr("Parent task keys:"), m_parentKeys);
    moreForm->addRow(tr("Root task keys:"), m_rootKeys);
    moreForm->addRow(tr("Activation IDs:"), m_activationIds);
    column->addWidget(more);

    auto *collectorForm = new QFormLayout;
    m_pageSize = new QSpinBox(form);
    m_pageSize->setObjectName(QStringLiteral("pageSize"));
    m_pageSize->setAccessibleName(tr("Page size"));
    m_pageSize->setRange(1, 1000);
    m_pageSize->setValue(UiSettings::historyPageSize.get());
    m_pageSize->setSuffix(tr(" tasks per page"));
    collectorForm->addRow(tr("&Page size:"), m_pageSize);
    column->addLayout(collectorForm);
    column->addStretch();
    return form;
}

void CreateCollectorDialog::setQuickRange(qint64 seconds)
{
    m_timeGroup->setChecked(true);
    m_beginEnabled->setChecked(true);
    m_begin->setDateTime(QDateTime::currentDateTime().addSecs(-seconds));
    m_endEnabled->setChecked(false);
}

int CreateCollectorDialog::pageSize() const
{
    return m_pageSize->value();
}

std::optional<vim::TaskFilterSpec> CreateCollectorDialog::filterSpec(QString *error) const
{
    auto fail = [error](const QString &message) {
        if (error)
            *error = message;
        return std::nullopt;
    };
    vim::TaskFilterSpec spec;
    if (m_entityGroup->isChecked()) {
        const vim::ManagedObjectReference entity = m_entity->entity();
        if (entity.isNull())
            return fail(tr("Pick an entity from the list, or untick “Only tasks on an entity”."));
        spec.entity = vim::TaskFilterSpecByEntity{
            entity,
            vim::TaskFilterSpecRecursionOption::fromString(m_recursion->currentData().toString())};
    }
    if (m_timeGroup->isChecked()) {
        vim::TaskFilterSpecByTime time;
        time.timeType =
            vim::TaskFilterSpecTimeOption::fromString(m_timeType->currentData().toString());
        // Whole seconds: what the user saw is what is sent, with no hidden milliseconds.
        auto seconds = [](const QDateTimeEdit *e) {
            return QDateTime::fromSecsSinceEpoch(e->dateTime().toSecsSinceEpoch(), Qt::UTC);
        };
        if (m_beginEnabled->isChecked())
            time.beginTime = seconds(m_begin);
        if (m_endEnabled->isChecked())
            time.endTime = seconds(m_end);
        if (time.beginTime && time.endTime && *time.endTime < *time.beginTime)
            return fail(tr("The end of the time range is before its beginning."));
        spec.time = time;
    }
    if (m_userGroup->isChecked()) {
        const QStringList users = FormHelpers::splitList(m_users->text());
        if (users.isEmpty() && !m_systemUser->isChecked())
            return fail(
                tr("Enter at least one user name, or include tasks started by the system."));
        spec.userName = vim::TaskFilterSpecByUsername{m_systemUser->isChecked(), users};
    }
    for (const QCheckBox *box : m_states) {
        if (box->isChecked())
            spec.state.append(vim::TaskInfoState::fromString(box->property("stateKey").toString()));
    }
    const QString alarm = m_alarm->text().trimmed();
    if (!alarm.isEmpty())
        spec.alarm = vim::ManagedObjectReference{QStringLiteral("Alarm"), alarm};
    const QString scheduled = m_scheduledTask->text().trimmed();
    if (!scheduled.isEmpty())
        spec.scheduledTask =
            vim::ManagedObjectReference{QStringLiteral("ScheduledTask"), scheduled};
    QString bad;
    const auto chainIds = FormHelpers::parseInts(m_eventChainIds->text(), &bad);
    if (!chainIds)
        return fail(tr("“%1” is not an event chain ID: enter whole numbers.").arg(bad));
    spec.eventChainId = *chainIds;
    spec.tag = FormHelpers::splitList(m_tags->text());
    if (m_untagged->isChecked())
        spec.tag.append(QString());
    spec.parentTaskKey = FormHelpers::splitTokens(m_parentKeys->text());
    spec.rootTaskKey = FormHelpers::splitTokens(m_rootKeys->text());
    spec.activationId = FormHelpers::splitList(m_activationIds->text());
    return spec;
}

QString CreateCollectorDialog::previewText() const
{
    return m_preview->toPlainText();
}

void CreateCollectorDialog::updatePreview()
{
    QString error;
    const auto spec = filterSpec(&error);
    if (!spec) {
        m_preview->setPlainText(tr("// Not valid yet: %1").arg(error));
        return;
    }
    QJsonObject body;
    body.insert(QStringLiteral("filter"), vim::encode(*spec));
    m_preview->setPlainText(QString::fromUtf8(QJsonDocument(body).toJson(QJsonDocument::Indented)));
}

void CreateCollectorDialog::submit()
{
    QString error;
    const auto spec = filterSpec(&error);
    if (!spec) {
        m_error->setText(error);
        m_error->show();
        return;
    }
    const auto taskManager = m_connection->serviceContent().taskManager;
    if (!taskManager) {
        m_error->setText(tr("This server has no task manager."));
        m_error->show();
        return;
    }
    m_submit->setEnabled(false);
    m_error->hide();
    UiSettings::historyPageSize.set(pageSize());
    // The dialog may be closed before the answer comes. The answer then belongs to the
    // connection, so that the collector is destroyed instead of counting against
    // maxCollector for the rest of the session.
    VimConnection *connection = m_connection;
    auto *outcome = new QObject(connection);
    svc::TaskManager(connection, *taskManager)
        .createCollectorForTasks(*spec)
        .then(outcome, [outcome, connection, dialog = QPointer<CreateCollectorDialog>(this),
                        submission = ++m_submission,
                        spec = *spec](const VimResult<vim::ManagedObjectReference> &result) {
            outcome->deleteLater();
            if (!result && result.error().mayHaveTakenEffect())
                ServerObjects::replaceSessionIfLost(connection, "a collector create got no answer");
            if (dialog && dialog->m_submission == submission)
                dialog->onCreated(result, spec);
            else if (result)
                ServerObjects::destroy(connection, *result);
        });
}

void CreateCollectorDialog::done(int result)
{
    // Closed while a create is in flight: its answer is no longer wanted (see submit()).
    if (result != Accepted) {
        ++m_submission;
        m_submit->setEnabled(true);
    }
    QDialog::done(result);
}

void CreateCollectorDialog::onCreated(const VimResult<vim::ManagedObjectReference> &result,
                                      const vim::TaskFilterSpec &spec)
{
    m_submit->setEnabled(true);
    if (!result) {
        QString message = result.error().message;
        if (result.error().isFault(QStringLiteral("InvalidState")))
            message = tr("The server allows no more history collectors for this session. "
                         "Destroy one on the History tab first.");
        m_error->setText(tr("The collector was not created: %1").arg(message));
        m_error->show();
        return;
    }
    Q_EMIT collectorCreated(*result, spec, pageSize());
    accept();
}
