// Format detection and the common tail of model loading (tokenizer override, chat format).
#include "model/model.h"

#include "core/error.h"
#include "core/log.h"
#include "model/loaders.h"
#include "tokenizer/tokenizer_loader.h"

#include <cstring>
#include <filesystem>
#include <fstream>

namespace quire {

const Tokenizer & Model::tok() const {
    if (!tokenizer) fail(Status::BAD_INPUT, info.path + ": no tokenizer: " + (tokenizer_error.empty() ? "none found" : tokenizer_error));
    return *tokenizer;
}

std::unique_ptr<Model> model_load(const std::string & path, const ModelLoadOptions & opts) {
    namespace fs = std::filesystem;
    auto m = std::make_unique<Model>();
    std::error_code ec;
    if (!fs::exists(path, ec)) fail(Status::IO, path + ": no such file or folder");
    std::string chat_text;
    if (fs::is_directory(path, ec)) {
        load_hf_model(*m, path, opts);
    } else if (path.ends_with(".safetensors") || path.ends_with("config.json")) {
        load_hf_model(*m, fs::path(path).parent_path().string(), opts);
    } else {
        char magic[4] = {};
        std::ifstream in(path, std::ios::binary);
        if (!in) fail(Status::IO, path + ": cannot open");
        in.read(magic, 4);
        if (in.gcount() == 4 && std::memcmp(magic, "GGUF", 4) == 0) load_gguf_model(*m, path, opts);
        else load_llama2c_model(*m, path, opts);
    }
    if (!opts.tokenizer_path.empty()) {
        m->tokenizer = tokenizer_from_file(opts.tokenizer_path, m->hp.n_vocab);
        m->tokenizer_error.clear();
    }
    if (m->tokenizer) {
        if (m->tokenizer->n_vocab() > m->hp.n_vocab)
            fail(Status::BAD_INPUT, path + ": tokenizer has " + std::to_string(m->tokenizer->n_vocab()) + " tokens but the model only " +
                                        std::to_string(m->hp.n_vocab));
        // The chat format may already be set from the model file's template text.
        if (m->chat.format == ChatFormat::NONE) m->chat = chat_template_detect("", *m->tokenizer);
    }
    log()->info("loaded {} ({} format, {}, {} layers, {:.1f}M parameters)", path, m->info.format, arch_display_name(m->hp.arch),
                m->hp.n_layer, static_cast<double>(m->info.n_params) / 1e6);
    return m;
}

} // namespace quire
