// Prompt -> streamed text: tokenization, the forward pass, sampling, stop conditions, and
// UTF-8-safe incremental detokenization.
#pragma once

#include "backend/backend_choice.h"
#include "sampling/sampler.h"
#include "model/model.h"

#include <functional>
#include <string>
#include <vector>

namespace quire {

struct GenerateParams {
    int n_predict = 128;
    SamplerParams sampling;
    int n_ctx = 0;          // 0: prompt + n_predict, capped at the model's trained context
    int n_batch = 512;      // prompt tokens per forward chunk
    DeviceParams device;
};

struct GenerateResult {
    std::vector<int> tokens; // generated ids (without the prompt)
    std::string text;
    std::string stop_reason; // "length", "eos", "context"
};

// on_text receives each new piece of decoded text; returning false stops generation.
using TextCallback = std::function<bool(const std::string & piece)>;

GenerateResult generate(const Model & model, const std::vector<int> & prompt, const GenerateParams & params,
                        const TextCallback & on_text = {});

// Decodes a growing token sequence and yields only the new, complete UTF-8 text. Only a short
// tail of the sequence is kept as context (word-boundary rules need a token or two), so each
// token costs the same however long the prompt or document before it.
class StreamDecoder {
public:
    explicit StreamDecoder(const Tokenizer & tok, const std::vector<int> & prefix = {});
    std::string push(int id);

private:
    static constexpr size_t kContext = 8, kMaxKept = 64;
    const Tokenizer & tok_;
    std::vector<int> ids_;
    size_t emitted_ = 0;
};

} // namespace quire
