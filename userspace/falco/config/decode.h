// Turning a falco.yaml document (after the -o overrides) into a Config.
#pragma once

#include <yaml-cpp/yaml.h>

#include "config/config.h"

namespace falco::config_detail {

// Sets every setting that `root` (a mapping, or null for none) gives; the others keep their
// values in `config`. A null value keeps the setting's value too. Unknown keys are ignored.
// Throws ValueError naming the first setting that cannot be used.
void decode_config(const YAML::Node& root, Config& config);

} // namespace falco::config_detail
