// Built-in chat formats (Llama 3, Mistral [INST], ChatML). A template string from a model file is
// only inspected to pick one of these and to read a literal default system prompt; it is never
// executed.
#pragma once

#include "tokenizer/tokenizer.h"

#include <string>
#include <vector>

namespace quire {

enum class ChatFormat { NONE, LLAMA3, MISTRAL, CHATML };

struct ChatMessage {
    std::string role; // "system", "user", "assistant"
    std::string content;
};

struct ChatTemplate {
    ChatFormat format = ChatFormat::NONE;
    std::string default_system; // used when the conversation has no system message
};

const char * chat_format_name(ChatFormat f);

// Choose the format from the file's template text (may be empty) and the vocabulary.
ChatTemplate chat_template_detect(const std::string & template_text, const Tokenizer & tok);

// Token ids of the conversation, ending with the assistant header when add_generation_prompt.
// Message contents are tokenized as plain text: control-token text in them is not special.
std::vector<int> chat_template_apply(const ChatTemplate & tmpl, const Tokenizer & tok, const std::vector<ChatMessage> & messages,
                                     bool add_generation_prompt = true);

// The token ids around one user message: everything before its content (BOS, system turn,
// user header) and after it (end of turn, assistant header). Used to wrap a document plus a
// question that are tokenized separately. Models without a chat format get BOS before and
// "\nAnswer:" after.
struct ChatFrame {
    std::vector<int> prefix;
    std::vector<int> suffix;
};
ChatFrame chat_frame(const ChatTemplate & tmpl, const Tokenizer & tok);

} // namespace quire
