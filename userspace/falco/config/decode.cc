#include "config/decode.h"

#include <cctype>

#include "config/yaml_values.h"

namespace falco::config_detail {
namespace {

// One mapping of the document (the root, `file_output`, `engine.ebpf`, ...), with the dotted
// path that errors name. An absent or null section reads as empty.
class Section {
public:
    Section(const YAML::Node& node, std::string path) : path_(std::move(path)) {
        if (node.IsDefined() && !node.IsNull()) {
            if (!node.IsMap()) {
                throw ValueError(path_, "expected a mapping, got " + std::string(kind_name(node)));
            }
            node_ = node;
        }
    }

    Section section(const char* name) const { return Section(value(name), key(name)); }

    // The setting's node, or nothing when it is absent or null (the setting keeps its value).
    std::optional<YAML::Node> get(const char* name) const {
        YAML::Node node = value(name);
        if (!node.IsDefined() || node.IsNull()) {
            return std::nullopt;
        }
        return node;
    }

    void read(const char* name, bool& out) const {
        if (auto node = get(name)) {
            out = read_bool(*node, key(name));
        }
    }

    void read(const char* name, std::string& out) const {
        if (auto node = get(name)) {
            out = read_string(*node, key(name));
        }
    }

    void read(const char* name, uint32_t& out) const {
        if (auto node = get(name)) {
            out = static_cast<uint32_t>(read_unsigned(*node, key(name), UINT32_MAX));
        }
    }

    void read(const char* name, uint64_t& out) const {
        if (auto node = get(name)) {
            out = read_unsigned(*node, key(name), UINT64_MAX);
        }
    }

    void read(const char* name, double& out) const {
        if (auto node = get(name)) {
            out = read_non_negative(*node, key(name));
        }
    }

    std::string key(const char* name) const { return path_.empty() ? name : path_ + "." + name; }

private:
    YAML::Node value(const char* name) const {
        if (!node_.IsMap()) {
            return YAML::Node();
        }
        const YAML::Node& map = node_;
        YAML::Node child = map[name];
        return child.IsDefined() ? child : YAML::Node();
    }

    YAML::Node node_;
    std::string path_;
};

std::string lower(std::string text) {
    for (char& c : text) {
        c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    }
    return text;
}

void decode_priority(const Section& root, Config& config) {
    auto node = root.get("priority");
    if (!node) {
        return;
    }
    std::string text = read_string(*node, "priority");
    std::optional<Priority> priority = parse_priority(text);
    if (!priority) {
        throw ValueError("priority", "invalid priority " + quoted(text) +
                                         " (expected emergency, alert, critical, error, "
                                         "warning, notice, informational or debug)");
    }
    config.min_priority = *priority;
}

void decode_log_level(const Section& root, Config& config) {
    auto node = root.get("log_level");
    if (!node) {
        return;
    }
    std::string text = read_string(*node, "log_level");
    if (!parse_priority(text)) {
        throw ValueError("log_level", "invalid log level " + quoted(text) +
                                          " (expected emergency, alert, critical, error, "
                                          "warning, notice, info or debug)");
    }
    config.log_level = lower(text);
}

void decode_outputs(const Section& root, OutputsConfig& out) {
    root.read("json_output", out.json_output);
    root.read("json_include_output_property", out.json_include_output_property);
    root.read("json_include_tags_property", out.json_include_tags_property);
    root.read("time_format_iso_8601", out.time_format_iso_8601);
    root.read("buffered_outputs", out.buffered_outputs);

    Section limits = root.section("outputs");
    limits.read("rate", out.rate);
    limits.read("max_burst", out.max_burst);

    root.section("stdout_output").read("enabled", out.stdout_enabled);
    root.section("syslog_output").read("enabled", out.syslog_enabled);

    Section file = root.section("file_output");
    file.read("enabled", out.file.enabled);
    file.read("keep_alive", out.file.keep_alive);
    file.read("filename", out.file.filename);

    Section program = root.section("program_output");
    program.read("enabled", out.program.enabled);
    program.read("keep_alive", out.program.keep_alive);
    program.read("program", out.program.program);

    Section socket = root.section("unix_socket_output");
    socket.read("enabled", out.unix_socket.enabled);
    socket.read("path", out.unix_socket.path);
    if (auto mode = socket.get("mode")) {
        out.unix_socket.mode = read_mode(*mode, socket.key("mode"));
    }
    socket.read("group", out.unix_socket.group);
}

void decode_engine(const Section& root, EngineConfig& engine) {
    Section section = root.section("engine");
    if (auto kind = section.get("kind")) {
        std::string text = read_string(*kind, "engine.kind");
        if (text != "kmod" && text != "ebpf" && text != "ptrace") {
            throw ValueError("engine.kind",
                             "invalid engine " + quoted(text) + " (expected kmod, ebpf or ptrace)");
        }
        engine.kind = text;
    }
    section.section("ebpf").read("probe", engine.ebpf_probe);
    section.read("buffer_bytes", engine.buffer_bytes);
    section.read("snaplen", engine.snaplen);
}

} // namespace

void decode_config(const YAML::Node& root_node, Config& config) {
    Section root(root_node, "");
    if (auto rules = root.get("rules_file")) {
        config.rules_files = read_string_list(*rules, "rules_file");
    }
    decode_priority(root, config);
    decode_outputs(root, config.outputs);
    decode_engine(root, config.engine);
    root.read("log_stderr", config.log_stderr);
    root.read("log_syslog", config.log_syslog);
    decode_log_level(root, config);
}

} // namespace falco::config_detail
