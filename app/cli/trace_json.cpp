// Trace serialisation.
#include "cli/trace_json.h"

#include "quire.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <fstream>
#include <numeric>

namespace quire::cli {

namespace {

nlohmann::ordered_json stats(const std::vector<float> & v) {
    if (v.empty()) return nullptr;
    double sum = 0, sq = 0;
    for (float x : v) sum += x, sq += static_cast<double>(x) * x;
    const double mean = sum / static_cast<double>(v.size());
    return {{"count", v.size()}, {"mean", mean}, {"std", std::sqrt(std::max(0.0, sq / static_cast<double>(v.size()) - mean * mean))},
            {"min", *std::min_element(v.begin(), v.end())}, {"max", *std::max_element(v.begin(), v.end())}};
}

double round4(float x) { return std::round(static_cast<double>(x) * 1e4) / 1e4; }

} // namespace

nlohmann::ordered_json TraceJson::step_json(const RetrievalStep & s) const {
    nlohmann::ordered_json j = {{"step", s.index}, {"kind", step_kind_name(s.kind)}, {"position", s.position}, {"n_tokens", s.n_tokens}};
    if (s.token >= 0) j["token"] = s.token;
    nlohmann::ordered_json layers = nlohmann::json::array();
    for (size_t l = 0; l < s.layers.size(); ++l) {
        const BlockScores & b = s.layers[l];
        if (b.combined.empty()) continue;
        nlohmann::ordered_json L = {{"layer", l}};
        nlohmann::ordered_json sel = nlohmann::json::array();
        for (int id : b.selected) {
            nlohmann::ordered_json e = {{"block", id}, {"s_h", round4(b.s_h[static_cast<size_t>(id)])}};
            if (!b.s_q.empty()) e["s_q"] = round4(b.s_q[static_cast<size_t>(id)]);
            e["score"] = round4(b.combined[static_cast<size_t>(id)]);
            if (std::find(b.anchors.begin(), b.anchors.end(), id) != b.anchors.end()) e["anchor"] = true;
            sel.push_back(std::move(e));
        }
        L["selected"] = std::move(sel);
        const int n = static_cast<int>(b.combined.size());
        if (n <= full_limit_) {
            auto r = [](const std::vector<float> & v) {
                std::vector<double> o(v.size());
                std::transform(v.begin(), v.end(), o.begin(), round4);
                return o;
            };
            L["s_h"] = r(b.s_h);
            if (!b.s_q.empty()) L["s_q"] = r(b.s_q);
            L["score"] = r(b.combined);
        } else {
            std::vector<int> idx(static_cast<size_t>(n));
            std::iota(idx.begin(), idx.end(), 0);
            std::partial_sort(idx.begin(), idx.begin() + full_limit_, idx.end(),
                              [&](int a, int c) { return b.combined[static_cast<size_t>(a)] > b.combined[static_cast<size_t>(c)]; });
            idx.resize(static_cast<size_t>(full_limit_));
            nlohmann::ordered_json top = nlohmann::json::array();
            for (int id : idx) top.push_back({id, round4(b.combined[static_cast<size_t>(id)])});
            L["top"] = std::move(top);
            L["stats"] = {{"s_h", stats(b.s_h)}, {"s_q", stats(b.s_q)}, {"score", stats(b.combined)}};
        }
        layers.push_back(std::move(L));
    }
    j["layers"] = std::move(layers);
    return j;
}

void TraceJson::write(const std::string & path, nlohmann::ordered_json header, const Tokenizer & tok, const AskResult & res) const {
    nlohmann::ordered_json blocks = nlohmann::json::array();
    for (size_t b = 0; b < res.blocks.size(); ++b) {
        const auto & mb = res.blocks[b];
        std::vector<int> ids;
        for (int64_t p = mb.start; p < mb.start + mb.len && p < static_cast<int64_t>(res.session_tokens.size()); ++p)
            ids.push_back(res.session_tokens[static_cast<size_t>(p)]);
        blocks.push_back({{"block", b}, {"start", mb.start}, {"len", mb.len}, {"text", tok.decode(ids, false)}});
    }
    header["blocks"] = std::move(blocks);
    header["steps"] = steps_;
    const std::string tmp = path + ".tmp";
    {
        std::ofstream out(tmp, std::ios::binary | std::ios::trunc);
        out << header.dump(1, ' ', false, nlohmann::json::error_handler_t::replace) << "\n";
        out.flush();
        if (!out) {
            std::remove(tmp.c_str());
            fail(Status::IO, path + ": cannot write the trace (disk full?)");
        }
    }
    if (std::rename(tmp.c_str(), path.c_str()) != 0) fail(Status::IO, path + ": cannot write the trace");
}

} // namespace quire::cli
