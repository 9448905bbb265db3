#include "config/yaml_values.h"

#include <array>
#include <cerrno>
#include <cmath>
#include <cstdio>
#include <cstdlib>

namespace falco::config_detail {
namespace {

// The text of a scalar node; throws when the node is a mapping or a sequence.
std::string scalar_text(const YAML::Node& node, const std::string& key, std::string_view what) {
    if (!node.IsScalar()) {
        throw ValueError(key,
                         "expected " + std::string(what) + ", got " + std::string(kind_name(node)));
    }
    return node.Scalar();
}

std::optional<uint64_t> parse_digits(std::string_view text, unsigned base) {
    if (text.empty()) {
        return std::nullopt;
    }
    uint64_t value = 0;
    for (char c : text) {
        unsigned digit;
        if (c >= '0' && c <= '9') {
            digit = static_cast<unsigned>(c - '0');
        } else if (c >= 'a' && c <= 'f') {
            digit = static_cast<unsigned>(c - 'a' + 10);
        } else if (c >= 'A' && c <= 'F') {
            digit = static_cast<unsigned>(c - 'A' + 10);
        } else {
            return std::nullopt;
        }
        if (digit >= base || value > (UINT64_MAX - digit) / base) {
            return std::nullopt;
        }
        value = value * base + digit;
    }
    return value;
}

} // namespace

ValueError::ValueError(std::string key, const std::string& problem)
    : std::runtime_error(key + ": " + problem), key_(std::move(key)) {}

std::string quoted(std::string_view text) {
    std::string out = "'";
    for (char c : text) {
        auto byte = static_cast<unsigned char>(c);
        if (c == '\n') {
            out += "\\n";
        } else if (c == '\t') {
            out += "\\t";
        } else if (c == '\r') {
            out += "\\r";
        } else if (byte < 0x20 || byte == 0x7f) {
            std::array<char, 8> hex{};
            std::snprintf(hex.data(), hex.size(), "\\x%02x", byte);
            out += hex.data();
        } else {
            out += c;
        }
    }
    return out + "'";
}

std::string_view kind_name(const YAML::Node& node) {
    switch (node.Type()) {
    case YAML::NodeType::Map:
        return "a mapping";
    case YAML::NodeType::Sequence:
        return "a sequence";
    case YAML::NodeType::Scalar:
        return "a scalar";
    default:
        return "null";
    }
}

std::optional<bool> parse_yaml11_bool(std::string_view text) {
    static constexpr std::array<std::string_view, 11> kTrue = {
        "y", "Y", "yes", "Yes", "YES", "on", "On", "ON", "true", "True", "TRUE"};
    static constexpr std::array<std::string_view, 11> kFalse = {
        "n", "N", "no", "No", "NO", "off", "Off", "OFF", "false", "False", "FALSE"};
    for (std::string_view spelling : kTrue) {
        if (text == spelling) {
            return true;
        }
    }
    for (std::string_view spelling : kFalse) {
        if (text == spelling) {
            return false;
        }
    }
    return std::nullopt;
}

bool read_bool(const YAML::Node& node, const std::string& key) {
    std::string text = scalar_text(node, key, "a boolean");
    std::optional<bool> value = parse_yaml11_bool(text);
    if (!value) {
        throw ValueError(key, "expected a boolean (true or false), got " + quoted(text));
    }
    return *value;
}

uint64_t read_unsigned(const YAML::Node& node, const std::string& key, uint64_t max) {
    std::string text = scalar_text(node, key, "a number");
    std::string_view digits = text;
    unsigned base = 10;
    if (digits.size() > 2 && digits[0] == '0' && (digits[1] == 'x' || digits[1] == 'X')) {
        digits.remove_prefix(2);
        base = 16;
    }
    std::optional<uint64_t> value = parse_digits(digits, base);
    if (!value || *value > max) {
        throw ValueError(key, "expected a whole number from 0 to " + std::to_string(max) +
                                  ", got " + quoted(text));
    }
    return *value;
}

double read_non_negative(const YAML::Node& node, const std::string& key) {
    std::string text = scalar_text(node, key, "a number");
    const char* begin = text.c_str();
    char* end = nullptr;
    errno = 0;
    double value = std::strtod(begin, &end);
    bool whole = !text.empty() && end == begin + text.size();
    if (!whole || errno != 0 || !std::isfinite(value) || value < 0 || text[0] == ' ') {
        throw ValueError(key, "expected a number >= 0, got " + quoted(text));
    }
    return value;
}

uint32_t read_mode(const YAML::Node& node, const std::string& key) {
    std::string text = scalar_text(node, key, "an octal file mode");
    std::string_view digits = text;
    if (digits.size() > 2 && digits[0] == '0' && (digits[1] == 'o' || digits[1] == 'O')) {
        digits.remove_prefix(2);
    }
    std::optional<uint64_t> value = parse_digits(digits, 8);
    if (!value || *value > 07777) {
        throw ValueError(key, "expected an octal file mode like 0660, got " + quoted(text));
    }
    return static_cast<uint32_t>(*value);
}

std::string read_string(const YAML::Node& node, const std::string& key) {
    return scalar_text(node, key, "a string");
}

std::vector<std::string> read_string_list(const YAML::Node& node, const std::string& key) {
    if (node.IsScalar()) {
        return {node.Scalar()};
    }
    if (!node.IsSequence()) {
        throw ValueError(key, "expected a list of strings, got " + std::string(kind_name(node)));
    }
    std::vector<std::string> items;
    for (size_t i = 0; i < node.size(); ++i) {
        items.push_back(read_string(node[i], key + "[" + std::to_string(i) + "]"));
    }
    return items;
}

} // namespace falco::config_detail
