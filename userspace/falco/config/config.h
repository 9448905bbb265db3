// falco.yaml: the settings falco runs with, read from the file and from `-o key=value`.
#pragma once

#include <cstdint>
#include <stdexcept>
#include <string>
#include <vector>

#include "engine/priority.h"

namespace falco {

struct FileOutputConfig {
    bool enabled = false;
    bool keep_alive = false; // keep the file open between alerts
    std::string filename;    // appended to
};

struct ProgramOutputConfig {
    bool enabled = false;
    bool keep_alive = false; // one long-lived process instead of one per alert
    std::string program;     // run with /bin/sh -c; alerts on its stdin, one per line
};

// A listening Unix stream socket; every connected client receives every alert line.
struct UnixSocketOutputConfig {
    bool enabled = false;
    std::string path = "/run/falco/falco.sock";
    uint32_t mode = 0660; // permissions of the socket file (octal in falco.yaml: "0660")
    std::string group;    // owning group of the socket file; empty: falco's own group
};

struct OutputsConfig {
    bool json_output = false;
    bool json_include_output_property = true;
    bool json_include_tags_property = true;
    bool time_format_iso_8601 = false;
    bool buffered_outputs = false;
    double rate = 0;           // outputs.rate: alerts per second refilled; 0 = unlimited
    uint64_t max_burst = 1000; // outputs.max_burst
    bool stdout_enabled = true;
    bool syslog_enabled = true;
    FileOutputConfig file;
    ProgramOutputConfig program;
    UnixSocketOutputConfig unix_socket;
};

// Which driver falco captures with live: engine.kind (kmod, ebpf, ptrace) and its options.
struct EngineConfig {
    std::string kind = "ebpf";
    std::string ebpf_probe;    // engine.ebpf.probe; empty: the packaged probe
    uint32_t buffer_bytes = 0; // engine.buffer_bytes; 0: the driver's default
    uint32_t snaplen = 0;      // engine.snaplen (-S); 0: the driver's default
};

struct Config {
    std::vector<std::string> rules_files; // rules_file: files and directories, in order
    Priority min_priority = Priority::kDebug;
    OutputsConfig outputs;
    EngineConfig engine;
    bool log_stderr = true;
    bool log_syslog = true;
    std::string log_level = "info";
    std::string source_path; // the file this came from ("" for defaults only)
};

// Reads falco.yaml, applies each override ("file_output.enabled=true", "base.list[1]=x"; the
// value is read as a YAML scalar) and decodes the result. Unknown keys are ignored.
// Throws ConfigError whose message is one line naming the file and the problem.
Config load_config(const std::string& path, const std::vector<std::string>& overrides);

// The same with no file: defaults plus overrides.
Config default_config(const std::vector<std::string>& overrides);

struct ConfigError : std::runtime_error {
    using std::runtime_error::runtime_error;
};

} // namespace falco
