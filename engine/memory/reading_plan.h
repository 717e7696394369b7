// How a document is read, chosen per document and model when the preset is "auto" (the apps'
// default): whole when the document fits the model's trained context beside a question and its
// answer, else block memory with the preset that suits the model's trained context.
//   whole   the local window holds the whole document: every token is attended at its true
//           position, which is full attention (nothing is cut into blocks, nothing looked up).
//           A session that outgrows the window goes on as block memory with 2k's blocks.
// The block memory's presets are memory_preset's; "auto" and "whole" resolve here, before the
// reading starts, so a reading and its store record what was used.
#pragma once

#include "memory/memory_config.h"

#include <cstdint>
#include <string>

namespace quire {

struct HParams;

inline constexpr const char * kAutoPreset = "auto";
inline constexpr const char * kWholePreset = "whole";
// Tokens left beside a whole document for the chat frame, the question and the answer.
inline constexpr int kWholeRoom = 1024;
// The longest whole reading: its window's keys and values stay in memory (Qwen2.5-1.5B: 0.9 GiB
// in fp16 at 32K), so longer trained contexts (Llama 3.1's 128K) read as block memory instead.
inline constexpr int kWholeMaxTokens = 32768;

// "auto" and "whole": presets whose values are chosen per document and model (here), not by
// the user's fields.
bool chosen_per_document(const std::string & preset);

// The window of a whole reading of a model with these parameters: its trained context, at most kWholeMaxTokens (2048
// for a model that does not say).
int whole_window(const HParams & hp);

// Whether a document of doc_tokens tokens (no chat frame) is read whole under "auto".
bool fits_whole(const HParams & hp, int64_t doc_tokens);

// The block memory preset "auto" uses for a document too long to read whole: "infllm" (a 4K
// window, 16 blocks) for trained contexts of 16K and more, else "2k".
const char * memory_preset_for(const HParams & hp);

// The configuration a reading of doc_tokens tokens runs with: `asked` itself unless its preset is
// "auto" or "whole"; those get their table values (the lookup and host budget stay as asked).
MemoryConfig memory_for_reading(const HParams & hp, const MemoryConfig & asked, int64_t doc_tokens);

// A whole reading of a short text of `tokens` tokens (a prompt and its answer): its window no
// longer than the text needs, rounded up to a block (the GPU sizes its buffers by the window).
MemoryConfig whole_reading_for(const HParams & hp, const MemoryConfig & asked, int64_t tokens);

} // namespace quire
