// Command-line parsing.
#include "cli/cli_args.h"

#include <cstdlib>

namespace quire::cli {

Args::Args(const std::vector<std::string> & argv, const std::set<std::string> & value_opts, const std::set<std::string> & flags) {
    for (size_t i = 0; i < argv.size(); ++i) {
        const std::string & a = argv[i];
        if (a.size() > 1 && a[0] == '-' && !(a.size() > 1 && std::isdigit(static_cast<unsigned char>(a[1])))) {
            std::string name = a;
            std::optional<std::string> inline_value;
            if (auto eq = a.find('='); eq != std::string::npos && a.rfind("--", 0) == 0) {
                name = a.substr(0, eq);
                inline_value = a.substr(eq + 1);
            }
            if (value_opts.count(name)) {
                if (inline_value) values_[name] = *inline_value;
                else if (i + 1 < argv.size()) values_[name] = argv[++i];
                else throw UsageError{"option " + name + " needs a value"};
                every_[name].push_back(values_[name]);
            } else if (flags.count(name) && !inline_value) {
                flags_.insert(name);
            } else {
                throw UsageError{"unknown option " + name};
            }
        } else {
            positional_.push_back(a);
        }
    }
}

std::optional<std::string> Args::get(const std::string & name) const {
    auto it = values_.find(name);
    if (it == values_.end()) return std::nullopt;
    return it->second;
}

std::vector<std::string> Args::get_all(const std::string & name) const {
    auto it = every_.find(name);
    return it == every_.end() ? std::vector<std::string>{} : it->second;
}

std::string Args::require(const std::string & name) const {
    auto v = get(name);
    if (!v) throw UsageError{"missing required option " + name};
    return *v;
}

int Args::get_int(const std::string & name, int def) const {
    auto v = get(name);
    if (!v) return def;
    char * end = nullptr;
    const long x = std::strtol(v->c_str(), &end, 10);
    if (end == v->c_str() || *end != '\0' || x < -(1L << 31) || x > (1L << 31) - 1) throw UsageError{name + " expects an integer, got '" + *v + "'"};
    return static_cast<int>(x);
}

double Args::get_double(const std::string & name, double def) const {
    auto v = get(name);
    if (!v) return def;
    char * end = nullptr;
    const double x = std::strtod(v->c_str(), &end);
    if (end == v->c_str() || *end != '\0') throw UsageError{name + " expects a number, got '" + *v + "'"};
    return x;
}

} // namespace quire::cli
