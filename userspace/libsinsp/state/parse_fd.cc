// State updates of descriptor events: open, socket, connect, accept, bind, socket I/O, close, dup,
// fcntl, pipes, socketpairs and the other fd-creating calls.
#include <cstring>
#include <string_view>

#include "driver_api/event_table.h"
#include "state/event_parser.h"
#include "state/param_reader.h"
#include "state/paths.h"
#include "state/socket_params.h"

namespace sinsp {

namespace {

using state::int_or;
using state::uint_or;

constexpr int64_t kAtFdcwd = -100;
constexpr uint32_t kOpenDirectory = 1u << 10; // PPM_O_DIRECTORY
constexpr int64_t kEinprogress = -115;

// The value of a named entry of a value table, or -1.
int64_t table_value(uint32_t table, const char* name) {
    const scap_value_table& t = scap_value_tables[table];
    for (uint32_t i = 0; i < t.count; i++) {
        if (std::strcmp(t.values[i].name, name) == 0) {
            return t.values[i].value;
        }
    }
    return -1;
}

L4Proto l4_from_socket(uint32_t type, uint32_t proto) {
    switch (proto) {
    case 6:
        return L4Proto::kTcp;
    case 17:
        return L4Proto::kUdp;
    case 1:
    case 58:
        return L4Proto::kIcmp;
    default:
        break;
    }
    switch (type & 0xf) {
    case 1: // SOCK_STREAM
        return L4Proto::kTcp;
    case 2: // SOCK_DGRAM
        return L4Proto::kUdp;
    case 3: // SOCK_RAW
        return L4Proto::kRaw;
    default:
        return L4Proto::kUnknown;
    }
}

// Sets an IP or unix socket's endpoints from a tuple; true when its name changed.
bool apply_tuple(FdInfo& fd, const state::SocketTuple& tuple, SocketRole role) {
    std::string old_name = fd.name;
    if (tuple.family == state::kFamilyUnix) {
        fd.type = FdType::kUnixSocket;
        fd.unix_source = tuple.unix_source;
        fd.unix_dest = tuple.unix_dest;
        if (!tuple.path.empty()) {
            fd.name = std::string(tuple.path);
        }
    } else {
        bool v4 = tuple.source_ip.family == filter::IpAddress::Family::kV4 &&
                  tuple.dest_ip.family == filter::IpAddress::Family::kV4;
        fd.type = v4 ? FdType::kIpv4Socket : FdType::kIpv6Socket;
        fd.client_ip = tuple.source_ip;
        fd.client_port = tuple.source_port;
        fd.server_ip = tuple.dest_ip;
        fd.server_port = tuple.dest_port;
        fd.role = role;
        fd.name = state::tuple_name(fd.client_ip, fd.client_port, fd.server_ip, fd.server_port);
    }
    return fd.name != old_name;
}

} // namespace

void EventParser::parse_open(Event& evt, ThreadInfo& thread) {
    ParamView fd_param = evt.param(0u);
    int64_t fd = int_or(fd_param, -1);
    if (fd < 0) {
        return;
    }
    ParamView name = exit_or_enter_param(evt, thread, "name");
    if (name.len == 0) {
        name = exit_or_enter_param(evt, thread, "path"); // open_by_handle_at
    }
    std::string_view raw = name.as_string();
    std::string dir = thread.cwd;
    int64_t dirfd = int_or(exit_or_enter_param(evt, thread, "dirfd"), kAtFdcwd);
    if (dirfd != kAtFdcwd && (raw.empty() || raw.front() != '/')) {
        const FdInfo* base = thread.fds->find(dirfd);
        dir = base != nullptr ? base->name : std::string();
    }
    FdInfo info;
    info.fd = fd;
    info.name_raw = std::string(raw);
    bool relative = raw.empty() || raw.front() != '/';
    info.name = dir.empty() && relative ? std::string(raw) : state::absolute_path(dir, raw);
    info.open_flags = static_cast<uint32_t>(uint_or(exit_or_enter_param(evt, thread, "flags"), 0));
    info.type = (info.open_flags & kOpenDirectory) ? FdType::kDirectory : FdType::kFile;
    info.dev = static_cast<uint32_t>(uint_or(evt.param("dev"), 0));
    info.ino = uint_or(evt.param("ino"), 0);
    add_fd(evt, thread, std::move(info));
}

void EventParser::parse_socket(Event& evt, ThreadInfo& thread) {
    int64_t fd = int_or(evt.param(0u), -1);
    if (fd < 0) {
        return;
    }
    auto domain = static_cast<uint32_t>(uint_or(exit_or_enter_param(evt, thread, "domain"), 0));
    auto type = static_cast<uint32_t>(uint_or(exit_or_enter_param(evt, thread, "type"), 0));
    auto proto = static_cast<uint32_t>(uint_or(exit_or_enter_param(evt, thread, "proto"), 0));
    FdInfo info;
    info.fd = fd;
    switch (domain) {
    case state::kFamilyInet:
        info.type = FdType::kIpv4Socket;
        break;
    case state::kFamilyInet6:
        info.type = FdType::kIpv6Socket;
        break;
    case state::kFamilyUnix:
        info.type = FdType::kUnixSocket;
        break;
    case 16: // AF_NETLINK
        info.type = FdType::kNetlink;
        break;
    default:
        info.type = FdType::kUnsupported;
        break;
    }
    if (info.is_ip_socket()) {
        info.declared_l4proto = l4_from_socket(type, proto);
    }
    add_fd(evt, thread, std::move(info));
}

void EventParser::parse_connect(Event& evt, ThreadInfo& thread) {
    int64_t res = int_or(evt.param("res"), -1);
    if (res < 0 && res != kEinprogress) {
        return;
    }
    auto tuple = state::decode_tuple(evt.param("tuple"));
    if (!tuple || evt.fd_num() < 0) {
        return;
    }
    FdInfo* fd = evt.fd();
    if (fd == nullptr) {
        FdInfo created;
        created.fd = evt.fd_num();
        fd = &add_fd(evt, thread, std::move(created));
    }
    evt.fd_name_changed_ = apply_tuple(*fd, *tuple, SocketRole::kClient);
    fd->connected = res == 0 || res == kEinprogress;
    if (fd->l4proto == L4Proto::kUnknown) {
        fd->l4proto = fd->declared_l4proto;
    }
}

void EventParser::parse_connect_enter(Event& evt) {
    // A unix socket takes the path it connects to at once (IP sockets wait for the tuple).
    FdInfo* fd = evt.fd();
    if (fd == nullptr || fd->type != FdType::kUnixSocket) {
        return;
    }
    auto addr = state::decode_sockaddr(evt.param("addr"));
    if (addr && addr->family == state::kFamilyUnix && !addr->path.empty()) {
        fd->name = std::string(addr->path);
        evt.fd_name_changed_ = true;
    }
}

void EventParser::parse_accept(Event& evt, ThreadInfo& thread) {
    int64_t fd = int_or(evt.param("fd"), -1);
    if (fd < 0) {
        return;
    }
    FdInfo info;
    info.fd = fd;
    info.l4proto = L4Proto::kTcp;
    info.connected = true;
    if (auto tuple = state::decode_tuple(evt.param("tuple"))) {
        apply_tuple(info, *tuple, SocketRole::kServer);
    } else {
        info.type = FdType::kUnknown;
    }
    add_fd(evt, thread, std::move(info));
}

void EventParser::parse_bind(Event& evt, ThreadInfo& thread) {
    (void)thread;
    if (int_or(evt.param("res"), -1) != 0 || evt.fd() == nullptr) {
        return;
    }
    auto addr = state::decode_sockaddr(evt.param("addr"));
    if (!addr) {
        return;
    }
    FdInfo& fd = *evt.fd();
    if (addr->family == state::kFamilyUnix) {
        fd.name = std::string(addr->path);
        evt.fd_name_changed_ = true;
        return;
    }
    // A bound socket is named by its address until it connects; its endpoints stay unknown
    // (no fd.sip/fd.sport yet), as in sysdig.
    fd.name = addr->ip.to_string() + ":" + std::to_string(addr->port);
    evt.fd_name_changed_ = true;
}

void EventParser::parse_socket_io(Event& evt, ThreadInfo& thread) {
    (void)thread;
    FdInfo* fd = evt.fd();
    if (fd == nullptr || !fd->is_ip_socket() || int_or(evt.param(0u), -1) < 0) {
        return;
    }
    auto tuple = state::decode_tuple(evt.param("tuple"));
    if (!tuple || tuple->family == state::kFamilyUnix) {
        return;
    }
    // Drivers record an empty peer when the kernel had none to give: nothing learnt.
    static const filter::IpAddress kAny4 = filter::IpAddress{};
    if (tuple->dest_port == 0 && tuple->dest_ip == kAny4) {
        return;
    }
    // A connected TCP socket keeps its tuple; datagram sockets take the latest peer.
    if (fd->connected && fd->l4proto == L4Proto::kTcp) {
        return;
    }
    SocketRole role = fd->role == SocketRole::kUnknown ? SocketRole::kClient : fd->role;
    evt.fd_name_changed_ = apply_tuple(*fd, *tuple, role);
    if (fd->l4proto == L4Proto::kUnknown) {
        fd->l4proto = fd->declared_l4proto;
    }
}

void EventParser::parse_close(Event& evt, ThreadInfo& thread) {
    ParamView p = exit_or_enter_param(evt, thread, "fd");
    int64_t fd = int_or(p, -1);
    if (fd < 0) {
        return;
    }
    evt.fd_num_ = fd;
    FdInfo* info = thread.fds->find(fd);
    if (info == nullptr) {
        return;
    }
    if (int_or(evt.param("res"), -1) < 0) {
        evt.fd_ = info;
        return;
    }
    // The event still shows the descriptor it closed.
    closed_fd_ = std::move(*info);
    thread.fds->erase(fd);
    evt.fd_ = &closed_fd_;
}

void EventParser::parse_dup(Event& evt, ThreadInfo& thread) {
    int64_t newfd = int_or(evt.param(0u), -1);
    if (newfd < 0) {
        return;
    }
    ParamView old_param = evt.param("oldfd");
    if (old_param.len == 0) {
        old_param = exit_or_enter_param(evt, thread, "fd");
    }
    const FdInfo* old = thread.fds->find(int_or(old_param, -1));
    if (old == nullptr) {
        thread.fds->erase(newfd);
        return;
    }
    FdInfo copy = *old;
    copy.fd = newfd;
    add_fd(evt, thread, std::move(copy));
}

void EventParser::parse_fcntl(Event& evt, ThreadInfo& thread) {
    static const int64_t dupfd = table_value(SCAP_VT_FCNTL_COMMANDS, "F_DUPFD");
    static const int64_t dupfd_cloexec = table_value(SCAP_VT_FCNTL_COMMANDS, "F_DUPFD_CLOEXEC");
    int64_t cmd = int_or(exit_or_enter_param(evt, thread, "cmd"), -1);
    if (cmd < 0 || (cmd != dupfd && cmd != dupfd_cloexec)) {
        return;
    }
    int64_t newfd = int_or(evt.param(0u), -1);
    const FdInfo* old = evt.fd();
    if (newfd < 0 || old == nullptr) {
        return;
    }
    FdInfo copy = *old;
    copy.fd = newfd;
    add_fd(evt, thread, std::move(copy));
}

void EventParser::parse_pipe(Event& evt, ThreadInfo& thread) {
    if (int_or(evt.param("res"), -1) < 0) {
        return;
    }
    uint64_t ino = uint_or(evt.param("ino"), 0);
    for (const char* name : {"fd1", "fd2"}) {
        int64_t fd = int_or(evt.param(std::string_view(name)), -1);
        if (fd < 0) {
            continue;
        }
        FdInfo info;
        info.fd = fd;
        info.type = FdType::kFifo;
        info.ino = ino;
        add_fd(evt, thread, std::move(info));
    }
    evt.fd_ = nullptr;
    evt.fd_num_ = -1;
}

void EventParser::parse_socketpair(Event& evt, ThreadInfo& thread) {
    if (int_or(evt.param("res"), -1) < 0) {
        return;
    }
    uint64_t source = uint_or(evt.param("source"), 0);
    uint64_t peer = uint_or(evt.param("peer"), 0);
    for (const char* name : {"fd1", "fd2"}) {
        int64_t fd = int_or(evt.param(std::string_view(name)), -1);
        if (fd < 0) {
            continue;
        }
        FdInfo info;
        info.fd = fd;
        info.type = FdType::kUnixSocket;
        info.unix_source = source;
        info.unix_dest = peer;
        add_fd(evt, thread, std::move(info));
    }
    evt.fd_ = nullptr;
    evt.fd_num_ = -1;
}

void EventParser::parse_new_fd(Event& evt, ThreadInfo& thread) {
    int64_t fd = int_or(evt.param(0u), -1);
    if (fd < 0) {
        return;
    }
    std::string_view name = evt.name();
    FdInfo info;
    info.fd = fd;
    if (name.rfind("eventfd", 0) == 0) {
        info.type = FdType::kEvent;
    } else if (name.rfind("signalfd", 0) == 0) {
        info.type = FdType::kSignalfd;
    } else if (name == "timerfd_create") {
        info.type = FdType::kTimerfd;
    } else if (name.rfind("inotify_init", 0) == 0) {
        info.type = FdType::kInotify;
    } else if (name.rfind("epoll_create", 0) == 0) {
        info.type = FdType::kEventpoll;
    } else if (name == "userfaultfd") {
        info.type = FdType::kUserfaultfd;
    } else if (name == "memfd_create") {
        info.type = FdType::kMemfd;
        info.name = std::string(evt.param("name").as_string());
    } else if (name == "pidfd_open" || name == "pidfd_getfd") {
        info.type = FdType::kPidfd;
    } else if (name == "io_uring_setup") {
        info.type = FdType::kIoUring;
    } else if (name == "bpf") {
        info.type = FdType::kBpf;
    } else {
        info.type = FdType::kUnknown;
    }
    add_fd(evt, thread, std::move(info));
}

} // namespace sinsp
