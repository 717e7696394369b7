// llama2.c "legacy v0" checkpoints: 7 int32 hyper-parameters then fp32 tensors in a fixed order
// (see ../shared/models/README.md). RoPE rotates adjacent pairs. The tokenizer comes separately.
#include "core/error.h"
#include "core/mapped_file.h"
#include "model/ggml_type.h"
#include "model/loaders.h"
#include "model/tensor_source.h"

#include <cstring>
#include <memory>
#include <unordered_map>

namespace quire {

void load_llama2c_model(Model & m, const std::string & path, const ModelLoadOptions & opts) {
    auto file = std::make_shared<MappedFile>(path);
    if (file->size() < 28) fail(Status::BAD_INPUT, path + ": not a model file (too short for any supported format)");
    int32_t h[7];
    std::memcpy(h, file->data(), sizeof(h));
    if (h[0] == 0x616b3432) fail(Status::UNSUPPORTED, path + ": llama2.c checkpoint versions 1 and 2 are not supported; export the legacy (v0) format");
    HParams & hp = m.hp;
    hp.arch = Arch::LLAMA;
    hp.arch_name = "llama";
    hp.n_embd = h[0];
    hp.n_ff = h[1];
    hp.n_layer = h[2];
    hp.n_head = h[3];
    hp.n_head_kv = h[4];
    hp.n_vocab = h[5] < 0 ? -h[5] : h[5];
    hp.tied_embeddings = h[5] > 0;
    hp.n_ctx_train = h[6];
    hp.head_dim = hp.n_head > 0 ? hp.n_embd / hp.n_head : 0;
    hp.rope_base = 10000.0f;
    hp.norm_eps = 1e-5f;
    hp.rope_layout = RopeLayout::ADJACENT;
    auto bad = [&](const std::string & why) { fail(Status::BAD_INPUT, path + ": not a GGUF, Hugging Face or llama2.c model (" + why + ")"); };
    if (hp.n_embd <= 0 || hp.n_ff <= 0 || hp.n_layer <= 0 || hp.n_head <= 0 || hp.n_head_kv <= 0 || hp.n_vocab <= 0 || hp.n_ctx_train <= 0 ||
        hp.n_embd % hp.n_head != 0)
        bad("implausible llama2.c header");
    hparams_validate(hp, path);
    m.info.path = path;
    m.info.format = "llama2.c";

    // Offsets of the tensors, in file order; every size is checked against the file.
    const uint64_t L = static_cast<uint64_t>(hp.n_layer), D = static_cast<uint64_t>(hp.n_embd), F = static_cast<uint64_t>(hp.n_ff),
                   V = static_cast<uint64_t>(hp.n_vocab), KV = static_cast<uint64_t>(hp.kv_dim()), HD = static_cast<uint64_t>(hp.head_dim),
                   S = static_cast<uint64_t>(hp.n_ctx_train);
    std::unordered_map<std::string, SourceTensor> sources;
    uint64_t off = 28;
    auto add_stacked = [&](const std::string & suffix, uint64_t rows, uint64_t cols, bool per_layer) {
        const uint64_t n = rows * cols;
        const uint64_t count = per_layer ? L : 1;
        if (n > (file->size() / 4) || off + count * n * 4 > file->size()) bad("file too short for its header: truncated?");
        for (uint64_t l = 0; l < count; ++l) {
            SourceTensor st;
            st.name = per_layer ? "blk." + std::to_string(l) + "." + suffix : suffix;
            st.stored_name = st.name;
            st.type = static_cast<uint32_t>(GgmlType::F32);
            st.ne = {cols, rows};
            st.data = file->data() + off;
            st.nbytes = n * 4;
            off += n * 4;
            sources.emplace(st.name, std::move(st));
        }
    };
    add_stacked("token_embd.weight", V, D, false);
    add_stacked("attn_norm.weight", 1, D, true);
    add_stacked("attn_q.weight", D, D, true);
    add_stacked("attn_k.weight", KV, D, true);
    add_stacked("attn_v.weight", KV, D, true);
    add_stacked("attn_output.weight", D, D, true);
    add_stacked("ffn_norm.weight", 1, D, true);
    add_stacked("ffn_gate.weight", F, D, true);
    add_stacked("ffn_down.weight", D, F, true);
    add_stacked("ffn_up.weight", F, D, true);
    add_stacked("output_norm.weight", 1, D, false);
    off += 2 * S * (HD / 2) * 4; // unused RoPE tables
    if (!hp.tied_embeddings) add_stacked("output.weight", V, D, false);
    else if (off > file->size()) bad("file too short for its header: truncated?");

    auto lookup = [&](const std::string & name) -> const SourceTensor * {
        auto it = sources.find(name);
        return it == sources.end() ? nullptr : &it->second;
    };
    if (opts.load_weights) {
        m.w = build_weights(hp, lookup, path, m.info);
        m.w.storage.push_back(file); // the tensors point into the mapped file
    } else {
        m.info.tensor_types["F32"] = static_cast<int>(sources.size());
        for (const auto & [n, t] : sources) m.info.n_params += t.nbytes / 4;
    }
    m.tokenizer_error = "llama2.c checkpoints carry no tokenizer: pass --tokenizer tokenizer.bin";
}

} // namespace quire
