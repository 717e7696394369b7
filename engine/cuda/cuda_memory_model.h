// The block-memory forward pass on the GPU (the CUDA twin of cpu/memory_model.h): sinks, the
// top-k memory blocks chosen on the device by s(B) = s(B,H) + beta * s(B,Q), the local window
// and the causal current tokens in ONE softmax per head, memory keys at the fixed RoPE distance.
// Attention runs as batched tensor-core GEMMs over a gathered key segment (memory) and the
// window (local), with a masked softmax that also accumulates each key's local score.
// Blocks live in a GpuBlockPool (GPU up to a budget, then pinned host memory; fp8 optional).
// Nothing waits for the host within a step except question steps (the question vector, once
// per question) and traces; TOKEN steps replay a captured CUDA graph (step_graph.h).
// The parts: the local window (gpu_window.h), the block tables and cache (gpu_block_table.h),
// word-match anchors (gpu_anchors.h), the ids in and logits or picks out (gpu_step_io.h), pinned
// staging (host_stager.h), the graph (step_graph.h); the files: this step and its head (cuda_memory_model.cpp), the
// layer loop and its attention (cuda_memory_layers.cpp), the window and block cutting
// (cuda_memory_trim.cpp), forks and host copies (cuda_memory_state.cpp).
#pragma once

#include "backend/memory_backend.h"
#include "cuda/device_buffer.h"
#include "cuda/gpu_anchors.h"
#include "cuda/gpu_block_table.h"
#include "cuda/gpu_gemm.h"
#include "cuda/gpu_step_io.h"
#include "cuda/gpu_weights.h"
#include "cuda/gpu_window.h"
#include "cuda/host_stager.h"
#include "cuda/phase_timer.h"
#include "cuda/step_graph.h"
#include "kv_type.cuh"
#include "memory/memory_config.h"
#include "memory/memory_state.h"
#include "memory/retrieval_trace.h"
#include "memory/step_plan.h"
#include "sampling/sampler.h"

#include <memory>
#include <vector>

namespace quire {

struct CudaMemoryOptions {
    bool kv_fp8 = false;                  // store blocks as fp8 e4m3 with per-block scales (bf16 weights only)
    uint64_t block_budget = UINT64_MAX;   // GPU bytes for block K/V; beyond it pinned host memory
    bool host_offload = true;
    uint64_t cache_bytes = UINT64_MAX;    // GPU slots caching host-resident blocks (UINT64_MAX: 4 x topk x layers pairs)
    bool graphs = true;                   // TOKEN steps as captured CUDA graphs
    bool flash = true;                    // reading steps (16+ tokens) through the flash kernel (bf16, head dim 64 or 128)
    bool decode_kernel = false;           // T = 1 steps through the split-key decode kernel (else batched GEMMs; faster inside graphs)
    bool custom_gemv = true;              // T = 1 products through kernels/gemv.cu (else cuBLAS's GEMV)
};

class CudaMemoryModel : public MemoryBackend {
public:
    CudaMemoryModel(std::shared_ptr<const GpuWeights> weights, const MemoryConfig & cfg, const CudaMemoryOptions & opt = {});
    ~CudaMemoryModel() override;
    CudaMemoryModel(const CudaMemoryModel &) = delete;
    CudaMemoryModel & operator=(const CudaMemoryModel &) = delete;

    // Feed one execution block (at most cfg.exc_block_size tokens, or 1). Returns the last
    // token's logits when want_logits. Fills trace (if given) with the lookup.
    std::vector<float> step(const std::vector<int> & tokens, StepKind kind, bool want_logits, RetrievalStep * trace = nullptr) override;
    // Greedy decoding entirely on the device: feeds `token` (or, with token < 0, the previous
    // call's pick, which never left the device) and returns the argmax of the next logits.
    int step_greedy(int token, RetrievalStep * trace = nullptr);
    // The same with temperature / top-k / top-p sampling on the device, drawing with the uniform
    // number r (Sampler::next_uniform of the caller's sampler). Needs repeat_penalty 1 and top_k in
    // 1..256 (device_sampling_ok); temperature 0 is greedy.
    int step_sample(int token, const SamplerParams & sp, double r, RetrievalStep * trace = nullptr);
    static bool device_sampling_ok(const SamplerParams & sp);
    bool picks_on_device(const SamplerParams & sp) const override { return device_sampling_ok(sp); }
    int step_pick(int token, const SamplerParams & sp, double r, RetrievalStep * trace) override { return step_sample(token, sp, r, trace); }

    // A session that shares this state's blocks (read-only) and cuts new ones into its own pool.
    std::unique_ptr<CudaMemoryModel> fork() const;
    // Copy to / from the host representation (store files, the CPU backend).
    void download(MemoryState & host) const;
    void upload(const MemoryState & host);

