// Hyper-parameters of a LLaMA-family decoder, whatever file format they came from.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace quire {

enum class Arch { LLAMA, QWEN2 };

// Which elements RoPE rotates together: adjacent pairs (x[2i], x[2i+1]) as in Meta's original
// Llama code, llama2.c and GGUF "llama"; or halves (x[i], x[i + d/2]) as in Hugging Face and
// GGUF "qwen2".
enum class RopeLayout { ADJACENT, HALVES };

struct RopeScaling {
    enum class Kind { NONE, LINEAR, LLAMA3 } kind = Kind::NONE;
    float factor = 1.0f;           // LINEAR and LLAMA3
    float low_freq_factor = 1.0f;  // LLAMA3
    float high_freq_factor = 4.0f; // LLAMA3
    int original_context = 8192;   // LLAMA3: original_max_position_embeddings
};

struct HParams {
    Arch arch = Arch::LLAMA;
    std::string arch_name = "llama"; // as the file names it
    std::string name;                // model name from the file, if any
    int n_vocab = 0;
    int n_embd = 0;
    int n_ff = 0;
    int n_layer = 0;
    int n_head = 0;
    int n_head_kv = 0;
    int head_dim = 0;
    int n_ctx_train = 0;
    float rope_base = 10000.0f;
    float norm_eps = 1e-5f;
    RopeScaling rope_scaling;
    std::vector<float> rope_freq_factors; // per-dimension divisors (GGUF rope_freqs tensor), if any
    RopeLayout rope_layout = RopeLayout::HALVES;
    bool tied_embeddings = false;
    bool qkv_bias = false;

    int q_dim() const { return n_head * head_dim; }
    int kv_dim() const { return n_head_kv * head_dim; }
};

const char * arch_display_name(Arch a);

// Checks that the numbers are positive and consistent; throws Error(BAD_INPUT) naming `source`.
void hparams_validate(const HParams & hp, const std::string & source);

} // namespace quire
