// The block store's file layout, shared by its writer (block_store_file.cpp) and reader
// (block_store_read.cpp); version 2 (version 1 plus the document map sections), little-endian:
//   header (64 bytes): "QUIRESTR", u32 version, u32 n_sections, u64 table_offset, u64 file_size,
//                      u32 table_crc, u32 header_crc (of the 36 bytes before it), zero padding
//   sections, each 64-byte aligned
//   table: n_sections x {u32 id, u32 layer, u64 offset, u64 size, u32 crc32, u32 reserved}
// The metadata section is JSON: model, config, dims, counts, source, the document's summary and
// outline, and a checkpoint's place ("unfinished").
#pragma once

#include <algorithm>
#include <cstdint>
#include <zlib.h>

namespace quire::store_format {

constexpr char kMagic[8] = {'Q', 'U', 'I', 'R', 'E', 'S', 'T', 'R'};
enum SectionId : uint32_t { META = 1, TOKENS = 2, SPANS = 3, BLOCKS = 4, LAYER = 5, BLOCKDATA = 6, DOC_TEXT = 7, DOC_PAGES = 8, DOC_WORDS = 9, DOC_STYLES = 10 };

#pragma pack(push, 1)
struct Header {
    char magic[8];
    uint32_t version;
    uint32_t n_sections;
    uint64_t table_offset;
    uint64_t file_size;
    uint32_t table_crc;
    uint32_t header_crc;
    uint8_t pad[24];
};
struct Entry {
    uint32_t id;
    uint32_t layer;
    uint64_t offset;
    uint64_t size;
    uint32_t crc;
    uint32_t reserved;
};
#pragma pack(pop)
static_assert(sizeof(Header) == 64 && sizeof(Entry) == 32);

inline uint32_t crc_of(uint32_t crc, const void * p, uint64_t n) {
    const auto * b = static_cast<const Bytef *>(p);
    while (n > 0) {
        const uInt chunk = static_cast<uInt>(std::min<uint64_t>(n, 1u << 30));
        crc = static_cast<uint32_t>(crc32(crc, b, chunk));
        b += chunk;
        n -= chunk;
    }
    return crc;
}

inline uint32_t crc_start() { return static_cast<uint32_t>(crc32(0, nullptr, 0)); }

} // namespace quire::store_format
