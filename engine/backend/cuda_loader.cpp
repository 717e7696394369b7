#include "backend/cuda_loader.h"

#include "core/log.h"
#include "backend/cuda_api.h"

#include <dlfcn.h>

#include <cstdlib>
#include <mutex>

namespace quire {

namespace {

struct Loaded {
    const CudaApi * api = nullptr;
    void * handle = nullptr;
    std::string why;
};

// Where the backend library is: $QUIRE_CUDA_BACKEND, else beside this (engine) library, as the
// build tree and the install (lib/<arch>/quire) both have it.
std::string backend_path() {
    if (const char * p = std::getenv("QUIRE_CUDA_BACKEND"); p && *p) return p;
    Dl_info info{};
    if (dladdr(reinterpret_cast<void *>(&cuda_device_status), &info) == 0 || !info.dli_fname) return "libquire-cuda.so";
    std::string self = info.dli_fname;
    const auto slash = self.rfind('/');
    return (slash == std::string::npos ? std::string() : self.substr(0, slash + 1)) + "libquire-cuda.so";
}

Loaded load() {
    Loaded l;
#ifndef QUIRE_BUILT_CUDA
    if (!std::getenv("QUIRE_CUDA_BACKEND")) {
        l.why = "this build of Quire has no CUDA backend";
        return l;
    }
#endif
    const std::string path = backend_path();
    // The handle stays open for the life of the process: the backend's objects live that long.
    void * h = dlopen(path.c_str(), RTLD_NOW | RTLD_LOCAL);
    if (!h) {
        const char * e = dlerror();
        l.why = "the CUDA backend could not be loaded (" + std::string(e ? e : path) + ")";
        return l;
    }
    using Entry = const CudaApi * (*)(int);
    auto entry = reinterpret_cast<Entry>(dlsym(h, "quire_cuda_api"));
    if (!entry) {
        l.why = path + " is not a Quire CUDA backend (no quire_cuda_api)";
        return l;
    }
    l.handle = h;
    l.api = entry(kCudaApiAbi);
    if (!l.api) l.why = path + " belongs to another version of Quire";
    else log()->debug("CUDA backend loaded from {}", path);
    return l;
}

const Loaded & loaded() {
    static std::once_flag once;
    static Loaded l;
    std::call_once(once, [] { l = load(); });
    return l;
}

} // namespace

const CudaApi * cuda_backend(std::string * why) {
    const Loaded & l = loaded();
    if (why) *why = l.why;
    return l.api;
}

void * cuda_backend_symbol(const char * name) {
    const Loaded & l = loaded();
    return l.api && l.handle ? dlsym(l.handle, name) : nullptr;
}

CudaDeviceInfo cuda_device_status() {
    std::string why;
    if (const CudaApi * api = cuda_backend(&why)) return api->device_info();
    CudaDeviceInfo d;
    d.error = why;
    return d;
}

} // namespace quire
