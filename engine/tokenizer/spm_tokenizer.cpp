// SentencePiece-backed tokenizer.
#include "tokenizer/spm_tokenizer.h"

#include "core/error.h"
#include "core/mapped_file.h"

#include <cstring>

namespace quire {

namespace {
const std::string kSpace = "\xE2\x96\x81"; // U+2581, SentencePiece's visible space

bool parse_byte_piece(const std::string & p, unsigned char & b) {
    if (p.size() != 6 || p.compare(0, 3, "<0x") != 0 || p[5] != '>') return false;
    unsigned v = 0;
    for (int k = 3; k < 5; ++k) {
        const char c = p[static_cast<size_t>(k)];
        v <<= 4;
        if (c >= '0' && c <= '9') v |= static_cast<unsigned>(c - '0');
        else if (c >= 'A' && c <= 'F') v |= static_cast<unsigned>(c - 'A' + 10);
        else if (c >= 'a' && c <= 'f') v |= static_cast<unsigned>(c - 'a' + 10);
        else return false;
    }
    b = static_cast<unsigned char>(v);
    return true;
}

std::string replace_all(std::string s, const std::string & from, const std::string & to) {
    size_t pos = 0;
    while ((pos = s.find(from, pos)) != std::string::npos) {
        s.replace(pos, from.size(), to);
        pos += to.size();
    }
    return s;
}
} // namespace

SpmTokenizer::SpmTokenizer(const std::string & serialized_proto, const std::string & source) {
    const auto status = sp_.LoadFromSerializedProto(serialized_proto);
    if (!status.ok()) fail(Status::BAD_INPUT, source + ": not a usable SentencePiece model: " + status.ToString());
    const int n = sp_.GetPieceSize();
    pieces_.resize(static_cast<size_t>(n));
    types_.resize(static_cast<size_t>(n));
    for (int id = 0; id < n; ++id) {
        pieces_[static_cast<size_t>(id)] = sp_.IdToPiece(id);
        TokenType t = TokenType::NORMAL;
        if (sp_.IsControl(id)) t = TokenType::CONTROL;
        else if (sp_.IsUnknown(id)) t = TokenType::UNKNOWN;
        else if (sp_.IsByte(id)) t = TokenType::BYTE;
        else if (sp_.IsUnused(id)) t = TokenType::UNUSED;
        types_[static_cast<size_t>(id)] = t;
        piece_to_id_.emplace(pieces_[static_cast<size_t>(id)], id);
    }
    special_.bos = sp_.bos_id();
    special_.eos = sp_.eos_id();
    special_.unk = sp_.unk_id();
    special_.pad = sp_.pad_id();
    special_.add_bos = special_.bos >= 0;
    // The normalizer spec is not in the public API: observe whether a dummy space is added.
    std::vector<std::string> probe;
    add_dummy_prefix_ = sp_.Encode("a", &probe).ok() && !probe.empty() && probe[0].rfind(kSpace, 0) == 0;
    collect_special_texts();
}

std::vector<int> SpmTokenizer::encode_plain(std::string_view text) const {
    std::vector<int> ids;
    if (text.empty()) return ids;
    const auto status = sp_.Encode(std::string(text), &ids);
    if (!status.ok()) fail(Status::INTERNAL, "sentencepiece encode failed: " + status.ToString());
    return ids;
}

std::optional<std::vector<int>> SpmTokenizer::encode_after_line_break(std::string_view text) const {
    if (!add_dummy_prefix_) return encode_plain(text);
    std::string with(1, '\n');
    with.append(text);
    std::vector<int> ids = encode_plain(with);
    // The leading tokens spell the dummy prefix's space and the line break, and nothing more.
    size_t bytes = 0, k = 0;
    while (k < ids.size() && bytes < 2) bytes += token_bytes(ids[k++]).size();
    if (bytes != 2 || k == 0 || token_bytes(ids[k - 1]).back() != '\n') return std::nullopt;
    ids.erase(ids.begin(), ids.begin() + static_cast<std::ptrdiff_t>(k));
    return ids;
}

std::string SpmTokenizer::token_bytes(int id) const {
    if (id < 0 || id >= n_vocab()) return {};
    const std::string & p = pieces_[static_cast<size_t>(id)];
    const TokenType t = types_[static_cast<size_t>(id)];
    if (t == TokenType::BYTE) {
        unsigned char b;
        if (parse_byte_piece(p, b)) return std::string(1, static_cast<char>(b));
    }
    if (t == TokenType::UNKNOWN) return " \xE2\x81\x87 "; // " ⁇ ", as sentencepiece decodes <unk>
    if (t == TokenType::CONTROL) return p;
    return replace_all(p, kSpace, " ");
}

std::string SpmTokenizer::decode(const std::vector<int> & ids, bool render_special) const {
    // SentencePiece never renders control tokens, and drops the dummy-prefix space of the
    // first piece of the text.
    std::string out;
    bool first = true;
    for (int id : ids) {
        if (id < 0 || id >= n_vocab() || types_[static_cast<size_t>(id)] == TokenType::CONTROL) continue;
        std::string b = token_bytes(id);
        if (first && add_dummy_prefix_ && !b.empty() && b[0] == ' ') b.erase(0, 1);
        first = false;
        out += b;
    }
    return out;
}

std::string SpmTokenizer::piece(int id) const {
    return id >= 0 && id < n_vocab() ? pieces_[static_cast<size_t>(id)] : std::string();
}

TokenType SpmTokenizer::token_type(int id) const {
    return id >= 0 && id < n_vocab() ? types_[static_cast<size_t>(id)] : TokenType::UNDEFINED;
}

int SpmTokenizer::find_token(std::string_view text) const {
    auto it = piece_to_id_.find(std::string(text));
    return it == piece_to_id_.end() ? -1 : it->second;
}

std::unique_ptr<SpmTokenizer> spm_from_llama2c(const std::string & path, int n_vocab) {
    MappedFile f(path);
    const uint8_t * p = f.data();
    size_t pos = 0;
    auto need = [&](size_t n) {
        if (n > f.size() - pos) fail(Status::BAD_INPUT, path + ": truncated llama2.c tokenizer file");
    };
    need(4);
    pos += 4; // max_token_length
    SpmVocab v;
    for (int id = 0; id < n_vocab; ++id) {
        float score;
        int32_t len;
        need(8);
        std::memcpy(&score, p + pos, 4);
        std::memcpy(&len, p + pos + 4, 4);
        pos += 8;
        if (len < 0 || len > 1024) fail(Status::BAD_INPUT, path + ": token " + std::to_string(id) + " has length " + std::to_string(len));
        need(static_cast<size_t>(len));
        std::string piece(reinterpret_cast<const char *>(p + pos), static_cast<size_t>(len));
        pos += static_cast<size_t>(len);
        TokenType t = TokenType::NORMAL;
        unsigned char b;
        if (id == 0) {
            t = TokenType::UNKNOWN;
        } else if (id == 1 || id == 2) {
            t = TokenType::CONTROL;
            piece = id == 1 ? "<s>" : "</s>";
        } else if (parse_byte_piece(piece, b)) {
            t = TokenType::BYTE;
        } else {
            piece = replace_all(piece, " ", kSpace);
        }
        if (piece.empty()) fail(Status::BAD_INPUT, path + ": token " + std::to_string(id) + " is empty");
        v.pieces.push_back(std::move(piece));
        v.scores.push_back(score);
        v.types.push_back(t);
    }
    return std::make_unique<SpmTokenizer>(spm_model_proto(v), path);
}

} // namespace quire
