// quire-cli info: what a model file is (architecture, size, tensor types, context, tokenizer).
#include "cli/cli_args.h"
#include "cli/commands.h"
#include "cli/model_arg.h"
#include "quire.h"

#include <cstdio>
#include <nlohmann/json.hpp>

namespace quire::cli {

int cmd_info(const std::vector<std::string> & argv) {
    const Args a(argv, {"--model", "--tokenizer"}, {"--json", "--help"});
    if (a.has("--help")) {
        std::fputs("usage: quire-cli info --model PATH [--tokenizer PATH] [--json]\n", stdout);
        return 0;
    }
    ModelLoadOptions lo;
    lo.tokenizer_path = a.get("--tokenizer").value_or("");
    lo.load_weights = false;
    auto m = model_load(model_arg(a), lo);
    const HParams & hp = m->hp;
    nlohmann::ordered_json j;
    j["path"] = m->info.path;
    j["format"] = m->info.format;
    j["name"] = hp.name;
    j["architecture"] = hp.arch_name;
    j["parameters"] = m->info.n_params;
    j["file_type"] = m->info.file_type;
    j["tensor_types"] = m->info.tensor_types;
    j["context_length"] = hp.n_ctx_train;
    j["vocab_size"] = hp.n_vocab;
    j["embedding_size"] = hp.n_embd;
    j["feed_forward_size"] = hp.n_ff;
    j["layers"] = hp.n_layer;
    j["heads"] = hp.n_head;
    j["kv_heads"] = hp.n_head_kv;
    j["head_size"] = hp.head_dim;
    j["rope_base"] = hp.rope_base;
    j["rope_layout"] = hp.rope_layout == RopeLayout::ADJACENT ? "adjacent" : "halves";
    j["norm_eps"] = hp.norm_eps;
    j["tied_embeddings"] = hp.tied_embeddings;
    if (m->tokenizer) {
        j["tokenizer"] = m->tokenizer->kind();
        j["tokenizer_vocab"] = m->tokenizer->n_vocab();
        j["bos"] = m->tokenizer->special().bos;
        j["eos"] = m->tokenizer->special().eos;
        j["eot"] = m->tokenizer->special().eot;
        j["chat_format"] = chat_format_name(m->chat.format);
    } else {
        j["tokenizer"] = nullptr;
        j["tokenizer_error"] = m->tokenizer_error;
    }
    if (a.has("--json")) {
        std::printf("%s\n", j.dump(2).c_str());
        return 0;
    }
    for (auto it = j.begin(); it != j.end(); ++it) {
        std::string v = it.value().is_string() ? it.value().get<std::string>() : it.value().dump();
        std::printf("%-18s %s\n", (it.key() + ":").c_str(), v.c_str());
    }
    return 0;
}

} // namespace quire::cli
