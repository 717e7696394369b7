// Writes small GGUF files byte by byte, so tests can build valid models and corrupt them on purpose.
#pragma once

#include <cstdint>
#include <cstring>
#include <string>
#include <vector>

namespace quire::test {

class GgufBuilder {
public:
    void kv_string(const std::string & k, const std::string & v) { key(k, 8); str(meta_, v); ++n_kv_; }
    void kv_u32(const std::string & k, uint32_t v) { key(k, 4); put(meta_, v); ++n_kv_; }
    void kv_f32(const std::string & k, float v) { key(k, 6); put(meta_, v); ++n_kv_; }
    void kv_bool(const std::string & k, bool v) { key(k, 7); put(meta_, static_cast<uint8_t>(v)); ++n_kv_; }
    void kv_str_array(const std::string & k, const std::vector<std::string> & v) {
        key(k, 9);
        put(meta_, uint32_t(8));
        put(meta_, static_cast<uint64_t>(v.size()));
        for (const auto & s : v) str(meta_, s);
        ++n_kv_;
    }
    template <typename T> void kv_array(const std::string & k, uint32_t elem_type, const std::vector<T> & v) {
        key(k, 9);
        put(meta_, elem_type);
        put(meta_, static_cast<uint64_t>(v.size()));
        for (const T & x : v) put(meta_, x);
        ++n_kv_;
    }
    // A tensor of `type` with dims ne (fastest first) and raw data.
    void tensor(const std::string & name, uint32_t type, std::vector<uint64_t> ne, std::string bytes) {
        tensors_.push_back({name, type, std::move(ne), std::move(bytes)});
    }
    std::string build(uint32_t version = 3, uint64_t alignment = 32) const {
        std::string out = "GGUF";
        put(out, version);
        put(out, static_cast<uint64_t>(tensors_.size()));
        put(out, n_kv_);
        out += meta_;
        uint64_t off = 0;
        std::vector<uint64_t> offsets;
        for (const auto & t : tensors_) {
            str(out, t.name);
            put(out, static_cast<uint32_t>(t.ne.size()));
            for (auto d : t.ne) put(out, d);
            put(out, t.type);
            put(out, off);
            offsets.push_back(off);
            off += (t.bytes.size() + alignment - 1) / alignment * alignment;
        }
        while (out.size() % alignment) out += '\0';
        for (size_t i = 0; i < tensors_.size(); ++i) {
            out += tensors_[i].bytes;
            while ((out.size()) % alignment) out += '\0';
        }
        return out;
    }

    template <typename T> static void put(std::string & s, T v) { s.append(reinterpret_cast<const char *>(&v), sizeof(T)); }
    static void str(std::string & s, const std::string & v) { put(s, static_cast<uint64_t>(v.size())); s += v; }

private:
    void key(const std::string & k, uint32_t type) { str(meta_, k); put(meta_, type); }
    struct T { std::string name; uint32_t type; std::vector<uint64_t> ne; std::string bytes; };
    std::string meta_;
    uint64_t n_kv_ = 0;
    std::vector<T> tensors_;
};

// A complete, valid F32 "llama" GGUF with 1 layer and random-ish weights (no tokenizer).
inline GgufBuilder tiny_llama_gguf(const std::string & arch = "llama") {
    GgufBuilder b;
    const uint32_t D = 32, F = 64, V = 48, H = 4, KVH = 2, HD = 8;
    b.kv_string("general.architecture", arch);
    b.kv_u32(arch + ".context_length", 128);
    b.kv_u32(arch + ".embedding_length", D);
    b.kv_u32(arch + ".feed_forward_length", F);
    b.kv_u32(arch + ".block_count", 1);
    b.kv_u32(arch + ".attention.head_count", H);
    b.kv_u32(arch + ".attention.head_count_kv", KVH);
    b.kv_f32(arch + ".attention.layer_norm_rms_epsilon", 1e-5f);
    uint32_t seed = 1;
    auto mat = [&](uint64_t rows, uint64_t cols) {
        std::string s(rows * cols * 4, '\0');
        for (uint64_t i = 0; i < rows * cols; ++i) {
            seed = seed * 1664525u + 1013904223u;
            const float v = (static_cast<float>(seed >> 8) / 16777216.0f - 0.5f) * 0.2f;
            std::memcpy(&s[i * 4], &v, 4);
        }
        return s;
    };
    b.tensor("token_embd.weight", 0, {D, V}, mat(V, D));
    b.tensor("output_norm.weight", 0, {D}, mat(1, D));
    b.tensor("blk.0.attn_norm.weight", 0, {D}, mat(1, D));
    b.tensor("blk.0.attn_q.weight", 0, {D, H * HD}, mat(H * HD, D));
    b.tensor("blk.0.attn_k.weight", 0, {D, KVH * HD}, mat(KVH * HD, D));
    b.tensor("blk.0.attn_v.weight", 0, {D, KVH * HD}, mat(KVH * HD, D));
    b.tensor("blk.0.attn_output.weight", 0, {H * HD, D}, mat(D, H * HD));
    b.tensor("blk.0.ffn_norm.weight", 0, {D}, mat(1, D));
    b.tensor("blk.0.ffn_gate.weight", 0, {D, F}, mat(F, D));
    b.tensor("blk.0.ffn_up.weight", 0, {D, F}, mat(F, D));
    b.tensor("blk.0.ffn_down.weight", 0, {F, D}, mat(D, F));
    return b;
}

} // namespace quire::test
