// Hugging Face tokenizer.json for byte-level BPE models (the form of Llama 3, Qwen2 and SmolLM2
// folders): vocabulary, merges, added tokens, and the pre-tokenizer's split regexes.
#include "core/error.h"
#include "core/mapped_file.h"
#include "tokenizer/bpe_tokenizer.h"
#include "tokenizer/byte_unicode.h"
#include "tokenizer/tokenizer_loader.h"

#include <filesystem>
#include <nlohmann/json.hpp>

namespace quire {

namespace {

using nlohmann::json;

const char * const kGpt2Regex = R"('s|'t|'re|'ve|'m|'ll|'d| ?\p{L}+| ?\p{N}+| ?[^\s\p{L}\p{N}]+|\s+(?!\S)|\s+)";

// Collect split regexes from a pre_tokenizer node, in application order.
void collect_patterns(const json & node, std::vector<std::string> & out, const std::string & path) {
    if (!node.is_object()) return;
    const std::string type = node.value("type", "");
    if (type == "Sequence") {
        for (const auto & p : node.value("pretokenizers", json::array())) collect_patterns(p, out, path);
    } else if (type == "Split") {
        const auto & pat = node.at("pattern");
        if (pat.contains("Regex")) out.push_back(pat.at("Regex").get<std::string>());
        else if (pat.contains("String")) out.push_back(pat.at("String").get<std::string>());
    } else if (type == "Digits") {
        out.push_back(node.value("individual_digits", false) ? R"(\p{N})" : R"(\p{N}+)");
    } else if (type == "ByteLevel") {
        if (node.value("use_regex", true)) out.push_back(kGpt2Regex);
    } else {
        fail(Status::UNSUPPORTED, path + ": pre-tokenizer '" + type + "' is not supported");
    }
}

} // namespace

std::unique_ptr<Tokenizer> tokenizer_from_hf_json(const std::string & path) {
    json j;
    try {
        j = json::parse(read_file(path));
        const auto & model = j.at("model");
        if (model.value("type", "BPE") != "BPE") fail(Status::UNSUPPORTED, path + ": tokenizer model '" + model.value("type", "") + "' is not supported");
        BpeVocab v;
        const auto & vocab = model.at("vocab");
        size_t n = vocab.size();
        for (const auto & t : j.value("added_tokens", json::array())) n = std::max(n, t.at("id").get<size_t>() + 1);
        v.tokens.resize(n);
        v.types.assign(n, TokenType::UNUSED);
        std::unordered_map<std::string, int> mapped;
        for (auto it = vocab.begin(); it != vocab.end(); ++it) {
            const int id = it.value().get<int>();
            if (id < 0 || static_cast<size_t>(id) >= n) fail(Status::BAD_INPUT, path + ": token id out of range");
            auto b = unicode_to_bytes(it.key());
            v.tokens[static_cast<size_t>(id)] = b ? *b : it.key();
            v.types[static_cast<size_t>(id)] = TokenType::NORMAL;
            mapped.emplace(it.key(), id);
        }
        for (const auto & t : j.value("added_tokens", json::array())) {
            const auto id = t.at("id").get<size_t>();
            v.tokens[id] = t.at("content").get<std::string>();
            v.types[id] = t.value("special", false) ? TokenType::CONTROL : TokenType::USER_DEFINED;
        }
        for (const auto & m : model.value("merges", json::array())) {
            std::string a, b;
            if (m.is_string()) {
                const auto s = m.get<std::string>();
                const size_t sp = s.find(' ', 1);
                if (sp == std::string::npos) continue;
                a = s.substr(0, sp);
                b = s.substr(sp + 1);
            } else {
                a = m.at(0).get<std::string>();
                b = m.at(1).get<std::string>();
            }
            auto ia = mapped.find(a), ib = mapped.find(b);
            v.merges.emplace_back(ia == mapped.end() ? -1 : ia->second, ib == mapped.end() ? -1 : ib->second);
        }
        v.ignore_merges = model.value("ignore_merges", false);
        collect_patterns(j.value("pre_tokenizer", json::object()), v.split_patterns, path);
        if (v.split_patterns.empty()) v.split_patterns.push_back(kGpt2Regex);

        // BOS/EOS and whether BOS is prepended: tokenizer_config.json, else the post-processor.
        auto find_id = [&](const std::string & text) {
            for (size_t id = 0; id < v.tokens.size(); ++id)
                if (v.tokens[id] == text && v.types[id] == TokenType::CONTROL) return static_cast<int>(id);
            return -1;
        };
        auto token_text = [](const json & x) { return x.is_string() ? x.get<std::string>() : x.is_object() ? x.value("content", "") : std::string(); };
        const auto cfg_path = std::filesystem::path(path).parent_path() / "tokenizer_config.json";
        if (std::filesystem::exists(cfg_path)) {
            const json cfg = json::parse(read_file(cfg_path.string()));
            if (cfg.contains("bos_token")) v.special.bos = find_id(token_text(cfg["bos_token"]));
            if (cfg.contains("eos_token")) v.special.eos = find_id(token_text(cfg["eos_token"]));
            v.special.add_bos = cfg.value("add_bos_token", false) && v.special.bos >= 0;
        }
        const auto & post = j.value("post_processor", json::object());
        if (!post.is_null() && post.dump().find("TemplateProcessing") != std::string::npos && v.special.bos >= 0 &&
            post.dump().find(v.tokens[static_cast<size_t>(v.special.bos)]) != std::string::npos)
            v.special.add_bos = true;
        return std::make_unique<BpeTokenizer>(std::move(v), path);
    } catch (const json::exception & e) {
        fail(Status::BAD_INPUT, path + ": malformed tokenizer.json: " + e.what());
    }
}

} // namespace quire
