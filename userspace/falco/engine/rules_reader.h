// Reads one rules file (YAML text) into the shared RulesContent: lists, macros and rules are
// defined, redefined, appended to, overridden or enabled in file order. The first problem stops
// the file and goes into its LoadResult.
#pragma once

#include <string>
#include <vector>

#include "engine/load_result.h"
#include "engine/rules_model.h"

namespace falco {

// The rules engine version this implementation offers (required_engine_version).
inline constexpr uint32_t kEngineVersion = 19;

// A required_plugin_versions entry: satisfied by `name` or one of the alternatives.
struct PluginRequirement {
    std::string name;
    std::string version;
    std::vector<std::pair<std::string, std::string>> alternatives;
};

// Adds the file to content.files and reads it. Returns false when it stopped on an error.
bool read_rules_file(RulesFile file, RulesContent& content,
                     std::vector<PluginRequirement>& plugin_requirements, LoadResult& result);

} // namespace falco
