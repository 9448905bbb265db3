// sinsp-inspect: sysdig's reading side on libsinsp.
//
//   sinsp-inspect -r FILE [-p FORMAT | -j] [-n N] [-w OUT] [FILTER...]
//   sinsp-inspect -B[PROBE] | -K [-M SECS] ...   live, with the eBPF probe or the kernel module
//   sinsp-inspect -l | --list        fields and their descriptions
//   sinsp-inspect -L                 events and their parameters
#include <getopt.h>

#include <chrono>
#include <csignal>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <memory>
#include <string>
#include <vector>

#include "driver_api/event_table.h"
#include "scap/scap_dumper.h"
#include "sinsp/error.h"
#include "sinsp/fields.h"
#include "sinsp/filter/filter.h"
#include "sinsp/formatter.h"
#include "sinsp/inspector.h"
#include "tools/listings.h"

namespace {

volatile std::sig_atomic_t g_stop = 0;

void on_signal(int) {
    g_stop = 1;
}

struct Options {
    std::string read_path;
    std::string bpf_probe; // -B: capture live with the eBPF probe
    bool live_bpf = false;
    bool live_kmod = false; // -K: capture live with the kernel module
    double seconds = 0;     // -M: stop after this many seconds (0: no limit)
    std::string format;
    std::string write_path;
    std::string filter;
    bool json = false;
    uint64_t max_events = 0; // 0: all
};

[[noreturn]] void usage(int code) {
    std::fprintf(code == 0 ? stdout : stderr,
                 "usage: sinsp-inspect -r FILE [-p FORMAT | -j] [-n N] [-w OUT] [FILTER]\n"
                 "       sinsp-inspect -l | --list | -L\n"
                 "  -r FILE    read events from a capture file (plain or gzip)\n"
                 "  -p FORMAT  print each event with this format (%%field tokens; a leading *\n"
                 "             prints events even when a field has no value)\n"
                 "  -j         print events as JSON objects\n"
                 "  -n N       stop after N events\n"
                 "  -B, --bpf[=PROBE]  capture live with the eBPF probe (root; default probe\n"
                 "             " SCAP_DEFAULT_BPF_PROBE ")\n"
                 "  -K, --kmod capture live with the kernel module (root; /dev/falco<cpu>)\n"
                 "  -M SECS    stop after SECS seconds\n"
                 "  -w OUT     write the events that pass the filter to the capture OUT\n"
                 "  -l, --list list the fields\n"
                 "  -L         list the events\n");
    std::exit(code);
}

// Buffered stdout: one fwrite per 64 KiB of lines.
class Output {
public:
    ~Output() { flush(); }
    std::string& line() { return buffer_; }
    void end_line() {
        buffer_ += '\n';
        if (buffer_.size() >= 65536) {
            flush();
        }
    }
    void flush() {
        if (!buffer_.empty()) {
            std::fwrite(buffer_.data(), 1, buffer_.size(), stdout);
            buffer_.clear();
        }
    }

private:
    std::string buffer_;
};

// A capture writer that leaves nothing behind unless closed successfully.
class Writer {
public:
    Writer(const std::string& path, const scap_metadata* meta) : path_(path) {
        char err[SCAP_ERRMSG_SIZE] = "";
        dumper_ = scap_dumper_open(path.c_str(), false, err);
        if (dumper_ == nullptr) {
            throw sinsp::Error(err);
        }
        if (meta != nullptr && scap_dump_section(dumper_, meta) != SCAP_OK) {
            scap_dumper_abort(dumper_);
            dumper_ = nullptr;
            throw sinsp::Error(path + ": cannot write the capture header");
        }
    }
    ~Writer() {
        if (dumper_ != nullptr) {
            scap_dumper_abort(dumper_);
        }
    }
    void write(const sinsp::Event& evt) {
        if (scap_dump_event(dumper_, &evt.raw(), evt.cpu(), evt.dump_flags()) != SCAP_OK) {
            throw sinsp::Error(path_ + ": cannot write event " + std::to_string(evt.num()));
        }
    }
    void close() {
        char err[SCAP_ERRMSG_SIZE] = "";
        int rc = scap_dumper_close(dumper_, err);
        dumper_ = nullptr;
        if (rc != SCAP_OK) {
            throw sinsp::Error(err);
        }
    }

private:
    std::string path_;
    scap_dumper* dumper_ = nullptr;
};

int run(const Options& opt) {
    const sinsp::FieldCatalogue& catalogue = sinsp::FieldCatalogue::instance();
    std::unique_ptr<sinsp::filter::CompiledFilter> filter;
    if (!opt.filter.empty()) {
        auto result = sinsp::filter::compile(opt.filter, catalogue);
        if (!result.ok()) {
            for (const auto& diag : result.errors) {
                std::fprintf(stderr, "sinsp-inspect: %s\n", diag.to_string("filter").c_str());
            }
            return 1;
        }
        filter = std::move(result.filter);
    }
    sinsp::Formatter formatter(opt.format.empty() ? sinsp::kDefaultFormat : opt.format);
    // The event types the filter can match, by code: the rest skip the evaluation.
    std::vector<bool> wanted(SCAP_EVENT_COUNT, true);
    if (filter) {
        for (uint32_t code = 0; code < SCAP_EVENT_COUNT; code++) {
            const char* name = scap_event_table[code].name;
            wanted[code] = name != nullptr && filter->event_types().contains(name);
        }
    }

    const bool live = opt.live_bpf || opt.live_kmod;
    if (int(!opt.read_path.empty()) + int(opt.live_bpf) + int(opt.live_kmod) != 1) {
        std::fprintf(stderr, "sinsp-inspect: give one input: -r FILE, -B or -K\n");
        return 1;
    }
    sinsp::OpenOptions source;
    if (opt.live_bpf) {
        source.engine = "bpf";
        source.bpf_probe = opt.bpf_probe;
    } else if (opt.live_kmod) {
        source.engine = "kmod";
    } else {
        source.path = opt.read_path;
    }
    auto inspector = sinsp::Inspector::open(source);
    std::signal(SIGINT, on_signal);
    std::signal(SIGTERM, on_signal);
    const auto started = std::chrono::steady_clock::now();
    auto expired = [&] {
        if (g_stop != 0) {
            return true;
        }
        if (opt.seconds <= 0) {
            return false;
        }
        std::chrono::duration<double> elapsed = std::chrono::steady_clock::now() - started;
        return elapsed.count() >= opt.seconds;
    };
    sinsp::FieldExtractor extractor(*inspector);
    std::unique_ptr<Writer> writer;
    if (!opt.write_path.empty()) {
        writer = std::make_unique<Writer>(opt.write_path, inspector->metadata());
    }
    Output out;
    uint64_t seen = 0;
    while (true) {
        const sinsp::Event* evt = inspector->next();
        if (evt == nullptr) {
            if (inspector->eof() || expired()) {
                break;
            }
            continue;
        }
        if ((opt.max_events != 0 && seen >= opt.max_events) || (live && expired())) {
            break;
        }
        seen++;
        if (filter) {
            if (!wanted[evt->type()]) {
                continue;
            }
            extractor.bind(*evt);
            if (!filter->evaluate(extractor)) {
                continue;
            }
        }
        if (writer) {
            writer->write(*evt);
            continue;
        }
        // Internal and meta events (process list snapshots, container notes) and state-only
        // events are for the state, not for the reader; sysdig does not print them either.
        if ((evt->info().category & (SCAP_EC_INTERNAL | SCAP_EC_METAEVENT)) != 0 ||
            (evt->dump_flags() & SCAP_DF_STATE_ONLY) != 0) {
            continue;
        }
        extractor.bind(*evt);
        bool printed = opt.json ? formatter.format_json(extractor, out.line())
                                : formatter.format(extractor, out.line());
        if (printed) {
            out.end_line();
        }
    }
    out.flush();
    if (writer) {
        writer->close();
    }
    return 0;
}

} // namespace

