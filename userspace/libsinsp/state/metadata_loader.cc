#include "state/metadata_loader.h"

#include <cstring>
#include <memory>
#include <string_view>

#include "state/param_reader.h"
#include "state/paths.h"
#include "state/socket_params.h"

namespace sinsp::state {

namespace {

filter::IpAddress ip_from(const uint8_t* bytes, size_t size) {
    filter::IpAddress a;
    a.family = size == 4 ? filter::IpAddress::Family::kV4 : filter::IpAddress::Family::kV6;
    std::memcpy(a.bytes.data(), bytes, size);
    return size == 16 ? unmap_v4(a) : a;
}

// The capture's scap_l4_proto codes: 0 unknown, 1 not applicable, 2 TCP, 3 UDP, 4 ICMP, 5 raw.
L4Proto l4(uint8_t proto) {
    switch (proto) {
    case 2:
        return L4Proto::kTcp;
    case 3:
        return L4Proto::kUdp;
    case 4:
        return L4Proto::kIcmp;
    case 5:
        return L4Proto::kRaw;
    default:
        return L4Proto::kUnknown;
    }
}

std::string_view list_bytes(const char* data, uint32_t len) {
    return data == nullptr ? std::string_view() : std::string_view(data, len);
}

std::unique_ptr<ThreadInfo> thread_from_metadata(const scap_threadinfo& m) {
    auto t = std::make_unique<ThreadInfo>();
    t->tid = static_cast<int64_t>(m.tid);
    t->pid = static_cast<int64_t>(m.pid);
    t->ptid = static_cast<int64_t>(m.ptid);
    t->sid = m.sid;
    t->vpgid = m.vpgid;
    t->pgid = m.pgid;
    t->vtid = m.vtid;
    t->vpid = m.vpid;
    t->comm = m.comm;
    t->exe = m.exe;
    t->exepath = m.exepath;
    t->cwd = with_trailing_slash(m.cwd);
    t->root = m.root;
    t->args = split_nul_list(list_bytes(m.args, m.args_len));
    t->env = split_nul_list(list_bytes(m.env, m.env_len));
    t->cgroups = split_key_values(list_bytes(m.cgroups, m.cgroups_len));
    t->fdlimit = m.fdlimit;
    t->flags = m.flags;
    t->uid = m.uid;
    t->gid = m.gid;
    t->loginuid = m.loginuid;
    t->tty = m.tty;
    t->vmsize_kb = m.vmsize_kb;
    t->vmrss_kb = m.vmrss_kb;
    t->vmswap_kb = m.vmswap_kb;
    t->pfmajor = m.pfmajor;
    t->pfminor = m.pfminor;
    t->cap_inheritable = m.cap_inheritable;
    t->cap_permitted = m.cap_permitted;
    t->cap_effective = m.cap_effective;
    t->exe_ino = m.exe_ino;
    t->exe_ino_ctime = m.exe_ino_ctime;
    t->exe_ino_mtime = m.exe_ino_mtime;
    t->exe_writable = m.exe_writable != 0;
    t->exe_upper_layer = m.exe_upper_layer != 0;
    t->exe_from_memfd = m.exe_from_memfd != 0;
    t->pidns_init_start_ts = m.pidns_init_start_ts;
    if (m.fdlist != nullptr) {
        for (uint32_t i = 0; i < m.fdlist->count; i++) {
            t->fds->put(fd_from_metadata(m.fdlist->fds[i]));
        }
    }
    return t;
}

} // namespace

FdInfo fd_from_metadata(const scap_fdinfo& m) {
    FdInfo fd;
    fd.fd = m.fd;
    fd.ino = m.ino;
    fd.type = static_cast<FdType>(m.type);
    fd.name = m.name;
    switch (fd.type) {
    case FdType::kIpv4Socket:
        fd.client_ip = ip_from(m.info.ipv4.sip, 4);
        fd.server_ip = ip_from(m.info.ipv4.dip, 4);
        fd.client_port = m.info.ipv4.sport;
        fd.server_port = m.info.ipv4.dport;
        fd.l4proto = l4(m.info.ipv4.l4proto);
        fd.connected = fd.l4proto == L4Proto::kTcp;
        fd.name = tuple_name(fd.client_ip, fd.client_port, fd.server_ip, fd.server_port);
        break;
    case FdType::kIpv6Socket:
        fd.client_ip = ip_from(m.info.ipv6.sip, 16);
        fd.server_ip = ip_from(m.info.ipv6.dip, 16);
        fd.client_port = m.info.ipv6.sport;
        fd.server_port = m.info.ipv6.dport;
        fd.l4proto = l4(m.info.ipv6.l4proto);
        fd.connected = fd.l4proto == L4Proto::kTcp;
        fd.name = tuple_name(fd.client_ip, fd.client_port, fd.server_ip, fd.server_port);
        break;
    case FdType::kIpv4ServerSocket:
        fd.server_ip = ip_from(m.info.ipv4_server.ip, 4);
        fd.server_port = m.info.ipv4_server.port;
        fd.l4proto = l4(m.info.ipv4_server.l4proto);
        fd.role = SocketRole::kServer;
        fd.name = fd.server_ip.to_string() + ":" + std::to_string(fd.server_port);
        break;
    case FdType::kIpv6ServerSocket:
        fd.server_ip = ip_from(m.info.ipv6_server.ip, 16);
        fd.server_port = m.info.ipv6_server.port;
        fd.l4proto = l4(m.info.ipv6_server.l4proto);
        fd.role = SocketRole::kServer;
        fd.name = fd.server_ip.to_string() + ":" + std::to_string(fd.server_port);
        break;
    case FdType::kUnixSocket:
        fd.unix_source = m.info.unix_sock.source;
        fd.unix_dest = m.info.unix_sock.dest;
        break;
    case FdType::kFileV2:
        fd.open_flags = m.open_flags;
        fd.dev = m.dev;
        break;
    default:
        break;
    }
    fd.name_raw = fd.is_file() ? fd.name : std::string();
    return fd;
}

void load_threads(const scap_metadata& meta, ThreadTable& threads) {
    for (uint32_t i = 0; i < meta.nthreads; i++) {
        threads.put(thread_from_metadata(meta.threads[i]));
    }
    // Threads share their process's descriptors, which the list records on the main thread.
    for (const auto& [tid, thread] : threads.entries()) {
        if (thread->is_main_thread()) {
            continue;
        }
        const ThreadInfo* main = threads.find(thread->pid);
        if (main != nullptr && thread->fds->size() == 0) {
            thread->fds = main->fds;
        }
    }
}

} // namespace sinsp::state
