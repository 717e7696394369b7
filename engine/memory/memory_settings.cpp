#include "memory/memory_settings.h"

// The labels and help texts are translated by the desktop app: lupdate reads them from here
// (the macro marks them; the engine itself has no Qt).
#ifndef QT_TRANSLATE_NOOP
#define QT_TRANSLATE_NOOP(context, text) text
#endif

namespace quire {

namespace {

constexpr MemorySetting kSettings[] = {
    {"n_init", "--n-init", QT_TRANSLATE_NOOP("MemorySetting", "Sink tokens"),
     QT_TRANSLATE_NOOP("MemorySetting", "Sink tokens at the start, always attended"), 0, 4096, &MemoryConfig::n_init},
    {"n_local", "--n-local", QT_TRANSLATE_NOOP("MemorySetting", "Local window"),
     QT_TRANSLATE_NOOP("MemorySetting", "Local window: recent tokens attended at their true distance"), 16, 65536, &MemoryConfig::n_local},
    {"block_size", "--block-size", QT_TRANSLATE_NOOP("MemorySetting", "Block size"),
     QT_TRANSLATE_NOOP("MemorySetting", "Tokens per memory block"), 8, 1024, &MemoryConfig::block_size},
    {"topk", "--topk", QT_TRANSLATE_NOOP("MemorySetting", "Blocks retrieved (top-k)"),
     QT_TRANSLATE_NOOP("MemorySetting", "Memory blocks each layer retrieves per step"), 0, 256, &MemoryConfig::topk},
    {"exc_block_size", "--exc-block-size", QT_TRANSLATE_NOOP("MemorySetting", "Reading step"),
     QT_TRANSLATE_NOOP("MemorySetting", "Tokens read per step while reading a document"), 1, 4096, &MemoryConfig::exc_block_size},
    {"repr_topk", "--repr-topk", QT_TRANSLATE_NOOP("MemorySetting", "Representatives per block"),
     QT_TRANSLATE_NOOP("MemorySetting", "Representative tokens per block (and question tokens) used for scoring"), 1, 64,
     &MemoryConfig::repr_topk},
};

} // namespace

std::span<const MemorySetting> memory_settings() { return kSettings; }

void memory_use_preset(MemoryConfig & c, const std::string & name) {
    const MemoryConfig p = memory_preset(name);
    c.preset = p.preset;
    for (const auto & f : kSettings) c.*f.field = p.*f.field;
}

} // namespace quire
