// The forward pass as generation sees it, whatever runs it: the CPU backend or the CUDA backend.
#pragma once

#include <exception>
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

// The GPU-or-CPU decision shared by the backends: whether to try the GPU for `what` (false for
// CPU; for AUTO without a usable device, saying why in the log; Error for CUDA when this build or
// device cannot). gpu_fallback, called in a catch block after a GPU attempt failed, rethrows for
// CUDA and logs the fallback to the CPU for AUTO.
bool gpu_wanted(BackendKind kind, const char * what);
bool gpu_use_bf16(const Model & model, GpuPrecision p); // AUTO: bf16 from a billion parameters
void gpu_fallback(BackendKind kind, const char * what, const std::exception & e);

// AUTO uses the GPU when this build has CUDA and a usable device, else the CPU (saying why in
// the log); CUDA fails with a clear Error if the GPU cannot be used.
std::unique_ptr<ForwardBackend> make_backend(const Model & model, int n_ctx, BackendKind kind, GpuPrecision precision = GpuPrecision::AUTO);

} // namespace quire
