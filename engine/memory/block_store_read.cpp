// Reading block stores: verified, mapped in place (the layout: block_store_format.h).
#include "memory/block_store_file.h"
#include "memory/block_store_format.h"

#include "core/error.h"
#include "core/mapped_file.h"
#include "memory/memory_settings.h"
#include "memory/model_fingerprint.h"
#include "memory/reading_plan.h"

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <nlohmann/json.hpp>
#include <unistd.h>

namespace quire {

using namespace store_format;

namespace {

// A verified store file: header, section table and every section's checksum.
struct StoreFile {
    std::shared_ptr<MappedFile> file;
    std::vector<Entry> table;
    const uint8_t * base = nullptr;
    std::string path;
    [[noreturn]] void bad(const std::string & why) const { fail(Status::BAD_INPUT, path + ": " + why); }
    const Entry & find(uint32_t id, uint32_t layer = 0) const {
        for (const auto & e : table)
            if (e.id == id && e.layer == layer) return e;
        bad("section " + std::to_string(id) + " missing");
    }
    template <typename V> void load_vec(const Entry & e, V & v, size_t count) const {
        using T = typename V::value_type;
        if (e.size != count * sizeof(T)) bad("section " + std::to_string(e.id) + " has the wrong size");
        v.resize(count);
        if (count) std::memcpy(v.data(), base + e.offset, e.size);
    }
};

StoreFile open_store(const std::string & path) {
    StoreFile sf;
    sf.path = path;
    sf.file = std::make_shared<MappedFile>(path);
    const uint8_t * base = sf.base = sf.file->data();
    const uint64_t size = sf.file->size();
    auto bad = [&](const std::string & why) { sf.bad(why); };
    if (size < sizeof(Header) || std::memcmp(base, kMagic, 8) != 0) bad("not a Quire block store");
    Header h;
    std::memcpy(&h, base, sizeof(h));
    if (h.version != kStoreVersion)
        bad("block store format version " + std::to_string(h.version) + "; this Quire reads version " + std::to_string(kStoreVersion) +
            ": ingest the document again");
    if (h.header_crc != crc_of(static_cast<uint32_t>(crc32(0, nullptr, 0)), &h, offsetof(Header, header_crc))) bad("corrupt header (checksum mismatch)");
    if (h.file_size != size) bad("truncated or extended block store (" + std::to_string(size) + " bytes, expected " + std::to_string(h.file_size) + ")");
    if (h.n_sections > (1u << 20) || h.table_offset > size || h.n_sections * sizeof(Entry) > size - h.table_offset) bad("corrupt section table");
    std::vector<Entry> & table = sf.table;
    table.resize(h.n_sections);
    std::memcpy(table.data(), base + h.table_offset, table.size() * sizeof(Entry));
    if (h.table_crc != crc_of(static_cast<uint32_t>(crc32(0, nullptr, 0)), table.data(), table.size() * sizeof(Entry))) bad("corrupt section table (checksum mismatch)");
    for (const auto & e : table)
        if (e.offset > h.table_offset || e.size > h.table_offset - e.offset) bad("section outside the file");
    // Verify every section's checksum (in parallel: a store may be gigabytes).
    std::vector<int> bad_section(table.size(), 0);
#pragma omp parallel for schedule(dynamic)
    for (size_t i = 0; i < table.size(); ++i)
        bad_section[i] = crc_of(static_cast<uint32_t>(crc32(0, nullptr, 0)), base + table[i].offset, table[i].size) != table[i].crc;
    for (size_t i = 0; i < table.size(); ++i)
        if (bad_section[i]) bad("checksum mismatch in section " + std::to_string(table[i].id) + " (layer " + std::to_string(table[i].layer) + "): the file is corrupt");
    return sf;
}

// A checkpoint's place (json exceptions for missing fields, Error(BAD_INPUT) via `bad` for values).
template <typename Bad> std::optional<ReadingPlace> unfinished_of(const nlohmann::json & meta, const Bad & bad) {
    if (!meta.contains("unfinished")) return std::nullopt;
    const auto & u = meta.at("unfinished");
    ReadingPlace p{u.at("read").get<int64_t>(), u.at("total").get<int64_t>(), u.at("tokens_crc").get<uint32_t>()};
    if (p.read < 0 || p.total < p.read) bad("the unfinished reading's place is inconsistent");
    return p;
}

nlohmann::json read_meta(const StoreFile & sf) {
    const Entry & me = sf.find(META);
    try {
        return nlohmann::json::parse(reinterpret_cast<const char *>(sf.base + me.offset), reinterpret_cast<const char *>(sf.base + me.offset + me.size));
    } catch (const std::exception & e) {
        sf.bad(std::string("malformed metadata: ") + e.what());
    }
}

// The document map sections, checked against the spans that index into the text.
void load_map(const StoreFile & sf, const nlohmann::json & meta, StoredDocument & doc) {
    DocumentMap & m = doc.map;
    const auto & d = meta.at("document");
    m.format = d.value("format", "");
    m.title = d.value("title", "");
    m.author = d.value("author", "");
    const Entry & te = sf.find(DOC_TEXT);
    if (te.size != d.value("text_bytes", uint64_t(0))) sf.bad("document text has the wrong size");
    m.text.assign(reinterpret_cast<const char *>(sf.base + te.offset), te.size);
    sf.load_vec(sf.find(DOC_PAGES), m.page_starts, d.value("pages", size_t(0)));
    sf.load_vec(sf.find(DOC_WORDS), m.words, d.value("words", size_t(0)));
    if (d.contains("styles")) sf.load_vec(sf.find(DOC_STYLES), m.styles, d.at("styles").get<size_t>()); // stores before them have none
    for (const auto & st : m.styles)
        if (st.start < 0 || st.len < 0 || st.start + st.len > static_cast<int64_t>(m.text.size())) sf.bad("document style table is inconsistent");
    if (d.contains("outline"))
        for (const auto & e : d.at("outline")) {
            MappedOutline o{e.at(0).get<std::string>(), e.at(1).get<int>(), e.at(2).get<int>()};
            if (o.level < 0 || o.page < -1 || o.page >= static_cast<int>(d.value("pages", size_t(0)))) sf.bad("document outline is inconsistent");
            m.outline.push_back(std::move(o));
        }
    for (size_t i = 0; i < m.page_starts.size(); ++i)
        if (m.page_starts[i] < 0 || m.page_starts[i] > static_cast<int64_t>(m.text.size()) || (i && m.page_starts[i] < m.page_starts[i - 1]))
            sf.bad("document page table is inconsistent");
    for (const auto & w : m.words)
        if (w.page < 0 || static_cast<size_t>(w.page) >= m.page_starts.size() || w.start < 0 || w.len < 0 || w.start + w.len > static_cast<int64_t>(m.text.size()))
            sf.bad("document word table is inconsistent");
    if (!m.text.empty())
        for (const auto & sp : doc.spans)
            if (sp.start < 0 || sp.len < 0 || sp.start + sp.len > static_cast<int64_t>(m.text.size())) sf.bad("token spans point outside the document text");
}

} // namespace

StoreSummary store_peek(const std::string & path) {
    auto bad = [&](const std::string & why) { fail(Status::BAD_INPUT, path + ": " + why); };
    const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd < 0) fail(Status::IO, path + ": cannot open the block store: " + std::strerror(errno));
    struct Closer {
        int fd;
        ~Closer() { ::close(fd); }
    } closer{fd};
    auto read_at = [&](void * p, uint64_t n, uint64_t at) {
        if (::pread(fd, p, n, static_cast<off_t>(at)) != static_cast<ssize_t>(n)) bad("truncated block store");
    };
    Header h;
    read_at(&h, sizeof(h), 0);
    const uint32_t crc0 = static_cast<uint32_t>(crc32(0, nullptr, 0));
    if (std::memcmp(h.magic, kMagic, 8) != 0) bad("not a Quire block store");
    if (h.version != kStoreVersion) bad("block store format version " + std::to_string(h.version));
    if (h.header_crc != crc_of(crc0, &h, offsetof(Header, header_crc))) bad("corrupt header (checksum mismatch)");
    if (h.n_sections > (1u << 20) || h.table_offset > h.file_size) bad("corrupt section table");
    std::vector<Entry> table(h.n_sections);
    read_at(table.data(), table.size() * sizeof(Entry), h.table_offset);
    if (h.table_crc != crc_of(crc0, table.data(), table.size() * sizeof(Entry))) bad("corrupt section table (checksum mismatch)");
    const Entry * me = nullptr;
    for (const auto & e : table)
        if (e.id == META) me = &e;
    if (!me || me->size > (64u << 20)) bad("no metadata");
    std::string text(me->size, '\0');
    read_at(text.data(), text.size(), me->offset);
    if (me->crc != crc_of(crc0, text.data(), text.size())) bad("checksum mismatch in the metadata: the file is corrupt");
    StoreSummary s;
    try {
        const auto meta = nlohmann::json::parse(text);
        s.model_name = meta.at("model").value("name", "");
        s.fingerprint = std::stoull(meta.at("model").at("fingerprint").get<std::string>(), nullptr, 16);
        s.n_tokens = meta.at("n_tokens");
        s.unfinished = unfinished_of(meta, bad);
    } catch (const nlohmann::json::exception & e) {
        bad(std::string("malformed metadata: ") + e.what());
    } catch (const std::invalid_argument & e) {
        bad(std::string("malformed metadata: ") + e.what());
    } catch (const std::out_of_range & e) {
        bad(std::string("malformed metadata: ") + e.what());
    }
    return s;
}

