#include "fields/proc_lineage.h"

namespace sinsp::fields {

namespace {

constexpr std::string_view kUnknown = "<NA>";

} // namespace

std::string_view process_name(const ThreadInfo& thread) {
    return thread.incomplete && thread.comm.empty() ? kUnknown : std::string_view(thread.comm);
}

std::string_view process_exe(const ThreadInfo& thread) {
    return thread.incomplete && thread.exe.empty() ? kUnknown : std::string_view(thread.exe);
}

int64_t process_pid(const ThreadInfo& thread) {
    return thread.pid < 0 && thread.incomplete ? thread.tid : thread.pid;
}

const ThreadInfo* ancestor(const ThreadTable& threads, const ThreadInfo& thread,
                           uint64_t generation) {
    if (generation == 0) {
        return &thread;
    }
    const ThreadInfo* found = nullptr;
    uint64_t seen = 0;
    for_each_ancestor(threads, thread, [&](const ThreadInfo& a) {
        if (++seen == generation) {
            found = &a;
            return false;
        }
        return true;
    });
    return found;
}

bool is_shell_name(std::string_view name) {
    return name.size() >= 2 && name.substr(name.size() - 2) == "sh";
}

const ThreadInfo* login_shell(const ThreadTable& threads, const ThreadInfo& thread) {
    const ThreadInfo* shell = is_shell_name(thread.comm) ? &thread : nullptr;
    for_each_ancestor(threads, thread, [&](const ThreadInfo& a) {
        if (is_shell_name(a.comm)) {
            shell = &a;
        }
        return true;
    });
    return shell;
}

const ThreadInfo* session_leader(const ThreadTable& threads, const ThreadInfo& thread) {
    if (thread.sid >= 0) {
        if (const ThreadInfo* leader = threads.find(thread.sid)) {
            return leader;
        }
    }
    const ThreadInfo* eldest = &thread;
    for_each_ancestor(threads, thread, [&](const ThreadInfo& a) {
        if (a.sid != thread.sid) {
            return false;
        }
        eldest = &a;
        return true;
    });
    return eldest;
}

} // namespace sinsp::fields
