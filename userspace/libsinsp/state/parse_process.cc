// State updates of process events: clone/fork/vfork/clone3, execve/execveat, procexit, chdir,
// credentials and sessions.
#include <string_view>

#include "state/event_parser.h"
#include "state/param_reader.h"
#include "state/paths.h"

namespace sinsp {

namespace {

constexpr uint32_t kCloneFiles = 1u << 0;   // PPM_CL_CLONE_FILES
constexpr uint32_t kCloneThread = 1u << 13; // PPM_CL_CLONE_THREAD
constexpr uint32_t kOpenCloexec = 1u << 12; // PPM_O_CLOEXEC
constexpr uint32_t kNoId = 0xffffffffu;

using state::int_or;
using state::uint_or;

// The fields that clone and execve exits both carry.
void apply_common(const Event& evt, ThreadInfo& t) {
    ParamView exe = evt.param("exe");
    if (exe.len > 0) {
        t.exe = std::string(exe.as_string());
    }
    ParamView args = evt.param("args");
    if (args.data != nullptr) {
        t.args = state::split_nul_list(args.bytes());
    }
    ParamView cwd = evt.param("cwd");
    if (cwd.len > 0) {
        t.cwd = state::with_trailing_slash(cwd.as_string());
    }
    t.fdlimit = uint_or(evt.param("fdlimit"), t.fdlimit);
    t.pfmajor = uint_or(evt.param("pgft_maj"), t.pfmajor);
    t.pfminor = uint_or(evt.param("pgft_min"), t.pfminor);
    t.vmsize_kb = static_cast<uint32_t>(uint_or(evt.param("vm_size"), t.vmsize_kb));
    t.vmrss_kb = static_cast<uint32_t>(uint_or(evt.param("vm_rss"), t.vmrss_kb));
    t.vmswap_kb = static_cast<uint32_t>(uint_or(evt.param("vm_swap"), t.vmswap_kb));
    ParamView comm = evt.param("comm");
    if (comm.len > 0) {
        t.comm = std::string(comm.as_string());
    } else if (!t.exe.empty()) {
        t.comm = std::string(state::base_name(t.exe));
    }
    // A process keeps its cgroups across clone and execve; a driver that records none (our eBPF
    // probe sends an empty list) must not move it out of its container.
    ParamView cgroups = evt.param("cgroups");
    if (cgroups.len > 0) {
        t.cgroups = state::split_key_values(cgroups.bytes());
    }
}

} // namespace

void EventParser::parse_clone(Event& evt, ThreadInfo* caller) {
    int64_t res = int_or(evt.param("res"), -1);
    if (res < 0) {
        return;
    }
    uint32_t flags = static_cast<uint32_t>(uint_or(evt.param("flags"), 0));
    bool in_child = res == 0;
    int64_t child_tid = in_child ? evt.tid() : res;
    ThreadInfo* existing = threads_.find(child_tid);
    if (existing != nullptr && !existing->incomplete) {
        return; // the other side's event came first
    }

    auto child = std::make_unique<ThreadInfo>();
    child->tid = child_tid;
    int64_t param_tid = int_or(evt.param("tid"), -1);
    int64_t param_pid = int_or(evt.param("pid"), -1);
    int64_t param_ptid = int_or(evt.param("ptid"), -1);
    const ThreadInfo* parent = nullptr;
    if (in_child) {
        // The parameters describe the child itself.
        child->pid = param_pid;
        child->ptid = param_ptid;
        parent = threads_.find((flags & kCloneThread) ? param_pid : param_ptid);
    } else {
        // The parameters describe the parent (the caller).
        parent = caller;
        child->pid = (flags & kCloneThread) ? param_pid : child_tid;
        child->ptid = (flags & kCloneThread) ? param_ptid : param_pid;
        (void)param_tid;
    }
    if (parent != nullptr && !parent->incomplete) {
        // What the child inherits beyond the event's parameters.
        child->sid = parent->sid;
        child->pgid = parent->pgid;
        child->vpgid = parent->vpgid;
        child->exepath = parent->exepath;
        child->root = parent->root;
        child->env = parent->env;
        child->loginuid = parent->loginuid;
        child->tty = parent->tty;
        child->cap_inheritable = parent->cap_inheritable;
        child->cap_permitted = parent->cap_permitted;
        child->cap_effective = parent->cap_effective;
        child->exe_ino = parent->exe_ino;
        child->exe_ino_ctime = parent->exe_ino_ctime;
        child->exe_ino_mtime = parent->exe_ino_mtime;
        child->exe_writable = parent->exe_writable;
        child->exe_upper_layer = parent->exe_upper_layer;
        child->exe_from_memfd = parent->exe_from_memfd;
        child->uid = parent->uid;
        child->gid = parent->gid;
    }
    apply_common(evt, *child);
    child->uid = static_cast<uint32_t>(uint_or(evt.param("uid"), child->uid));
    child->gid = static_cast<uint32_t>(uint_or(evt.param("gid"), child->gid));
    child->vtid = int_or(evt.param("vtid"), child->vtid);
    child->vpid = int_or(evt.param("vpid"), child->vpid);
    child->pidns_init_start_ts = uint_or(evt.param("pidns_init_start_ts"), 0);
    child->flags = flags;
    child->clone_ts = evt.ts();

    // Descriptors: shared with threads and CLONE_FILES children, copied otherwise.
    const ThreadInfo* fd_owner = parent;
    if (fd_owner != nullptr) {
        if (flags & (kCloneThread | kCloneFiles)) {
            child->fds = fd_owner->fds;
        } else {
            child->fds = std::make_shared<FdTable>(*fd_owner->fds);
        }
    } else if (existing != nullptr) {
        child->fds = existing->fds;
    }
    threads_.put(std::move(child));
}

void EventParser::parse_execve(Event& evt, ThreadInfo* caller) {
    if (int_or(evt.param("res"), -1) != 0) {
        return;
    }
    ThreadInfo* t = caller;
    if (t == nullptr) {
        auto created = std::make_unique<ThreadInfo>();
        created->tid = evt.tid();
        t = &threads_.put(std::move(created));
    }
    bool was_incomplete = t->incomplete;
    t->incomplete = false;
    t->pid = int_or(evt.param("pid"), t->pid);
    t->ptid = int_or(evt.param("ptid"), t->ptid);
    apply_common(evt, *t);
    ParamView env = evt.param("env");
    if (env.data != nullptr) {
        t->env = state::split_nul_list(env.bytes());
    }
    t->tty = static_cast<uint32_t>(uint_or(evt.param("tty"), t->tty));
    t->vpgid = int_or(evt.param("vpgid"), t->vpgid);
    t->pgid = int_or(evt.param("pgid"), t->pgid);
    t->loginuid = static_cast<uint32_t>(uint_or(evt.param("loginuid"), t->loginuid));
    t->cap_inheritable = uint_or(evt.param("cap_inheritable"), t->cap_inheritable);
    t->cap_permitted = uint_or(evt.param("cap_permitted"), t->cap_permitted);
    t->cap_effective = uint_or(evt.param("cap_effective"), t->cap_effective);
    t->exe_ino = uint_or(evt.param("exe_ino"), t->exe_ino);
    t->exe_ino_ctime = uint_or(evt.param("exe_ino_ctime"), t->exe_ino_ctime);
    t->exe_ino_mtime = uint_or(evt.param("exe_ino_mtime"), t->exe_ino_mtime);
    t->uid = static_cast<uint32_t>(uint_or(evt.param("uid"), t->uid));
    t->gid = static_cast<uint32_t>(uint_or(evt.param("gid"), t->gid));
    if (was_incomplete && t->clone_ts == 0) {
        t->clone_ts = evt.ts();
    }
    // The executable's path: what the kernel resolved, else the file name the call was given.
    ParamView trusted = evt.param("trusted_exepath");
    ParamView filename = exit_or_enter_param(evt, *t, "filename");
    if (filename.len == 0) {
        filename = exit_or_enter_param(evt, *t, "pathname");
    }
    if (trusted.len > 1) {
        t->exepath = std::string(trusted.as_string());
    } else if (filename.len > 0) {
        t->exepath = state::absolute_path(t->cwd, filename.as_string());
    } else if (!t->exe.empty()) {
        t->exepath = t->exe;
    }
    // Descriptors opened with O_CLOEXEC do not survive the exec.
    std::vector<int64_t> closing;
    for (const auto& [fd, info] : t->fds->entries()) {
        if (info.open_flags & kOpenCloexec) {
            closing.push_back(fd);
        }
    }
    for (int64_t fd : closing) {
        t->fds->erase(fd);
    }
}

void EventParser::parse_procexit(Event& evt, ThreadInfo& thread) {
    thread.exited = true;
    exited_tid_ = thread.tid;
    // Orphans go to the reaper the kernel chose, when the event names it.
    int64_t reaper = int_or(evt.param("reaper_tid"), 0);
    if (reaper > 0 && thread.is_main_thread()) {
        for (const auto& [tid, t] : threads_.entries()) {
            if (t->ptid == thread.tid) {
                t->ptid = reaper;
            }
        }
    }
}

void EventParser::parse_chdir(Event& evt, ThreadInfo& thread) {
    if (int_or(evt.param("res"), -1) != 0) {
        return;
    }
    ParamView path = exit_or_enter_param(evt, thread, "path");
    if (path.len > 0) {
        thread.cwd = state::with_trailing_slash(state::absolute_path(thread.cwd, path.as_string()));
    }
}

void EventParser::parse_fchdir(Event& evt, ThreadInfo& thread) {
    if (int_or(evt.param("res"), -1) != 0 || evt.fd() == nullptr) {
        return;
    }
    thread.cwd = state::with_trailing_slash(evt.fd()->name);
}

void EventParser::parse_ids(Event& evt, ThreadInfo& thread, Action action) {
    if (int_or(evt.param("res"), -1) != 0) {
        return;
    }
    auto id = [&](const char* name) {
        return static_cast<uint32_t>(uint_or(exit_or_enter_param(evt, thread, name), kNoId));
    };
    uint32_t value = kNoId;
    switch (action) {
    case Action::kSetuid:
        value = id("uid");
        break;
    case Action::kSetresuid:
        value = id("euid");
        break;
    case Action::kSetgid:
        value = id("gid");
        break;
    case Action::kSetresgid:
        value = id("egid");
        break;
    default:
        return;
    }
    if (value == kNoId) {
        return;
    }
    if (action == Action::kSetuid || action == Action::kSetresuid) {
        thread.uid = value;
    } else {
        thread.gid = value;
    }
}

void EventParser::parse_setsid(Event& evt, ThreadInfo& thread) {
    int64_t res = int_or(evt.param("res"), -1);
    if (res >= 0) {
        thread.sid = res;
    }
}

void EventParser::parse_capset(Event& evt, ThreadInfo& thread) {
    if (int_or(evt.param("res"), -1) != 0) {
        return;
    }
    thread.cap_inheritable = uint_or(evt.param("cap_inheritable"), thread.cap_inheritable);
    thread.cap_permitted = uint_or(evt.param("cap_permitted"), thread.cap_permitted);
    thread.cap_effective = uint_or(evt.param("cap_effective"), thread.cap_effective);
}

} // namespace sinsp
