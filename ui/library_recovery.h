// Opening the library, and what happens when it is damaged: at start (PRAGMA quick_check, or a
// file that is no database) or later, while the app runs (MainWindow::library_failed). The user
// is told why and offered a fresh library; the damaged file is moved aside with a timestamp
// (app::move_library_aside), never deleted; the app never aborts on a database error.
#pragma once

#include "services/library_db.h"

#include <QString>

#include <memory>

namespace quire::ui {

// Opens the library at `file`. When it is damaged (or `damage` says why it was found damaged
// while the app ran) a dialog offers "Start a Fresh Library", which moves it aside and opens a new
// one, or "Quit", which leaves it as it is and returns null. Other errors (a newer Quire's
// library, an unwritable folder) are shown and return null.
std::unique_ptr<app::LibraryDb> open_library(const QString & file, QString damage = {});

} // namespace quire::ui