    const MemoryConfig & config() const override { return cfg_; }
    std::vector<MemoryBlock> memory_blocks() const override { return blocks_; }
    std::vector<int> consumed_tokens() const override { return tokens_; }
    void to_host(MemoryState & out) const override { download(out); }
    const char * name() const override { return "cuda"; }
    MemoryConfig & cfg() { return cfg_; }
    const MemoryConfig & cfg() const { return cfg_; }
    void clear_question() { has_qvec_ = false; }
    int64_t n_tokens() const { return n_tokens_; }
    int n_blocks() const { return static_cast<int>(blocks_.size()); }
    const std::vector<MemoryBlock> & blocks() const { return blocks_; }
    const std::vector<int> & tokens() const { return tokens_; }
    // GPU bytes for blocks cut from now on (beyond it: pinned host memory).
    void set_block_budget(uint64_t bytes) { table_->set_block_budget(bytes); }
    // GPU bytes for the cache of host-resident blocks (takes effect when offloading begins).
    void set_cache_bytes(uint64_t bytes) {
        opt_.cache_bytes = bytes;
        table_->set_cache_bytes(bytes);
    }
    // Wait for the queued work (steps return before the GPU finishes unless they return data).
    void synchronize();
    uint64_t block_device_bytes() const { return table_->device_bytes(); }
    uint64_t block_host_bytes() const { return table_->host_bytes(); }
    // GPU bytes of the block representatives and scores (capacity, not use), and of the cache slots.
    uint64_t repr_device_bytes() const;
    uint64_t cache_device_bytes() const { return table_->cache_device_bytes(); }
    uint64_t cache_hits() const { return table_->cache_hits(); }
    uint64_t cache_misses() const { return table_->cache_misses(); }

private:
    struct Layer {
        DeviceBuffer<unsigned char> mem_k, mem_v;              // [n_init + topk * bs][kvd]: sinks, then the gathered blocks
        DeviceBuffer<float> repr;                              // [blk_cap][q_dim]
        DeviceBuffer<float> qvec;                              // [q_dim]
        DeviceBuffer<float> s_h, s_q, combined;                // [blk_cap] last step's scores
        DeviceBuffer<int> sel;                                 // [topk]
    };
public:
    static constexpr int kForkBlockHeadroom = 16; // representatives a fork holds room for beyond its parent's blocks
    // Capacity of the representatives after growing to n blocks (block by block), and the one before the last growth.
    static void repr_capacity(int n, int & cap, int & prev);

private:
    static constexpr int kFlashMinRows = 16; // smaller steps take the batched-GEMM attention
    bool flash_on() const; // the flash kernel takes reading steps of kFlashMinRows+ tokens
    void mul_ct(int T, const GpuMatrix & w, float * y); // b_.xb . w^T into y, in the compute type
    void alloc_state();
    void ensure_block_capacity(int n);
    // One step's layers as named ops (cuda_memory_layers.cpp).
    void run_layers(int T, StepKind kind, int n_loc_cols);
    void embed(int T);
    void select_blocks(int l, int T, const StepShape & shape);
    void attend(int l, int T, const StepShape & shape);
    void feed_forward(int l, int T);
    enum class Head { LOGITS, GREEDY, SAMPLE };
    void head(Head mode, int T);
    int step_pick(int token, Head mode, RetrievalStep * trace);
    StepShape shape_of(StepKind kind, int T, int n_loc_cols) const;
    // The window and block cutting (cuda_memory_trim.cpp).
    void trim();
    void set_counters();
    void finish_step(const std::vector<int> & tokens, StepKind kind, RetrievalStep * trace);
    void fill_trace(RetrievalStep & tr, StepKind kind, int T) const;
    void question_vector(int l, int T);
    void launch_graph(Head mode);
    void copy_state_from(const CudaMemoryModel & o);
    void cache_after_step(int n_sel);
    void staged_copy(void * dst, const void * src, size_t n) { stage_->copy(dst, src, n); }

    std::shared_ptr<const GpuWeights> w_;
    const HParams & hp_;
    MemoryConfig cfg_;
    CudaMemoryOptions opt_;
    KvType ct_, st_;
    int mem_cap_ = 0, max_T_ = 0, blk_cap_ = 0;
    cudaStream_t stream_ = nullptr;
    std::unique_ptr<GpuGemm> gemm_;
    std::unique_ptr<PhaseTimer> prof_;
    std::unique_ptr<HostStager> stage_;
    DeviceBuffer<unsigned char> blas_ws_;
    std::vector<Layer> layers_;
    GpuWindow win_; // the local window (gpu_window.h)
    std::unique_ptr<GpuBlockTable> table_;
    // Host mirror.
    int64_t n_tokens_ = 0;
    int n_sink_ = 0;
    bool has_qvec_ = false;
    std::vector<MemoryBlock> blocks_;
    std::vector<int> tokens_;
    GpuAnchors anchors_; // word-match anchors (gpu_anchors.h)
    void update_anchors(const std::vector<int> * question) { anchors_.update(cfg_, blocks_, tokens_, question, *stage_); }
    // A step's working buffers on the device (sized for an execution block in alloc_state).
    struct StepBuffers {
        DeviceBuffer<float> x, qkv, q, qm, kr, atth, o, gu, s, qmean, logits, amax, part, stats;
        DeviceBuffer<float2> rope;                  // the step's RoPE rotations (launch_rope_table)
        DeviceBuffer<unsigned char> xb, qh, qmh, p; // xb: the next GEMM's input in the compute type
    };
    StepBuffers b_;
    DeviceBuffer<StepCounters> ctr_; // the step's position and window size, on the device
    GpuStepIo io_;                   // token ids in, logits or the device's pick out
    StepGraph graph_;                // the captured TOKEN step
};

} // namespace quire
