// What libsinsp knows about one thread (and, through its main thread, its process).
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <unordered_map>
#include <utility>
#include <vector>

#include "sinsp/api.h"
#include "sinsp/fd_info.h"

namespace sinsp {

// The open descriptors of a process; threads that share their files share one table.
class SINSP_API FdTable {
public:
    // The descriptor `fd`, or nullptr.
    FdInfo* find(int64_t fd);
    const FdInfo* find(int64_t fd) const;
    // Adds or replaces `info.fd` and returns the stored entry.
    FdInfo& put(FdInfo info);
    // Removes `fd`; true if it was there.
    bool erase(int64_t fd);
    void clear() { fds_.clear(); }
    size_t size() const { return fds_.size(); }
    const std::unordered_map<int64_t, FdInfo>& entries() const { return fds_; }

private:
    std::unordered_map<int64_t, FdInfo> fds_;
};

struct SINSP_API ThreadInfo {
    int64_t tid = -1;
    int64_t pid = -1;  // thread group id
    int64_t ptid = -1; // parent process
    int64_t sid = -1, pgid = -1, vpgid = -1;
    int64_t vtid = -1, vpid = -1;

    std::string comm;    // process name (the kernel's comm, up to 16 bytes)
    std::string exe;     // argv[0]
    std::string exepath; // full path of the executable
    std::string cwd;     // with a trailing '/'
    std::string root;
    std::vector<std::string> args;                            // argv[1..]
    std::vector<std::string> env;                             // "NAME=value"
    std::vector<std::pair<std::string, std::string>> cgroups; // subsystem -> path

    uint64_t fdlimit = 0;
    uint32_t flags = 0; // PPM clone flags the thread was created with
    uint32_t uid = 0xffffffff, gid = 0xffffffff;
    uint32_t loginuid = 0xffffffff;
    uint32_t tty = 0;
    uint32_t vmsize_kb = 0, vmrss_kb = 0, vmswap_kb = 0;
    uint64_t pfmajor = 0, pfminor = 0;
    uint64_t cap_inheritable = 0, cap_permitted = 0, cap_effective = 0;
    uint64_t exe_ino = 0, exe_ino_ctime = 0, exe_ino_mtime = 0;
    bool exe_writable = false, exe_upper_layer = false, exe_from_memfd = false;
    uint64_t clone_ts = 0;            // when the thread appeared (ns since the epoch), 0 unknown
    uint64_t pidns_init_start_ts = 0; // start of its pid namespace's init

    // Descriptors, shared with the other threads of the process.
    std::shared_ptr<FdTable> fds = std::make_shared<FdTable>();

    // The last enter event of this thread, kept for the matching exit (latency, and parameters
    // that old event versions record only on enter).
    std::vector<uint8_t> last_enter;
    uint64_t last_enter_ts = 0;
    uint16_t last_enter_type = 0xffff;

    // The last event's fd number (the fd of write/close/... or the new fd of open/socket),
    // -1 when none; valid while the event is current.
    int64_t last_fd = -1;

    bool exited = false; // procexit seen: removed before the next event
    // Created for a tid the capture never described: identity fields are unknown (empty).
    bool incomplete = false;

    bool is_main_thread() const { return tid == pid; }
    // "comm arg1 arg2" as proc.cmdline prints it.
    std::string cmdline() const;
};

} // namespace sinsp
