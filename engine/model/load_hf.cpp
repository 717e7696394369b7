// Hugging Face model folders: config.json, *.safetensors (single or sharded with an index),
// and tokenizer.model or tokenizer.json. Tensors are renamed to GGUF names on the way in.
#include "core/error.h"
#include "core/mapped_file.h"
#include "model/ggml_type.h"
#include "model/loaders.h"
#include "model/safetensors.h"
#include "tokenizer/tokenizer_loader.h"

#include <filesystem>
#include <nlohmann/json.hpp>
#include <set>
#include <unordered_map>

namespace quire {

namespace {

namespace fs = std::filesystem;
using nlohmann::json;

HParams hf_hparams(const json & c, const std::string & src) {
    HParams hp;
    const std::string type = c.value("model_type", "");
    hp.arch_name = type;
    if (type == "llama" || type == "mistral") hp.arch = Arch::LLAMA;
    else if (type == "qwen2") {
        hp.arch = Arch::QWEN2;
        hp.qkv_bias = true;
    } else fail(Status::UNSUPPORTED, src + ": model_type '" + type + "' is not supported (supported: llama, mistral, qwen2)");
    hp.rope_layout = RopeLayout::HALVES;
    auto geti = [&](const char * k) -> int {
        if (!c.contains(k) || !c[k].is_number_integer()) fail(Status::BAD_INPUT, src + ": config.json lacks integer '" + k + "'");
        return c[k].get<int>();
    };
    hp.n_vocab = geti("vocab_size");
    hp.n_embd = geti("hidden_size");
    hp.n_ff = geti("intermediate_size");
    hp.n_layer = geti("num_hidden_layers");
    hp.n_head = geti("num_attention_heads");
    hp.n_head_kv = c.contains("num_key_value_heads") && !c["num_key_value_heads"].is_null() ? geti("num_key_value_heads") : hp.n_head;
    hp.head_dim = c.contains("head_dim") && c["head_dim"].is_number_integer() ? geti("head_dim") : (hp.n_head ? hp.n_embd / hp.n_head : 0);
    hp.n_ctx_train = c.value("max_position_embeddings", 4096);
    hp.rope_base = c.value("rope_theta", 10000.0f);
    hp.norm_eps = c.value("rms_norm_eps", 1e-6f);
    hp.tied_embeddings = c.value("tie_word_embeddings", false);
    hp.name = c.value("_name_or_path", "");
    json rs = c.value("rope_scaling", json());
    if (rs.is_null() && c.contains("rope_parameters")) rs = c["rope_parameters"]; // newer transformers
    if (rs.is_object()) {
        const std::string kind = rs.value("rope_type", rs.value("type", "default"));
        if (rs.contains("rope_theta")) hp.rope_base = rs["rope_theta"].get<float>();
        if (kind == "linear") {
            hp.rope_scaling.kind = RopeScaling::Kind::LINEAR;
            hp.rope_scaling.factor = rs.value("factor", 1.0f);
        } else if (kind == "llama3") {
            hp.rope_scaling.kind = RopeScaling::Kind::LLAMA3;
            hp.rope_scaling.factor = rs.value("factor", 8.0f);
            hp.rope_scaling.low_freq_factor = rs.value("low_freq_factor", 1.0f);
            hp.rope_scaling.high_freq_factor = rs.value("high_freq_factor", 4.0f);
            hp.rope_scaling.original_context = rs.value("original_max_position_embeddings", 8192);
        } else if (kind != "default") {
            fail(Status::UNSUPPORTED, src + ": rope scaling '" + kind + "' is not supported");
        }
    }
    return hp;
}

// "model.layers.3.self_attn.q_proj.weight" -> "blk.3.attn_q.weight"
std::string gguf_name(const std::string & hf) {
    static const std::unordered_map<std::string, std::string> top = {
        {"model.embed_tokens.weight", "token_embd.weight"}, {"model.norm.weight", "output_norm.weight"}, {"lm_head.weight", "output.weight"}};
    static const std::unordered_map<std::string, std::string> layer = {
        {"input_layernorm.weight", "attn_norm.weight"},      {"self_attn.q_proj.weight", "attn_q.weight"},
        {"self_attn.k_proj.weight", "attn_k.weight"},        {"self_attn.v_proj.weight", "attn_v.weight"},
        {"self_attn.o_proj.weight", "attn_output.weight"},   {"self_attn.q_proj.bias", "attn_q.bias"},
        {"self_attn.k_proj.bias", "attn_k.bias"},            {"self_attn.v_proj.bias", "attn_v.bias"},
        {"post_attention_layernorm.weight", "ffn_norm.weight"}, {"mlp.gate_proj.weight", "ffn_gate.weight"},
        {"mlp.up_proj.weight", "ffn_up.weight"},             {"mlp.down_proj.weight", "ffn_down.weight"}};
    if (auto it = top.find(hf); it != top.end()) return it->second;
    const std::string prefix = "model.layers.";
    if (hf.rfind(prefix, 0) != 0) return {};
    const size_t dot = hf.find('.', prefix.size());
    if (dot == std::string::npos || dot == prefix.size()) return {};
    const std::string index = hf.substr(prefix.size(), dot - prefix.size());
    if (index.find_first_not_of("0123456789") != std::string::npos) return {};
    if (auto it = layer.find(hf.substr(dot + 1)); it != layer.end()) return "blk." + index + "." + it->second;
    return {};
}

} // namespace

void load_hf_model(Model & m, const std::string & dir, const ModelLoadOptions & opts) {
    const fs::path d(dir);
    const fs::path cfg = d / "config.json";
    if (!fs::exists(cfg)) fail(Status::BAD_INPUT, dir + ": not a model folder (no config.json)");
    json c;
    try {
        c = json::parse(read_file(cfg.string()));
        m.hp = hf_hparams(c, cfg.string());
    } catch (const json::exception & e) {
        fail(Status::BAD_INPUT, cfg.string() + ": malformed: " + e.what());
    }
    hparams_validate(m.hp, cfg.string());
    m.info.path = dir;
    m.info.format = "huggingface";

    std::vector<std::string> shards;
    const fs::path index = d / "model.safetensors.index.json";
    if (fs::exists(index)) {
        try {
            const json ij = json::parse(read_file(index.string()));
            std::set<std::string> files;
            for (const auto & [k, v] : ij.at("weight_map").items()) files.insert(v.get<std::string>());
            for (const auto & f : files) {
                if (f.find('/') != std::string::npos || f.find("..") != std::string::npos) fail(Status::BAD_INPUT, index.string() + ": bad shard name " + f);
                shards.push_back((d / f).string());
            }
        } catch (const json::exception & e) {
            fail(Status::BAD_INPUT, index.string() + ": malformed: " + e.what());
        }
    } else if (fs::exists(d / "model.safetensors")) {
        shards.push_back((d / "model.safetensors").string());
    } else {
        fail(Status::BAD_INPUT, dir + ": no model.safetensors or model.safetensors.index.json");
    }
    std::vector<std::shared_ptr<SafetensorsFile>> files;
    std::unordered_map<std::string, SourceTensor> sources;
    for (const auto & s : shards) {
        files.push_back(std::make_shared<SafetensorsFile>(s));
        for (const auto & t : files.back()->tensors()) {
            const std::string g = gguf_name(t.stored_name);
            if (g.empty()) continue; // rotary caches and other tensors we do not need
            SourceTensor st = t;
            st.name = g;
            sources.emplace(g, std::move(st));
        }
    }
    if (!sources.count("output.weight")) m.hp.tied_embeddings = true;
    auto lookup = [&](const std::string & name) -> const SourceTensor * {
        auto it = sources.find(name);
        return it == sources.end() ? nullptr : &it->second;
    };
    if (opts.load_weights) {
        m.w = build_weights(m.hp, lookup, dir, m.info);
        m.w.storage.insert(m.w.storage.end(), files.begin(), files.end()); // the tensors point into the mapped shards
    } else
        for (const auto & [n, t] : sources) {
            m.info.tensor_types[ggml_type_name(t.type)]++;
            uint64_t e = 1;
            for (auto x : t.ne) e *= x;
            m.info.n_params += e;
        }

    if (opts.tokenizer_path.empty()) {
        try {
            m.tokenizer = tokenizer_from_file(dir, m.hp.n_vocab);
            const fs::path tc = d / "tokenizer_config.json";
            std::string tmpl;
            if (fs::exists(tc)) {
                const json tj = json::parse(read_file(tc.string()));
                if (tj.contains("chat_template") && tj["chat_template"].is_string()) tmpl = tj["chat_template"].get<std::string>();
            }
            m.chat = chat_template_detect(tmpl, *m.tokenizer);
        } catch (const Error & e) {
            if (e.status() != Status::BAD_INPUT && e.status() != Status::UNSUPPORTED) throw;
            m.tokenizer_error = e.what();
        } catch (const json::exception & e) {
            m.tokenizer_error = std::string("malformed tokenizer_config.json: ") + e.what();
        }
    }
}

} // namespace quire
