#include "memory/document_ingest.h"

#include "core/error.h"
#include "document/document_source.h"
#include "memory/model_fingerprint.h"

#include <filesystem>

namespace quire {

DocumentMap document_read_map(const std::string & path, const std::string & password) {
    const auto source = document_open(path, password);
    DocumentMap map;
    map.format = source->info().format;
    map.title = source->info().title;
    map.author = source->info().author;
    std::string & text = map.text;
    for (int i = 0; i < source->info().pages; ++i) {
        if (i) text += map.format == "pdf" ? "\n\n" : "\n";
        const Page pg = source->page(i);
        const int64_t at = static_cast<int64_t>(text.size());
        map.page_starts.push_back(at);
        text += pg.text; // valid UTF-8 from every source, so offsets stay exact
        for (const Word & w : pg.words)
            map.words.push_back({static_cast<int32_t>(i), static_cast<int32_t>(w.len), at + w.start, static_cast<float>(w.box.x0), static_cast<float>(w.box.y0),
                                 static_cast<float>(w.box.x1), static_cast<float>(w.box.y1)});
    }
    if (text.find_first_not_of(" \t\r\n") == std::string::npos) fail(Status::BAD_INPUT, path + ": the document is empty");
    return map;
}

StoredDocument document_ingest(const Model & model, const std::string & path, const MemoryConfig & cfg, const IngestCallback & progress, BackendKind backend,
                               const std::string & password, double * seconds) {
    StoredDocument doc;
    doc.map = document_read_map(path, password);
    const Tokenizer & tok = model.tok();
    const auto ids = tok.encode(doc.map.text);
    IngestResult r = memory_ingest(model, ids, cfg, progress, {}, backend);
    if (seconds) *seconds = r.seconds;
    doc.prefix_len = r.prefix_len;
    doc.spans = token_spans(tok, ids);
    doc.source = std::filesystem::absolute(path).string();
    doc.model_name = model.hp.name;
    doc.fingerprint = model_fingerprint(model);
    doc.state = std::move(r.state);
    return doc;
}

} // namespace quire
