// The forward pass as generation sees it, whatever runs it: the CPU backend or the CUDA backend.
#pragma once

#include <memory>
#include <string>
#include <vector>

namespace quire {

struct Model;

class ForwardBackend {
public:
    virtual ~ForwardBackend() = default;
    // Run tokens at positions n_past().. and append them to the cache; the last token's logits,
    // and with all_logits every token's.
    virtual std::vector<float> eval(const std::vector<int> & tokens, std::vector<float> * all_logits = nullptr) = 0;
    virtual int n_past() const = 0;
    virtual int n_ctx() const = 0;
    virtual const char * name() const = 0;
};

enum class BackendKind { AUTO, CPU, CUDA };

// GPU weight precision. AUTO: fp32 for models under a billion parameters (exact agreement
// with the CPU), bf16 above (half the memory, tensor cores).
enum class GpuPrecision { AUTO, FP32, BF16 };

// "auto", "cpu" or "cuda"; throws Error(BAD_INPUT) otherwise.
BackendKind backend_kind_from_string(const std::string & s);

// AUTO uses the GPU when this build has CUDA and a usable device, else the CPU (saying why in
// the log); CUDA fails with a clear Error if the GPU cannot be used.
std::unique_ptr<ForwardBackend> make_backend(const Model & model, int n_ctx, BackendKind kind, GpuPrecision precision = GpuPrecision::AUTO);

} // namespace quire
