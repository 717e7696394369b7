// safetensors parsing with bounds checks.
#include "model/safetensors.h"

#include "core/error.h"
#include "model/ggml_type.h"

#include <cstring>
#include <nlohmann/json.hpp>

namespace quire {

SafetensorsFile::SafetensorsFile(const std::string & path) : file_(path) {
    const size_t size = file_.size();
    if (size < 8) fail(Status::BAD_INPUT, path + ": truncated safetensors file");
    uint64_t n;
    std::memcpy(&n, file_.data(), 8);
    if (n > size - 8 || n > (100u << 20)) fail(Status::BAD_INPUT, path + ": safetensors header length " + std::to_string(n) + " exceeds the file");
    const uint64_t data_start = 8 + n;
    nlohmann::json h;
    try {
        h = nlohmann::json::parse(reinterpret_cast<const char *>(file_.data() + 8), reinterpret_cast<const char *>(file_.data() + data_start));
    } catch (const nlohmann::json::exception & e) {
        fail(Status::BAD_INPUT, path + ": malformed safetensors header: " + e.what());
    }
    if (!h.is_object()) fail(Status::BAD_INPUT, path + ": safetensors header is not an object");
    for (auto it = h.begin(); it != h.end(); ++it) {
        if (it.key() == "__metadata__") continue;
        const auto & e = it.value();
        try {
            const std::string dtype = e.at("dtype").get<std::string>();
            SourceTensor st;
            st.stored_name = it.key();
            if (dtype == "F32") st.type = static_cast<uint32_t>(GgmlType::F32);
            else if (dtype == "F16") st.type = static_cast<uint32_t>(GgmlType::F16);
            else if (dtype == "BF16") st.type = static_cast<uint32_t>(GgmlType::BF16);
            else fail(Status::UNSUPPORTED, path + ": tensor '" + it.key() + "' has dtype " + dtype + " (supported: F32, F16, BF16)");
            const auto shape = e.at("shape").get<std::vector<uint64_t>>();
            uint64_t elems = 1;
            for (auto it2 = shape.rbegin(); it2 != shape.rend(); ++it2) {
                if (*it2 == 0 || *it2 > (1ull << 40) || elems > (1ull << 48) / *it2) fail(Status::BAD_INPUT, path + ": tensor '" + it.key() + "' has an absurd shape");
                elems *= *it2;
                st.ne.push_back(*it2);
            }
            if (st.ne.empty()) st.ne.push_back(1);
            const auto off = e.at("data_offsets").get<std::vector<uint64_t>>();
            const uint64_t es = ggml_type_info(st.type)->block_bytes;
            if (off.size() != 2 || off[1] < off[0] || off[1] - off[0] != elems * es || off[1] > size - data_start)
                fail(Status::BAD_INPUT, path + ": tensor '" + it.key() + "' data lies outside the file or disagrees with its shape");
            st.data = file_.data() + data_start + off[0];
            st.nbytes = off[1] - off[0];
            tensors_.push_back(std::move(st));
        } catch (const nlohmann::json::exception & ex) {
            fail(Status::BAD_INPUT, path + ": malformed entry for tensor '" + it.key() + "': " + ex.what());
        }
    }
}

} // namespace quire
