#include "reading/ingest_checkpoint.h"

#include "core/atomic_file.h"
#include "core/error.h"
#include "core/log.h"
#include "memory/memory_settings.h"

#include <cerrno>
#include <cstdio>
#include <filesystem>
#include <zlib.h>

namespace quire {

namespace {

double since(std::chrono::steady_clock::time_point t0) { return std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count(); }

// Why a checkpoint's reading is not this one (empty when it is).
std::string other_reading(const StoredDocument & found, const MemoryConfig & reading, const std::vector<int> & tokens, int prefix_len) {
    if (!found.unfinished) return "it is a finished store, not a checkpoint";
    if (found.unfinished->total != static_cast<int64_t>(tokens.size()) || found.unfinished->tokens_crc != tokens_crc(tokens))
        return "the document has changed since";
    const MemoryConfig & c = found.state.cfg;
    bool same = c.preset == reading.preset;
    for (const auto & m : memory_settings()) same = same && c.*m.field == reading.*m.field;
    if (!same) return "it was read with other memory settings (preset " + c.preset + ")";
    if (found.prefix_len != prefix_len || found.state.n_tokens != prefix_len + found.unfinished->read) return "its chat frame differs";
    const int64_t chunk = reading.exc_block_size;
    if (found.unfinished->read % chunk != 0 && found.unfinished->read != found.unfinished->total) return "its place is not an execution-block boundary";
    return {};
}

} // namespace

std::string checkpoint_path(const std::string & store_path) { return store_path + ".partial"; }

std::optional<ReadingPlace> checkpoint_place(const std::string & store_path) {
    std::error_code ec;
    if (!std::filesystem::is_regular_file(checkpoint_path(store_path), ec)) return std::nullopt;
    try {
        return store_peek(checkpoint_path(store_path)).unfinished;
    } catch (const Error &) {
        return std::nullopt;
    }
}

void checkpoint_remove(const std::string & store_path) {
    if (std::remove(checkpoint_path(store_path).c_str()) != 0 && errno != ENOENT)
        log()->warn("could not remove the reading's checkpoint {}: {}", checkpoint_path(store_path), std::strerror(errno));
}

uint32_t tokens_crc(const std::vector<int> & tokens) {
    uLong crc = crc32(0, nullptr, 0);
    const auto * p = reinterpret_cast<const Bytef *>(tokens.data());
    for (size_t left = tokens.size() * sizeof(int); left > 0;) {
        const uInt n = static_cast<uInt>(std::min<size_t>(left, 1u << 30));
        crc = crc32(crc, p, n);
        p += n;
        left -= n;
    }
    return static_cast<uint32_t>(crc);
}

CheckpointedReading::CheckpointedReading(const Model & model, const MemoryConfig & reading, const std::vector<int> & tokens, StoredDocument & doc,
                                         Checkpoints & cp)
    : doc_(doc), cp_(cp), path_(checkpoint_path(cp.store_path)), last_(std::chrono::steady_clock::now()) {
    place_.total = static_cast<int64_t>(tokens.size());
    place_.tokens_crc = tokens_crc(tokens);
    std::error_code ec;
    if (cp.restart || !std::filesystem::exists(path_, ec)) {
        if (cp.restart) checkpoint_remove(cp.store_path);
        return;
    }
    std::string why;
    try {
        StoredDocument found = store_load(path_, model);
        why = other_reading(found, reading, tokens, doc.prefix_len);
        if (why.empty()) found_ = std::move(found);
    } catch (const Error & e) {
        why = e.what();
    }
    if (found_) {
        cp.resumed_from = found_->unfinished->read;
        log()->info("going on with the reading of {} from its checkpoint: {} of {} tokens read", doc.source, cp.resumed_from, place_.total);
        return;
    }
    if (cp.refuse_other)
        fail(Status::BAD_INPUT, "the checkpoint " + path_ + " is of another reading (" + why +
                                    "); give --restart to start over (it is replaced), or read into another store");
    cp.not_used = why;
    log()->info("the checkpoint {} is not used ({}); the reading starts over", path_, why);
    checkpoint_remove(cp.store_path);
}

IngestPlaces CheckpointedReading::places() {
    IngestPlaces p;
    if (found_) {
        p.from = &found_->state;
        p.read = found_->unfinished->read;
    }
    p.due = [this](int64_t read, bool cancelling) { return due(read, cancelling); };
    p.save = [this](const MemoryState & state, int64_t read) { save(state, read); };
    return p;
}

bool CheckpointedReading::due(int64_t read, bool cancelling) {
    if (failed_ || read >= place_.total) return false; // the store itself comes next
    const double t = since(last_);
    if (cancelling) return t >= cp_.policy.on_cancel_after_s || cp_.policy.every_s <= 0;
    return cp_.policy.every_s <= 0 || (t >= cp_.policy.every_s && t * cp_.policy.max_share >= last_write_s_);
}

void CheckpointedReading::save(const MemoryState & state, int64_t read) {
    const auto t0 = std::chrono::steady_clock::now();
    ReadingPlace place = place_;
    place.read = read;
    doc_.unfinished = place;
    try {
        if (cp_.written == 0) remove_stale_temporaries(std::filesystem::path(path_).parent_path().string()); // a killed run's
        store_save(path_, doc_, state);
        ++cp_.written;
    } catch (const Error & e) {
        // A full disk, a removed folder: the reading goes on without checkpoints.
        failed_ = true;
        cp_.write_failed = e.what();
        log()->warn("the reading's checkpoint could not be written ({}); it goes on without", e.what());
    }
    doc_.unfinished.reset();
    last_ = std::chrono::steady_clock::now();
    last_write_s_ = std::chrono::duration<double>(last_ - t0).count();
}

void store_save_finished(const std::string & path, const StoredDocument & doc, const std::function<bool()> & cancelled) {
    try {
        store_save(path, doc, cancelled);
    } catch (const Error & e) {
        std::error_code ec;
        if (e.status() != Status::IO || !std::filesystem::exists(checkpoint_path(path), ec)) throw;
        log()->warn("the store {} did not fit beside its checkpoint ({}); writing it again without", path, e.what());
        checkpoint_remove(path);
        store_save(path, doc, cancelled);
    }
    checkpoint_remove(path);
}

} // namespace quire
