#pragma once

#include <QList>
#include <QString>
#include <QStringList>
#include <optional>

class QDialogButtonBox;
class QLabel;
class QPushButton;
class QWidget;

/// Small pieces the create dialogs share: list fields and the error line.
namespace FormHelpers {

/// Splits a list typed into one line: entries separated by commas, semicolons or new lines.
QStringList splitList(const QString &text);
/// Like splitList, also separating on spaces (for keys and numbers, which have none).
QStringList splitTokens(const QString &text);
/// The numbers in `text`, or nothing when one entry is not an int; `bad` gets that entry.
std::optional<QList<qint32>> parseInts(const QString &text, QString *bad);
/// A hidden, bold, word-wrapped label for the dialog's error sentence.
QLabel *errorLabel(QWidget *parent);
/// A dialog button box with Cancel and a default `acceptText` button, wired to reject().
QDialogButtonBox *buttonBox(QWidget *dialog, const QString &acceptText, QPushButton **accept);

} // namespace FormHelpers
