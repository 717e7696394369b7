// Memory blocks in their storage type: storing blocks cut from the window (F32/BF16 copy, or fp8
// e4m3 with a per-block scale amax/448), and gathering the selected blocks of a step into one
// contiguous key/value segment in the compute type. Block pointers may point into device memory
// or into mapped pinned host memory (blocks offloaded past the GPU budget): the gather reads
// them in place over the bus.
#pragma once
#include "kv_type.cuh"

namespace quire {

// Store n_blocks consecutive blocks of src ([n_blocks][block_elems] in ct) to dst[b * stride]
// (st); for FP8, scale[b * stride] receives the block's scale (scale may be null otherwise) and
// amax is scratch of n_blocks floats. dst and scale are device arrays (block tables of
// [block][layer] entries: stride = layers). Many CTAs per block (a block is 10^5 elements).
cudaError_t launch_blocks_store(const void * src, KvType ct, void * const * dst, float * scale, int stride, KvType st, int n_blocks,
                                long long block_elems, float * amax, cudaStream_t stream);
// The same for several sources at once (the keys and values of every layer when blocks are cut):
// set i stores src to dst[b * stride], scale[b * stride]; amax is scratch of n_sets * n_blocks.
constexpr int kBlockStoreSets = 128;
struct BlockStoreSet {
    const void * src;
    void * const * dst;
    float * scale;
};
struct BlockStoreSets {
    BlockStoreSet s[kBlockStoreSets];
};
cudaError_t launch_blocks_store_sets(const BlockStoreSets & sets, int n_sets, KvType ct, int stride, KvType st, int n_blocks, long long block_elems,
                                     float * amax, cudaStream_t stream);

struct GatherParams {
    const void * const * k;   // per block id b: k[b * stride] points to its keys [block_elems] in st
    const void * const * v;
    const float * k_scale;    // k_scale[b * stride] (FP8 only)
    const float * v_scale;
    int stride;
    const int * sel;          // [n_sel] selected block ids (device)
    int n_sel;
    long long block_elems;
    KvType st, ct;
    void * dst_k, * dst_v;    // ct; block i goes to element offset dst_offset + i * block_elems
    long long dst_offset;
};
cudaError_t launch_blocks_gather(const GatherParams & p, cudaStream_t stream);

} // namespace quire
