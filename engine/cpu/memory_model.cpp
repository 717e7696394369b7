// Memory-aware forward pass.
#include "cpu/memory_model.h"

#include "core/error.h"
#include "cpu/attention_tile.h"
#include "cpu/layer_steps.h"
#include "cpu/ops.h"
#include "model/tensor_source.h"
#include "memory/block_select.h"
#include "memory/step_plan.h"

#include <algorithm>
#include <cmath>
#include <cstring>

namespace quire {

MemoryModel::MemoryModel(const Model & model, MemoryState & state) : m_(model), hp_(model.hp), st_(state), inv_freq_(rope_inv_freq(model.hp)) {
    if (m_.w.layers.empty()) fail(Status::INTERNAL, "model was loaded without weights");
    if (st_.n_layer != hp_.n_layer || st_.head_dim != hp_.head_dim || st_.n_head != hp_.n_head || st_.n_head_kv != hp_.n_head_kv)
        fail(Status::BAD_INPUT, "block memory was built for another model shape");
}

std::vector<float> MemoryModel::step(const std::vector<int> & tokens, StepKind kind, bool want_logits, RetrievalStep * trace) {
    const int T = static_cast<int>(tokens.size());
    if (T == 0) fail(Status::INTERNAL, "memory step of no tokens");
    const int D = hp_.n_embd, QD = hp_.q_dim(), KVD = hp_.kv_dim(), HD = hp_.head_dim, NH = hp_.n_head;
    const int n_rep = NH / hp_.n_head_kv;
    const float scale = 1.0f / std::sqrt(static_cast<float>(HD));
    const MemoryConfig & cfg = st_.cfg;
    const int64_t p0 = st_.n_tokens;
    const int mem_pos = memory_position(cfg);
    const bool has_question = !st_.layers.empty() && !st_.layers[0].qvec.empty();
    const StepShape shape = plan_step(cfg, kind, T, st_.n_blocks(), st_.n_sink, st_.n_win(), has_question);

    std::vector<float> x(static_cast<size_t>(T) * D), xn(x.size()), q(static_cast<size_t>(T) * QD), q_mem(q.size()),
        k(static_cast<size_t>(T) * KVD), k_rot(k.size()), v(k.size()), att(q.size()), o(x.size()), cur_score(static_cast<size_t>(T) * NH);
    cpu::FfnScratch ffn;
    cpu::embed_tokens(m_, tokens, x.data());
    if (kind == StepKind::QUESTION) st_.lexical.add_question(tokens);
    const std::vector<int> & anchors = st_.lexical.step_anchors(cfg, st_.blocks, st_.tokens);
    if (trace) {
        trace->kind = kind;
        trace->position = p0;
        trace->n_tokens = T;
        trace->token = T == 1 ? tokens[0] : -1;
        trace->layers.assign(static_cast<size_t>(hp_.n_layer), {});
    }

    for (int l = 0; l < hp_.n_layer; ++l) {
        const LayerWeights & W = m_.w.layers[static_cast<size_t>(l)];
        LayerMemory & L = st_.layers[static_cast<size_t>(l)];
        cpu::attention_inputs(hp_, W, x.data(), T, xn.data(), q.data(), k.data(), v.data());
        q_mem = q;
        k_rot = k;
        for (int t = 0; t < T; ++t) {
            cpu::rope(&q_mem[static_cast<size_t>(t) * QD], NH, HD, mem_pos, inv_freq_, hp_.rope_layout);
            cpu::rope(&q[static_cast<size_t>(t) * QD], NH, HD, static_cast<int>(p0 + t), inv_freq_, hp_.rope_layout);
            cpu::rope(&k_rot[static_cast<size_t>(t) * KVD], hp_.n_head_kv, HD, static_cast<int>(p0 + t), inv_freq_, hp_.rope_layout);
        }
        if (shape.sets_question) {
            L.qvec.assign(static_cast<size_t>(QD), 0.0f);
            question_vector(hp_, cfg.repr_topk, q_mem.data(), q.data(), k_rot.data(), T, L.qvec.data());
        }

        // Block selection for this execution block: s(B) = s(B,H) + beta * s(B,Q).
        std::vector<int> selected;
        const int nb = st_.n_blocks();
        if (shape.n_sel > 0) {
            std::vector<float> qmean(static_cast<size_t>(QD), 0.0f);
            for (int t = 0; t < T; ++t)
                for (int i = 0; i < QD; ++i) qmean[static_cast<size_t>(i)] += q_mem[static_cast<size_t>(t) * QD + static_cast<size_t>(i)];
            for (auto & z : qmean) z /= static_cast<float>(T);
            const bool use_q = shape.with_question && cfg.lookup.beta > 0.0f;
            BlockScores bs = block_scores(L.blk_repr.data(), nb, QD, qmean.data(), shape.with_question ? L.qvec.data() : nullptr, use_q ? cfg.lookup.beta : 0.0f,
                                          cfg.topk, &anchors);
            selected = bs.selected;
            if (static_cast<int>(selected.size()) != shape.n_sel) fail(Status::INTERNAL, "block selection of another size than planned");
            if (trace) trace->layers[static_cast<size_t>(l)] = std::move(bs);
        }

        // Attention: one softmax over [sinks + selected blocks] and [window + causal current].
        const int n_sink = st_.n_sink, n_win = st_.n_win(), bsz = cfg.block_size, n_mem = shape.n_mem;
        std::fill(cur_score.begin(), cur_score.end(), 0.0f);
#pragma omp parallel
        {
            const int n_all = n_mem + n_win + T;
            std::vector<float> lg_buf(static_cast<size_t>(cpu::kTileQueries) * static_cast<size_t>(n_all));
            std::vector<const float *> kp(static_cast<size_t>(n_all)), vp(static_cast<size_t>(n_all));
            std::vector<float> kt;
#pragma omp for schedule(static)
            for (int h = 0; h < NH; ++h) {
                const size_t kh = static_cast<size_t>(h / n_rep) * static_cast<size_t>(HD);
                // (key, value) rows of logit slot j: sinks, selected blocks, window, current tokens.
                for (int j = 0; j < n_all; ++j) {
                    const float * kr, * vr;
                    if (j < n_sink) {
                        kr = L.sink_k.data() + static_cast<size_t>(j) * KVD + kh, vr = L.sink_v.data() + static_cast<size_t>(j) * KVD + kh;
                    } else if (j < n_mem) {
                        const size_t b = static_cast<size_t>(selected[static_cast<size_t>((j - n_sink) / bsz)]);
                        const size_t r = static_cast<size_t>((j - n_sink) % bsz) * KVD + kh;
                        kr = L.blk_k[b] + r, vr = L.blk_v[b] + r;
                    } else if (j < n_mem + n_win) {
                        const size_t r = static_cast<size_t>(j - n_mem) * KVD + kh;
                        kr = L.win_krot.data() + r, vr = L.win_v.data() + r;
                    } else {
                        const size_t r = static_cast<size_t>(j - n_mem - n_win) * KVD + kh;
                        kr = k_rot.data() + r, vr = v.data() + r;
                    }
                    kp[static_cast<size_t>(j)] = kr, vp[static_cast<size_t>(j)] = vr;
                }
                const int ld = cpu::pack_keys_t(kp.data(), n_all, HD, kt);
                // Queries in tiles: memory keys against the fixed-distance queries, local keys
                // against the rotated ones; query t sees the local keys up to the window + t.
                for (int t0 = 0; t0 < T; t0 += cpu::kTileQueries) {
                    const int nq = std::min(cpu::kTileQueries, T - t0), n_tile = n_mem + n_win + t0 + nq;
                    const float * qm[cpu::kTileQueries], * qr[cpu::kTileQueries];
                    float * lg[cpu::kTileQueries], * lg_loc[cpu::kTileQueries], * out[cpu::kTileQueries];
                    for (int i = 0; i < nq; ++i) {
                        const size_t qo = static_cast<size_t>(t0 + i) * QD + static_cast<size_t>(h) * HD;
                        qm[i] = &q_mem[qo], qr[i] = &q[qo];
                        lg[i] = lg_buf.data() + static_cast<size_t>(i) * static_cast<size_t>(n_all);
                        lg_loc[i] = lg[i] + n_mem;
                        out[i] = &att[qo];
                    }
                    cpu::dot_tile(qm, nq, kt.data(), ld, 0, n_mem, HD, scale, lg);
                    cpu::dot_tile(qr, nq, kt.data(), ld, n_mem, n_win + t0 + nq, HD, scale, lg_loc);
                    for (int i = 0; i < nq; ++i) {
                        const int n = n_mem + n_win + t0 + i + 1;
                        cpu::softmax(lg[i], n);
                        std::fill(lg[i] + n, lg[i] + n_tile, 0.0f); // later queries' keys: no weight
                    }
                    cpu::pv_tile(lg, nq, vp.data(), n_tile, HD, out);
                    // Local scores: what these queries give the window and current tokens.
                    for (int i = 0; i < nq; ++i) {
                        const int t = t0 + i;
                        for (int j = 0; j < n_win; ++j) L.win_score[static_cast<size_t>(j) * NH + static_cast<size_t>(h)] += lg[i][n_mem + j];
                        for (int j = 0; j <= t; ++j) cur_score[static_cast<size_t>(j) * NH + static_cast<size_t>(h)] += lg[i][n_mem + n_win + j];
                    }
                }
            }
        }
        cpu::attention_output_and_ffn(hp_, W, att.data(), T, x.data(), xn.data(), o.data(), ffn);

        // The current tokens join the window.
        L.win_k.insert(L.win_k.end(), k.begin(), k.end());
        L.win_krot.insert(L.win_krot.end(), k_rot.begin(), k_rot.end());
        L.win_v.insert(L.win_v.end(), v.begin(), v.end());
        L.win_score.insert(L.win_score.end(), cur_score.begin(), cur_score.end());
    }
    st_.n_tokens += T;
    st_.tokens.insert(st_.tokens.end(), tokens.begin(), tokens.end());
    st_.trim_window();

    if (!want_logits) return {};
    std::vector<float> logits(static_cast<size_t>(hp_.n_vocab));
    cpu::lm_head(m_, x.data(), T - 1, 1, xn.data(), logits.data());
    return logits;
}

} // namespace quire
