#include "reading_note.h"

#include <QCoreApplication>

namespace quire::ui {

// The strings keep the main window's translation context, where they were first.
QString reading_note(const MemoryConfig & c, int64_t read_tokens, const app::AppSettings & a) {
    QString note = c.preset == kWholePreset
                       ? QCoreApplication::translate("quire::ui::MainWindow", "Answers read the whole document with full attention: it fits the model's context.")
                       : QCoreApplication::translate("quire::ui::MainWindow",
                                                     "Answers read block memory (preset %1): the best %2 blocks of %3 tokens for each step, and a window of %4 tokens.")
                             .arg(QString::fromStdString(c.preset))
                             .arg(c.topk)
                             .arg(c.block_size)
                             .arg(c.n_local);
    // What memory_ask re-reads under kAutoEvidence (a whole reading may have no room left).
    if (a.reread && a.mode == AskMode::ASK && evidence_budget(c, read_tokens) > 0)
        note += " " + (c.preset != kWholePreset && a.evidence_alone
                           ? QCoreApplication::translate("quire::ui::MainWindow",
                                                         "The blocks choose the best passages, and each answer is written from them alone, with full attention.")
                           : QCoreApplication::translate("quire::ui::MainWindow", "The best passages are read again before each answer."));
    return note;
}

} // namespace quire::ui
