// Reading one falco.yaml value: YAML 1.1 booleans, unsigned numbers, rates, octal file modes,
// strings and lists of strings. Every reader names the setting in the error it throws.
#pragma once

#include <cstdint>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include <yaml-cpp/yaml.h>

namespace falco::config_detail {

// A setting whose value cannot be used. what() is "KEY: PROBLEM"; key() is the dotted path of
// the setting ("file_output.enabled", "rules_file[2]").
class ValueError : public std::runtime_error {
public:
    ValueError(std::string key, const std::string& problem);
    const std::string& key() const { return key_; }

private:
    std::string key_;
};

// `text` in single quotes, with control characters escaped so that it stays on one line.
std::string quoted(std::string_view text);

// "a mapping", "a sequence", "a scalar" or "null": for messages.
std::string_view kind_name(const YAML::Node& node);

// true/false in any YAML 1.1 spelling (y, yes, on, true, n, no, off, false; lower, Capitalized
// or UPPER case); nothing for any other text.
std::optional<bool> parse_yaml11_bool(std::string_view text);

// The readers below take a scalar node (quoted or not) and throw ValueError otherwise.
bool read_bool(const YAML::Node& node, const std::string& key);
// A decimal (or 0x hexadecimal) integer from 0 to `max`.
uint64_t read_unsigned(const YAML::Node& node, const std::string& key, uint64_t max);
// A finite number >= 0.
double read_non_negative(const YAML::Node& node, const std::string& key);
// Permission bits written in octal ("0660", 0660, 660 or 0o660), at most 07777.
uint32_t read_mode(const YAML::Node& node, const std::string& key);
std::string read_string(const YAML::Node& node, const std::string& key);
// A sequence of strings, or one string standing for a list of one.
std::vector<std::string> read_string_list(const YAML::Node& node, const std::string& key);

} // namespace falco::config_detail
