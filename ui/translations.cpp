#include "translations.h"

#include <QCoreApplication>
#include <QLibraryInfo>
#include <QTranslator>

namespace Translations {

QList<QTranslator *> install(const QLocale &locale, QObject *owner)
{
    const QLocale ours = locale.language() == QLocale::C ? QLocale(QLocale::English) : locale;
    const std::pair<QLocale, std::pair<QString, QString>> files[] = {
        {locale, {QStringLiteral("qtbase"), QLibraryInfo::path(QLibraryInfo::TranslationsPath)}},
        {ours, {QStringLiteral("vtaskmon"), QStringLiteral(":/i18n")}}};
    QList<QTranslator *> installed;
    // Qt's own first, ours on top.
    for (const auto &[language, file] : files) {
        auto *translator = new QTranslator(owner);
        if (translator->load(language, file.first, QStringLiteral("_"), file.second)) {
            QCoreApplication::installTranslator(translator);
            installed.append(translator);
        } else {
            delete translator;
        }
    }
    return installed;
}

} // namespace Translations
