// The inspector: reads events from any libscap source and keeps the process and fd state they
// imply, so that fields can say which process, which file, which connection.
//
//     auto inspector = sinsp::Inspector::open({.path = "trace.scap"});
//     while (const sinsp::Event* evt = inspector->next()) { ... }
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <unordered_map>
#include <vector>

#include "scap/scap.h"
#include "sinsp/api.h"
#include "sinsp/event.h"
#include "sinsp/thread_table.h"

namespace sinsp {

class EventParser;

// What to open: the libscap engine and its settings (see scap_open_args).
struct OpenOptions {
    std::string engine = "savefile"; // "savefile", "bpf", "kmod" or "ptrace"
    std::string path;                // savefile: the capture
    std::string bpf_probe;           // bpf: the probe object; empty for the default
    uint32_t ring_bytes = 0;
    uint32_t snaplen = 0;
    uint32_t only_tgid = 0;
    std::vector<std::string> ptrace_argv; // ptrace: the command to run
    int32_t ptrace_pid = 0;
    std::string ptrace_syscalls;
};

struct UserInfo {
    uint32_t uid = 0, gid = 0;
    std::string name, homedir, shell;
};

struct GroupInfo {
    uint32_t gid = 0;
    std::string name;
};

struct MachineInfo {
    std::string hostname;
    uint32_t num_cpus = 0;
    uint64_t memory_bytes = 0;
    uint64_t boot_ts = 0;
};

class SINSP_API Inspector {
public:
    // Opens a source; throws sinsp::Error with a one-line message naming it on failure.
    static std::unique_ptr<Inspector> open(const OpenOptions& options);
    ~Inspector();
    Inspector(const Inspector&) = delete;
    Inspector& operator=(const Inspector&) = delete;

    // The next event, after it updated the state. The event is valid until the next call.
    // nullptr at the end of the source, or when a live source had nothing for a while: eof()
    // tells which. Throws sinsp::Error on a corrupt or failing source.
    const Event* next();
    // True once the source has ended.
    bool eof() const { return eof_; }

    const ThreadTable& threads() const { return threads_; }
    ThreadTable& threads() { return threads_; }
    const UserInfo* find_user(uint32_t uid) const;
    const GroupInfo* find_group(uint32_t gid) const;
    const MachineInfo& machine() const { return machine_; }
    // The timestamp of the first event, 0 before it.
    uint64_t first_event_ts() const { return first_ts_; }
    // The timestamp of the event before the current one, 0 for the first.
    uint64_t previous_event_ts() const { return previous_ts_; }

    // Counters of the underlying source.
    scap_stats scap_statistics() const;
    // The metadata of the current section (for writers that copy it, as -w does).
    const scap_metadata* metadata() const;
    // The libscap handle, for writers that copy events as they are.
    const scap* handle() const { return handle_; }

private:
    explicit Inspector(scap* handle);
    void load_metadata();

    scap* handle_;
    ThreadTable threads_;
    std::unordered_map<uint32_t, UserInfo> users_;
    std::unordered_map<uint32_t, GroupInfo> groups_;
    MachineInfo machine_;
    Event event_;
    uint64_t num_ = 0;
    bool eof_ = false;
    uint64_t first_ts_ = 0, previous_ts_ = 0, current_ts_ = 0;
    uint64_t sections_seen_ = 0;
    int64_t pending_removal_ = -1; // a thread whose procexit was the previous event
    std::unique_ptr<EventParser> parser_;
};

} // namespace sinsp
