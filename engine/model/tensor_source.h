// The format-neutral view of a stored tensor, and the conversion of a set of them (named as in
// GGUF: "token_embd.weight", "blk.3.attn_q.weight", ...) into the backend's fp32 weights.
#pragma once

#include "model/hparams.h"
#include "model/weights.h"

#include <cstdint>
#include <functional>
#include <string>
#include <vector>

namespace quire {

struct SourceTensor {
    std::string name;            // GGUF-style name
    std::string stored_name;     // the name inside the file
    uint32_t type = 0;           // ggml type id
    std::vector<uint64_t> ne;    // shape, fastest-varying first (GGUF order)
    const uint8_t * data = nullptr;
    uint64_t nbytes = 0;
};

using TensorLookup = std::function<const SourceTensor *(const std::string & name)>;

// Views of every tensor the architecture needs (the caller adds the backing files to
// Weights::storage); a missing, misshapen or unsupported tensor throws Error naming `source` and
// the tensor. Tallies types, parameters and bytes into info.
Weights build_weights(const HParams & hp, const TensorLookup & lookup, const std::string & source, ModelInfo & info);

// Per-dimension inverse RoPE frequencies (head_dim / 2 of them), with the model's scaling.
std::vector<float> rope_inv_freq(const HParams & hp);

} // namespace quire
