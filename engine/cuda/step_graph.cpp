#include "cuda/step_graph.h"

#include "cuda/cuda_check.h"

namespace quire {

StepGraph::~StepGraph() {
    if (exec_) cudaGraphExecDestroy(exec_);
}

void StepGraph::capture(cudaStream_t stream, const Key & key, PhaseTimer & timer, const std::function<void()> & record) {
    if (exec_) CUDA_CHECK(cudaGraphExecDestroy(exec_));
    exec_ = nullptr;
    cudaGraph_t g = nullptr;
    timer.collect();
    timer.pause(true);
    CUDA_CHECK(cudaStreamBeginCapture(stream, cudaStreamCaptureModeThreadLocal));
    try {
        record();
    } catch (...) {
        timer.pause(false);
        cudaStreamEndCapture(stream, &g);
        if (g) cudaGraphDestroy(g);
        throw;
    }
    CUDA_CHECK(cudaStreamEndCapture(stream, &g));
    timer.pause(false);
    const cudaError_t e = cudaGraphInstantiate(&exec_, g, 0);
    cudaGraphDestroy(g);
    CUDA_CHECK(e);
    key_ = key;
}

void StepGraph::replay(cudaStream_t stream, PhaseTimer & timer) {
    timer.mark("start");
    CUDA_CHECK(cudaGraphLaunch(exec_, stream));
    timer.mark("graph step");
}

} // namespace quire

