// `-o KEY=VALUE`: changing one setting of the falco.yaml document from the command line.
#pragma once

#include <string>

#include <yaml-cpp/yaml.h>

namespace falco::config_detail {

// Applies one override to `root` (a mapping) and returns the path of the setting it sets, as
// decoding errors name it ("file_output.enabled", "rules_file[1]").
//
// KEY is names joined by dots, each optionally followed by list indexes ("base.list[1]").
// Missing mappings and lists are created; an index replaces an item, or appends one when it
// equals the list's length. VALUE is read as YAML: a scalar (quoted or not, "" is null), or a
// flow sequence or mapping when it starts with '[' or '{'. Any other text that YAML would read
// as a block collection (e.g. "echo a: b") is taken as a plain string.
//
// Throws ConfigError "Invalid -o option 'TEXT': PROBLEM".
std::string apply_override(YAML::Node& root, const std::string& text);

} // namespace falco::config_detail
