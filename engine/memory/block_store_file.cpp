// Writing block stores (the layout: block_store_format.h).
#include "memory/block_store_file.h"
#include "memory/block_store_format.h"

#include "core/atomic_file.h"
#include "core/error.h"
#include "memory/memory_settings.h"
#include "memory/model_fingerprint.h"

#include <chrono>
#include <cstring>
#include <ctime>
#include <nlohmann/json.hpp>
#include <unistd.h>
#include <zlib.h>

namespace quire {

namespace {

using namespace store_format;

// Streams sections into a temporary file next to the target (core/atomic_file's TempFile: owned
// from its first byte, removed on every error path) and renames it into place.
class Writer {
public:
    explicit Writer(const std::string & path) : tmp_(path) {
        Header h{};
        put(&h, sizeof(h));
    }
    void begin(uint32_t id, uint32_t layer = 0) {
        static const char zeros[64] = {};
        if (pos_ % 64) put(zeros, 64 - pos_ % 64);
        cur_ = Entry{id, layer, pos_, 0, static_cast<uint32_t>(crc32(0, nullptr, 0)), 0};
    }
    void write(const void * p, uint64_t n) {
        cur_.crc = crc_of(cur_.crc, p, n);
        put(p, n);
        cur_.size += n;
    }
    template <typename T> void write_vec(const std::vector<T> & v) { write(v.data(), v.size() * sizeof(T)); }
    void end() { table_.push_back(cur_); }
    void finish() {
        Header h{};
        std::memcpy(h.magic, kMagic, 8);
        h.version = kStoreVersion;
        h.n_sections = static_cast<uint32_t>(table_.size());
        h.table_offset = pos_;
        h.table_crc = crc_of(static_cast<uint32_t>(crc32(0, nullptr, 0)), table_.data(), table_.size() * sizeof(Entry));
        put(table_.data(), table_.size() * sizeof(Entry));
        h.file_size = pos_;
        h.header_crc = crc_of(static_cast<uint32_t>(crc32(0, nullptr, 0)), &h, offsetof(Header, header_crc));
        if (::pwrite(tmp_.fd(), &h, sizeof(h), 0) != static_cast<ssize_t>(sizeof(h))) tmp_.io_error("write the block store");
        tmp_.commit();
    }

private:
    void put(const void * p, uint64_t n) {
        tmp_.write(p, n);
        pos_ += n;
    }
    TempFile tmp_;
    uint64_t pos_ = 0;
    Entry cur_{};
    std::vector<Entry> table_;
};

nlohmann::json config_json(const MemoryConfig & c) {
    nlohmann::json j = {{"preset", c.preset}};
    for (const auto & m : memory_settings()) j[m.name] = c.*m.field;
    j["beta"] = c.lookup.beta;
    return j;
}

} // namespace

namespace {

// The outline in the metadata, one [title, level, page] per entry (stores before it have none).
nlohmann::json outline_json(const std::vector<MappedOutline> & outline) {
    nlohmann::json a = nlohmann::json::array();
    for (const auto & o : outline) a.push_back({o.title, o.level, o.page});
    return a;
}

} // namespace

const MappedOutline * DocumentMap::section_of(int page) const {
    const MappedOutline * best = nullptr;
    for (const auto & o : outline)
        if (o.page >= 0 && o.page <= page && (!best || o.page >= best->page)) best = &o;
    return best;
}

void store_save(const std::string & path, const StoredDocument & doc, const std::function<bool()> & cancelled) {
    store_save(path, doc, doc.state, cancelled);
}

void store_save(const std::string & path, const StoredDocument & doc, const MemoryState & st, const std::function<bool()> & cancelled) {
    auto check_cancel = [&] {
        if (cancelled && cancelled()) fail(Status::CANCELLED, path + ": saving cancelled");
    };
    Writer w(path);
    const auto now = std::chrono::system_clock::to_time_t(std::chrono::system_clock::now());
    char when[32];
    std::strftime(when, sizeof(when), "%Y-%m-%dT%H:%M:%SZ", std::gmtime(&now));
    nlohmann::json meta = {
        {"format", "quire-block-store"}, {"version", kStoreVersion},
        {"model", {{"fingerprint", fingerprint_hex(doc.fingerprint)}, {"name", doc.model_name}}},
        {"config", config_json(st.cfg)},
        {"dims", {{"n_layer", st.n_layer}, {"n_head", st.n_head}, {"n_head_kv", st.n_head_kv}, {"head_dim", st.head_dim}}},
        {"n_tokens", st.n_tokens}, {"n_sink", st.n_sink}, {"win_start", st.win_start}, {"n_blocks", st.n_blocks()},
        {"prefix_len", doc.prefix_len}, {"n_spans", doc.spans.size()}, {"source", doc.source}, {"created", when},
        {"document", {{"format", doc.map.format}, {"title", doc.map.title}, {"author", doc.map.author}, {"text_bytes", doc.map.text.size()},
                      {"pages", doc.map.page_starts.size()}, {"words", doc.map.words.size()}, {"styles", doc.map.styles.size()}, {"outline", outline_json(doc.map.outline)}}}};
    if (doc.unfinished) meta["unfinished"] = {{"read", doc.unfinished->read}, {"total", doc.unfinished->total}, {"tokens_crc", doc.unfinished->tokens_crc}};
    const std::string m = meta.dump(1);
    w.begin(META);
    w.write(m.data(), m.size());
    w.end();
    w.begin(TOKENS);
    w.write_vec(st.tokens);
    w.end();
    w.begin(SPANS);
    w.write_vec(doc.spans);
    w.end();
    w.begin(BLOCKS);
    w.write_vec(st.blocks);
    w.end();
    w.begin(DOC_TEXT);
    w.write(doc.map.text.data(), doc.map.text.size());
    w.end();
    w.begin(DOC_PAGES);
    w.write_vec(doc.map.page_starts);
    w.end();
    w.begin(DOC_WORDS);
    w.write_vec(doc.map.words);
    w.end();
    w.begin(DOC_STYLES);
    w.write_vec(doc.map.styles);
    w.end();
    const size_t kvd = static_cast<size_t>(st.kv_dim()), bs = static_cast<size_t>(st.cfg.block_size), qd = static_cast<size_t>(st.q_dim());
    for (int l = 0; l < st.n_layer; ++l) {
        const LayerMemory & L = st.layers[static_cast<size_t>(l)];
        w.begin(LAYER, static_cast<uint32_t>(l));
        for (const auto * v : {&L.sink_k, &L.sink_v, &L.win_k, &L.win_krot, &L.win_v, &L.win_score}) w.write_vec(*v);
        w.end();
        w.begin(BLOCKDATA, static_cast<uint32_t>(l));
        for (int b = 0; b < st.n_blocks(); ++b) {
            w.write(L.blk_k[static_cast<size_t>(b)], bs * kvd * sizeof(float));
            w.write(L.blk_v[static_cast<size_t>(b)], bs * kvd * sizeof(float));
            w.write(L.blk_repr[static_cast<size_t>(b)], qd * sizeof(float));
        }
        w.end();
        check_cancel();
    }
    w.finish();
}

} // namespace quire
