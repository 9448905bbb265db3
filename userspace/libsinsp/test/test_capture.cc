#include "test/test_capture.h"

#include <arpa/inet.h>
#include <unistd.h>

#include <atomic>
#include <cstdlib>
#include <cstring>
#include <stdexcept>

#include "driver_api/event_table.h"
#include "scap/scap.h"
#include "scap/scap_dumper.h"
#include "scap/scap_event.h"

namespace sinsp::testing {

namespace {

template <typename T> std::string le(T v) {
    return std::string(reinterpret_cast<const char*>(&v), sizeof(v));
}

std::string ipv4(const std::string& text) {
    in_addr a{};
    if (inet_pton(AF_INET, text.c_str(), &a) != 1) {
        throw std::invalid_argument("bad IPv4 address " + text);
    }
    return std::string(reinterpret_cast<const char*>(&a), 4);
}

} // namespace

Param Param::i64(int64_t v) {
    return {le(v)};
}
Param Param::u64(uint64_t v) {
    return {le(v)};
}
Param Param::u32(uint32_t v) {
    return {le(v)};
}
Param Param::u16(uint16_t v) {
    return {le(v)};
}
Param Param::u8(uint8_t v) {
    return {le(v)};
}
Param Param::str(const std::string& s) {
    return {s + std::string(1, '\0')};
}
Param Param::raw(const std::string& s) {
    return {s};
}
Param Param::none() {
    return {};
}

Param Param::tuple4(const std::string& sip, uint16_t sport, const std::string& dip,
                    uint16_t dport) {
    return {std::string(1, '\x02') + ipv4(sip) + le(sport) + ipv4(dip) + le(dport)};
}

Param Param::addr4(const std::string& ip, uint16_t port) {
    return {std::string(1, '\x02') + ipv4(ip) + le(port)};
}

Param Param::tuple_unix(uint64_t source, uint64_t dest, const std::string& path) {
    return {std::string(1, '\x01') + le(source) + le(dest) + path + std::string(1, '\0')};
}

std::string event(uint16_t code, uint64_t tid, uint64_t ts, const std::vector<Param>& params) {
    unsigned width = scap_event_length_width(code);
    std::string lengths, values;
    for (const Param& p : params) {
        if (width == 4) {
            lengths += le(static_cast<uint32_t>(p.bytes.size()));
        } else {
            lengths += le(static_cast<uint16_t>(p.bytes.size()));
        }
        values += p.bytes;
    }
    scap_evt hdr{};
    hdr.ts = ts;
    hdr.tid = tid;
    hdr.len = static_cast<uint32_t>(SCAP_EVT_HEADER_SIZE + lengths.size() + values.size());
    hdr.type = code;
    hdr.nparams = static_cast<uint32_t>(params.size());
    return std::string(reinterpret_cast<const char*>(&hdr), SCAP_EVT_HEADER_SIZE) + lengths +
           values;
}

std::string event(uint16_t code, uint64_t tid, uint64_t ts,
                  const std::map<std::string, Param>& params) {
    const scap_event_info& info = scap_event_table[code];
    std::vector<Param> ordered;
    size_t used = 0;
    for (uint16_t i = 0; i < info.nparams; i++) {
        auto it = params.find(info.params[i].name);
        if (it == params.end()) {
            ordered.push_back(Param::none());
        } else {
            ordered.push_back(it->second);
            used++;
        }
    }
    if (used != params.size()) {
        throw std::invalid_argument(std::string("a parameter that ") + info.name +
                                    " does not have");
    }
    return event(code, tid, ts, ordered);
}

std::string temp_capture_path(const std::string& prefix) {
    static std::atomic<int> counter{0};
    const char* dir = std::getenv("TEST_TMPDIR");
    return std::string(dir != nullptr ? dir : "/tmp") + "/" + prefix + "-" +
           std::to_string(getpid()) + "-" + std::to_string(counter++) + ".scap";
}

void write_capture(const std::string& path, const scap_metadata& meta,
                   const std::vector<std::string>& events) {
    char err[SCAP_ERRMSG_SIZE] = "";
    scap_dumper* d = scap_dumper_open(path.c_str(), false, err);
    if (d == nullptr) {
        throw std::runtime_error(err);
    }
    if (scap_dump_section(d, &meta) != SCAP_OK) {
        scap_dumper_abort(d);
        throw std::runtime_error(path + ": cannot write the test capture's metadata");
    }
    for (const std::string& e : events) {
        if (scap_dump_event(d, reinterpret_cast<const scap_evt*>(e.data()), 0, 0) != SCAP_OK) {
            scap_dumper_abort(d);
            throw std::runtime_error(path + ": cannot write a test event");
        }
    }
    if (scap_dumper_close(d, err) != SCAP_OK) {
        throw std::runtime_error(err);
    }
}

Capture::Capture(const std::vector<Process>& processes, const std::vector<std::string>& events) {
    path_ = temp_capture_path("sinsp-test");

    // The process list: scap_threadinfo entries pointing into these strings.
    std::vector<std::string> args(processes.size());
    std::vector<std::vector<scap_fdinfo>> fds(processes.size());
    std::vector<scap_fdlist> fdlists;
    fdlists.reserve(processes.size());
    std::vector<scap_threadinfo> threads(processes.size());
    for (size_t i = 0; i < processes.size(); i++) {
        const Process& p = processes[i];
        for (const std::string& a : p.args) {
            args[i] += a + std::string(1, '\0');
        }
        scap_threadinfo& t = threads[i];
        t = scap_threadinfo{};
        t.tid = p.tid;
        t.pid = p.pid;
        t.ptid = p.ptid;
        t.sid = t.vpgid = t.pgid = -1;
        t.vtid = t.vpid = -1;
        t.comm = p.comm.c_str();
        t.exe = p.exe.c_str();
        t.exepath = p.exepath.c_str();
        t.cwd = p.cwd.c_str();
        t.root = "/";
        t.args = args[i].data();
        t.args_len = static_cast<uint32_t>(args[i].size());
        t.env = "";
        t.cgroups = "";
        t.uid = p.uid;
        t.gid = p.gid;
        t.loginuid = 0xffffffff;
        for (const Process::Fd& f : p.fds) {
            scap_fdinfo fd{};
            fd.fd = f.fd;
            fd.type = f.type;
            fd.name = f.name.c_str();
            fds[i].push_back(fd);
        }
        if (!fds[i].empty()) {
            fdlists.push_back(
                scap_fdlist{p.tid, static_cast<uint32_t>(fds[i].size()), fds[i].data()});
        }
    }
    scap_metadata meta{};
    meta.machine.num_cpus = 2;
    std::strcpy(meta.machine.hostname, "testhost");
    meta.nthreads = static_cast<uint32_t>(threads.size());
    meta.threads = threads.data();
    meta.nfdlists = static_cast<uint32_t>(fdlists.size());
    meta.fdlists = fdlists.data();

    write_capture(path_, meta, events);
}

Capture::~Capture() {
    unlink(path_.c_str());
}

std::unique_ptr<Inspector> Capture::open() const {
    OpenOptions options;
    options.path = path_;
    return Inspector::open(options);
}

} // namespace sinsp::testing
