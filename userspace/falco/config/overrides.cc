#include "config/overrides.h"

#include <vector>

#include "config/config.h"
#include "config/yaml_values.h"

namespace falco::config_detail {
namespace {

// What is wrong with the override; apply_override adds the option's text.
struct Problem {
    std::string text;
};

// One step of a key: a mapping key or a list index.
struct Step {
    std::string name;
    bool is_index = false;
    size_t index = 0;
};

size_t parse_index(std::string_view digits, std::string_view key) {
    constexpr size_t kMaxDigits = 9;
    bool ok = !digits.empty() && digits.size() <= kMaxDigits;
    size_t index = 0;
    for (char c : digits) {
        ok = ok && c >= '0' && c <= '9';
        index = index * 10 + static_cast<size_t>(c - '0');
    }
    if (!ok) {
        throw Problem{"bad list index [" + std::string(digits) + "] in key " + quoted(key)};
    }
    return index;
}

std::vector<Step> parse_key(std::string_view key) {
    std::vector<Step> steps;
    size_t i = 0;
    while (true) {
        size_t start = i;
        while (i < key.size() && key[i] != '.' && key[i] != '[' && key[i] != ']') {
            ++i;
        }
        if (i == start) {
            throw Problem{"empty name in key " + quoted(key)};
        }
        steps.push_back(Step{std::string(key.substr(start, i - start))});
        while (i < key.size() && key[i] == '[') {
            size_t close = key.find(']', i);
            if (close == std::string_view::npos) {
                throw Problem{"missing ']' in key " + quoted(key)};
            }
            steps.push_back(Step{"", true, parse_index(key.substr(i + 1, close - i - 1), key)});
            i = close + 1;
        }
        if (i == key.size()) {
            return steps;
        }
        if (key[i] != '.') {
            throw Problem{"unexpected '" + std::string(1, key[i]) + "' in key " + quoted(key)};
        }
        ++i;
    }
}

std::string_view trim(std::string_view text) {
    const char* blanks = " \t";
    size_t first = text.find_first_not_of(blanks);
    if (first == std::string_view::npos) {
        return {};
    }
    return text.substr(first, text.find_last_not_of(blanks) - first + 1);
}

YAML::Node parse_value(const std::string& text) {
    std::string_view start = trim(text);
    bool flow = !start.empty() && (start[0] == '[' || start[0] == '{');
    bool quoted_scalar = !start.empty() && (start[0] == '"' || start[0] == '\'');
    try {
        YAML::Node node = YAML::Load(text);
        if (flow || node.IsScalar() || node.IsNull()) {
            return node;
        }
    } catch (const YAML::Exception& e) {
        if (flow || quoted_scalar) {
            throw Problem{"bad value: " + std::string(e.what())};
        }
    }
    return YAML::Node(text);
}

bool absent(const YAML::Node& node) {
    return !node.IsDefined() || node.IsNull();
}

// `node` with `value` set at steps[i...]; `path` names `node` in messages.
YAML::Node with_value(const YAML::Node& node, const std::vector<Step>& steps, size_t i,
                      const YAML::Node& value, const std::string& path) {
    if (i == steps.size()) {
        return value;
    }
    const Step& step = steps[i];
    if (!step.is_index) {
        YAML::Node map = absent(node) ? YAML::Node(YAML::NodeType::Map) : node;
        if (!map.IsMap()) {
            throw Problem{path + " is " + std::string(kind_name(map)) + ", not a mapping"};
        }
        std::string child_path = path.empty() ? step.name : path + "." + step.name;
        const YAML::Node& const_map = map; // reading must not insert the key
        YAML::Node child = const_map[step.name];
        map[step.name] = with_value(child, steps, i + 1, value, child_path);
        return map;
    }
    YAML::Node list = absent(node) ? YAML::Node(YAML::NodeType::Sequence) : node;
    if (!list.IsSequence()) {
        throw Problem{path + " is " + std::string(kind_name(list)) + ", not a list"};
    }
    std::string child_path = path + "[" + std::to_string(step.index) + "]";
    if (step.index > list.size()) {
        throw Problem{child_path + ": index out of range (" + path + " has " +
                      std::to_string(list.size()) + " items)"};
    }
    if (step.index == list.size()) {
        list.push_back(with_value(YAML::Node(), steps, i + 1, value, child_path));
    } else {
        const YAML::Node& const_list = list;
        YAML::Node child = const_list[step.index];
        list[step.index] = with_value(child, steps, i + 1, value, child_path);
    }
    return list;
}

std::string path_of(const std::vector<Step>& steps) {
    std::string path;
    for (const Step& step : steps) {
        if (step.is_index) {
            path += "[" + std::to_string(step.index) + "]";
        } else {
            path += (path.empty() ? "" : ".") + step.name;
        }
    }
    return path;
}

} // namespace

std::string apply_override(YAML::Node& root, const std::string& text) {
    try {
        size_t equals = text.find('=');
        if (equals == std::string::npos) {
            throw Problem{"expected KEY=VALUE"};
        }
        std::vector<Step> steps = parse_key(trim(std::string_view(text).substr(0, equals)));
        YAML::Node value = parse_value(text.substr(equals + 1));
        with_value(root, steps, 0, value, "");
        return path_of(steps);
    } catch (const Problem& problem) {
        throw ConfigError("Invalid -o option " + quoted(text) + ": " + problem.text);
    }
}

} // namespace falco::config_detail
