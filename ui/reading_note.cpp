#include "reading_note.h"

#include <QCoreApplication>

namespace quire::ui {

// The strings keep the main window's translation context, where they were first.
QString reading_note(const MemoryConfig & c, const app::AppSettings & a) {
    if (c.preset == kWholePreset)
        return QCoreApplication::translate("quire::ui::MainWindow", "Answers read the whole document with full attention: it fits the model's context.");
    QString note = QCoreApplication::translate("quire::ui::MainWindow",
                                               "Answers read block memory (preset %1): the best %2 blocks of %3 tokens for each step, and a window of %4 tokens.")
                       .arg(QString::fromStdString(c.preset))
                       .arg(c.topk)
                       .arg(c.block_size)
                       .arg(c.n_local);
    if (a.reread && a.mode == AskMode::ASK)
        note += " " + QCoreApplication::translate("quire::ui::MainWindow", "The best passages are read again before each answer.");
    return note;
}

} // namespace quire::ui
