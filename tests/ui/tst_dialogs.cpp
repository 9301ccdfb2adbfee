// Each dialog is filled with key and mouse events and submitted; what reaches the simulator
// is checked against its ground truth or read back over HTTP.

#include "uitesthelpers.h"

#include <certificatedialog.h>
#include <certificatespage.h>
#include <certificatetext.h>
#include <connectdialog.h>
#include <createcollectordialog.h>
#include <createtaskdialog.h>
#include <credentialstore.h>
#include <entitypicker.h>
#include <inventorymodel.h>
#include <mainwindow.h>
#include <pinnedcertificatesmodel.h>
#include <settingsdialog.h>
#include <translations.h>
#include <truststore.h>
#include <uisettings.h>

#include <simulator/certificategenerator.h>
#include <taskhistorycollector.h>

#include <vim/codec.h>

#include <QAbstractItemModelTester>
#include <QAction>
#include <QCheckBox>
#include <QCryptographicHash>
#include <QDateTimeEdit>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QSpinBox>
#include <QTest>
#include <QTranslator>
#include <QTreeView>

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

    void cleanup()
    {
        // A failed case leaves no pin behind for the next one.
        QSettings settings;
        settings.remove(UiSettings::pinnedCertificatesGroup);
        settings.remove(UiSettings::legacyPinnedCertificates.key());
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
            clickOrClose(modal, "keepPin");
        });
        click(dialog.findChild<QPushButton *>(QStringLiteral("connect")));
        QTRY_VERIFY_WITH_TIMEOUT(dialog.errorText().contains(QLatin1String("pin stays")), 15000);
        QVERIFY(warned);
        QVERIFY(connection.state() != VimConnection::State::Connected);
        QCOMPARE(TrustStore::pinned(host), QByteArray(32, char(0xaa)));
        TrustStore::unpin(host);
    }

    void connect_changedCertificateIsComparedAndMayReplaceThePin()
    {
        // Given the host pinned to another certificate with the same subject, as after a renewal
        const QString host = TrustStore::hostKey(m_sim->baseUrl().toString());
        const auto old = sim::CertificateGenerator::generate();
        QVERIFY2(old.ok(), qPrintable(old.error));
        TrustStore::pin(host, old.certificate);
        const QDateTime pinnedAt = TrustStore::entry(host).pinnedSince;
        QVERIFY(pinnedAt.isValid());
        VimConnection connection;
        CredentialStore credentials;
        ConnectDialog dialog(&connection, &credentials);
        fillWithRightPassword(dialog);
        // When connecting, Then the dialog shows the old pin beside the new certificate
        QStringList shown;
        onNextModal([&shown](QWidget *modal) {
            for (const char *name :
                 {"pinnedThumbprint", "pinnedSubject", "pinnedValidity", "pinnedSince",
                  "thumbprint", "subject", "validity", "subjectHint"}) {
                auto *label = modal->findChild<QLabel *>(QLatin1String(name));
                shown.append(label ? label->text()
                                   : QStringLiteral("(missing %1)").arg(QLatin1String(name)));
            }
            // and accepting the new one replaces the pin
            clickOrClose(modal, "replacePin");
        });
        click(dialog.findChild<QPushButton *>(QStringLiteral("connect")));
        QTRY_COMPARE_WITH_TIMEOUT(connection.state(), VimConnection::State::Connected, 15000);
        const QSslCertificate now = m_sim->certificate();
        QCOMPARE(
            shown,
            (QStringList{
                CertificateText::thumbprint(old.certificate.digest(QCryptographicHash::Sha256)),
                CertificateText::subject(old.certificate),
                CertificateText::validity({}, old.certificate.expiryDate()),
                CertificateText::dateTime(pinnedAt),
                CertificateText::thumbprint(rawThumbprint(*m_sim)), CertificateText::subject(now),
                CertificateText::validity(now.effectiveDate(), now.expiryDate()),
                QStringLiteral("Same subject as the pinned certificate.")}));
        const PinnedCertificate pin = TrustStore::entry(host);
        QCOMPARE(pin.sha256, rawThumbprint(*m_sim));
        QCOMPARE(pin.subject, CertificateText::subject(now));
        QCOMPARE(pin.notAfter, now.expiryDate());
        QVERIFY(pin.pinnedSince >= pinnedAt);
        TrustStore::unpin(host);
    }

    void trustStore_movesBinaryPinsToReadableText()
    {
        // Given pins as older versions kept them: one binary map, with hex text, raw bytes,
        // hex bytes, and two values that are no thumbprint
        const QByteArray raw = QCryptographicHash::hash("one", QCryptographicHash::Sha256);
        const QByteArray raw2 = QCryptographicHash::hash("two", QCryptographicHash::Sha256);
        const QByteArray raw3 = QCryptographicHash::hash("three", QCryptographicHash::Sha256);
        {
            QSettings settings;
            settings.setValue(
                UiSettings::legacyPinnedCertificates.key(),
                QVariantMap{
                    {QStringLiteral("hex.example:443"), QString::fromLatin1(raw.toHex())},
                    {QStringLiteral("raw.example:443"), raw2},
                    {QStringLiteral("HexBytes.example:8443"), raw3.toHex()},
                    {QStringLiteral("short.example:443"), QStringLiteral("abcd")},
                    {QStringLiteral("binary.example:443"), QByteArray("\x01\x02\x00\xff", 4)}});
            settings.sync();
        }
        QVERIFY(fileText().contains(QLatin1String("@Variant(")));
        // When the trust store is read
        QTest::ignoreMessage(QtWarningMsg,
                             QRegularExpression(QStringLiteral(
                                 "short.example:443 cannot be used: .abcd. is not a SHA-256")));
        QCOMPARE(TrustStore::pinned(QStringLiteral("short.example:443")), QByteArray());
        // Then every entry is in the readable groups, nothing binary is left, and each
        // thumbprint reads back as it was
        QSettings settings;
        QVERIFY(!settings.contains(UiSettings::legacyPinnedCertificates.key()));
        const QString text = fileText();
        QVERIFY2(!text.contains(QLatin1String("@Variant(")), qPrintable(text));
        QVERIFY2(text.contains(CertificateText::thumbprint(raw2)), qPrintable(text));
        QCOMPARE(TrustStore::pinned(QStringLiteral("hex.example:443")), raw);
        QCOMPARE(TrustStore::pinned(QStringLiteral("raw.example:443")), raw2);
        QCOMPARE(TrustStore::pinned(QStringLiteral("hexbytes.example:8443")), raw3);
        QStringList summary;
        for (const PinnedCertificate &p : TrustStore::pins())
            summary.append(p.hostKey + QLatin1Char(' ') +
                           (p.isUsable() ? QStringLiteral("ok") : p.problem));
        QCOMPARE(
            summary,
            (QStringList{QStringLiteral("binary.example:443 binary data (4 bytes) is not a SHA-256 "
                                        "thumbprint (64 hexadecimal digits)"),
                         QStringLiteral("hex.example:443 ok"),
                         QStringLiteral("hexbytes.example:8443 ok"),
                         QStringLiteral("raw.example:443 ok"),
                         QStringLiteral("short.example:443 “abcd” is not a SHA-256 thumbprint (64 "
                                        "hexadecimal digits)")}));
        // and the unreadable ones are still there to see and remove
        for (const char *host : {"hex.example:443", "raw.example:443", "hexbytes.example:8443",
                                 "short.example:443", "binary.example:443"})
            TrustStore::unpin(QLatin1String(host));
        QVERIFY(TrustStore::pins().isEmpty());
    }

    void trustStore_ignoresAValueItCannotRead()
    {
        // Given a settings file whose old pin map is garbled and whose new pin is not hex
        {
            QSettings settings;
            settings.setValue(QStringLiteral("PinnedCertificates/bad.example:443/sha256"),
                              QStringLiteral("zz:zz"));
            settings.sync();
        }
        QFile file(QSettings().fileName());
        QVERIFY(file.open(QIODevice::Append));
        file.write("\n[Security]\npinnedCertificates=@Variant(\\0\\0\\0\\x7f\\0garbage)\n");
        file.close();
        // When the trust store is read, Then it says so and uses neither
        QTest::ignoreMessage(QtWarningMsg,
                             QRegularExpression(QStringLiteral(
                                 "Security/pinnedCertificates in .* not pinned certificates")));
        const QList<PinnedCertificate> pins = TrustStore::pins();
        QCOMPARE(pins.size(), 1);
        QCOMPARE(pins.first().hostKey, QStringLiteral("bad.example:443"));
        QVERIFY(!pins.first().isUsable());
        QVERIFY2(pins.first().problem.contains(QStringLiteral("“zz:zz” is not a SHA-256")),
                 qPrintable(pins.first().problem));
        QCOMPARE(TrustStore::pinned(QStringLiteral("bad.example:443")), QByteArray());
        // and a new pin for that host is written as usual, the garbled map left as it was
        TrustStore::pin(QStringLiteral("bad.example:443"), QString(64, QLatin1Char('b')));
        QCOMPARE(TrustStore::pinned(QStringLiteral("bad.example:443")), QByteArray(32, char(0xbb)));
        QVERIFY(QSettings().contains(UiSettings::legacyPinnedCertificates.key()));
        TrustStore::unpin(QStringLiteral("bad.example:443"));
        QSettings().remove(UiSettings::legacyPinnedCertificates.key());
    }

    void settings_certificatesPageListsAndRemovesPins()
    {
        // Given two pins, one with what the certificate says and one from an older version,
        // and the Settings dialog opened from the main window's menu
        const auto generated = sim::CertificateGenerator::generate();
        QVERIFY(generated.ok());
        const QSslCertificate certificate = generated.certificate;
        TrustStore::pin(QStringLiteral("vc-a.example:443"), certificate);
        {
            QSettings settings;
            settings.setValue(
                UiSettings::legacyPinnedCertificates.key(),
                QVariantMap{{QStringLiteral("vc-b.example:8443"), QString(64, QLatin1Char('c'))}});
        }
        VimConnection connection;
        MainWindow window(&connection);
        window.findChild<QAction *>(QStringLiteral("settingsAction"))->trigger();
        auto *dialog = window.findChild<SettingsDialog *>();
        QVERIFY(dialog);
        QVERIFY(QTest::qWaitForWindowExposed(dialog));
        CertificatesPage *page = dialog->certificatesPage();
        QVERIFY(page->isVisible());
        PinnedCertificatesModel *model = page->model();
        QAbstractItemModelTester tester(model);

        // Then the page lists both: host, thumbprint with colons, subject, validity, since
        const auto rowText = [model](int row) {
            QStringList cells;
            for (int c = 0; c < model->columnCount(); ++c)
                cells.append(model->index(row, c).data().toString());
            return cells.join(QStringLiteral(" | "));
        };
        QCOMPARE(model->rowCount(), 2);
        const PinnedCertificate a = TrustStore::entry(QStringLiteral("vc-a.example:443"));
        QCOMPARE(rowText(0), QStringList({QStringLiteral("vc-a.example:443"),
                                          CertificateText::thumbprint(
                                              certificate.digest(QCryptographicHash::Sha256)),
                                          CertificateText::subject(certificate),
                                          CertificateText::validity({}, certificate.expiryDate()),
                                          CertificateText::dateTime(a.pinnedSince)})
                                 .join(QStringLiteral(" | ")));
        QCOMPARE(rowText(1), QStringLiteral("vc-b.example:8443 | ") +
                                 QStringList(32, QStringLiteral("CC")).join(QLatin1Char(':')) +
                                 QStringLiteral(" | not recorded | not recorded | not recorded"));

        // When the second is selected and removed
        auto *remove = page->findChild<QPushButton *>(QStringLiteral("removePin"));
        QVERIFY(!remove->isEnabled());
        QTreeView *view = page->view();
        QTest::mouseClick(view->viewport(), Qt::LeftButton, {},
                          view->visualRect(model->index(1, 0)).center());
        QVERIFY(remove->isEnabled());
        QVERIFY(page->findChild<QLabel *>(QStringLiteral("selectedThumbprint"))
                    ->text()
                    .startsWith(QLatin1String("CC:CC:")));
        click(remove);
        // Then the trust store and the settings file no longer have it, the other stays
        QCOMPARE(model->rowCount(), 1);
        QCOMPARE(rowText(0).section(QLatin1Char(' '), 0, 0), QStringLiteral("vc-a.example:443"));
        QVERIFY(TrustStore::pinned(QStringLiteral("vc-b.example:8443")).isEmpty());
        QSettings().sync();
        QVERIFY(!fileText().contains(QLatin1String("vc-b.example")));
        QVERIFY(fileText().contains(QLatin1String("vc-a.example")));
        dialog->close();
        TrustStore::unpin(QStringLiteral("vc-a.example:443"));
    }

private:
    /// Clicks the named button of a modal dialog; closes the dialog if it has none, so that
    /// the test fails on what follows instead of crashing.
    static void clickOrClose(QWidget *modal, const char *button)
    {
        if (auto *b = modal->findChild<QPushButton *>(QLatin1String(button)))
            click(b);
        else
            modal->close();
    }

    static QString fileText()
    {
        QSettings().sync();
        QFile file(QSettings().fileName());
        return file.open(QIODevice::ReadOnly) ? QString::fromUtf8(file.readAll()) : QString();
    }

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
