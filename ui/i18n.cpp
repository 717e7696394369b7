#include "i18n.h"

#include <QCoreApplication>
#include <QLibraryInfo>
#include <QLocale>
#include <QTranslator>

namespace quire::ui {

QStringList available_languages() { return {"de", "fr", "es", "zh_CN", "ja"}; }

QString install_translations(const QString & language, const QString & qm_dir) {
    static QTranslator * app_tr = nullptr, * qt_tr = nullptr;
    for (QTranslator ** t : {&app_tr, &qt_tr})
        if (*t) {
            QCoreApplication::removeTranslator(*t);
            delete *t;
            *t = nullptr;
        }
    const QLocale locale = language == "system" || language.isEmpty() ? QLocale::system() : QLocale(language);
    auto * mine = new QTranslator;
    if (!mine->load(locale, "quire", "_", qm_dir)) {
        delete mine;
        return "en";
    }
    app_tr = mine;
    QCoreApplication::installTranslator(app_tr);
    auto * qt = new QTranslator;
    if (qt->load(locale, "qtbase", "_", QLibraryInfo::path(QLibraryInfo::TranslationsPath))) {
        qt_tr = qt;
        QCoreApplication::installTranslator(qt_tr);
    } else {
        delete qt;
    }
    return mine->language();
}

} // namespace quire::ui
