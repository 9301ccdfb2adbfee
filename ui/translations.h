#pragma once

#include <QList>
#include <QLocale>

class QObject;
class QTranslator;

namespace Translations {

/// Installs Qt's own translation (standard buttons) and ours for `locale`, owned by `owner`;
/// returns what was installed. Our texts are written in English, so under the POSIX "C"
/// locale the English file still applies (it only holds plural forms: "1 task", "6 tasks").
QList<QTranslator *> install(const QLocale &locale, QObject *owner);

} // namespace Translations
