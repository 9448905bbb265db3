// Test captures built in memory: event records with typed parameters, written with libscap's
// writer together with a process list, then read back through the Inspector.
#pragma once

#include <cstdint>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "scap/scap_metadata.h"
#include "sinsp/inspector.h"

namespace sinsp::testing {

// One parameter's encoded value.
struct Param {
    std::string bytes;

    static Param i64(int64_t v);
    static Param u64(uint64_t v);
    static Param u32(uint32_t v);
    static Param u16(uint16_t v);
    static Param u8(uint8_t v);
    // A NUL-terminated string.
    static Param str(const std::string& s);
    // Raw bytes, as they are (NUL-separated lists included).
    static Param raw(const std::string& s);
    // IPv4 tuple "a.b.c.d" sport -> "e.f.g.h" dport.
    static Param tuple4(const std::string& sip, uint16_t sport, const std::string& dip,
                        uint16_t dport);
    // IPv4 socket address.
    static Param addr4(const std::string& ip, uint16_t port);
    // Unix tuple with a path.
    static Param tuple_unix(uint64_t source, uint64_t dest, const std::string& path);
    // An empty (not recorded) parameter.
    static Param none();
};

// An event record of `code` by thread `tid` at `ts`.
std::string event(uint16_t code, uint64_t tid, uint64_t ts, const std::vector<Param>& params);

// The same with parameters by schema name; the ones not given are recorded empty.
std::string event(uint16_t code, uint64_t tid, uint64_t ts,
                  const std::map<std::string, Param>& params);

// A fresh path in the test's temporary directory ("<prefix>-<pid>-<n>.scap").
std::string temp_capture_path(const std::string& prefix);

// Writes `meta` and `events` (records from event()) to `path` with libscap's writer; throws
// std::runtime_error on failure.
void write_capture(const std::string& path, const scap_metadata& meta,
                   const std::vector<std::string>& events);

// A process for the capture's process list.
struct Process {
    uint64_t tid = 0, pid = 0, ptid = 0;
    std::string comm, exe, exepath, cwd = "/";
    std::vector<std::string> args;
    uint32_t uid = 0, gid = 0;
    struct Fd {
        int64_t fd;
        uint8_t type; // scap_fd_type
        std::string name;
    };
    std::vector<Fd> fds;
};

// A capture file in the test's temporary directory, removed with the object.
class Capture {
public:
    Capture(const std::vector<Process>& processes, const std::vector<std::string>& events);
    ~Capture();
    const std::string& path() const { return path_; }
    // An inspector reading it.
    std::unique_ptr<Inspector> open() const;

private:
    std::string path_;
};

} // namespace sinsp::testing
