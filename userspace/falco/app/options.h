// falco's command line, as upstream falco spells it for what we support.
#pragma once

#include <optional>
#include <string>
#include <vector>

namespace falco {

struct Options {
    std::vector<std::string> rules_paths;    // -r (replaces rules_file)
    std::string config_path;                 // -c; empty: /etc/falco/falco.yaml if it exists
    std::vector<std::string> overrides;      // -o key=value
    std::string trace_file;                  // -e
    std::vector<std::string> validate_paths; // -V / --validate
    bool list_rules = false;                 // -L
    std::string describe_rule;               // -l RULE
    bool list_fields = false;                // --list[=SOURCE]
    std::string list_source;
    bool names_only = false;                      // -N with --list
    bool markdown = false;                        // --markdown with --list
    bool list_syscall_events = false;             // --list-syscall-events
    std::vector<std::string> disabled_substrings; // -D
    std::vector<std::string> disabled_tags;       // -T
    std::vector<std::string> enabled_tags;        // -t
    std::optional<std::string> extra_output;      // -p
    bool all_events = false;                      // -A
    bool print_ignored = false;                   // -i
    double duration_seconds = 0;                  // -M (0: no limit)
    bool unbuffered = false;                      // -U
    bool verbose = false;                         // -v
    std::string stats_file;                       // -s: final counters as JSON
    uint32_t snaplen = 0;                         // -S
    bool version = false;                         // --version
    bool dry_run = false;                         // --dry-run
    bool help = false;                            // -h / --help
    std::vector<std::string> ptrace_command;      // after "--", with engine.kind=ptrace
    int ptrace_pid = 0;                           // --ptrace-pid
};

// Parses argv. Throws std::runtime_error with a one-line message on bad usage.
Options parse_options(int argc, char** argv);

// The -h text.
std::string usage_text();

} // namespace falco
