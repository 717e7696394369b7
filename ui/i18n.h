// The interface language: Quire's own translations (translations/quire_*.ts, compiled and
// embedded under :/i18n) and Qt's (standard dialogs), for the language chosen in Settings or,
// with "system", the first of the system's preferred languages that Quire has.
#pragma once

#include <QString>
#include <QStringList>

namespace quire::ui {

QStringList available_languages(); // "de", "fr", "es", "zh_CN", "ja" (English is the source)
// Installs the translators on the application; returns the language used ("en" when none).
QString install_translations(const QString & language, const QString & qm_dir = ":/i18n");

} // namespace quire::ui
