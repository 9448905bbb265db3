// Applies each event to the thread and fd tables: the state machine of libsinsp.
#pragma once

#include <array>
#include <cstdint>

#include "driver_api/event_codes.h"
#include "sinsp/event.h"
#include "sinsp/fd_info.h"
#include "sinsp/thread_table.h"

namespace sinsp {

class EventParser {
public:
    explicit EventParser(ThreadTable& threads);

    // Updates the state with `evt` and fills in its thread, fd and enter timestamp.
    void parse(Event& evt);

    // Called before the next event: drops what the previous one ended (an exited thread).
    void finish_previous();

private:
    // How an event type changes the state.
    enum class Action : uint8_t {
        kNone,
        kClone,
        kExecve,
        kProcexit,
        kOpen, // open, openat, openat2, creat, open_by_handle_at
        kSocket,
        kConnect,
        kAccept,
        kBind,
        kSocketIo, // sendto, recvfrom, sendmsg, recvmsg: tuples of UDP sockets
        kClose,
        kDup, // dup, dup2, dup3
        kFcntl,
        kPipe,
        kSocketpair,
        kNewFd, // eventfd, signalfd, timerfd, inotify, epoll, userfaultfd, memfd, pidfd...
        kChdir,
        kFchdir,
        kSetuid,
        kSetresuid,
        kSetgid,
        kSetresgid,
        kSetsid,
        kCapset,
    };

    ThreadInfo* thread_for(Event& evt);
    void resolve_fd(Event& evt, ThreadInfo& thread);
    // The parameter `name` of the exit event, or of the stored enter event when the exit's
    // version does not record it.
    ParamView exit_or_enter_param(const Event& evt, const ThreadInfo& thread, const char* name);

    void parse_clone(Event& evt, ThreadInfo* caller);
    void parse_execve(Event& evt, ThreadInfo* caller);
    void parse_procexit(Event& evt, ThreadInfo& thread);
    void parse_open(Event& evt, ThreadInfo& thread);
    void parse_socket(Event& evt, ThreadInfo& thread);
    void parse_connect(Event& evt, ThreadInfo& thread);
    void parse_connect_enter(Event& evt);
    void parse_accept(Event& evt, ThreadInfo& thread);
    void parse_bind(Event& evt, ThreadInfo& thread);
    void parse_socket_io(Event& evt, ThreadInfo& thread);
    void parse_close(Event& evt, ThreadInfo& thread);
    void parse_dup(Event& evt, ThreadInfo& thread);
    void parse_fcntl(Event& evt, ThreadInfo& thread);
    void parse_pipe(Event& evt, ThreadInfo& thread);
    void parse_socketpair(Event& evt, ThreadInfo& thread);
    void parse_new_fd(Event& evt, ThreadInfo& thread);
    void parse_chdir(Event& evt, ThreadInfo& thread);
    void parse_fchdir(Event& evt, ThreadInfo& thread);
    void parse_ids(Event& evt, ThreadInfo& thread, Action action);
    void parse_setsid(Event& evt, ThreadInfo& thread);
    void parse_capset(Event& evt, ThreadInfo& thread);

    // Adds a descriptor to the thread's table and makes it the event's fd.
    FdInfo& add_fd(Event& evt, ThreadInfo& thread, FdInfo info);

    ThreadTable& threads_;
    std::array<Action, SCAP_EVENT_COUNT> actions_{};
    // Per event code: the index of its "fd" parameter (else its first PT_FD one), or -1.
    std::array<int8_t, SCAP_EVENT_COUNT> fd_param_{};
    int64_t exited_tid_ = -1;
    FdInfo closed_fd_; // the fd the current close event removed, still shown by its fields
};

} // namespace sinsp
