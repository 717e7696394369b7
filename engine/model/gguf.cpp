// GGUF parsing with bounds checks on every read.
#include "model/gguf.h"

#include "core/error.h"
#include "model/ggml_type.h"

#include <cstring>

namespace quire {

namespace {

constexpr uint64_t kMaxString = 64ull << 20;  // 64 MiB: longer metadata strings are not real
constexpr uint32_t kMaxDims = 4;

const char * gguf_type_name(GgufType t) {
    switch (t) {
    case GgufType::UINT8: return "uint8";
    case GgufType::INT8: return "int8";
    case GgufType::UINT16: return "uint16";
    case GgufType::INT16: return "int16";
    case GgufType::UINT32: return "uint32";
    case GgufType::INT32: return "int32";
    case GgufType::FLOAT32: return "float32";
    case GgufType::BOOL: return "bool";
    case GgufType::STRING: return "string";
    case GgufType::ARRAY: return "array";
    case GgufType::UINT64: return "uint64";
    case GgufType::INT64: return "int64";
    case GgufType::FLOAT64: return "float64";
    }
    return "?";
}

size_t scalar_size(GgufType t) {
    switch (t) {
    case GgufType::UINT8: case GgufType::INT8: case GgufType::BOOL: return 1;
    case GgufType::UINT16: case GgufType::INT16: return 2;
    case GgufType::UINT32: case GgufType::INT32: case GgufType::FLOAT32: return 4;
    case GgufType::UINT64: case GgufType::INT64: case GgufType::FLOAT64: return 8;
    default: return 0;
    }
}

// A cursor over the file that refuses to read past its end.
struct Reader {
    const uint8_t * data;
    size_t size;
    size_t pos = 0;
    const GgufFile * owner;
    std::string_view what_file;

