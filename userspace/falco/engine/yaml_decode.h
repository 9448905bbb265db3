// Decoding values of rules-file items with the loader's messages ("Item has no mapping for key
// 'condition'", "Value is not a scalar value", ...). Failures throw ItemError, which the reader
// turns into the file's error.
#pragma once

#include <yaml-cpp/yaml.h>

#include <optional>
#include <string>
#include <vector>

#include "engine/load_result.h"

namespace falco {

// A problem found while reading an item; `context` is completed by the reader.
struct ItemError {
    LoadCode code;
    std::string message;
    std::vector<Location> context;
};

[[noreturn]] void fail_yaml(const std::string& message);
[[noreturn]] void fail_validate(const std::string& message);

// The position of a node in the file (lines and columns from 1).
SourcePosition node_position(const YAML::Node& node, const std::string& file_name);

bool has_key(const YAML::Node& map, const char* key);

// The key's scalar text. required: a missing key is an error; else nothing. A present key must
// be a non-null scalar; non_empty also rejects "".
std::optional<std::string> decode_scalar(const YAML::Node& map, const char* key, bool required,
                                         bool non_empty);
// YAML 1.1 booleans: true/false, yes/no, on/off, any case.
std::optional<bool> decode_bool(const YAML::Node& map, const char* key);
// A sequence of scalars; nothing when the key is absent.
std::optional<std::vector<std::string>> decode_string_sequence(const YAML::Node& map,
                                                               const char* key);
// A scalar node's text (errors as decode_scalar).
std::string scalar_text(const YAML::Node& node);

} // namespace falco
