// falco: loads rules, runs every event of a capture file or a live driver through them, and
// sends the alerts to the configured outputs.
#include <sys/stat.h>
#include <unistd.h>

#include <cstdio>
#include <fstream>
#include <stdexcept>

#include "app/describe.h"
#include "app/event_loop.h"
#include "app/log.h"
#include "app/options.h"
#include "config/config.h"
#include "engine/alert_counters.h"
#include "engine/rules_engine.h"
#include "outputs/outputs.h"
#include "sinsp/error.h"
#include "sinsp/inspector.h"
#include "tools/listings.h"

#ifndef FALCO_VERSION
#error "FALCO_VERSION comes from the build (userspace/falco/BUILD.bazel)"
#endif

namespace falco {
namespace {

constexpr const char* kDefaultConfig = "/etc/falco/falco.yaml";

// A fatal problem: printed as "Error: MESSAGE" and exit 1.
struct Fatal : std::runtime_error {
    using std::runtime_error::runtime_error;
};

bool file_exists(const std::string& path) {
    struct stat st {};
    return ::stat(path.c_str(), &st) == 0;
}

Config read_config(const Options& opt) {
    if (!opt.config_path.empty()) {
        return load_config(opt.config_path, opt.overrides);
    }
    if (file_exists(kDefaultConfig)) {
        return load_config(kDefaultConfig, opt.overrides);
    }
    return default_config(opt.overrides);
}

CompileOptions compile_options(const Options& opt, const Config& config) {
    CompileOptions out;
    out.min_priority = config.min_priority;
    out.output.time_iso8601 = config.outputs.time_format_iso_8601;
    if (opt.extra_output) {
        const std::string& p = *opt.extra_output;
        if (p == "c" || p == "container" || p == "k" || p == "kubernetes") {
            out.output.extra = "container=%container.name (id=%container.id)";
            out.output.extra_replaces_container_info = true;
        } else {
            out.output.extra = p;
        }
    }
    return out;
}

// -V: every file's result; exit status 0 only when all loaded.
int validate(const Options& opt, const Config& config) {
    RulesEngine engine;
    LoadOutcome outcome = engine.load_paths(opt.validate_paths, compile_options(opt, config));
    bool json = config.outputs.json_output;
    std::string text, summary;
    for (const LoadResult& result : outcome.results) {
        summary += result.as_text(true, opt.verbose);
        if (json) {
            text += text.empty() ? "" : ",";
            text += result.as_json();
        } else {
            std::fputs(result.as_text(!result.successful() || opt.verbose, opt.verbose).c_str(),
                       stdout);
        }
    }
    if (json) {
        std::printf("{\"falco_load_results\":[%s]}\n", text.c_str());
    }
    if (!outcome.ok) {
        std::fprintf(stderr, "Error: %s", summary.c_str());
        return 1;
    }
    return 0;
}

void load_rules(RulesEngine& engine, const Options& opt, const Config& config) {
    std::vector<std::string> paths = opt.rules_paths.empty() ? config.rules_files : opt.rules_paths;
    if (paths.empty()) {
        throw Fatal("You must specify at least one rules file/directory via -r or a rules_file "
                    "entry in falco.yaml");
    }
    LoadOutcome outcome = engine.load_paths(paths, compile_options(opt, config));
    std::string details;
    for (const LoadResult& result : outcome.results) {
        if (!result.successful()) {
            details += result.as_text(true, opt.verbose);
        } else if (opt.verbose && result.has_warnings()) {
            std::fputs(result.as_text(true, true).c_str(), stderr);
        }
    }
    if (!outcome.ok) {
        throw Fatal(details);
    }
    for (const PluginRequirement& req : engine.plugin_requirements()) {
        std::string names = req.name + " (>= " + req.version + ")";
        for (const auto& [name, version] : req.alternatives) {
            names += ", " + name + " (>= " + version + ")";
        }
        throw Fatal("Plugin requirement not satisfied, must load one of: " + names);
    }
    for (const std::string& s : opt.disabled_substrings) {
        engine.disable_matching(s);
    }
    for (const std::string& tag : opt.disabled_tags) {
        engine.disable_tagged(tag);
    }
    if (!opt.enabled_tags.empty()) {
        engine.enable_only_tagged(opt.enabled_tags);
    }
}

sinsp::OpenOptions source_options(const Options& opt, const Config& config) {
    sinsp::OpenOptions source;
    if (!opt.trace_file.empty()) {
        source.engine = "savefile";
        source.path = opt.trace_file;
        return source;
    }
    source.snaplen = opt.snaplen != 0 ? opt.snaplen : config.engine.snaplen;
    source.ring_bytes = config.engine.buffer_bytes;
    const std::string& kind = config.engine.kind;
    if (kind == "ebpf") {
        source.engine = "bpf";
        source.bpf_probe = config.engine.ebpf_probe;
    } else if (kind == "ptrace") {
        source.engine = "ptrace";
        source.ptrace_argv = opt.ptrace_command;
        source.ptrace_pid = opt.ptrace_pid;
        if (source.ptrace_argv.empty() && source.ptrace_pid == 0) {
            throw Fatal("engine.kind=ptrace needs a command after '--' or --ptrace-pid PID");
        }
    } else {
        source.engine = kind;
    }
    if (kind != "ptrace" && !opt.ptrace_command.empty()) {
        throw Fatal("unexpected argument '" + opt.ptrace_command[0] +
                    "' (a command to trace needs engine.kind=ptrace)");
    }
    return source;
}

// The log line that says where events come from.
std::string describe_source(const sinsp::OpenOptions& source) {
    if (source.engine == "savefile") {
        return "Reading system call events from file: " + source.path;
    }
    if (source.engine == "bpf") {
        return "Opened the 'syscall' source with the eBPF probe " +
               (source.bpf_probe.empty() ? std::string("(default path)") : source.bpf_probe);
    }
    if (source.engine == "ptrace") {
        return "Opened the 'syscall' source with the ptrace tracer";
    }
    if (source.engine == "kmod") {
        return "Opened the 'syscall' source with the kernel module (/dev/falco*)";
    }
    return "Opened the 'syscall' source with the " + source.engine + " engine";
}

void write_stats(const std::string& path, const std::string& json) {
    std::string tmp = path + ".tmp";
    {
        std::ofstream out(tmp, std::ios::trunc);
        out << json << '\n';
        if (!out.flush()) {
            throw Fatal("cannot write statistics to " + tmp);
        }
    }
    if (std::rename(tmp.c_str(), path.c_str()) != 0) {
        std::remove(tmp.c_str());
        throw Fatal("cannot write statistics to " + path);
    }
}

int run(int argc, char** argv) {
    Options opt = parse_options(argc, argv);
    if (opt.help) {
        std::fputs(usage_text().c_str(), stdout);
        return 0;
    }
    if (opt.version) {
        std::printf("Falco version: %s\nEngine version: %u\n", FALCO_VERSION, kEngineVersion);
        return 0;
    }
    if (opt.list_fields) {
        if (opt.names_only) {
            list_field_names(stdout);
        } else {
            list_fields(stdout);
        }
        return 0;
    }
    if (opt.list_syscall_events) {
        list_events(stdout);
        return 0;
    }
    if (opt.print_ignored) {
        list_high_volume_events(stdout);
        return 0;
    }
    Config config = read_config(opt);
    if (opt.unbuffered) {
        config.outputs.buffered_outputs = false;
    }
    configure_log(config);
    if (!opt.validate_paths.empty()) {
        return validate(opt, config);
    }
    RulesEngine engine;
    load_rules(engine, opt, config);
    bool json = config.outputs.json_output;
    if (opt.list_rules) {
        describe_rules(engine, json, stdout);
        return 0;
    }
    if (!opt.describe_rule.empty()) {
        if (!describe_rule(engine, opt.describe_rule, json, stdout)) {
            throw Fatal("no rule named '" + opt.describe_rule + "' is loaded");
        }
        return 0;
    }
    if (opt.dry_run) {
        return 0;
    }
    sinsp::OpenOptions source = source_options(opt, config);
    Outputs outputs(config.outputs);
    install_stop_handlers();
    std::unique_ptr<sinsp::Inspector> inspector = sinsp::Inspector::open(source);
    log(Priority::kInformational, describe_source(source));
    AlertCounters counters(engine.rules().size());
    LoopSettings settings;
    settings.duration_seconds = opt.duration_seconds;
    settings.json = json;
    settings.skip_high_volume = opt.trace_file.empty() && !opt.all_events;
    LoopStats stats = run_events(*inspector, engine, outputs, counters, settings);
    std::fputs(counters.summary_text(engine.rules()).c_str(), stdout);
    std::fflush(stdout);
    if (opt.verbose) {
        std::fprintf(stderr,
                     "Events read: %llu (%llu high-volume skipped), alerts dropped by the "
                     "rate limit: %llu, rules evaluated: %llu\nElapsed time: %.3f s\n",
                     static_cast<unsigned long long>(stats.events),
                     static_cast<unsigned long long>(stats.skipped),
                     static_cast<unsigned long long>(outputs.dropped()),
                     static_cast<unsigned long long>(engine.evaluations()), stats.seconds);
    }
    if (!opt.stats_file.empty()) {
        write_stats(opt.stats_file, counters.summary_json(engine.rules()));
    }
    return 0;
}

} // namespace
} // namespace falco

int main(int argc, char** argv) {
    try {
        return falco::run(argc, argv);
    } catch (const std::exception& e) {
        std::string message = e.what();
        if (!message.empty() && message.back() == '\n') {
            message.pop_back();
        }
        std::fflush(stdout);
        std::fprintf(stderr, "Error: %s\n", message.c_str());
        return 1;
    }
}
