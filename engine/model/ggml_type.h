// The tensor element types of GGML/GGUF files: sizes, names, and dequantisation to fp32.
// Block layouts follow the GGUF specification and ggml's reference (quantised types pack
// a block of elements with one or more fp16 scales).
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>

namespace quire {

enum class GgmlType : uint32_t {
    F32 = 0, F16 = 1, Q4_0 = 2, Q4_1 = 3, Q5_0 = 6, Q5_1 = 7, Q8_0 = 8, Q8_1 = 9,
    Q2_K = 10, Q3_K = 11, Q4_K = 12, Q5_K = 13, Q6_K = 14, Q8_K = 15,
    BF16 = 30,
};

struct GgmlTypeInfo {
    const char * name;
    uint32_t block_elems; // elements per block (1 for plain types)
    uint32_t block_bytes; // bytes per block
    bool can_dequantize;  // whether this engine can convert it to fp32
};

// Info for a raw type id from a file, or nullopt for ids this engine does not know.
std::optional<GgmlTypeInfo> ggml_type_info(uint32_t type);
std::string ggml_type_name(uint32_t type);

// Bytes of a row of n elements; nullopt if n is not a whole number of blocks or overflows.
std::optional<uint64_t> ggml_row_bytes(GgmlType type, uint64_t n);

// Convert n elements (a whole number of blocks) starting at src to fp32.
void ggml_dequantize(GgmlType type, const void * src, float * dst, uint64_t n);

} // namespace quire
