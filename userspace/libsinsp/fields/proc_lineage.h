// Walks over a thread's process tree: ancestors, the oldest shell and the session leader, as the
// proc.* fields see them. Internal to libsinsp.
#pragma once

#include <cstdint>
#include <string_view>

#include "sinsp/thread_info.h"
#include "sinsp/thread_table.h"

namespace sinsp::fields {

// Deepest ancestry the walks follow: a parent loop in a damaged capture ends there.
inline constexpr uint32_t kMaxAncestry = 512;

// The process name as fields show it: a thread the capture never described is "<NA>".
std::string_view process_name(const ThreadInfo& thread);
// argv[0] likewise.
std::string_view process_exe(const ThreadInfo& thread);
// The pid, which for an undescribed thread is its tid.
int64_t process_pid(const ThreadInfo& thread);

// The `generation`-th ancestor: 0 is the thread itself, 1 its parent process, ... Past the thread
// itself the walk starts at its main thread, so every thread of a process has the same
// ancestors. nullptr when the tree stops earlier.
const ThreadInfo* ancestor(const ThreadTable& threads, const ThreadInfo& thread,
                           uint64_t generation);

// Calls `visit(ancestor)` for the parent process, the grandparent, ... until the tree stops or
// `visit` returns false.
template <typename Visit>
void for_each_ancestor(const ThreadTable& threads, const ThreadInfo& thread, Visit visit) {
    const ThreadInfo* main = threads.main_thread(thread);
    const ThreadInfo* current = main != nullptr ? main : &thread;
    for (uint32_t depth = 0; depth < kMaxAncestry; depth++) {
        current = threads.parent(*current);
        if (current == nullptr || !visit(*current)) {
            return;
        }
    }
}

// True for the names shells have: anything ending in "sh" (bash, zsh, fish, ...).
bool is_shell_name(std::string_view name);

// The oldest shell among the thread and its ancestors, or nullptr.
const ThreadInfo* login_shell(const ThreadTable& threads, const ThreadInfo& thread);

// The session leader: the process whose pid is the session id, else the eldest ancestor that is
// still in the thread's session (the thread itself at worst).
const ThreadInfo* session_leader(const ThreadTable& threads, const ThreadInfo& thread);

} // namespace sinsp::fields
