#include "fields/fd_fallback.h"

#include <string_view>

#include "driver_api/event_table.h"
#include "fields/fs_params.h"
#include "state/socket_params.h"

namespace sinsp::fields {

namespace {

bool is_open_family(std::string_view name) {
    return name == "open" || name == "openat" || name == "openat2" || name == "creat" ||
           name == "open_by_handle_at";
}

bool is_accept(std::string_view name) {
    return name == "accept" || name == "accept4";
}

// Events the current table flags as using an fd but sysdig 0.29's table does not: sysdig shows
// no fd.* values for them.
bool fd_less_in_sysdig(uint16_t type) {
    switch (type) {
    case SCAP_EV_SOCKET_SENDMMSG_X:
    case SCAP_EV_SOCKET_RECVMMSG_X:
    case SCAP_EV_SYSCALL_MMAP_E:
    case SCAP_EV_SYSCALL_MMAP_X:
    case SCAP_EV_SYSCALL_MMAP2_E:
    case SCAP_EV_SYSCALL_MMAP2_X:
    case SCAP_EV_SYSCALL_SYMLINKAT_X:
    case SCAP_EV_SYSCALL_UNLINKAT_2_X:
    case SCAP_EV_SYSCALL_MKDIRAT_X:
    case SCAP_EV_SYSCALL_FCHMODAT_X:
    case SCAP_EV_SYSCALL_FCHMOD_X:
        return true;
    default:
        return false;
    }
}

bool about_fd(const Event& evt) {
    uint32_t flags = evt.info().flags;
    return (flags & (SCAP_EF_USES_FD | SCAP_EF_CREATES_FD)) != 0 && !fd_less_in_sysdig(evt.type());
}

} // namespace

const FdInfo* event_fd(const Event& evt) {
    return about_fd(evt) ? evt.fd() : nullptr;
}

std::optional<int64_t> event_fd_number(const Event& evt) {
    if (!about_fd(evt)) {
        return std::nullopt;
    }
    if (evt.fd() != nullptr) {
        return evt.fd()->fd;
    }
    if (evt.fd_num() >= 0) {
        return evt.fd_num();
    }
    // A negative fd a call was given (-1, AT_FDCWD...) is shown as it is.
    if ((evt.info().flags & SCAP_EF_USES_FD) != 0) {
        std::optional<int64_t> given = evt.param("fd").as_int();
        if (given && *given < 0) {
            return *given;
        }
    }
    return -1;
}

char creator_type_char(const Event& evt) {
    std::string_view name = evt.name();
    if (is_open_family(name)) {
        return 'f';
    }
    if (name == "socket" || is_accept(name)) {
        return '4';
    }
    if (name == "pipe" || name == "pipe2") {
        return 'p';
    }
    if (name == "eventfd" || name == "eventfd2") {
        return 'e';
    }
    if (name == "signalfd" || name == "signalfd4") {
        return 's';
    }
    if (name == "timerfd_create") {
        return 't';
    }
    if (name == "inotify_init" || name == "inotify_init1") {
        return 'i';
    }
    if (name == "epoll_create" || name == "epoll_create1") {
        return 'l';
    }
    return 'o';
}

bool fallback_name(const Event& evt, const ThreadInfo* thread, std::string& out) {
    if (evt.is_enter()) {
        return false;
    }
    out.clear();
    std::string_view name = evt.name();
    if (is_open_family(name)) {
        std::string_view path = event_or_enter_param(evt, thread, "name").as_string();
        out = absolute_event_path(thread, path, int_param(evt, thread, "dirfd"));
    } else if (is_accept(name)) {
        auto tuple = state::decode_tuple(evt.param("tuple"));
        if (!tuple || tuple->family == state::kFamilyUnix) {
            out = tuple ? std::string(tuple->path) : "NULL";
        } else {
            out = state::tuple_name(tuple->source_ip, tuple->source_port, tuple->dest_ip,
                                    tuple->dest_port);
        }
    }
    return true;
}

bool fallback_name_raw(const Event& evt, const ThreadInfo* thread, std::string& out) {
    if (evt.is_enter() || !is_open_family(evt.name())) {
        return false;
    }
    out.assign(event_or_enter_param(evt, thread, "name").as_string());
    return true;
}

} // namespace sinsp::fields
