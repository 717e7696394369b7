// Generation loop on the CPU backend.
#include "generate/generator.h"

#include "core/error.h"
#include "core/utf8.h"
#include "generate/make_backend.h"

#include <algorithm>

namespace quire {

StreamDecoder::StreamDecoder(const Tokenizer & tok, const std::vector<int> & prefix)
    : tok_(tok), ids_(prefix.end() - static_cast<std::ptrdiff_t>(std::min(prefix.size(), kContext)), prefix.end()) {
    emitted_ = tok_.decode(ids_, false).size();
}

std::string StreamDecoder::push(int id) {
    ids_.push_back(id);
    // Decoding the kept tail as a whole keeps word-boundary rules (leading spaces) exact.
    std::string all = tok_.decode(ids_, false);
    if (all.size() < emitted_) return {}; // cannot happen for these vocabularies; be safe
    std::string_view fresh(all.data() + emitted_, all.size() - emitted_);
    fresh.remove_suffix(utf8_incomplete_tail(fresh));
    const std::string out(fresh);
    emitted_ += out.size();
    if (ids_.size() > kMaxKept) {
        // Drop old tokens; what is not yet emitted (an incomplete UTF-8 tail) sits at the end.
        const size_t pending = all.size() - emitted_;
        ids_.erase(ids_.begin(), ids_.end() - static_cast<std::ptrdiff_t>(kContext));
        const size_t kept = tok_.decode(ids_, false).size();
        emitted_ = kept >= pending ? kept - pending : 0;
    }
    return out;
}

GenerateResult generate(const Model & model, const std::vector<int> & prompt, const GenerateParams & params, const TextCallback & on_text) {
    if (prompt.empty()) fail(Status::BAD_INPUT, "empty prompt (not even BOS)");
    int n_ctx = params.n_ctx;
    if (n_ctx <= 0) n_ctx = std::min<int>(static_cast<int>(prompt.size()) + std::max(params.n_predict, 0), model.hp.n_ctx_train);
    if (static_cast<int>(prompt.size()) >= n_ctx)
        fail(Status::BAD_INPUT, "prompt of " + std::to_string(prompt.size()) + " tokens does not fit the context of " + std::to_string(n_ctx) +
                                    " (block memory for long inputs comes with ingest/ask)");
    auto backend = make_backend(model, n_ctx, params.device.backend, params.device.precision);
    ForwardBackend & cm = *backend;
    Sampler sampler(params.sampling);
    std::vector<int> history = prompt;
    GenerateResult res;
    res.stop_reason = "length";

    std::vector<float> logits;
    for (size_t i = 0; i < prompt.size(); i += static_cast<size_t>(params.n_batch)) {
        const size_t end = std::min(prompt.size(), i + static_cast<size_t>(params.n_batch));
        logits = cm.eval(std::vector<int>(prompt.begin() + static_cast<std::ptrdiff_t>(i), prompt.begin() + static_cast<std::ptrdiff_t>(end)));
    }
    const Tokenizer * tok = model.tokenizer.get();
    std::unique_ptr<StreamDecoder> dec;
    if (tok) dec = std::make_unique<StreamDecoder>(*tok, prompt);
    for (int n = 0; n < params.n_predict; ++n) {
        const int id = sampler.sample(logits, history);
        if (tok && tok->is_end_of_generation(id)) {
            res.stop_reason = "eos";
            break;
        }
        res.tokens.push_back(id);
        history.push_back(id);
        if (dec) {
            const std::string piece = dec->push(id);
            res.text += piece;
            if (on_text && !piece.empty() && !on_text(piece)) {
                res.stop_reason = "stopped";
                break;
            }
        }
        if (n + 1 == params.n_predict) break;
        if (cm.n_past() >= cm.n_ctx()) {
            res.stop_reason = "context";
            break;
        }
        logits = cm.eval({id});
    }
    return res;
}

} // namespace quire
