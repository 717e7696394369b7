// GGUF (v2, v3) reader over a memory-mapped file: metadata key/values, the tensor directory and
// tensor data. Every count, size and offset is checked against the file before use, so a
// truncated or hostile file yields Error(BAD_INPUT) naming the file, never a crash.
#pragma once

#include "core/mapped_file.h"

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace quire {

enum class GgufType : uint32_t {
    UINT8 = 0, INT8 = 1, UINT16 = 2, INT16 = 3, UINT32 = 4, INT32 = 5, FLOAT32 = 6, BOOL = 7,
    STRING = 8, ARRAY = 9, UINT64 = 10, INT64 = 11, FLOAT64 = 12,
};

// One metadata value. Scalars are decoded; arrays point into the mapped file.
struct GgufValue {
    GgufType type = GgufType::UINT8;
    uint64_t u = 0;   // unsigned integers and bool
    int64_t i = 0;    // signed integers (also set for unsigned values that fit)
    double f = 0.0;   // floats (also set for integers)
    std::string_view s; // strings
    GgufType elem_type = GgufType::UINT8; // arrays: element type
    uint64_t count = 0;                   // arrays: element count
    const uint8_t * elems = nullptr;      // arrays of numbers: first element
    std::vector<std::string_view> strings; // arrays of strings
};

struct GgufTensor {
    std::string name;
    uint32_t type = 0;           // raw ggml type id
    uint32_t n_dims = 0;
    uint64_t ne[4] = {1, 1, 1, 1}; // ne[0] is the fastest-varying (row length)
    uint64_t offset = 0;           // relative to the data section
    uint64_t nbytes = 0;
    const uint8_t * data = nullptr;
    uint64_t n_elements() const { return ne[0] * ne[1] * ne[2] * ne[3]; }
};

class GgufFile {
public:
    explicit GgufFile(const std::string & path);               // maps and parses the file
    GgufFile(const uint8_t * data, size_t size, std::string name); // parses a buffer (fuzzing, tests)

    uint32_t version() const { return version_; }
    uint64_t alignment() const { return alignment_; }
    const std::string & path() const { return name_; }

    const GgufValue * find(std::string_view key) const;
    const std::vector<std::string> & keys() const { return key_order_; }

    // Typed getters; a missing key gives nullopt, a key of the wrong type an Error(BAD_INPUT).
    std::optional<uint64_t> get_uint(std::string_view key) const;
    std::optional<double> get_float(std::string_view key) const;
    std::optional<bool> get_bool(std::string_view key) const;
    std::optional<std::string> get_string(std::string_view key) const;
    std::vector<float> get_float_array(std::string_view key) const;   // empty if missing
    std::vector<int32_t> get_int_array(std::string_view key) const;   // empty if missing
    const std::vector<std::string_view> * get_string_array(std::string_view key) const;

    const std::vector<GgufTensor> & tensors() const { return tensors_; }
    const GgufTensor * tensor(std::string_view name) const;

private:
    void parse(const uint8_t * data, size_t size);
    [[noreturn]] void bad(const std::string & what) const;

    MappedFile file_;
    std::string name_;
    uint32_t version_ = 0;
    uint64_t alignment_ = 32;
    std::unordered_map<std::string, GgufValue> kv_;
    std::vector<std::string> key_order_;
    std::vector<GgufTensor> tensors_;
    std::unordered_map<std::string, size_t> tensor_index_;
};

} // namespace quire
