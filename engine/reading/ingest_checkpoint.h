// Checkpoints of a reading, so that a reading stopped by a closed app, Ctrl+C, a crash, kill -9 or
// a power loss goes on where it stopped instead of starting over (a long book takes hours on a
// CPU). While a reading runs, its block memory is saved now and then beside the store it will
// write ("STORE.partial"): a block store of the part read so far, with the reading's place
// (ReadingPlace) in its metadata, written atomically like every store. A reading of the same
// document (the same tokens), model and settings that finds one goes on from it; its places are
// execution-block boundaries, so it ends with the very store an uninterrupted reading writes.
// store_save_finished removes the checkpoint once the store is saved.
#pragma once

#include "memory/block_store_file.h"
#include "reading/reader.h"

#include <chrono>

#include <optional>
#include <string>
#include <vector>

namespace quire {

struct CheckpointPolicy {
    double every_s = 300;           // at most this often; 0: after every execution block
    double max_share = 0.05;        // and at most this share of the reading's time spent writing them
    double on_cancel_after_s = 10;  // a cancelled reading keeps its place when it read this long since the last one
};

struct Checkpoints {
    std::string store_path; // the store the reading will write; empty: no checkpoints
    CheckpointPolicy policy;
    bool restart = false;      // start over: a checkpoint found is removed
    // A checkpoint of another reading (the document, model or settings changed, or it is damaged)
    // is an Error(BAD_INPUT) saying why (quire-cli: hours of reading are not thrown away unasked)
    // rather than replaced (the app).
    bool refuse_other = false;
    // Filled in by the reading: where it started (document tokens already read), how many
    // checkpoints it wrote, why a checkpoint found was not used, and the last write's failure
    // (a full disk: the reading goes on without checkpoints).
    int64_t resumed_from = 0;
    int written = 0;
    std::string not_used, write_failed;
};

std::string checkpoint_path(const std::string & store_path); // STORE.partial

// The place of the checkpoint beside store_path; none when there is none or it cannot be read.
std::optional<ReadingPlace> checkpoint_place(const std::string & store_path);

void checkpoint_remove(const std::string & store_path);

// What a checkpoint records of the document's tokens, to know it is the same document.
uint32_t tokens_crc(const std::vector<int> & tokens);

// For document_ingest: a reading of `tokens` into `doc` (its map, spans, model and chat frame set)
// with the configuration `reading` (reading_config), going on from the checkpoint beside
// cp.store_path when it is this reading's, and saving new ones by cp.policy.
class CheckpointedReading {
public:
    CheckpointedReading(const Model & model, const MemoryConfig & reading, const std::vector<int> & tokens, StoredDocument & doc, Checkpoints & cp);
    IngestPlaces places();

private:
    bool due(int64_t read, bool cancelling);
    void save(const MemoryState & state, int64_t read);
    StoredDocument & doc_;
    Checkpoints & cp_;
    std::string path_;
    ReadingPlace place_;
    std::optional<StoredDocument> found_;
    std::chrono::steady_clock::time_point last_;
    double last_write_s_ = 0;
    bool failed_ = false;
};

// store_save, then the checkpoint beside it is removed. When the disk is too full for the store
// beside its checkpoint, the checkpoint goes first and the store is written again.
void store_save_finished(const std::string & path, const StoredDocument & doc, const std::function<bool()> & cancelled = {});

} // namespace quire
