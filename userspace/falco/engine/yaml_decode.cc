#include "engine/yaml_decode.h"

#include <algorithm>
#include <cctype>

namespace falco {

void fail_yaml(const std::string& message) {
    throw ItemError{LoadCode::kErrYamlValidate, message, {}};
}

void fail_validate(const std::string& message) {
    throw ItemError{LoadCode::kErrValidate, message, {}};
}

SourcePosition node_position(const YAML::Node& node, const std::string& file_name) {
    SourcePosition pos;
    pos.name = file_name;
    YAML::Mark mark = node.Mark();
    if (mark.line >= 0) {
        pos.line = static_cast<uint32_t>(mark.line) + 1;
        pos.column = static_cast<uint32_t>(mark.column) + 1;
        pos.offset = static_cast<uint32_t>(mark.pos);
    }
    return pos;
}

bool has_key(const YAML::Node& map, const char* key) {
    return map.IsMap() && map[key].IsDefined();
}

std::string scalar_text(const YAML::Node& node) {
    if (node.IsNull()) {
        fail_yaml("Value must be non-empty");
    }
    if (!node.IsScalar()) {
        fail_yaml("Value is not a scalar value");
    }
    return node.Scalar();
}

std::optional<std::string> decode_scalar(const YAML::Node& map, const char* key, bool required,
                                         bool non_empty) {
    YAML::Node value = map[key];
    if (!value.IsDefined()) {
        if (required) {
            fail_yaml(std::string("Item has no mapping for key '") + key + "'");
        }
        return std::nullopt;
    }
    if (value.IsNull()) {
        fail_yaml(std::string("Mapping for key '") + key + "' is empty");
    }
    if (!value.IsScalar()) {
        fail_yaml("Value is not a scalar value");
    }
    if (non_empty && value.Scalar().empty()) {
        fail_yaml("Value must be non-empty");
    }
    return value.Scalar();
}

std::optional<bool> decode_bool(const YAML::Node& map, const char* key) {
    std::optional<std::string> text = decode_scalar(map, key, false, false);
    if (!text) {
        return std::nullopt;
    }
    std::string lower = *text;
    std::transform(lower.begin(), lower.end(), lower.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    if (lower == "true" || lower == "yes" || lower == "on" || lower == "y") {
        return true;
    }
    if (lower == "false" || lower == "no" || lower == "off" || lower == "n") {
        return false;
    }
    fail_yaml("Can't decode YAML scalar value");
}

std::optional<std::vector<std::string>> decode_string_sequence(const YAML::Node& map,
                                                               const char* key) {
    YAML::Node value = map[key];
    if (!value.IsDefined()) {
        return std::nullopt;
    }
    if (!value.IsSequence()) {
        fail_yaml("Value is not a sequence");
    }
    std::vector<std::string> out;
    for (const YAML::Node& item : value) {
        if (!item.IsScalar()) {
            fail_yaml("sequence value is not scalar");
        }
        out.push_back(item.Scalar());
    }
    return out;
}

} // namespace falco
