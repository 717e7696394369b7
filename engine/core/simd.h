// QUIRE_CLONES: build a hot numeric function for AVX2 as well as the baseline x86-64, the right
// one picked at load time. Under AddressSanitizer such innermost arithmetic loops (which only
// read buffers whose sizes their callers check) are left uninstrumented instead: instrumented,
// a real model's test takes minutes.
#pragma once

#if defined(__x86_64__) && defined(__GNUC__) && !defined(__SANITIZE_ADDRESS__) && !defined(__clang__)
#define QUIRE_CLONES __attribute__((target_clones("avx2", "default")))
#elif defined(__SANITIZE_ADDRESS__)
#define QUIRE_CLONES __attribute__((no_sanitize("address")))
#else
#define QUIRE_CLONES
#endif
