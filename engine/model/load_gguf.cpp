// GGUF models: hyper-parameters from "<arch>.*" metadata, tensors by their GGUF names.
#include "core/error.h"
#include "model/ggml_type.h"
#include "model/gguf.h"
#include "model/loaders.h"
#include "model/tensor_source.h"
#include "model/gguf_tokenizer.h"

#include <cstring>
#include <unordered_map>

namespace quire {

namespace {

HParams gguf_hparams(const GgufFile & g) {
    HParams hp;
    const auto arch = g.get_string("general.architecture");
    if (!arch) fail(Status::BAD_INPUT, g.path() + ": general.architecture missing");
    hp.arch_name = *arch;
    if (*arch == "llama" || *arch == "mistral") {
        hp.arch = Arch::LLAMA;
        hp.rope_layout = RopeLayout::ADJACENT; // llama.cpp's converter permutes q/k back to Meta's layout
    } else if (*arch == "qwen2") {
        hp.arch = Arch::QWEN2;
        hp.rope_layout = RopeLayout::HALVES;
        hp.qkv_bias = true;
    } else {
        fail(Status::UNSUPPORTED, g.path() + ": architecture '" + *arch + "' is not supported (supported: llama, mistral, qwen2)");
    }
    const std::string a = *arch + ".";
    auto req = [&](const std::string & key) -> int {
        auto v = g.get_uint(a + key);
        if (!v) fail(Status::BAD_INPUT, g.path() + ": metadata " + a + key + " missing");
        if (*v > (1u << 30)) fail(Status::BAD_INPUT, g.path() + ": metadata " + a + key + " = " + std::to_string(*v) + " is absurd");
        return static_cast<int>(*v);
    };
    hp.name = g.get_string("general.name").value_or("");
    hp.n_embd = req("embedding_length");
    hp.n_ff = req("feed_forward_length");
    hp.n_layer = req("block_count");
    hp.n_head = req("attention.head_count");
    hp.n_head_kv = g.find(a + "attention.head_count_kv") ? req("attention.head_count_kv") : hp.n_head;
    hp.n_ctx_train = req("context_length");
    hp.head_dim = g.find(a + "attention.key_length") ? req("attention.key_length") : (hp.n_head ? hp.n_embd / hp.n_head : 0);
    hp.rope_base = static_cast<float>(g.get_float(a + "rope.freq_base").value_or(10000.0));
    hp.norm_eps = static_cast<float>(g.get_float(a + "attention.layer_norm_rms_epsilon").value_or(1e-5));
    const auto scaling = g.get_string(a + "rope.scaling.type").value_or("none");
    if (scaling == "linear") {
        hp.rope_scaling.kind = RopeScaling::Kind::LINEAR;
        hp.rope_scaling.factor = static_cast<float>(g.get_float(a + "rope.scaling.factor").value_or(1.0));
    } else if (scaling != "none") {
        fail(Status::UNSUPPORTED, g.path() + ": rope scaling '" + scaling + "' is not supported");
    }
    const auto * embd = g.tensor("token_embd.weight");
    if (!embd) fail(Status::BAD_INPUT, g.path() + ": missing tensor 'token_embd.weight'");
    hp.n_vocab = static_cast<int>(std::min<uint64_t>(embd->ne[1], 1u << 30));
    hp.tied_embeddings = g.tensor("output.weight") == nullptr;
    return hp;
}

} // namespace

void load_gguf_model(Model & m, const std::string & path, const ModelLoadOptions & opts) {
    auto file = std::make_shared<GgufFile>(path);
    const GgufFile & g = *file;
    m.hp = gguf_hparams(g);
    m.info.path = path;
    m.info.format = "gguf";
    if (auto ft = g.get_uint("general.file_type")) {
        static const char * names[] = {"F32", "F16", "Q4_0", "Q4_1", "Q4_1_F16", "?", "?", "Q8_0", "Q5_0", "Q5_1", "Q2_K", "Q3_K_S", "Q3_K_M",
                                       "Q3_K_L", "Q4_K_S", "Q4_K_M", "Q5_K_S", "Q5_K_M", "Q6_K"};
        m.info.file_type = *ft < std::size(names) ? names[*ft] : "type " + std::to_string(*ft);
        if (*ft == 32) m.info.file_type = "BF16";
    }
    if (const auto * rf = g.tensor("rope_freqs.weight")) {
        if (rf->ne[0] != static_cast<uint64_t>(m.hp.head_dim / 2) || rf->type != 0)
            fail(Status::BAD_INPUT, path + ": rope_freqs.weight should be F32 with head_dim/2 elements");
        m.hp.rope_freq_factors.resize(rf->ne[0]);
        std::memcpy(m.hp.rope_freq_factors.data(), rf->data, rf->ne[0] * 4);
    }
    hparams_validate(m.hp, path);

    std::unordered_map<std::string, SourceTensor> sources;
    for (const auto & t : g.tensors()) {
        SourceTensor st{t.name, t.name, t.type, {}, t.data, t.nbytes};
        st.ne.assign(t.ne, t.ne + t.n_dims);
        sources.emplace(t.name, std::move(st));
    }
    auto lookup = [&](const std::string & name) -> const SourceTensor * {
        auto it = sources.find(name);
        return it == sources.end() ? nullptr : &it->second;
    };
    if (opts.load_weights) {
        m.w = build_weights(m.hp, lookup, path, m.info);
        m.w.storage.push_back(file); // the tensors point into the mapped file
    } else {
        for (const auto & t : g.tensors()) {
            m.info.tensor_types[ggml_type_name(t.type)]++;
            m.info.n_params += t.n_elements();
        }
    }
    if (opts.tokenizer_path.empty()) {
        try {
            m.tokenizer = tokenizer_from_gguf(g);
            m.chat = chat_template_detect(g.get_string("tokenizer.chat_template").value_or(""), *m.tokenizer);
        } catch (const Error & e) {
            if (e.status() != Status::BAD_INPUT && e.status() != Status::UNSUPPORTED) throw;
            m.tokenizer_error = e.what();
        }
    }
}

} // namespace quire
