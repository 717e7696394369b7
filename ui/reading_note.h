// What the chat says about how answers are made (above the answers): the whole document with full
// attention, or block memory with its preset, blocks and window, and whether the best passages
// are re-read before each answer.
#pragma once

#include "services/app_settings.h"

#include <QString>

#include <cstdint>

namespace quire::ui {

// c: the configuration the document was read with (its store's), read_tokens: the reading's
// tokens (chat frame and document); a: the answer settings.
QString reading_note(const MemoryConfig & c, int64_t read_tokens, const app::AppSettings & a);

} // namespace quire::ui