StoredDocument store_load_map(const std::string & path) {
    const StoreFile sf = open_store(path);
    const nlohmann::json meta = read_meta(sf);
    StoredDocument doc;
    try {
        doc.prefix_len = meta.at("prefix_len");
        doc.source = meta.value("source", "");
        doc.model_name = meta.at("model").value("name", "");
        sf.load_vec(sf.find(TOKENS), doc.state.tokens, meta.at("n_tokens").get<size_t>());
        sf.load_vec(sf.find(SPANS), doc.spans, meta.at("n_spans").get<size_t>());
        sf.load_vec(sf.find(BLOCKS), doc.state.blocks, meta.at("n_blocks").get<size_t>());
        doc.state.n_tokens = static_cast<int64_t>(doc.state.tokens.size());
        doc.state.n_layer = meta.at("dims").at("n_layer");
        doc.unfinished = unfinished_of(meta, [&](const std::string & why) { sf.bad(why); });
        load_map(sf, meta, doc);
    } catch (const nlohmann::json::exception & e) {
        sf.bad(std::string("malformed metadata: ") + e.what());
    }
    return doc;
}

StoredDocument store_load(const std::string & path, const Model & model, const std::string & preset) {
    const StoreFile sf = open_store(path);
    const uint8_t * base = sf.base;
    const auto & table = sf.table;
    auto file = sf.file;
    auto bad = [&](const std::string & why) -> void { sf.bad(why); };
    auto find = [&](uint32_t id, uint32_t layer = 0) -> const Entry & { return sf.find(id, layer); };
    (void)table;

    StoredDocument doc;
    nlohmann::json meta;
    MemoryConfig cfg;
    int64_t n_tokens = 0, n_blocks = 0, n_spans = 0;
    try {
        meta = read_meta(sf);
        doc.fingerprint = std::stoull(meta.at("model").at("fingerprint").get<std::string>(), nullptr, 16);
        doc.model_name = meta["model"].value("name", "");
        const auto & c = meta.at("config");
        cfg.preset = c.at("preset").get<std::string>();
        for (const auto & m : memory_settings()) cfg.*m.field = c.at(m.name);
        cfg.lookup.beta = c.at("beta");
        n_tokens = meta.at("n_tokens");
        n_blocks = meta.at("n_blocks");
        n_spans = meta.at("n_spans");
        doc.prefix_len = meta.at("prefix_len");
        doc.source = meta.value("source", "");
        doc.unfinished = unfinished_of(meta, bad);
    } catch (const nlohmann::json::exception & e) {
        bad(std::string("malformed metadata: ") + e.what());
    } catch (const std::invalid_argument & e) { // the fingerprint's hex
        bad(std::string("malformed metadata: ") + e.what());
    } catch (const std::out_of_range & e) {
        bad(std::string("malformed metadata: ") + e.what());
    }
    const uint64_t fp = model_fingerprint(model);
    if (doc.fingerprint != fp)
        bad("was built with another model (" + (doc.model_name.empty() ? fingerprint_hex(doc.fingerprint) : doc.model_name) + ", fingerprint " +
            fingerprint_hex(doc.fingerprint) + "; this model's is " + fingerprint_hex(fp) + "): ingest the document again with this model");
    if (!preset.empty() && preset != kAutoPreset && preset != cfg.preset) bad("was built with preset '" + cfg.preset + "', not '" + preset + "'");
    memory_config_validate(cfg);

    MemoryState & st = doc.state;
    st = MemoryState(model.hp, cfg);
    const auto & dims = meta["dims"];
    if (dims.value("n_layer", -1) != st.n_layer || dims.value("n_head", -1) != st.n_head || dims.value("n_head_kv", -1) != st.n_head_kv ||
        dims.value("head_dim", -1) != st.head_dim)
        bad("layer shapes do not match the model");
    st.n_tokens = n_tokens;
    st.n_sink = meta.value("n_sink", 0);
    st.win_start = meta.value("win_start", int64_t(0));
    const size_t kvd = static_cast<size_t>(st.kv_dim()), bs = static_cast<size_t>(cfg.block_size), qd = static_cast<size_t>(st.q_dim());
    const int64_t n_win = st.n_tokens - st.win_start;
    if (n_tokens < 0 || n_blocks < 0 || st.n_sink < 0 || st.n_sink > cfg.n_init || n_win < 0 ||
        st.n_sink + n_blocks * cfg.block_size + n_win != n_tokens || doc.prefix_len < 0 || doc.prefix_len > n_tokens || n_spans < 0)
        bad("inconsistent counts in the metadata");
    sf.load_vec(find(TOKENS), st.tokens, static_cast<size_t>(n_tokens));
    sf.load_vec(find(SPANS), doc.spans, static_cast<size_t>(n_spans));
    sf.load_vec(find(BLOCKS), st.blocks, static_cast<size_t>(n_blocks));
    try {
        load_map(sf, meta, doc);
    } catch (const nlohmann::json::exception & e) {
        bad(std::string("malformed document metadata: ") + e.what());
    }
    const size_t per_block = 2 * bs * kvd + qd; // floats
    for (int l = 0; l < st.n_layer; ++l) {
        LayerMemory & L = st.layers[static_cast<size_t>(l)];
        const Entry & le = find(LAYER, static_cast<uint32_t>(l));
        const size_t ns = static_cast<size_t>(st.n_sink) * kvd, nw = static_cast<size_t>(n_win) * kvd, nsc = static_cast<size_t>(n_win) * static_cast<size_t>(st.n_head);
        if (le.size != (2 * ns + 3 * nw + nsc) * sizeof(float)) bad("layer " + std::to_string(l) + " state has the wrong size");
        const auto * f = reinterpret_cast<const float *>(base + le.offset);
        for (auto [v, n] : {std::pair{&L.sink_k, ns}, {&L.sink_v, ns}, {&L.win_k, nw}, {&L.win_krot, nw}, {&L.win_v, nw}, {&L.win_score, nsc}}) {
            v->assign(f, f + n);
            f += n;
        }
        const Entry & be = find(BLOCKDATA, static_cast<uint32_t>(l));
        if (be.size != static_cast<uint64_t>(n_blocks) * per_block * sizeof(float)) bad("layer " + std::to_string(l) + " block data has the wrong size");
        const auto * bd = reinterpret_cast<const float *>(base + be.offset); // 64-byte aligned section: floats in place
        for (int64_t b = 0; b < n_blocks; ++b) {
            const float * p = bd + static_cast<size_t>(b) * per_block;
            L.blk_k.push_back(p);
            L.blk_v.push_back(p + bs * kvd);
            L.blk_repr.push_back(p + 2 * bs * kvd);
        }
    }
    st.storage.push_back(file);
    return doc;
}

} // namespace quire
