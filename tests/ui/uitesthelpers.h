#pragma once

// Shared by the UI and end-to-end tests: an in-process simulator, a connection to it, and
// helpers that drive widgets with real key and mouse events.

#include <simconnect.h>
#include <simulator/simulator.h>
#include <vimconnection.h>

#include <QAbstractButton>
#include <QAbstractItemView>
#include <QApplication>
#include <QComboBox>
#include <QCompleter>
#include <QGroupBox>
#include <QLineEdit>
#include <QSettings>
#include <QStandardPaths>
#include <QStyleOptionGroupBox>
#include <QTest>
#include <QTimer>

#include <functional>
#include <memory>

namespace uitest {

inline void isolateSettings()
{
    QStandardPaths::setTestModeEnabled(true);
    QApplication::setOrganizationName(QStringLiteral("vtaskmon-tests"));
    QApplication::setApplicationName(QStringLiteral("vtaskmon-ui-tests"));
    QSettings().clear();
}

inline std::unique_ptr<sim::Simulator> startSimulator()
{
    sim::SimulatorOptions options;
    options.workload.enabled = false;
    auto simulator = std::make_unique<sim::Simulator>(options);
    QString error;
    if (!simulator->start(&error))
        qFatal("simulator did not start: %s", qPrintable(error));
    return simulator;
}

inline QByteArray rawThumbprint(const sim::Simulator &s)
{
    return QByteArray::fromHex(VimConnection::thumbprint(s.certificate()).toLatin1());
}

inline ConnectOptions optionsFor(const sim::Simulator &s, bool trust = true)
{
    return simtest::connectOptions(s, trust);
}

/// Types into a widget as a user would: focus, select all, type.
inline void typeInto(QWidget *w, const QString &text)
{
    QTest::mouseClick(w, Qt::LeftButton);
    QTest::keyClick(w, Qt::Key_A, Qt::ControlModifier);
    if (text.isEmpty())
        QTest::keyClick(w, Qt::Key_Delete);
    else
        QTest::keyClicks(w, text);
}

inline void typeInto(QComboBox *combo, const QString &text)
{
    typeInto(combo->lineEdit(), text);
    // The completer popup would take the next key; it closes like a user closes it. Only
    // when it is open: otherwise Escape would reach the dialog and close it.
    if (combo->completer() && combo->completer()->popup() &&
        combo->completer()->popup()->isVisible())
        QTest::keyClick(combo->completer()->popup(), Qt::Key_Escape);
}

/// Clicks a button; check boxes on their indicator, since a wide one has empty space in the middle.
inline void click(QWidget *w)
{
    const bool checkBox = w->inherits("QCheckBox");
    QTest::mouseClick(w, Qt::LeftButton, {},
                      checkBox ? QPoint(8, w->height() / 2) : w->rect().center());
}

/// Clicks the check box in the title of a checkable group box.
inline void clickGroupCheck(QGroupBox *box)
{
    QStyleOptionGroupBox option;
    option.initFrom(box);
    option.subControls = QStyle::SC_GroupBoxCheckBox | QStyle::SC_GroupBoxLabel;
    option.text = box->title();
    option.lineWidth = 1;
    option.features = QStyleOptionFrame::None;
    const QRect r = box->style()->subControlRect(QStyle::CC_GroupBox, &option,
                                                 QStyle::SC_GroupBoxCheckBox, box);
    QTest::mouseClick(box, Qt::LeftButton, {}, r.center());
}

/// Runs `f` on the next modal dialog as soon as it is shown (for exec()'d dialogs).
inline void onNextModal(std::function<void(QWidget *)> f)
{
    auto *timer = new QTimer(qApp);
    timer->setInterval(20);
    QObject::connect(timer, &QTimer::timeout, qApp, [timer, f = std::move(f)] {
        if (QWidget *modal = QApplication::activeModalWidget(); modal && modal->isVisible()) {
            timer->stop();
            timer->deleteLater();
            f(modal);
        }
    });
    timer->start();
}

} // namespace uitest
