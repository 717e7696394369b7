// A small command-line parser for quire-cli: "--name value", "--flag", and "-n N" short forms.
#pragma once

#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

namespace quire::cli {

// Thrown for usage errors; main() prints it with the command's help and exits with code 2.
struct UsageError {
    std::string message;
};

class Args {
public:
    // flags: options that take no value. value_opts: options that take one. Anything else is an error.
    Args(const std::vector<std::string> & argv, const std::set<std::string> & value_opts, const std::set<std::string> & flags);

    bool has(const std::string & name) const { return values_.count(name) || flags_.count(name); }
    std::optional<std::string> get(const std::string & name) const; // the last value given
    std::vector<std::string> get_all(const std::string & name) const; // every value, in order
    std::string require(const std::string & name) const;
    int get_int(const std::string & name, int def) const;
    double get_double(const std::string & name, double def) const;
    const std::vector<std::string> & positional() const { return positional_; }

private:
    std::map<std::string, std::string> values_;
    std::map<std::string, std::vector<std::string>> every_;
    std::set<std::string> flags_;
    std::vector<std::string> positional_;
};

} // namespace quire::cli
