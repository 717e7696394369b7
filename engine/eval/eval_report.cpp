#include "eval/eval_report.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <map>
#include <set>
#include <tuple>

namespace quire {

namespace {

std::string quoted(const std::string & s) {
    std::string q = "\"";
    for (char c : s) {
        if (c == '"') q += "\"\"";
        else if (c == '\n' || c == '\r') q += ' ';
        else q += c;
    }
    return q + "\"";
}

std::string fmt(const char * f, double v) {
    char b[64];
    std::snprintf(b, sizeof b, f, v);
    return b;
}

std::string mode_name(const EvalRow & r) {
    if (!eval_method_uses_memory(r.method)) return "-"; // one prompt, no reading mode
    return r.mode == AskMode::DEEP ? "deep" : "ask";
}

// "4k", "128k", "1m": the lengths as the command line takes them.
std::string length_name(int n) {
    if (n % (1 << 20) == 0) return std::to_string(n >> 20) + "m";
    if (n % 1024 == 0) return std::to_string(n / 1024) + "k";
    return std::to_string(n);
}

struct Tally {
    int right = 0, ran = 0, skipped = 0;
    double seconds = 0;
    void add(const EvalRow & r) {
        if (r.outcome.status != "ok") {
            ++skipped;
            return;
        }
        ++ran;
        right += r.outcome.correct;
        seconds += r.outcome.ingest_seconds + r.outcome.answer_seconds;
    }
    std::string cell() const {
        if (ran == 0) return skipped ? "does not fit" : "";
        return fmt("%.0f%%", 100.0 * right / ran) + " (" + std::to_string(right) + "/" + std::to_string(ran) + ")";
    }
};

using Key = std::tuple<int, int, std::string>; // task, method, mode

std::string esc(const std::string & s) {
    std::string o;
    for (char c : s) {
        if (c == '<') o += "&lt;";
        else if (c == '>') o += "&gt;";
        else if (c == '&') o += "&amp;";
        else o += c;
    }
    return o;
}

// Red (0) through amber to green (1).
std::string colour(double a) {
    const double r = a < 0.5 ? 220 : 220 - (a - 0.5) * 2 * 170, g = a < 0.5 ? 60 + a * 2 * 140 : 200 - (a - 0.5) * 2 * 40;
    char b[16];
    std::snprintf(b, sizeof b, "#%02x%02x%02x", static_cast<int>(r), static_cast<int>(g), 70);
    return b;
}

} // namespace

std::string eval_csv(const std::vector<EvalRow> & rows) {
    std::string s = "task,length,doc_tokens,depth,sample,method,mode,correct,expected,answer,ingest_s,answer_s,status,style\n";
    for (const auto & r : rows) {
        s += std::string(eval_task_name(r.task)) + "," + std::to_string(r.length) + "," + std::to_string(r.doc_tokens) + "," + fmt("%.3f", r.depth) + "," +
             std::to_string(r.sample) + "," + eval_method_name(r.method) + "," + mode_name(r) + "," + (r.outcome.correct ? "1" : "0") + "," +
             quoted(r.expected) + "," + quoted(r.outcome.answer) + "," + fmt("%.3f", r.outcome.ingest_seconds) + "," +
             fmt("%.3f", r.outcome.answer_seconds) + "," + quoted(r.outcome.status) + "," + quoted(r.style) + "\n";
    }
    return s;
}

std::string eval_summary(const std::vector<EvalRow> & rows, const std::string & title) {
    std::set<int> lengths;
    std::map<EvalTask, std::map<std::pair<std::string, std::string>, std::map<int, Tally>>> t; // task -> (method, mode) -> length
    std::map<EvalTask, std::map<std::pair<std::string, std::string>, Tally>> all;
    for (const auto & r : rows) {
        lengths.insert(r.length);
        const auto mm = std::make_pair(std::string(eval_method_name(r.method)), mode_name(r));
        t[r.task][mm][r.length].add(r);
        all[r.task][mm].add(r);
    }
    std::string s = "# " + title + "\n\nAccuracy (right / instances run) per length, over every depth and sample; time is the mean per instance (reading + answer).\n";
    for (const auto & [task, by] : t) {
        s += std::string("\n## ") + eval_task_name(task) + "\n\n| method | mode |";
        std::string rule = "|---|---|";
        for (int L : lengths) {
            s += " " + length_name(L) + " |";
            rule += "---|";
        }
        s += " all | s / instance |\n" + rule + "---|---|\n";
        for (const auto & [mm, per] : by) {
            s += "| " + mm.first + " | " + mm.second + " |";
            for (int L : lengths) s += " " + (per.count(L) ? per.at(L).cell() : std::string()) + " |";
            const Tally & a = all[task][mm];
            s += " " + a.cell() + " | " + (a.ran ? fmt("%.2f", a.seconds / a.ran) : std::string("-")) + " |\n";
        }
    }
    // docqa: the same by question style (does a method need the question's own words?).
    std::map<std::pair<std::string, std::string>, std::map<std::string, Tally>> styles;
    std::set<std::string> style_names;
    for (const auto & r : rows) {
        if (r.task != EvalTask::DOCQA || r.style.empty()) continue;
        styles[{eval_method_name(r.method), mode_name(r)}][r.style].add(r);
        style_names.insert(r.style);
    }
    if (!styles.empty()) {
        s += "\n### docqa by question style\n\n| method | mode |";
        std::string rule = "|---|---|";
        for (const auto & n : style_names) s += " " + n + " |", rule += "---|";
        s += "\n" + rule + "\n";
        for (const auto & [mm, per] : styles) {
            s += "| " + mm.first + " | " + mm.second + " |";
            for (const auto & n : style_names) s += " " + (per.count(n) ? per.at(n).cell() : std::string()) + " |";
            s += "\n";
        }
    }
    return s;
}

std::vector<std::pair<std::string, std::string>> eval_heatmaps(const std::vector<EvalRow> & rows, const std::string & model_name) {
    std::map<Key, std::map<std::pair<double, int>, Tally>> cells; // (depth, length)
    std::map<Key, std::pair<std::set<double>, std::set<int>>> axes;
    for (const auto & r : rows) {
        const Key k{static_cast<int>(r.task), static_cast<int>(r.method), mode_name(r)};
        cells[k][{r.depth, r.length}].add(r);
        axes[k].first.insert(r.depth);
        axes[k].second.insert(r.length);
    }
    std::vector<std::pair<std::string, std::string>> out;
    const int cw = 72, ch = 26, left = 64, top = 48;
    for (const auto & [k, c] : cells) {
        const auto & [depths, lengths] = axes[k];
        const std::string task = eval_task_name(static_cast<EvalTask>(std::get<0>(k))), method = eval_method_name(static_cast<EvalMethod>(std::get<1>(k)));
        const std::string mode = std::get<2>(k);
        const int w = left + cw * static_cast<int>(lengths.size()) + 16, h = top + ch * static_cast<int>(depths.size()) + 40;
        std::string svg = "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"" + std::to_string(w) + "\" height=\"" + std::to_string(h) +
                          "\" font-family=\"sans-serif\" font-size=\"11\">\n<rect width=\"100%\" height=\"100%\" fill=\"white\"/>\n";
        svg += "<text x=\"8\" y=\"18\" font-size=\"13\" font-weight=\"bold\">" + esc(task + " · " + method + (mode == "-" ? "" : " · " + mode) + " · " + model_name) + "</text>\n";
        svg += "<text x=\"8\" y=\"36\">depth (rows) × length (columns); cell: accuracy</text>\n";
        int row = 0;
        for (double d : depths) {
            const int y = top + ch * row++;
            svg += "<text x=\"8\" y=\"" + std::to_string(y + 17) + "\">" + fmt("%.0f%%", 100 * d) + "</text>\n";
            int col = 0;
            for (int L : lengths) {
                const int x = left + cw * col++;
                const auto it = c.find({d, L});
                if (it == c.end()) continue;
                const Tally & t = it->second;
                const std::string fill = t.ran ? colour(static_cast<double>(t.right) / t.ran) : "#c8c8c8";
                svg += "<rect x=\"" + std::to_string(x) + "\" y=\"" + std::to_string(y) + "\" width=\"" + std::to_string(cw - 2) + "\" height=\"" +
                       std::to_string(ch - 2) + "\" fill=\"" + fill + "\"/>\n";
                svg += "<text x=\"" + std::to_string(x + cw / 2 - 1) + "\" y=\"" + std::to_string(y + 17) + "\" text-anchor=\"middle\">" +
                       (t.ran ? fmt("%.0f%%", 100.0 * t.right / t.ran) : std::string("n/a")) + "</text>\n";
            }
        }
        int col = 0;
        for (int L : lengths)
            svg += "<text x=\"" + std::to_string(left + cw * col++ + cw / 2 - 1) + "\" y=\"" + std::to_string(top + ch * static_cast<int>(depths.size()) + 16) +
                   "\" text-anchor=\"middle\">" + length_name(L) + "</text>\n";
        svg += "</svg>\n";
        out.emplace_back("heatmap-" + task + "-" + method + (mode == "-" ? "" : "-" + mode) + ".svg", svg);
    }
    return out;
}

} // namespace quire
