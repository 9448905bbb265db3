#include "app/options.h"

#include <getopt.h>

#include <cstdlib>
#include <stdexcept>

namespace falco {
namespace {

enum LongOnly {
    kList = 1000,
    kListSyscallEvents,
    kMarkdown,
    kVersion,
    kDryRun,
    kPtracePid,
    kValidate,
};

double parse_seconds(const char* text) {
    char* end = nullptr;
    double value = std::strtod(text, &end);
    if (end == text || *end != '\0' || value < 0) {
        throw std::runtime_error(std::string("-M takes a number of seconds, not '") + text + "'");
    }
    return value;
}

uint32_t parse_count(const char* flag, const char* text) {
    char* end = nullptr;
    unsigned long value = std::strtoul(text, &end, 10);
    if (end == text || *end != '\0' || text[0] == '-' || value > UINT32_MAX) {
        throw std::runtime_error(std::string(flag) + " takes a non-negative number, not '" + text +
                                 "'");
    }
    return static_cast<uint32_t>(value);
}

} // namespace

std::string usage_text() {
    return "Usage: falco [options] [-- COMMAND ARGS (engine.kind=ptrace)]\n"
           "  -c FILE              configuration file (default /etc/falco/falco.yaml)\n"
           "  -o KEY=VALUE         override a configuration key (file_output.enabled=true)\n"
           "  -r PATH              rules file or directory; repeat to load several, in order\n"
           "  -e FILE              read events from a capture file instead of a live driver\n"
           "  -V, --validate FILE  check rules files and exit; repeatable\n"
           "  -L                   list the loaded rules and exit\n"
           "  -l RULE              describe one rule and exit\n"
           "  --list[=SOURCE]      list the fields (-N: names only, --markdown: tables)\n"
           "  --list-syscall-events  list the system call events\n"
           "  -D SUBSTRING         disable the rules whose names contain SUBSTRING\n"
           "  -T TAG               disable the rules with TAG\n"
           "  -t TAG               run only the rules with TAG\n"
           "  -p FORMAT            append FORMAT to every alert (-pc: container name and id)\n"
           "  -A                   live: also evaluate high-volume I/O, wait and sleep events\n"
           "  -i                   list the events -A adds, and exit\n"
           "  -M SECONDS           stop after SECONDS\n"
           "  -S LEN               snap length of captured I/O buffers (live)\n"
           "  -U                   unbuffered outputs (buffered_outputs: false)\n"
           "  -s FILE              write the final counters to FILE as JSON\n"
           "  -v                   verbose: rule warnings, capture statistics\n"
           "  --ptrace-pid PID     engine.kind=ptrace: attach to a running process\n"
           "  --dry-run            load everything, process no events\n"
           "  --version            print the versions and exit\n"
           "  -h, --help           this help\n";
}

Options parse_options(int argc, char** argv) {
    static const option kLong[] = {
        {"help", no_argument, nullptr, 'h'},
        {"list", optional_argument, nullptr, kList},
        {"list-syscall-events", no_argument, nullptr, kListSyscallEvents},
        {"markdown", no_argument, nullptr, kMarkdown},
        {"version", no_argument, nullptr, kVersion},
        {"dry-run", no_argument, nullptr, kDryRun},
        {"ptrace-pid", required_argument, nullptr, kPtracePid},
        {"validate", required_argument, nullptr, kValidate},
        {nullptr, 0, nullptr, 0},
    };
    Options opt;
    optind = 1;
    opterr = 0;
    int c;
    while ((c = getopt_long(argc, argv, "+hc:o:r:e:V:Ll:D:T:t:p:AiM:S:Us:vN", kLong, nullptr)) !=
           -1) {
        switch (c) {
        case 'h':
            opt.help = true;
            break;
        case 'c':
            opt.config_path = optarg;
            break;
        case 'o':
            opt.overrides.emplace_back(optarg);
            break;
        case 'r':
            opt.rules_paths.emplace_back(optarg);
            break;
        case 'e':
            opt.trace_file = optarg;
            break;
        case 'V':
        case kValidate:
            opt.validate_paths.emplace_back(optarg);
            break;
        case 'L':
            opt.list_rules = true;
            break;
        case 'l':
            opt.describe_rule = optarg;
            break;
        case 'D':
            opt.disabled_substrings.emplace_back(optarg);
            break;
        case 'T':
            opt.disabled_tags.emplace_back(optarg);
            break;
        case 't':
            opt.enabled_tags.emplace_back(optarg);
            break;
        case 'p':
            opt.extra_output = optarg;
            break;
        case 'A':
            opt.all_events = true;
            break;
        case 'i':
            opt.print_ignored = true;
            break;
        case 'M':
            opt.duration_seconds = parse_seconds(optarg);
            break;
        case 'S':
            opt.snaplen = parse_count("-S", optarg);
            break;
        case 'U':
            opt.unbuffered = true;
            break;
        case 's':
            opt.stats_file = optarg;
            break;
        case 'v':
            opt.verbose = true;
            break;
        case 'N':
            opt.names_only = true;
            break;
        case kList:
            opt.list_fields = true;
            opt.list_source = optarg != nullptr ? optarg : "";
            break;
        case kListSyscallEvents:
            opt.list_syscall_events = true;
            break;
        case kMarkdown:
            opt.markdown = true;
            break;
        case kVersion:
            opt.version = true;
            break;
        case kDryRun:
            opt.dry_run = true;
            break;
        case kPtracePid:
            opt.ptrace_pid = static_cast<int>(parse_count("--ptrace-pid", optarg));
            break;
        default: {
            std::string flag = optopt != 0 ? std::string("-") + static_cast<char>(optopt)
                                           : std::string(argv[optind - 1]);
            throw std::runtime_error(
                c == ':' || (optopt != 0 &&
                             std::string("coreVlDTtpMSs").find(static_cast<char>(optopt)) !=
                                 std::string::npos)
                    ? "option " + flag + " needs a value"
                    : "unknown option " + flag + " (see falco --help)");
        }
        }
    }
    for (int i = optind; i < argc; ++i) {
        opt.ptrace_command.emplace_back(argv[i]);
    }
    if (!opt.enabled_tags.empty() &&
        (!opt.disabled_tags.empty() || !opt.disabled_substrings.empty())) {
        throw std::runtime_error(
            "You can not specify both disabled (-D/-T) and enabled (-t) rules");
    }
    return opt;
}

} // namespace falco
