#include "config/config.h"

#include <yaml-cpp/yaml.h>

#include "config/decode.h"
#include "config/overrides.h"
#include "config/yaml_values.h"
#include "engine/text_file.h"

namespace falco {
namespace {

using config_detail::ValueError;

std::string file_error(const std::string& path, const std::string& problem) {
    return "Error reading config file (" + path + "): " + problem;
}

std::string read_file(const std::string& path) {
    std::string text, reason;
    switch (read_text_file(path, text, reason)) {
    case FileRead::kOk:
        return text;
    case FileRead::kOpenFailed:
        throw ConfigError(file_error(path, "cannot open: " + reason));
    case FileRead::kReadFailed:
        break;
    }
    throw ConfigError(file_error(path, "cannot read: " + reason));
}

// The file's document: a mapping (an empty file or a null document reads as an empty one).
YAML::Node read_document(const std::string& path) {
    std::string text = read_file(path);
    YAML::Node root;
    try {
        root = YAML::Load(text);
    } catch (const YAML::Exception& e) {
        throw ConfigError(file_error(path, e.what()));
    }
    if (root.IsNull()) {
        return YAML::Node(YAML::NodeType::Map);
    }
    if (!root.IsMap()) {
        throw ConfigError(file_error(path, "the document is " +
                                               std::string(config_detail::kind_name(root)) +
                                               ", not a mapping of settings"));
    }
    return root;
}

// True when an override of `set` (a setting's path) may have given the value at `key`.
bool covers(const std::string& set, const std::string& key) {
    auto within = [](const std::string& inner, const std::string& outer) {
        return inner.size() > outer.size() && inner.compare(0, outer.size(), outer) == 0 &&
               (inner[outer.size()] == '.' || inner[outer.size()] == '[');
    };
    return set == key || within(set, key) || within(key, set);
}

// Applies the overrides to `root`, then decodes it. A bad value is blamed on the last override
// that set it, else on the file.
Config build(YAML::Node root, const std::string& path, const std::vector<std::string>& overrides) {
    std::vector<std::string> set_paths;
    for (const std::string& text : overrides) {
        set_paths.push_back(config_detail::apply_override(root, text));
    }
    Config config;
    config.source_path = path;
    try {
        config_detail::decode_config(root, config);
    } catch (const ValueError& e) {
        for (size_t i = set_paths.size(); i-- > 0;) {
            if (covers(set_paths[i], e.key())) {
                throw ConfigError("Invalid -o option " + config_detail::quoted(overrides[i]) +
                                  ": " + e.what());
            }
        }
        if (path.empty()) {
            throw ConfigError(std::string("Invalid configuration: ") + e.what());
        }
        throw ConfigError(file_error(path, e.what()));
    }
    return config;
}

} // namespace

Config load_config(const std::string& path, const std::vector<std::string>& overrides) {
    return build(read_document(path), path, overrides);
}

Config default_config(const std::vector<std::string>& overrides) {
    return build(YAML::Node(YAML::NodeType::Map), "", overrides);
}

} // namespace falco
