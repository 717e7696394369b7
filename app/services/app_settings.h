// The app's settings, kept with QSettings: the model, the memory parameters (a preset, each
// value, the lookup's beta and anchors, the RAM budget), ask or deep reading, sampling, the answer
// length, the GPU budget for memory blocks, the CPU threads, the interface language and theme.
// Defaults work without touching anything: preset "auto", word-match anchors, the best passages
// re-read before answering, greedy answers of up to 256 tokens.
#pragma once

#include "quire.h"

#include <QString>

class QSettings;

namespace quire::app {

inline constexpr const char * kDefaultPreset = kAutoPreset;
// 2: the default preset became "auto" (1: "2k"), and answers re-read the best passages.
inline constexpr int kSettingsVersion = 2;

struct AppSettings {
    QString model_path, tokenizer_path;
    // Preset "auto" (reading_plan.h): a document that fits the model's trained context is read
    // whole, with full attention; a longer one into block memory with the preset for the model
    // (2k, or infllm for trained contexts of 16K and more), as measured in docs/evaluation.md.
    // The lookup is the apps' (kAppLookup: the model's beta, word-match anchors); memory.lookup is
    // what questions ask for, the reading resolves it for the store.
    MemoryConfig memory = default_memory();
    AskMode mode = AskMode::ASK;
    bool reread = true; // re-read the best-ranked passages before answering (AskParams::evidence_tokens = kAutoEvidence)
    // and, with block memory, answer from those passages alone (AskParams::evidence_alone; the
    // retrieval panel shows the question's lookup, which ranked them): SmolLM2 answered 30 of the
    // four sets' 113 questions that way against 20 in the memory, Qwen2.5-Coder-1.5B 90 against 84
    // (docs/evaluation.md, "Answers from the evidence alone").
    bool evidence_alone = true;
    SamplerParams sampling;
    int answer_tokens = 256;
    double gpu_budget_gib = 0; // GPU memory for block K/V (DeviceParams::gpu_block_budget); 0: no limit
    int cpu_threads = 0;       // threads of the CPU backend (0: every core but one, so the window stays fluid)
    QString language = "system", theme = "system";

    // The memory settings are usable (memory_config_validate); else a message saying why.
    QString validate() const;
    AskParams ask_params() const;
    DeviceParams device() const; // where readings and questions run: the GPU when there is one, with the budget

    static MemoryConfig default_memory();
};

AppSettings load_settings(QSettings & s);
void save_settings(QSettings & s, const AppSettings & a);

} // namespace quire::app
