#include "cpu/panel_matmul.h"

#include "cpu/blas.h"

#include <cblas.h>
#include <omp.h>

#include <algorithm>
#include <vector>

namespace quire::cpu {

namespace {

struct Panel {
    const MatmulOut * out;
    int64_t r0, n;
};

// Rows per panel: enough panels for every thread to have two, else as many rows as 16 MiB of
// dequantised weights hold (the buffer each thread keeps), at most 1024 and at least 64: SGEMM
// packs the inputs again for every panel (on Qwen2.5-1.5B's shapes, one thread, 512 inputs:
// 1024-row panels 83-85 GFLOP/s against 79 with 256; 464 rows of 8960 columns 79-81 against
// 67-72 with 112).
int64_t panel_rows(int64_t total_rows, int64_t cols) {
    const int64_t threads = std::max(1, omp_get_max_threads());
    const int64_t want = (total_rows + 2 * threads - 1) / (2 * threads);
    const int64_t most = std::max<int64_t>(64, std::min<int64_t>(1024, (int64_t{4} << 20) / std::max<int64_t>(cols, 1)) / 16 * 16);
    return std::clamp<int64_t>((want + 15) / 16 * 16, 64, most);
}

void multiply(const float * X, int64_t T, int64_t cols, const Panel & p, std::vector<float> & buf) {
    const Tensor & W = *p.out->W;
    const float * B = W.f32_row(p.r0);
    int64_t ldb = static_cast<int64_t>(W.row_bytes / sizeof(float));
    if (!B) {
        buf.resize(static_cast<size_t>(p.n * cols));
        for (int64_t k = 0; k < p.n; ++k) W.dequantize_row(p.r0 + k, buf.data() + k * cols);
        B = buf.data();
        ldb = cols;
    }
    const int64_t rows = W.rows;
    float * Y = p.out->Y + p.r0;
    cblas_sgemm(CblasRowMajor, CblasNoTrans, CblasTrans, static_cast<blasint>(T), static_cast<blasint>(p.n), static_cast<blasint>(cols), 1.0f, X,
                static_cast<blasint>(cols), B, static_cast<blasint>(ldb), 0.0f, Y, static_cast<blasint>(rows));
    if (const Vector * bias = p.out->bias) {
        const float * b = bias->data() + p.r0;
        for (int64_t t = 0; t < T; ++t)
            for (int64_t k = 0; k < p.n; ++k) Y[t * rows + k] += b[k];
    }
}

} // namespace

void panel_matmul(const float * X, int64_t T, const MatmulOut * outs, size_t n_outs) {
    blas_single_threaded();
    const int64_t cols = outs[0].W->cols;
    int64_t total = 0;
    for (size_t j = 0; j < n_outs; ++j) total += outs[j].W->rows;
    const int64_t step = panel_rows(total, cols);
    std::vector<Panel> panels;
    for (size_t j = 0; j < n_outs; ++j)
        for (int64_t r = 0; r < outs[j].W->rows; r += step) panels.push_back({&outs[j], r, std::min(step, outs[j].W->rows - r)});
    const int64_t n = static_cast<int64_t>(panels.size());
#pragma omp parallel if (total * cols * T > 32768)
    {
        // Kept per thread between calls: a document's reading multiplies the same shapes again
        // and again (no page faults for a fresh buffer each time).
        thread_local std::vector<float> buf;
#pragma omp for schedule(dynamic, 1)
        for (int64_t i = 0; i < n; ++i) multiply(X, T, cols, panels[static_cast<size_t>(i)], buf);
    }
}

} // namespace quire::cpu
