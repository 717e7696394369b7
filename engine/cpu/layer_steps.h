// The steps of a decoder layer that do not depend on what the attention reads: shared by the
// full-context forward pass (cpu_model.cpp) and the block-memory pass (memory_model.cpp), which
// differ only in their attention. fp32 throughout; shapes from the model's hyper-parameters.
#pragma once

#include "model/model.h"

#include <cstdint>
#include <vector>

namespace quire::cpu {

// Each token's embedding row into x ([T][n_embd]); Error(BAD_INPUT) for an id outside the vocabulary.
void embed_tokens(const Model & m, const std::vector<int> & tokens, float * x);

// The attention's inputs: xn = RMSNorm(x), then q, k, v = xn . W^T (+ bias), not rotated.
void attention_inputs(const HParams & hp, const LayerWeights & W, const float * x, int T, float * xn, float * q, float * k, float * v);

// Scratch of the feed-forward network: [T][n_ff] twice, grown as needed.
struct FfnScratch {
    std::vector<float> g, u;
};

// After the attention: x += att . Wo^T, then x += FFN(RMSNorm(x)) with the SwiGLU network.
// xn and o are [T][n_embd] scratch.
void attention_output_and_ffn(const HParams & hp, const LayerWeights & W, const float * att, int T, float * x, float * xn, float * o,
                              FfnScratch & s);

// The final norm and LM head: logits of rows [first, first + n) of x into out ([n][n_vocab]).
// xn is scratch of n rows.
void lm_head(const Model & m, const float * x, int first, int n, float * xn, float * out);

} // namespace quire::cpu
