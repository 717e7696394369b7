#include "reading/document_ingest.h"

#include "core/error.h"
#include "document/document_source.h"
#include "memory/model_fingerprint.h"
#include "memory/reading_plan.h"

#include <chrono>
#include <filesystem>

namespace quire {

namespace {

double since(std::chrono::steady_clock::time_point t0) { return std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count(); }

} // namespace

DocumentMap document_read_map(const std::string & path, const std::string & password, const IngestCallback & progress, const MapCallback & mapped) {
    const auto t0 = std::chrono::steady_clock::now();
    const auto source = document_open(path, password);
    DocumentMap map;
    map.format = source->info().format;
    map.title = source->info().title;
    map.author = source->info().author;
    std::string & text = map.text;
    const int pages = source->info().pages;
    for (const OutlineItem & o : source->outline())
        map.outline.push_back({o.title, o.level, o.page >= 0 && o.page < pages ? o.page : -1});
    double shown_at = -1; // when the map was last shown
    for (int i = 0; i < pages; ++i) {
        if (progress && !progress({i, pages, since(t0), IngestPhase::TEXT})) fail(Status::CANCELLED, path + ": reading cancelled");
        if (mapped && i > 0 && since(t0) >= (shown_at < 0 ? 0.15 : shown_at + 1.0)) {
            map.pages_total = pages;
            mapped(map);
            map.pages_total = 0;
            shown_at = since(t0);
        }
        if (i) text += map.format == "pdf" ? "\n\n" : "\n";
        const Page pg = source->page(i);
        const int64_t at = static_cast<int64_t>(text.size());
        map.page_starts.push_back(at);
        text += pg.text; // valid UTF-8 from every source, so offsets stay exact
        for (const StyledSpan & st : pg.styles)
            map.styles.push_back({at + st.start, static_cast<int32_t>(st.len), static_cast<uint8_t>(st.style), static_cast<uint8_t>(std::clamp(st.level, 0, 255)), 0});
        for (const Word & w : pg.words)
            map.words.push_back({static_cast<int32_t>(i), static_cast<int32_t>(w.len), at + w.start, static_cast<float>(w.box.x0), static_cast<float>(w.box.y0),
                                 static_cast<float>(w.box.x1), static_cast<float>(w.box.y1)});
    }
    if (text.find_first_not_of(" \t\r\n") == std::string::npos) fail_no_text(path, map.format);
    if (mapped) mapped(map);
    return map;
}

PreparedDocument document_prepare(const Model & model, const std::string & path, const std::string & password, const IngestCallback & progress,
                                  const MapCallback & mapped) {
    const auto t0 = std::chrono::steady_clock::now();
    PreparedDocument doc;
    doc.path = path;
    doc.map = document_read_map(path, password, progress, mapped);
    const int64_t total = static_cast<int64_t>(doc.map.text.size());
    doc.tokens = model.tok().encode_long(doc.map.text, [&](size_t done) {
        return !progress || progress({static_cast<int64_t>(done), total, since(t0), IngestPhase::TOKENS});
    });
    return doc;
}

IngestEstimate ingest_estimate(const Model & model, const MemoryConfig & asked, const PreparedDocument & doc) {
    const MemoryConfig cfg = memory_for_reading(model.hp, asked, static_cast<int64_t>(doc.tokens.size()));
    const uint64_t kvd = static_cast<uint64_t>(model.hp.kv_dim()), qd = static_cast<uint64_t>(model.hp.q_dim());
    const uint64_t n = doc.tokens.size() + 64; // the chat frame around the document
    const uint64_t fixed = static_cast<uint64_t>(cfg.n_init) + static_cast<uint64_t>(cfg.n_local);
    const uint64_t bs = static_cast<uint64_t>(std::max(cfg.block_size, 1));
    const uint64_t blocks = n > fixed ? (n - fixed + bs - 1) / bs : 0;
    const uint64_t window = std::min<uint64_t>(static_cast<uint64_t>(cfg.n_local), n); // a whole reading's window holds the document
    const uint64_t per_layer = ((2 * static_cast<uint64_t>(cfg.n_init) + 3 * window) * kvd + window * static_cast<uint64_t>(model.hp.n_head) +
                                blocks * (2 * bs * kvd + qd)) *
                               sizeof(float);
    IngestEstimate e;
    e.tokens = static_cast<int64_t>(doc.tokens.size());
    const uint64_t memory = per_layer * static_cast<uint64_t>(model.hp.n_layer);
    e.memory_bytes = cfg.host_budget_bytes ? std::min(memory, cfg.host_budget_bytes) : memory;
    e.store_bytes = memory + n * (sizeof(int) + sizeof(SourceSpan)) + doc.map.text.size() + doc.map.page_starts.size() * sizeof(int64_t) +
                    doc.map.words.size() * sizeof(MappedWord) + (1 << 16);
    return e;
}

StoredDocument document_ingest(const Model & model, PreparedDocument prepared, const MemoryConfig & cfg, const IngestCallback & progress, const DeviceParams & device,
                               double * seconds, Checkpoints * checkpoints) {
    StoredDocument doc;
    const Tokenizer & tok = model.tok();
    doc.prefix_len = static_cast<int>(chat_frame(model.chat, tok).prefix.size());
    doc.spans = token_spans(tok, prepared.tokens);
    doc.source = std::filesystem::absolute(prepared.path).string();
    doc.model_name = model.hp.name;
    doc.fingerprint = model_fingerprint(model);
    doc.map = std::move(prepared.map);
    IngestResult r;
    if (checkpoints && !checkpoints->store_path.empty()) {
        memory_config_validate(cfg);
        const MemoryConfig reading = reading_config(model.hp, cfg, static_cast<int64_t>(prepared.tokens.size()));
        CheckpointedReading cr(model, reading, prepared.tokens, doc, *checkpoints);
        r = memory_ingest(model, prepared.tokens, cfg, progress, device, cr.places());
    } else {
        r = memory_ingest(model, prepared.tokens, cfg, progress, {}, device);
    }
    if (seconds) *seconds = r.seconds;
    if (r.prefix_len != doc.prefix_len) fail(Status::INTERNAL, "the reading's chat frame changed");
    doc.state = std::move(r.state);
    return doc;
}

StoredDocument document_ingest(const Model & model, const std::string & path, const MemoryConfig & cfg, const IngestCallback & progress, const DeviceParams & device,
                               const std::string & password, double * seconds) {
    return document_ingest(model, document_prepare(model, path, password, progress), cfg, progress, device, seconds);
}

} // namespace quire
