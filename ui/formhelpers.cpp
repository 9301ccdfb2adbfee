#include "formhelpers.h"

#include <QDialog>
#include <QDialogButtonBox>
#include <QLabel>
#include <QPushButton>
#include <QRegularExpression>

namespace FormHelpers {

static QStringList split(const QString &text, const QRegularExpression &separators)
{
    QStringList out;
    for (const QString &part : text.split(separators, Qt::SkipEmptyParts)) {
        const QString trimmed = part.trimmed();
        if (!trimmed.isEmpty())
            out.append(trimmed);
    }
    return out;
}

QStringList splitList(const QString &text)
{
    static const QRegularExpression separators(QStringLiteral("[,;\\n]"));
    return split(text, separators);
}

QStringList splitTokens(const QString &text)
{
    static const QRegularExpression separators(QStringLiteral("[,;\\s]"));
    return split(text, separators);
}

std::optional<QList<qint32>> parseInts(const QString &text, QString *bad)
{
    QList<qint32> out;
    for (const QString &token : splitTokens(text)) {
        bool ok = false;
        const qint32 v = token.toInt(&ok);
        if (!ok) {
            *bad = token;
            return std::nullopt;
        }
        out.append(v);
    }
    return out;
}

QLabel *errorLabel(QWidget *parent)
{
    auto *label = new QLabel(parent);
    label->setObjectName(QStringLiteral("error"));
    label->setWordWrap(true);
    label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    QFont bold = label->font();
    bold.setBold(true);
    label->setFont(bold);
    label->hide();
    return label;
}

QDialogButtonBox *buttonBox(QWidget *dialog, const QString &acceptText, QPushButton **accept)
{
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Cancel, dialog);
    *accept = buttons->addButton(acceptText, QDialogButtonBox::AcceptRole);
    (*accept)->setObjectName(QStringLiteral("submit"));
    (*accept)->setDefault(true);
    if (auto *d = qobject_cast<QDialog *>(dialog))
        QObject::connect(buttons, &QDialogButtonBox::rejected, d, &QDialog::reject);
    return buttons;
}

} // namespace FormHelpers
