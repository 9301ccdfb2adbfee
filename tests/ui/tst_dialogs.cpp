// Each dialog is filled with key and mouse events and submitted; what reaches the simulator
// is checked against its ground truth or read back over HTTP.

#include "uitesthelpers.h"

#include <certificatedialog.h>
#include <connectdialog.h>
#include <createcollectordialog.h>
#include <createtaskdialog.h>
#include <credentialstore.h>
#include <entitypicker.h>
#include <inventorymodel.h>
#include <translations.h>
#include <truststore.h>
#include <uisettings.h>

#include <taskhistorycollector.h>

#include <vim/codec.h>

#include <QCheckBox>
#include <QDateTimeEdit>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QSpinBox>
#include <QTest>
#include <QTranslator>

using namespace uitest;

class TestDialogs : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        isolateSettings();
        m_sim = startSimulator();
        m_connection = std::make_unique<VimConnection>();
        m_connection->connectToServer(optionsFor(*m_sim));
        QTRY_COMPARE_WITH_TIMEOUT(m_connection->state(), VimConnection::State::Connected, 15000);
        m_inventory = std::make_unique<InventoryModel>();
        QSignalSpy loaded(m_inventory.get(), &InventoryModel::loaded);
        m_inventory->load(m_connection.get());
        QVERIFY(loaded.wait(10000));
        for (int row = 0; row < m_inventory->rowCount(); ++row) {
            const auto ref = InventoryModel::refAt(m_inventory->index(row, 0));
            if (ref.type == QLatin1String("VirtualMachine") && m_vm.isNull()) {
                m_vm = ref;
                m_vmName = m_inventory->index(row, 0).data().toString();
            }
            if (ref.type == QLatin1String("Datacenter") && m_datacenter.isNull()) {
                m_datacenter = ref;
                m_datacenterName = m_inventory->index(row, 0).data().toString();
            }
        }
        QVERIFY2(!m_vm.isNull(), "the inventory lists a virtual machine");
        QVERIFY(!m_datacenter.isNull());
    }

    void translationsAreEmbedded_data()
    {
        QTest::addColumn<QString>("locale");
        QTest::addColumn<int>("count");
        QTest::addColumn<QString>("expected");
        QTest::newRow("en, one") << QStringLiteral("en_US") << 1
                                 << QStringLiteral("1 task; that is all.");
        QTest::newRow("en, many") << QStringLiteral("en_GB") << 6
                                  << QStringLiteral("6 tasks; that is all.");
        QTest::newRow("C locale is English")
            << QStringLiteral("C") << 2 << QStringLiteral("2 tasks; that is all.");
        QTest::newRow("de, one") << QStringLiteral("de_DE") << 1
                                 << QStringLiteral("1 Aufgabe; das ist alles.");
    }

    void translationsAreEmbedded()
    {
        QFETCH(QString, locale);
        QFETCH(int, count);
        QFETCH(QString, expected);
        // Given the translations the desktop app installs for a locale, from the resources
        QObject owner;
        const QList<QTranslator *> installed = Translations::install(QLocale(locale), &owner);
        QVERIFY(!installed.isEmpty());
        // When a count is put into a sentence, Then the plural is the language's own
        const QString text =
            QCoreApplication::translate("HistoryView", "%n task(s); that is all.", nullptr, count);
        for (QTranslator *t : installed)
            QCoreApplication::removeTranslator(t);
        QCOMPARE(text, expected);
    }

    void createTask_sendsTheFormAsCreateTask()
    {
        // Given a dialog with the extension task types loaded
        CreateTaskDialog dialog(m_connection.get(), m_inventory.get(), {});
        dialog.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dialog));
        auto *taskType = dialog.findChild<QComboBox *>(QStringLiteral("taskType"));
        QTRY_VERIFY_WITH_TIMEOUT(dialog.taskTypesLoaded(), 10000);
        QVERIFY2(taskType->count() > 0, "extensions registered task types");
        QVERIFY(!taskType->currentText().contains(QLatin1String("com.")) || taskType->count() > 0);

        // When the user picks a VM, the second task type, an initiator, unticks cancelable,
        // and sets an activation id
        typeInto(dialog.findChild<EntityPicker *>(QStringLiteral("entity")), m_vmName);
        taskType->setFocus();
        QTest::keyClick(taskType, Qt::Key_Down);
        const QString typeId = taskType->currentData().toString();
        typeInto(dialog.findChild<QLineEdit *>(QStringLiteral("initiatedBy")),
                 QStringLiteral("VSPHERE.LOCAL\\tester"));
        click(dialog.findChild<QCheckBox *>(QStringLiteral("cancelable")));
        typeInto(dialog.findChild<QLineEdit *>(QStringLiteral("activationId")),
                 QStringLiteral("act-42"));
        QSignalSpy created(&dialog, &CreateTaskDialog::taskCreated);
        click(dialog.findChild<QPushButton *>(QStringLiteral("submit")));

        // Then the simulator holds exactly that task
        QVERIFY(created.wait(10000));
        const auto info = created.first().first().value<vim::TaskInfo>();
        const auto truth = m_sim->task(info.key);
        QVERIFY(truth);
        QCOMPARE(truth->entity.value_or(vim::ManagedObjectReference{}), m_vm);
        QCOMPARE(truth->descriptionId, typeId);
        QCOMPARE(truth->reason.userName, QStringLiteral("VSPHERE.LOCAL\\tester"));
        QCOMPARE(truth->cancelable, false);
        QCOMPARE(truth->activationId.value_or(QString()), QStringLiteral("act-42"));
        QVERIFY(!truth->parentTaskKey);
        m_firstTaskKey = info.key;
    }

    void createTask_validatesBeforeSending()
    {
        // Given a dialog where the parent task key is not a task key
        CreateTaskDialog dialog(m_connection.get(), m_inventory.get(), {m_firstTaskKey});
        dialog.show();
        QTRY_VERIFY_WITH_TIMEOUT(dialog.taskTypesLoaded(), 10000);
        const int before = m_sim->stats().tasks;
        auto *submit = dialog.findChild<QPushButton *>(QStringLiteral("submit"));

        // When submitted without a target
        click(submit);
        // Then nothing is sent and the form says why
        auto *error = dialog.findChild<QLabel *>(QStringLiteral("error"));
        QVERIFY(error->isVisible());
        QVERIFY(error->text().contains(QLatin1String("target")));

        // When the target is set but the parent key is garbage
        typeInto(dialog.findChild<EntityPicker *>(QStringLiteral("entity")), m_vmName);
        auto *parent = dialog.findChild<QComboBox *>(QStringLiteral("parentTaskKey"));
        typeInto(parent, QStringLiteral("nope"));
        click(submit);
        QVERIFY(error->text().contains(QLatin1String("nope")));
        QCOMPARE(m_sim->stats().tasks, before);

        // When it names the known task, the default initiator is the session user
        typeInto(parent, m_firstTaskKey);
        QSignalSpy created(&dialog, &CreateTaskDialog::taskCreated);
        click(submit);
        QVERIFY(created.wait(10000));
        const auto truth = m_sim->task(created.first().first().value<vim::TaskInfo>().key);
        QCOMPARE(truth->parentTaskKey.value_or(QString()), m_firstTaskKey);
        QCOMPARE(truth->reason.userName, m_connection->userSession().userName);
        QCOMPARE(truth->cancelable, true);
        QCOMPARE(m_sim->stats().tasks, before + 1);
    }

    void createCollector_sendsEveryFieldAndPreviewsIt()
    {
        // Given the collector dialog
        CreateCollectorDialog dialog(m_connection.get(), m_inventory.get(), {m_firstTaskKey});
        dialog.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dialog));

        // When the user fills every section
        clickGroupCheck(dialog.findChild<QGroupBox *>(QStringLiteral("entityGroup")));
        typeInto(dialog.findChild<EntityPicker *>(QStringLiteral("entity")), m_datacenterName);
        clickGroupCheck(dialog.findChild<QGroupBox *>(QStringLiteral("timeGroup")));
        auto *recursion = dialog.findChild<QComboBox *>(QStringLiteral("recursion"));
        recursion->setFocus();
        QTest::keyClick(recursion, Qt::Key_Down); // "self"
        click(dialog.findChild<QPushButton *>(QStringLiteral("quick86400")));
        clickGroupCheck(dialog.findChild<QGroupBox *>(QStringLiteral("userGroup")));
        typeInto(dialog.findChild<QLineEdit *>(QStringLiteral("users")),
                 QStringLiteral("VSPHERE.LOCAL\\alice, VSPHERE.LOCAL\\bob"));
        click(dialog.findChild<QCheckBox *>(QStringLiteral("systemUser")));
        click(dialog.findChild<QCheckBox *>(QStringLiteral("state_error")));
        click(dialog.findChild<QCheckBox *>(QStringLiteral("state_running")));
        typeInto(dialog.findChild<QLineEdit *>(QStringLiteral("alarm")), QStringLiteral("alarm-7"));
        typeInto(dialog.findChild<QLineEdit *>(QStringLiteral("scheduledTask")),
                 QStringLiteral("schedule-3"));
        typeInto(dialog.findChild<QLineEdit *>(QStringLiteral("eventChainIds")),
                 QStringLiteral("12, 13"));
        typeInto(dialog.findChild<QLineEdit *>(QStringLiteral("tags")), QStringLiteral("nightly"));
        click(dialog.findChild<QCheckBox *>(QStringLiteral("untagged")));
        typeInto(dialog.findChild<QLineEdit *>(QStringLiteral("parentTaskKeys")), m_firstTaskKey);
        typeInto(dialog.findChild<QLineEdit *>(QStringLiteral("rootTaskKeys")),
                 QStringLiteral("task-1 task-2"));
        typeInto(dialog.findChild<QLineEdit *>(QStringLiteral("activationIds")),
                 QStringLiteral("act-42"));
        typeInto(dialog.findChild<QSpinBox *>(QStringLiteral("pageSize")), QStringLiteral("25"));

        const QDateTime begin =
            dialog.findChild<QDateTimeEdit *>(QStringLiteral("begin"))->dateTime();
        vim::TaskFilterSpec expected;
        expected.entity = vim::TaskFilterSpecByEntity{
            m_datacenter, vim::TaskFilterSpecRecursionOption::Value::Self};
        expected.time = vim::TaskFilterSpecByTime{
            vim::TaskFilterSpecTimeOption::Value::StartedTime,
            QDateTime::fromSecsSinceEpoch(begin.toSecsSinceEpoch(), Qt::UTC), std::nullopt};
        expected.userName = vim::TaskFilterSpecByUsername{
            true, {QStringLiteral("VSPHERE.LOCAL\\alice"), QStringLiteral("VSPHERE.LOCAL\\bob")}};
        expected.state = {vim::TaskInfoState::Value::Running, vim::TaskInfoState::Value::Error};
        expected.alarm =
            vim::ManagedObjectReference{QStringLiteral("Alarm"), QStringLiteral("alarm-7")};
        expected.scheduledTask = vim::ManagedObjectReference{QStringLiteral("ScheduledTask"),
                                                             QStringLiteral("schedule-3")};
        expected.eventChainId = {12, 13};
        expected.tag = {QStringLiteral("nightly"), QString()};
        expected.parentTaskKey = {m_firstTaskKey};
        expected.rootTaskKey = {QStringLiteral("task-1"), QStringLiteral("task-2")};
        expected.activationId = {QStringLiteral("act-42")};

        // Then the form and its JSON preview hold exactly that filter
        const auto spec = dialog.filterSpec();
        QVERIFY(spec);
        QCOMPARE(
            QJsonDocument(vim::encode(*spec).toObject()).toJson(QJsonDocument::Compact).mid(400),
            QJsonDocument(vim::encode(expected).toObject())
                .toJson(QJsonDocument::Compact)
                .mid(400));
        QCOMPARE(*spec, expected);
        QCOMPARE(dialog.pageSize(), 25);
        QVERIFY(dialog.previewText().contains(QLatin1String("\"_typeName\": \"TaskFilterSpec\"")));
        QVERIFY(dialog.previewText().contains(QLatin1String("schedule-3")));

        // When submitted, the server's collector carries that filter
        const int collectorsBefore = m_sim->stats().collectors;
        QSignalSpy created(&dialog, &CreateCollectorDialog::collectorCreated);
        click(dialog.findChild<QPushButton *>(QStringLiteral("submit")));
        QVERIFY(created.wait(10000));
        QCOMPARE(m_sim->stats().collectors, collectorsBefore + 1);
        const auto ref = created.first().first().value<vim::ManagedObjectReference>();
        QCOMPARE(ref.type, QStringLiteral("TaskHistoryCollector"));
        std::optional<vim::TaskFilterSpec> readBack;
        svc::TaskHistoryCollector(m_connection.get(), ref)
            .filter()
            .then(this, [&](const VimResult<vim::TaskFilterSpec> &r) {
                QVERIFY2(r.ok(), qPrintable(r.error().toString()));
                readBack = *r;
            });
        QTRY_VERIFY_WITH_TIMEOUT(readBack.has_value(), 10000);
        QCOMPARE(*readBack, expected);
    }

    void createCollector_refusesAnInvertedRange()
    {
        CreateCollectorDialog dialog(m_connection.get(), m_inventory.get(), {});
        dialog.show();
        clickGroupCheck(dialog.findChild<QGroupBox *>(QStringLiteral("timeGroup")));
        click(dialog.findChild<QCheckBox *>(QStringLiteral("beginEnabled")));
        click(dialog.findChild<QCheckBox *>(QStringLiteral("endEnabled")));
        auto *end = dialog.findChild<QDateTimeEdit *>(QStringLiteral("end"));
        end->setFocus();
        QTest::keyClick(end, Qt::Key_Down); // one unit earlier than begin
        const int before = m_sim->stats().collectors;
        click(dialog.findChild<QPushButton *>(QStringLiteral("submit")));
        QVERIFY(dialog.findChild<QLabel *>(QStringLiteral("error"))
                    ->text()
                    .contains(QLatin1String("before")));
        QCOMPARE(m_sim->stats().collectors, before);
    }

    void connect_wrongPasswordIsSaidInWords()
    {
        VimConnection connection;
        CredentialStore credentials;
        ConnectDialog dialog(&connection, &credentials);
        dialog.show();
        typeInto(dialog.findChild<QComboBox *>(QStringLiteral("server")),
                 m_sim->baseUrl().toString());
        typeInto(dialog.findChild<QLineEdit *>(QStringLiteral("user")), m_sim->options().userName);
        typeInto(dialog.findChild<QLineEdit *>(QStringLiteral("password")),
                 QStringLiteral("wrong"));
        // The certificate is new to this dialog: trust it once.
        onNextModal([](QWidget *modal) {
            QVERIFY(qobject_cast<CertificateDialog *>(modal));
            QVERIFY(modal->findChild<QLabel *>(QStringLiteral("thumbprint"))
                        ->text()
                        .count(QLatin1Char(':')) == 31);
            click(modal->findChild<QPushButton *>(QStringLiteral("trustOnce")));
        });
        click(dialog.findChild<QPushButton *>(QStringLiteral("connect")));
        QTRY_VERIFY2_WITH_TIMEOUT(dialog.errorText().contains(QLatin1String("password is wrong")),
                                  qPrintable(dialog.errorText()), 15000);
        QCOMPARE(connection.state(), VimConnection::State::Failed);

        // When the right password is typed, the once-trusted certificate still holds
        typeInto(dialog.findChild<QLineEdit *>(QStringLiteral("password")),
                 m_sim->options().password);
        click(dialog.findChild<QPushButton *>(QStringLiteral("connect")));
        QTRY_COMPARE_WITH_TIMEOUT(connection.state(), VimConnection::State::Connected, 15000);
        QCOMPARE(dialog.result(), int(QDialog::Accepted));
        QVERIFY(TrustStore::pinned(TrustStore::hostKey(m_sim->baseUrl().toString())).isEmpty());
        QCOMPARE(UiSettings::recentServers.get().value(0), m_sim->baseUrl().toString());
        for (const QString &key : QSettings().allKeys())
            QVERIFY2(!QSettings().value(key).toString().contains(m_sim->options().password),
                     "no password in settings");
    }

    void connect_alwaysTrustPinsAndAChangedCertificateIsRefused()
    {
        const QString host = TrustStore::hostKey(m_sim->baseUrl().toString());
        {
            VimConnection connection;
            CredentialStore credentials;
            ConnectDialog dialog(&connection, &credentials);
            fillWithRightPassword(dialog);
            onNextModal([](QWidget *modal) {
                click(modal->findChild<QPushButton *>(QStringLiteral("trustAlways")));
            });
            click(dialog.findChild<QPushButton *>(QStringLiteral("connect")));
            QTRY_COMPARE_WITH_TIMEOUT(connection.state(), VimConnection::State::Connected, 15000);
            QCOMPARE(TrustStore::pinned(host), rawThumbprint(*m_sim));
        }
        // Given a pinned thumbprint that is not the server's
        TrustStore::pin(host, QString(64, QLatin1Char('a')));
        VimConnection connection;
        CredentialStore credentials;
        ConnectDialog dialog(&connection, &credentials);
        fillWithRightPassword(dialog);
        bool warned = false;
        onNextModal([&warned](QWidget *modal) {
            warned = qobject_cast<CertificateDialog *>(modal) != nullptr;
            qobject_cast<QDialog *>(modal)->reject();
        });
        click(dialog.findChild<QPushButton *>(QStringLiteral("connect")));
        QTRY_VERIFY_WITH_TIMEOUT(
            dialog.errorText().contains(QLatin1String("different certificate")), 15000);
        QVERIFY(warned);
        QVERIFY(connection.state() != VimConnection::State::Connected);
        TrustStore::unpin(host);
    }

private:
    void fillWithRightPassword(ConnectDialog &dialog)
    {
        dialog.setServer(m_sim->baseUrl().toString());
        dialog.setUserName(m_sim->options().userName);
        dialog.show();
        typeInto(dialog.findChild<QLineEdit *>(QStringLiteral("password")),
                 m_sim->options().password);
    }

    std::unique_ptr<sim::Simulator> m_sim;
    std::unique_ptr<VimConnection> m_connection;
    std::unique_ptr<InventoryModel> m_inventory;
    vim::ManagedObjectReference m_vm;
    QString m_vmName;
    vim::ManagedObjectReference m_datacenter;
    QString m_datacenterName;
    QString m_firstTaskKey;
};

QTEST_MAIN(TestDialogs)
#include "tst_dialogs.moc"
