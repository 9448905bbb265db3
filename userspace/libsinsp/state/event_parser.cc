// Dispatch of events to their state updates, and what every event gets: its thread, its fd and
// the timestamp of its enter event.
#include "state/event_parser.h"

#include <cstring>
#include <string_view>

#include "driver_api/event_table.h"
#include "state/param_reader.h"

namespace sinsp {

EventParser::EventParser(ThreadTable& threads) : threads_(threads) {
    // Event names (shared by every version of an event) to state actions.
    static const std::pair<const char*, Action> kByName[] = {
        {"clone", Action::kClone},
        {"fork", Action::kClone},
        {"vfork", Action::kClone},
        {"clone3", Action::kClone},
        {"execve", Action::kExecve},
        {"execveat", Action::kExecve},
        {"procexit", Action::kProcexit},
        {"open", Action::kOpen},
        {"openat", Action::kOpen},
        {"openat2", Action::kOpen},
        {"creat", Action::kOpen},
        {"open_by_handle_at", Action::kOpen},
        {"socket", Action::kSocket},
        {"connect", Action::kConnect},
        {"accept", Action::kAccept},
        {"accept4", Action::kAccept},
        {"bind", Action::kBind},
        {"sendto", Action::kSocketIo},
        {"recvfrom", Action::kSocketIo},
        {"sendmsg", Action::kSocketIo},
        {"recvmsg", Action::kSocketIo},
        {"close", Action::kClose},
        {"dup", Action::kDup},
        {"dup2", Action::kDup},
        {"dup3", Action::kDup},
        {"fcntl", Action::kFcntl},
        {"pipe", Action::kPipe},
        {"pipe2", Action::kPipe},
        {"socketpair", Action::kSocketpair},
        {"eventfd", Action::kNewFd},
        {"eventfd2", Action::kNewFd},
        {"signalfd", Action::kNewFd},
        {"signalfd4", Action::kNewFd},
        {"timerfd_create", Action::kNewFd},
        {"inotify_init", Action::kNewFd},
        {"inotify_init1", Action::kNewFd},
        {"epoll_create", Action::kNewFd},
        {"epoll_create1", Action::kNewFd},
        {"userfaultfd", Action::kNewFd},
        {"memfd_create", Action::kNewFd},
        {"pidfd_open", Action::kNewFd},
        {"pidfd_getfd", Action::kNewFd},
        {"io_uring_setup", Action::kNewFd},
        {"bpf", Action::kNewFd},
        {"chdir", Action::kChdir},
        {"fchdir", Action::kFchdir},
        {"setuid", Action::kSetuid},
        {"setresuid", Action::kSetresuid},
        {"setgid", Action::kSetgid},
        {"setresgid", Action::kSetresgid},
        {"setsid", Action::kSetsid},
        {"capset", Action::kCapset},
    };
    for (uint32_t code = 0; code < SCAP_EVENT_COUNT; code++) {
        const scap_event_info& info = scap_event_table[code];
        fd_param_[code] = -1;
        for (uint16_t i = 0; i < info.nparams && i < 127; i++) {
            if (std::strcmp(info.params[i].name, "fd") == 0) {
                fd_param_[code] = static_cast<int8_t>(i);
                break;
            }
            if (info.params[i].type == SCAP_PT_FD && fd_param_[code] < 0) {
                fd_param_[code] = static_cast<int8_t>(i);
            }
        }
        const char* name = info.name;
        if (name == nullptr) {
            continue;
        }
        for (const auto& [event, action] : kByName) {
            if (std::strcmp(name, event) == 0) {
                actions_[code] = action;
                break;
            }
        }
    }
}

void EventParser::finish_previous() {
    if (exited_tid_ >= 0) {
        threads_.erase(exited_tid_);
        exited_tid_ = -1;
    }
}

ThreadInfo* EventParser::thread_for(Event& evt) {
    int64_t tid = evt.tid();
    if (tid < 0) {
        return nullptr;
    }
    ThreadInfo* thread = threads_.find(tid);
    if (thread != nullptr) {
        return thread;
    }
    // A thread the capture never described: keep its fds from now on, but it has no identity.
    auto placeholder = std::make_unique<ThreadInfo>();
    placeholder->tid = tid;
    placeholder->incomplete = true;
    return &threads_.put(std::move(placeholder));
}

ParamView EventParser::exit_or_enter_param(const Event& evt, const ThreadInfo& thread,
                                           const char* name) {
    ParamView p = evt.param(std::string_view(name));
    if (p.len > 0 || evt.is_enter()) {
        return p;
    }
    if (thread.last_enter_type != evt.type() - 1 || thread.last_enter.empty()) {
        return p;
    }
    const auto* enter = reinterpret_cast<const scap_evt*>(thread.last_enter.data());
    const scap_event_info& info = scap_event_table[enter->type];
    for (uint32_t i = 0; i < info.nparams; i++) {
        if (std::strcmp(info.params[i].name, name) == 0) {
            scap_param raw;
            if (i < enter->nparams && scap_event_param(enter, i, &raw) == 0) {
                return ParamView{raw.data, raw.len, &info.params[i]};
            }
            break;
        }
    }
    return p;
}

void EventParser::resolve_fd(Event& evt, ThreadInfo& thread) {
    uint32_t flags = evt.info().flags;
    if ((flags & SCAP_EF_USES_FD) == 0) {
        return;
    }
    // The descriptor the event works on: its "fd" parameter (the first PT_FD one otherwise), or
    // the enter event's when this exit version does not record it.
    int8_t index = fd_param_[evt.type()];
    ParamView p = index >= 0 ? evt.param(static_cast<uint32_t>(index)) : ParamView{};
    if (p.len == 0 && !evt.is_enter()) {
        p = exit_or_enter_param(evt, thread, "fd");
    }
    auto fd = p.as_int();
    if (!fd || *fd < 0) {
        return;
    }
    evt.fd_num_ = *fd;
    evt.fd_ = thread.fds->find(*fd);
}

FdInfo& EventParser::add_fd(Event& evt, ThreadInfo& thread, FdInfo info) {
    int64_t fd = info.fd;
    FdInfo& stored = thread.fds->put(std::move(info));
    evt.fd_num_ = fd;
    evt.fd_ = &stored;
    return stored;
}

void EventParser::parse(Event& evt) {
    ThreadInfo* thread = thread_for(evt);
    evt.thread_ = thread;
    evt.fd_ = nullptr;
    evt.fd_num_ = -1;
    evt.enter_ts_ = 0;
    evt.fd_name_changed_ = false;

    Action action = actions_[evt.type()];
    if (evt.is_enter()) {
        if (thread != nullptr) {
            const scap_evt& raw = evt.raw();
            const auto* bytes = reinterpret_cast<const uint8_t*>(&raw);
            thread->last_enter.assign(bytes, bytes + raw.len);
            thread->last_enter_ts = evt.ts();
            thread->last_enter_type = evt.type();
            resolve_fd(evt, *thread);
            if (action == Action::kProcexit) { // an enter-only event
                parse_procexit(evt, *thread);
            } else if (action == Action::kConnect) {
                parse_connect_enter(evt);
            }
        }
        return;
    }

    if (thread != nullptr && thread->last_enter_type == evt.type() - 1) {
        evt.enter_ts_ = thread->last_enter_ts;
    }
    // Process events may create or replace the thread itself.
    if (action == Action::kClone) {
        parse_clone(evt, thread);
        evt.thread_ = thread = threads_.find(evt.tid());
    } else if (action == Action::kExecve) {
        parse_execve(evt, thread);
        evt.thread_ = thread = threads_.find(evt.tid());
    }
    if (thread == nullptr) {
        return;
    }
    if (action != Action::kClose) {
        resolve_fd(evt, *thread);
    }
    switch (action) {
    case Action::kNone:
    case Action::kClone:
    case Action::kExecve:
        break;
    case Action::kProcexit:
        parse_procexit(evt, *thread);
        break;
    case Action::kOpen:
        parse_open(evt, *thread);
        break;
    case Action::kSocket:
        parse_socket(evt, *thread);
        break;
    case Action::kConnect:
        parse_connect(evt, *thread);
        break;
    case Action::kAccept:
        parse_accept(evt, *thread);
        break;
    case Action::kBind:
        parse_bind(evt, *thread);
        break;
    case Action::kSocketIo:
        parse_socket_io(evt, *thread);
        break;
    case Action::kClose:
        parse_close(evt, *thread);
        break;
    case Action::kDup:
        parse_dup(evt, *thread);
        break;
    case Action::kFcntl:
        parse_fcntl(evt, *thread);
        break;
    case Action::kPipe:
        parse_pipe(evt, *thread);
        break;
    case Action::kSocketpair:
        parse_socketpair(evt, *thread);
        break;
    case Action::kNewFd:
        parse_new_fd(evt, *thread);
        break;
    case Action::kChdir:
        parse_chdir(evt, *thread);
        break;
    case Action::kFchdir:
        parse_fchdir(evt, *thread);
        break;
    case Action::kSetuid:
    case Action::kSetresuid:
    case Action::kSetgid:
    case Action::kSetresgid:
        parse_ids(evt, *thread, action);
        break;
    case Action::kSetsid:
        parse_setsid(evt, *thread);
        break;
    case Action::kCapset:
        parse_capset(evt, *thread);
        break;
    }
    // The actions may have replaced or dropped the event's descriptor (dup onto it, exec):
    // look it up again rather than keep a pointer into the table.
    if (action != Action::kClose && evt.fd_num_ >= 0) {
        evt.fd_ = thread->fds->find(evt.fd_num_);
    }
}

} // namespace sinsp
