// Chat formats rendered directly to token ids.
#include "tokenizer/chat_template.h"

#include "core/error.h"

namespace quire {

namespace {

// Accumulates text and special tokens; text between two specials is tokenized as one piece,
// as tokenizing the rendered template string would.
class Builder {
public:
    explicit Builder(const Tokenizer & tok) : tok_(tok) {}
    void text(const std::string & s) { pending_ += s; }
    void special(const char * name) {
        const int id = tok_.find_token(name);
        if (id < 0) fail(Status::UNSUPPORTED, std::string("chat template needs token ") + name + ", which this vocabulary lacks");
        special_id(id);
    }
    void special_id(int id) {
        flush();
        ids_.push_back(id);
    }
    std::vector<int> finish() {
        flush();
        return std::move(ids_);
    }

private:
    void flush() {
        if (pending_.empty()) return;
        auto part = tok_.encode(pending_, false);
        ids_.insert(ids_.end(), part.begin(), part.end());
        pending_.clear();
    }
    const Tokenizer & tok_;
    std::string pending_;
    std::vector<int> ids_;
};

std::string trim(const std::string & s) {
    const size_t b = s.find_first_not_of(" \t\r\n");
    if (b == std::string::npos) return {};
    return s.substr(b, s.find_last_not_of(" \t\r\n") - b + 1);
}

// A literal default system prompt written into a ChatML template, e.g.
//   '<|im_start|>system\nYou are a helpful assistant.<|im_end|>\n'
std::string chatml_default_system(const std::string & t) {
    const std::string open = "<|im_start|>system";
    for (size_t pos = t.find(open); pos != std::string::npos; pos = t.find(open, pos + 1)) {
        size_t start = pos + open.size();
        if (t.compare(start, 2, "\\n") == 0) start += 2;
        else if (start < t.size() && t[start] == '\n') start += 1;
        else continue;
        const size_t end = t.find("<|im_end|>", start);
        if (end == std::string::npos) continue;
        const std::string raw = t.substr(start, end - start);
        if (raw.empty() || raw.find_first_of("{}'\"+") != std::string::npos) continue;
        std::string lit; // the Jinja escape \n becomes a newline
        for (size_t k = 0; k < raw.size(); ++k) {
            if (raw[k] == '\\' && k + 1 < raw.size() && raw[k + 1] == 'n') {
                lit += '\n';
                ++k;
            } else {
                lit += raw[k];
            }
        }
        return lit;
    }
    return {};
}

} // namespace

const char * chat_format_name(ChatFormat f) {
    switch (f) {
    case ChatFormat::NONE: return "none";
    case ChatFormat::LLAMA3: return "llama3";
    case ChatFormat::MISTRAL: return "mistral";
    case ChatFormat::CHATML: return "chatml";
    }
    return "?";
}

ChatTemplate chat_template_detect(const std::string & t, const Tokenizer & tok) {
    ChatTemplate ct;
    if (t.find("<|im_start|>") != std::string::npos) ct.format = ChatFormat::CHATML;
    else if (t.find("<|start_header_id|>") != std::string::npos) ct.format = ChatFormat::LLAMA3;
    else if (t.find("[INST]") != std::string::npos) ct.format = ChatFormat::MISTRAL;
    else if (tok.find_token("<|im_start|>") >= 0) ct.format = ChatFormat::CHATML;
    else if (tok.find_token("<|start_header_id|>") >= 0) ct.format = ChatFormat::LLAMA3;
    else if (tok.kind() == "sentencepiece" && tok.special().bos >= 0) ct.format = ChatFormat::MISTRAL;
    if (ct.format == ChatFormat::CHATML) ct.default_system = chatml_default_system(t);
    return ct;
}

std::vector<int> chat_template_apply(const ChatTemplate & tmpl, const Tokenizer & tok, const std::vector<ChatMessage> & messages,
                                     bool add_generation_prompt) {
    Builder b(tok);
    switch (tmpl.format) {
    case ChatFormat::NONE:
        fail(Status::UNSUPPORTED, "this model has no known chat format");
    case ChatFormat::CHATML: {
        if (tok.special().add_bos && tok.special().bos >= 0) b.special_id(tok.special().bos);
        if (!tmpl.default_system.empty() && (messages.empty() || messages.front().role != "system")) {
            b.special("<|im_start|>");
            b.text("system\n" + tmpl.default_system);
            b.special("<|im_end|>");
            b.text("\n");
        }
        for (const auto & m : messages) {
            b.special("<|im_start|>");
            b.text(m.role + "\n" + m.content);
            b.special("<|im_end|>");
            b.text("\n");
        }
        if (add_generation_prompt) {
            b.special("<|im_start|>");
            b.text("assistant\n");
        }
        break;
    }
    case ChatFormat::LLAMA3: {
        if (tok.special().bos >= 0) b.special_id(tok.special().bos);
        for (const auto & m : messages) {
            b.special("<|start_header_id|>");
            b.text(m.role);
            b.special("<|end_header_id|>");
            b.text("\n\n" + trim(m.content));
            b.special("<|eot_id|>");
        }
        if (add_generation_prompt) {
            b.special("<|start_header_id|>");
            b.text("assistant");
            b.special("<|end_header_id|>");
            b.text("\n\n");
        }
        break;
    }
    case ChatFormat::MISTRAL: {
        // [INST] turns; a system message is folded into the first user turn.
        std::string system;
        bool first_user = true;
        if (tok.special().bos >= 0) b.special_id(tok.special().bos);
        for (const auto & m : messages) {
            if (m.role == "system") {
                system = m.content;
            } else if (m.role == "user") {
                std::string content = m.content;
                if (first_user && !system.empty()) content = system + "\n\n" + content;
                first_user = false;
                b.text("[INST] " + content + " [/INST]");
            } else {
                b.text(m.content);
                if (tok.special().eos >= 0) b.special_id(tok.special().eos);
            }
        }
        break;
    }
    }
    return b.finish();
}

ChatFrame chat_frame(const ChatTemplate & tmpl, const Tokenizer & tok) {
    ChatFrame f;
    Builder pre(tok), post(tok);
    const int bos = tok.special().bos;
    switch (tmpl.format) {
    case ChatFormat::NONE:
        if (bos >= 0) pre.special_id(bos);
        post.text("\nAnswer:");
        break;
    case ChatFormat::CHATML:
        if (tok.special().add_bos && bos >= 0) pre.special_id(bos);
        if (!tmpl.default_system.empty()) {
            pre.special("<|im_start|>");
            pre.text("system\n" + tmpl.default_system);
            pre.special("<|im_end|>");
            pre.text("\n");
        }
        pre.special("<|im_start|>");
        pre.text("user\n");
        post.special("<|im_end|>");
        post.text("\n");
        post.special("<|im_start|>");
        post.text("assistant\n");
        break;
    case ChatFormat::LLAMA3:
        if (bos >= 0) pre.special_id(bos);
        pre.special("<|start_header_id|>");
        pre.text("user");
        pre.special("<|end_header_id|>");
        pre.text("\n\n");
        post.special("<|eot_id|>");
        post.special("<|start_header_id|>");
        post.text("assistant");
        post.special("<|end_header_id|>");
        post.text("\n\n");
        break;
    case ChatFormat::MISTRAL:
        if (bos >= 0) pre.special_id(bos);
        pre.text("[INST] ");
        post.text(" [/INST]");
        break;
    }
    f.prefix = pre.finish();
    f.suffix = post.finish();
    return f;
}

} // namespace quire
