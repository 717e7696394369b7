// Light and dark themes. "system" keeps what the platform gives (Qt follows the desktop's colour
// scheme where the platform theme reports one); "light" and "dark" set the Fusion style with a
// palette of their own, for desktops that report none.
#pragma once

#include <QString>

namespace quire::ui {

enum class Theme { System, Light, Dark };

Theme theme_from_name(const QString & name); // "system", "light", "dark" (others: System)
QString theme_name(Theme t);
void apply_theme(Theme t);

} // namespace quire::ui
