// Memory-aware forward pass.
#include "cpu/memory_model.h"

#include "core/error.h"
#include "cpu/layer_steps.h"
#include "cpu/memory_attention.h"
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
        const int n_all = n_mem + n_win + T;
        std::vector<const float *> kp(static_cast<size_t>(n_all)), vp(static_cast<size_t>(n_all));
        for (int j = 0; j < n_all; ++j) { // (key, value) rows of slot j: sinks, selected blocks, window, current tokens
            const float * kr, * vr;
            if (j < n_sink) {
                kr = L.sink_k.data() + static_cast<size_t>(j) * KVD, vr = L.sink_v.data() + static_cast<size_t>(j) * KVD;
            } else if (j < n_mem) {
                const size_t b = static_cast<size_t>(selected[static_cast<size_t>((j - n_sink) / bsz)]);
                const size_t r = static_cast<size_t>((j - n_sink) % bsz) * KVD;
                kr = L.blk_k[b] + r, vr = L.blk_v[b] + r;
            } else if (j < n_mem + n_win) {
                const size_t r = static_cast<size_t>(j - n_mem) * KVD;
                kr = L.win_krot.data() + r, vr = L.win_v.data() + r;
            } else {
                const size_t r = static_cast<size_t>(j - n_mem - n_win) * KVD;
                kr = k_rot.data() + r, vr = v.data() + r;
            }
            kp[static_cast<size_t>(j)] = kr, vp[static_cast<size_t>(j)] = vr;
        }
        cpu::MemoryAttentionArgs args;
        args.T = T, args.n_head = NH, args.n_head_kv = hp_.n_head_kv, args.head_dim = HD;
        args.n_mem = n_mem, args.n_win = n_win;
        args.q_mem = q_mem.data(), args.q = q.data(), args.k_rows = kp.data(), args.v_rows = vp.data();
        args.out = att.data(), args.win_score = L.win_score.data(), args.cur_score = cur_score.data();
        cpu::memory_attention(args);
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
