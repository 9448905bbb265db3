// libFuzzer target: arbitrary event sequences through the inspector's state machine, every field
// of the catalogue and the default format. Events come from the input as
// [u16 code][u8 tid][u8 nparams] then per parameter [u8 length][bytes]; they are written to a
// capture with a small process list and read back, so that the real reader, parser, extractors
// and formatter all run. Nothing may crash, leak or read out of bounds.
#include <unistd.h>

#include <cstdint>
#include <cstdio>
#include <string>
#include <vector>

#include "driver_api/event_table.h"
#include "scap/scap_dumper.h"
#include "scap/scap_event.h"
#include "sinsp/error.h"
#include "sinsp/fields.h"
#include "sinsp/formatter.h"
#include "sinsp/inspector.h"

namespace {

class Input {
public:
    Input(const uint8_t* data, size_t size) : p_(data), end_(data + size) {}
    bool empty() const { return p_ >= end_; }
    uint8_t u8() { return empty() ? 0 : *p_++; }
    uint16_t u16() { return static_cast<uint16_t>(u8() | (u8() << 8)); }
    std::string bytes(size_t n) {
        size_t avail = static_cast<size_t>(end_ - p_);
        n = n < avail ? n : avail;
        std::string out(reinterpret_cast<const char*>(p_), n);
        p_ += n;
        return out;
    }

private:
    const uint8_t* p_;
    const uint8_t* end_;
};

std::string next_event(Input& in, uint64_t ts) {
    uint16_t code = static_cast<uint16_t>(in.u16() % SCAP_EVENT_COUNT);
    uint64_t tid = 100 + in.u8() % 6; // a few threads, some in the process list
    unsigned nparams = in.u8() % 32;
    unsigned width = scap_event_length_width(code);
    std::string lengths, values;
    for (unsigned i = 0; i < nparams; i++) {
        std::string v = in.bytes(in.u8() % 48);
        if (width == 4) {
            uint32_t len = static_cast<uint32_t>(v.size());
            lengths.append(reinterpret_cast<const char*>(&len), 4);
        } else {
            uint16_t len = static_cast<uint16_t>(v.size());
            lengths.append(reinterpret_cast<const char*>(&len), 2);
        }
        values += v;
    }
    scap_evt hdr{};
    hdr.ts = ts;
    hdr.tid = tid;
    hdr.len = static_cast<uint32_t>(SCAP_EVT_HEADER_SIZE + lengths.size() + values.size());
    hdr.type = code;
    hdr.nparams = nparams;
    return std::string(reinterpret_cast<const char*>(&hdr), SCAP_EVT_HEADER_SIZE) + lengths +
           values;
}

bool write_capture(const std::string& path, const std::vector<std::string>& events) {
    scap_fdinfo fds[2] = {};
    fds[0].fd = 0;
    fds[0].type = 1;
    fds[0].name = "/dev/null";
    fds[1].fd = 3;
    fds[1].type = 3;
    fds[1].name = "";
    scap_fdlist fdlist{100, 2, fds};
    scap_threadinfo threads[2] = {};
    const char* comms[2] = {"bash", "cat"};
    for (int i = 0; i < 2; i++) {
        scap_threadinfo& t = threads[i];
        t.tid = t.pid = static_cast<uint64_t>(100 + i);
        t.ptid = i == 0 ? 1 : 100;
        t.comm = t.exe = t.exepath = comms[i];
        t.cwd = "/root";
        t.root = "/";
        t.args = "-c\0x\0";
        t.args_len = 5;
        t.env = t.cgroups = "";
        t.loginuid = 0xffffffff;
    }
    scap_metadata meta{};
    meta.nthreads = 2;
    meta.threads = threads;
    meta.nfdlists = 1;
    meta.fdlists = &fdlist;
    char err[SCAP_ERRMSG_SIZE];
    scap_dumper* d = scap_dumper_open(path.c_str(), false, err);
    if (d == nullptr || scap_dump_section(d, &meta) != SCAP_OK) {
        if (d != nullptr) {
            scap_dumper_abort(d);
        }
        return false;
    }
    for (const std::string& e : events) {
        const auto* evt = reinterpret_cast<const scap_evt*>(e.data());
        if (scap_event_validate(evt, e.size()) != 0) {
            continue;
        }
        scap_dump_event(d, evt, 0, 0);
    }
    return scap_dumper_close(d, err) == SCAP_OK;
}

// Every field bound once, with an argument where it needs one.
const std::vector<sinsp::filter::BoundField>& all_fields() {
    static const std::vector<sinsp::filter::BoundField> fields = [] {
        std::vector<sinsp::filter::BoundField> out;
        const auto& catalogue = sinsp::FieldCatalogue::instance();
        for (const auto& cls : catalogue.classes()) {
            for (const auto* info : cls.fields) {
                for (const char* arg : {"", "0", "1", "fd", "HOME"}) {
                    std::optional<std::string> argument;
                    if (*arg != '\0') {
                        argument = std::string(arg);
                    }
                    auto bound = catalogue.bind(info->name, argument, nullptr);
                    if (bound) {
                        out.push_back(*bound);
                    }
                }
            }
        }
        return out;
    }();
    return fields;
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    Input in(data, size);
    std::vector<std::string> events;
    uint64_t ts = 1700000000000000000ull;
    while (!in.empty() && events.size() < 64) {
        events.push_back(next_event(in, ts++));
    }
    static const std::string path = "/tmp/sinsp-events-fuzz-" + std::to_string(getpid()) + ".scap";
    if (events.empty() || !write_capture(path, events)) {
        return 0;
    }
    static const sinsp::Formatter formatter(sinsp::kDefaultFormat);
    try {
        sinsp::OpenOptions options;
        options.path = path;
        auto inspector = sinsp::Inspector::open(options);
        sinsp::FieldExtractor extractor(*inspector);
        sinsp::filter::ValueList values;
        std::string text;
        while (const sinsp::Event* evt = inspector->next()) {
            extractor.bind(*evt);
            for (const auto& field : all_fields()) {
                values.clear();
                extractor.extract(field, values);
                text.clear();
                extractor.render(field, text);
            }
            text.clear();
            formatter.format(extractor, text);
            formatter.format_json(extractor, text);
        }
    } catch (const sinsp::Error&) {
        // A capture the reader rejects is fine; crashing on it is not.
    }
    return 0;
}