int main(int argc, char** argv) {
    static const option long_options[] = {
        {"list", no_argument, nullptr, 'l'},
        {"bpf", optional_argument, nullptr, 'B'},
        {"kmod", no_argument, nullptr, 'K'},
        {"help", no_argument, nullptr, 'h'},
        {nullptr, 0, nullptr, 0},
    };
    Options opt;
    int c;
    while ((c = getopt_long(argc, argv, "+r:p:jn:w:lLhB::KM:", long_options, nullptr)) != -1) {
        switch (c) {
        case 'r':
            opt.read_path = optarg;
            break;
        case 'p':
            opt.format = optarg;
            break;
        case 'j':
            opt.json = true;
            break;
        case 'n': {
            char* end = nullptr;
            opt.max_events = std::strtoull(optarg, &end, 10);
            if (end == optarg || *end != '\0' || opt.max_events == 0) {
                std::fprintf(stderr, "sinsp-inspect: -n: '%s' is not a positive number\n", optarg);
                return 1;
            }
            break;
        }
        case 'w':
            opt.write_path = optarg;
            break;
        case 'B':
            opt.live_bpf = true;
            opt.bpf_probe = optarg != nullptr ? optarg : "";
            break;
        case 'K':
            opt.live_kmod = true;
            break;
        case 'M': {
            char* end = nullptr;
            opt.seconds = std::strtod(optarg, &end);
            if (end == optarg || *end != '\0' || opt.seconds <= 0) {
                std::fprintf(stderr, "sinsp-inspect: -M: '%s' is not a positive number\n", optarg);
                return 1;
            }
            break;
        }
        case 'l':
            list_fields(stdout);
            return 0;
        case 'L':
            list_events(stdout);
            return 0;
        case 'h':
            usage(0);
        default:
            usage(1);
        }
    }
    for (int i = optind; i < argc; i++) {
        if (!opt.filter.empty()) {
            opt.filter += ' ';
        }
        opt.filter += argv[i];
    }
    try {
        return run(opt);
    } catch (const sinsp::Error& e) {
        std::fprintf(stderr, "sinsp-inspect: %s\n", e.what());
        return 1;
    }
}
