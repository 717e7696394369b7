// A loaded model: hyper-parameters, fp32 weights, tokenizer and chat format, from any of the
// supported file formats (GGUF, Hugging Face folder, llama2.c checkpoint).
#pragma once

#include "model/hparams.h"
#include "model/weights.h"
#include "tokenizer/chat_template.h"
#include "tokenizer/tokenizer.h"

#include <memory>
#include <mutex>
#include <string>

namespace quire {

struct Model {
    HParams hp;
    Weights w;
    ModelInfo info;
    std::unique_ptr<Tokenizer> tokenizer; // null when the model comes without one
    std::string tokenizer_error;          // why there is none
    ChatTemplate chat;

    // The weights as a device holds them, kept while the model lives so that readings and
    // questions after the first do not convert and upload them again (a 1.5B model: seconds each).
    // Filled by the CUDA backend (GpuWeights::shared); `key` says in which precision.
    struct DeviceWeights {
        std::mutex mutex;
        std::shared_ptr<const void> weights;
        int key = -1;
    };
    std::shared_ptr<DeviceWeights> device_weights = std::make_shared<DeviceWeights>();

    // The tokenizer, or Error(BAD_INPUT) explaining why there is none.
    const Tokenizer & tok() const;
};

struct ModelLoadOptions {
    std::string tokenizer_path; // overrides the model's own tokenizer; required for llama2.c checkpoints
    bool load_weights = true;   // false: hyper-parameters, tokenizer and info only (for `info`)
};

// Loads a model file or folder; errors name the file and the problem (Error with BAD_INPUT,
// UNSUPPORTED, IO or OUT_OF_MEMORY).
std::unique_ptr<Model> model_load(const std::string & path, const ModelLoadOptions & opts = {});

} // namespace quire