    [[noreturn]] void truncated(const char * what) const {
        fail(Status::BAD_INPUT, std::string(what_file) + ": truncated GGUF file (reading " + what + " at byte " +
                                    std::to_string(pos) + " of " + std::to_string(size) + ")");
    }
    void need(size_t n, const char * what) const {
        if (n > size - pos) truncated(what);
    }
    template <typename T> T read(const char * what) {
        need(sizeof(T), what);
        T v;
        std::memcpy(&v, data + pos, sizeof(T));
        pos += sizeof(T);
        return v;
    }
    std::string_view str(const char * what) {
        const auto n = read<uint64_t>(what);
        if (n > kMaxString) fail(Status::BAD_INPUT, std::string(what_file) + ": GGUF string of " + std::to_string(n) + " bytes (" + what + ") is implausibly long");
        need(static_cast<size_t>(n), what);
        std::string_view s(reinterpret_cast<const char *>(data + pos), static_cast<size_t>(n));
        pos += static_cast<size_t>(n);
        return s;
    }
};

void decode_scalar(GgufValue & v, GgufType t, const uint8_t * p) {
    v.type = t;
    switch (t) {
    case GgufType::UINT8: v.u = p[0]; break;
    case GgufType::INT8: v.i = static_cast<int8_t>(p[0]); break;
    case GgufType::BOOL: v.u = p[0] != 0; break;
    case GgufType::UINT16: { uint16_t x; std::memcpy(&x, p, 2); v.u = x; break; }
    case GgufType::INT16: { int16_t x; std::memcpy(&x, p, 2); v.i = x; break; }
    case GgufType::UINT32: { uint32_t x; std::memcpy(&x, p, 4); v.u = x; break; }
    case GgufType::INT32: { int32_t x; std::memcpy(&x, p, 4); v.i = x; break; }
    case GgufType::UINT64: { uint64_t x; std::memcpy(&x, p, 8); v.u = x; break; }
    case GgufType::INT64: { int64_t x; std::memcpy(&x, p, 8); v.i = x; break; }
    case GgufType::FLOAT32: { float x; std::memcpy(&x, p, 4); v.f = x; break; }
    case GgufType::FLOAT64: { double x; std::memcpy(&x, p, 8); v.f = x; break; }
    default: break;
    }
    switch (t) {
    case GgufType::UINT8: case GgufType::BOOL: case GgufType::UINT16: case GgufType::UINT32: case GgufType::UINT64:
        v.i = static_cast<int64_t>(v.u);
        v.f = static_cast<double>(v.u);
        break;
    case GgufType::INT8: case GgufType::INT16: case GgufType::INT32: case GgufType::INT64:
        v.u = v.i < 0 ? 0 : static_cast<uint64_t>(v.i);
        v.f = static_cast<double>(v.i);
        break;
    default: break;
    }
}

bool is_integer(GgufType t) {
    return t == GgufType::UINT8 || t == GgufType::INT8 || t == GgufType::UINT16 || t == GgufType::INT16 ||
           t == GgufType::UINT32 || t == GgufType::INT32 || t == GgufType::UINT64 || t == GgufType::INT64;
}

// Skip (and bounds-check) one value of type t; used for nested arrays we do not materialise.
void skip_value(Reader & r, GgufType t, int depth) {
    if (depth > 4) fail(Status::BAD_INPUT, std::string(r.what_file) + ": GGUF arrays nested too deeply");
    if (t == GgufType::STRING) {
        r.str("string");
    } else if (t == GgufType::ARRAY) {
        const auto et = static_cast<GgufType>(r.read<uint32_t>("array type"));
        const auto n = r.read<uint64_t>("array length");
        if (const size_t es = scalar_size(et)) {
            if (n > (r.size - r.pos) / es) r.truncated("array");
            r.pos += static_cast<size_t>(n) * es;
        } else {
            for (uint64_t k = 0; k < n; ++k) skip_value(r, et, depth + 1);
        }
    } else {
        const size_t es = scalar_size(t);
        if (es == 0) fail(Status::BAD_INPUT, std::string(r.what_file) + ": unknown GGUF value type " + std::to_string(static_cast<uint32_t>(t)));
        r.need(es, "value");
        r.pos += es;
    }
}

} // namespace

GgufFile::GgufFile(const std::string & path) : file_(path), name_(path) { parse(file_.data(), file_.size()); }

GgufFile::GgufFile(const uint8_t * data, size_t size, std::string name) : name_(std::move(name)) { parse(data, size); }

void GgufFile::bad(const std::string & what) const { fail(Status::BAD_INPUT, name_ + ": " + what); }

void GgufFile::parse(const uint8_t * data, size_t size) {
    Reader r{data, size, 0, this, name_};
    if (size < 4 || std::memcmp(data, "GGUF", 4) != 0) bad("not a GGUF file (wrong magic)");
    r.pos = 4;
    version_ = r.read<uint32_t>("version");
    if (version_ == 1) fail(Status::UNSUPPORTED, name_ + ": GGUF version 1 is obsolete; convert the model again");
    if (version_ != 2 && version_ != 3) fail(Status::UNSUPPORTED, name_ + ": unsupported GGUF version " + std::to_string(version_));
    const auto n_tensors = r.read<uint64_t>("tensor count");
    const auto n_kv = r.read<uint64_t>("metadata count");
    // Every entry needs at least a few bytes: reject counts the file cannot hold before allocating.
    if (n_kv > (size - r.pos) / 12) bad("metadata count " + std::to_string(n_kv) + " does not fit in the file");
    if (n_tensors > (size - r.pos) / 24) bad("tensor count " + std::to_string(n_tensors) + " does not fit in the file");

    for (uint64_t k = 0; k < n_kv; ++k) {
        std::string key(r.str("metadata key"));
        const auto t = static_cast<GgufType>(r.read<uint32_t>("metadata type"));
        GgufValue v;
        v.type = t;
        if (t == GgufType::STRING) {
            v.s = r.str("metadata string");
        } else if (t == GgufType::ARRAY) {
            v.elem_type = static_cast<GgufType>(r.read<uint32_t>("array type"));
            v.count = r.read<uint64_t>("array length");
            if (v.elem_type == GgufType::STRING) {
                if (v.count > (size - r.pos) / 8) r.truncated("string array");
                v.strings.reserve(static_cast<size_t>(v.count));
                for (uint64_t e = 0; e < v.count; ++e) v.strings.push_back(r.str("array string"));
            } else if (const size_t es = scalar_size(v.elem_type)) {
                if (v.count > (size - r.pos) / es) r.truncated("array");
                v.elems = data + r.pos;
                r.pos += static_cast<size_t>(v.count) * es;
            } else if (v.elem_type == GgufType::ARRAY) {
                for (uint64_t e = 0; e < v.count; ++e) skip_value(r, GgufType::ARRAY, 1);
            } else {
                bad("key '" + key + "': unknown array element type " + std::to_string(static_cast<uint32_t>(v.elem_type)));
            }
        } else if (const size_t es = scalar_size(t)) {
            r.need(es, "metadata value");
            decode_scalar(v, t, data + r.pos);
            r.pos += es;
        } else {
            bad("key '" + key + "': unknown value type " + std::to_string(static_cast<uint32_t>(t)));
        }
        if (kv_.count(key)) bad("duplicate metadata key '" + key + "'");
        key_order_.push_back(key);
        kv_.emplace(std::move(key), std::move(v));
    }

    if (auto a = get_uint("general.alignment")) {
        if (*a == 0 || (*a & (*a - 1)) != 0 || *a > (1u << 20)) bad("general.alignment " + std::to_string(*a) + " is not a power of two");
        alignment_ = *a;
    }

    tensors_.reserve(static_cast<size_t>(n_tensors));
    for (uint64_t k = 0; k < n_tensors; ++k) {
        GgufTensor t;
        t.name = std::string(r.str("tensor name"));
        t.n_dims = r.read<uint32_t>("tensor dims");
        if (t.n_dims == 0 || t.n_dims > kMaxDims) bad("tensor '" + t.name + "' has " + std::to_string(t.n_dims) + " dimensions");
        uint64_t elems = 1;
        for (uint32_t d = 0; d < t.n_dims; ++d) {
            t.ne[d] = r.read<uint64_t>("tensor shape");
            if (t.ne[d] == 0 || t.ne[d] > (1ull << 40) || elems > (1ull << 48) / t.ne[d])
                bad("tensor '" + t.name + "' has absurd dimension " + std::to_string(t.ne[d]));
            elems *= t.ne[d];
        }
        t.type = r.read<uint32_t>("tensor type");
        t.offset = r.read<uint64_t>("tensor offset");
        auto info = ggml_type_info(t.type);
        if (!info) fail(Status::UNSUPPORTED, name_ + ": tensor '" + t.name + "' has unknown type id " + std::to_string(t.type));
        auto row = ggml_row_bytes(static_cast<GgmlType>(t.type), t.ne[0]);
        if (!row) bad("tensor '" + t.name + "': row of " + std::to_string(t.ne[0]) + " is not a whole number of " + info->name + " blocks");
        t.nbytes = *row * (elems / t.ne[0]);
        if (tensor_index_.count(t.name)) bad("duplicate tensor '" + t.name + "'");
        tensor_index_.emplace(t.name, tensors_.size());
        tensors_.push_back(std::move(t));
    }

    const uint64_t data_start = (r.pos + alignment_ - 1) / alignment_ * alignment_;
    if (data_start > size && !tensors_.empty()) bad("truncated GGUF file: no tensor data section");
    // The whole file's length, as the header describes it (offsets and sizes are bounded above,
    // so the sum cannot overflow): a file cut short says how much of it is there.
    uint64_t need = data_start;
    for (const auto & t : tensors_)
        if (t.offset <= (1ull << 50)) need = std::max(need, data_start + t.offset + t.nbytes);
    if (need > size)
        bad("the file is truncated or corrupt: its header describes " + std::to_string(need) + " bytes, the file has " +
            std::to_string(size) + " (" + std::to_string(size * 100 / need) + "%)");
    for (auto & t : tensors_) {
        if (t.offset % alignment_ != 0) bad("tensor '" + t.name + "' offset " + std::to_string(t.offset) + " is not aligned");
        if (t.offset > size || t.nbytes > size || data_start > size - t.nbytes || t.offset > size - t.nbytes - data_start)
            bad("tensor '" + t.name + "' data (offset " + std::to_string(t.offset) + ", " + std::to_string(t.nbytes) +
                " bytes) lies past the end of the file (" + std::to_string(size) + " bytes): the file is truncated or corrupt");
        t.data = data + data_start + t.offset;
    }
}

const GgufValue * GgufFile::find(std::string_view key) const {
    auto it = kv_.find(std::string(key));
    return it == kv_.end() ? nullptr : &it->second;
}

std::optional<uint64_t> GgufFile::get_uint(std::string_view key) const {
    const auto * v = find(key);
    if (!v) return std::nullopt;
    if (!is_integer(v->type)) bad("metadata '" + std::string(key) + "' should be an integer, is " + gguf_type_name(v->type));
    if (v->i < 0 && v->type != GgufType::UINT64) bad("metadata '" + std::string(key) + "' is negative");
    return v->u;
}

std::optional<double> GgufFile::get_float(std::string_view key) const {
    const auto * v = find(key);
    if (!v) return std::nullopt;
    if (v->type != GgufType::FLOAT32 && v->type != GgufType::FLOAT64 && !is_integer(v->type))
        bad("metadata '" + std::string(key) + "' should be a number, is " + gguf_type_name(v->type));
    return v->f;
}

std::optional<bool> GgufFile::get_bool(std::string_view key) const {
    const auto * v = find(key);
    if (!v) return std::nullopt;
    if (v->type != GgufType::BOOL) bad("metadata '" + std::string(key) + "' should be a bool, is " + gguf_type_name(v->type));
    return v->u != 0;
}

std::optional<std::string> GgufFile::get_string(std::string_view key) const {
    const auto * v = find(key);
    if (!v) return std::nullopt;
    if (v->type != GgufType::STRING) bad("metadata '" + std::string(key) + "' should be a string, is " + gguf_type_name(v->type));
    return std::string(v->s);
}

std::vector<float> GgufFile::get_float_array(std::string_view key) const {
    const auto * v = find(key);
    if (!v) return {};
    if (v->type != GgufType::ARRAY || (v->elem_type != GgufType::FLOAT32 && v->elem_type != GgufType::FLOAT64))
        bad("metadata '" + std::string(key) + "' should be an array of floats");
    std::vector<float> out(static_cast<size_t>(v->count));
    const size_t es = scalar_size(v->elem_type);
    for (size_t e = 0; e < out.size(); ++e) {
        GgufValue x;
        decode_scalar(x, v->elem_type, v->elems + e * es);
        out[e] = static_cast<float>(x.f);
    }
    return out;
}

std::vector<int32_t> GgufFile::get_int_array(std::string_view key) const {
    const auto * v = find(key);
    if (!v) return {};
    if (v->type != GgufType::ARRAY || !is_integer(v->elem_type)) bad("metadata '" + std::string(key) + "' should be an array of integers");
    std::vector<int32_t> out(static_cast<size_t>(v->count));
    const size_t es = scalar_size(v->elem_type);
    for (size_t e = 0; e < out.size(); ++e) {
        GgufValue x;
        decode_scalar(x, v->elem_type, v->elems + e * es);
        out[e] = static_cast<int32_t>(x.i);
    }
    return out;
}

const std::vector<std::string_view> * GgufFile::get_string_array(std::string_view key) const {
    const auto * v = find(key);
    if (!v) return nullptr;
    if (v->type != GgufType::ARRAY || v->elem_type != GgufType::STRING) bad("metadata '" + std::string(key) + "' should be an array of strings");
    return &v->strings;
}

const GgufTensor * GgufFile::tensor(std::string_view name) const {
    auto it = tensor_index_.find(std::string(name));
    return it == tensor_index_.end() ? nullptr : &tensors_[it->second];
}

} // namespace quire
