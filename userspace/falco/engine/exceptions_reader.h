// Reads a rule's `exceptions:` sequence: on a definition, or on an append/override that adds
// exceptions or values to the rule's existing ones.
#pragma once

#include <yaml-cpp/yaml.h>

#include <string>
#include <vector>

#include "engine/rules_model.h"

namespace falco {

// A definition's exceptions (absent or null: none).
std::vector<ExceptionDef> read_exceptions(const YAML::Node& node, const ItemOrigin& origin,
                                          const std::string& file_name);

// Adds appended exceptions to `existing`: a known name may only bring values; a new name needs
// fields and values.
void append_exceptions(const YAML::Node& node, const ItemOrigin& origin,
                       const std::string& file_name, std::vector<ExceptionDef>& existing);

} // namespace falco
