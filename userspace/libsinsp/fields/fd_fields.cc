// fd.*: the descriptor the event uses or creates: its number, kind, name, endpoints and device.
#include <cstdio>
#include <string>
#include <string_view>

#include "fields/container_id.h"
#include "fields/fd_address.h"
#include "fields/fd_fallback.h"
#include "fields/field_class.h"

namespace sinsp::fields {

namespace {

using filter::BoundField;
using filter::FieldType;
using filter::IpAddress;
using filter::Value;
using filter::ValueList;

bool add_ip(ValueList& out, const IpAddress& ip) {
    out.add(Value::ip(ip));
    return true;
}

bool add_port(ValueList& out, uint16_t port) {
    out.add(Value::uint64(port));
    return true;
}

// The event's descriptor, or nullptr.
const FdInfo* fd_of(const Context& ctx) {
    return event_fd(ctx.event);
}

// An IP socket whose tuple a connect, accept, datagram or the process list filled in: a fresh or
// merely bound socket has no ports yet.
const FdInfo* tuple_socket(const Context& ctx) {
    const FdInfo* fd = fd_of(ctx);
    bool known = fd != nullptr && has_tuple(*fd) && (fd->client_port != 0 || fd->server_port != 0);
    return known ? fd : nullptr;
}

// sysdig gives a client port 0 (and an empty protocol) to the named, unconnected unix sockets
// of the process list, which carry kernel addresses; none to others.
bool unix_shows_port(const FdInfo& fd) {
    return !fd.name.empty() && !fd.connected && fd.unix_source != 0;
}

bool is_ip_socket(const FdInfo& fd) {
    return has_tuple(fd) || is_listening(fd);
}

// fd.name: the descriptor's name; for an unknown descriptor sysdig's guess on exit events.
bool fd_name(Context& ctx, std::string_view& name) {
    if (const FdInfo* fd = fd_of(ctx)) {
        name = fd->name;
        return true;
    }
    if (!event_fd_number(ctx.event) || !fallback_name(ctx.event, ctx.thread(), ctx.scratch)) {
        return false;
    }
    name = ctx.scratch;
    return true;
}

// The directory part of a path: up to its last slash, "/" when that leaves nothing.
std::string_view directory_of(std::string_view path) {
    size_t slash = path.rfind('/');
    if (slash == std::string_view::npos || slash == 0) {
        return "/";
    }
    return path.substr(0, slash);
}

// fd.directory: a directory fd's own name, a file's directory; for an unknown descriptor the
// directory of sysdig's guessed name.
bool fd_directory(Context& ctx, std::string_view& dir) {
    if (const FdInfo* fd = fd_of(ctx)) {
        if (fd->type == FdType::kDirectory) {
            dir = fd->name;
            return true;
        }
        if (!fd->is_file()) {
            return false;
        }
        dir = directory_of(fd->name);
        return true;
    }
    std::string_view name;
    if (!fd_name(ctx, name)) {
        return false;
    }
    dir = directory_of(name);
    return true;
}

// The container id fd.containername prefixes: empty on the host, as sysdig 0.29 shows.
std::string_view container_prefix(const Context& ctx) {
    const ThreadInfo* t = ctx.thread();
    return t != nullptr ? find_container(*t).id : std::string_view();
}

// "<container id>:<text>" in a string the value list owns.
bool add_container_joined(Context& ctx, ValueList& out, std::string_view text) {
    std::string joined(container_prefix(ctx));
    joined += ':';
    joined += text;
    out.add_string_copy(joined);
    return true;
}

// The port's service name; without a services database sysdig shows the number.
bool add_proto(Context& ctx, ValueList& out, uint16_t port) {
    ctx.scratch = std::to_string(port);
    return add_text(out, ctx.scratch);
}

// Which end of a connection a field shows.
enum class End { kClient, kServer, kLocal, kRemote };

Endpoint end_of(const Context& ctx, const FdInfo& fd, End end) {
    switch (end) {
    case End::kClient:
        return client_end(fd);
    case End::kServer:
        return server_end(fd);
    case End::kLocal:
        return local_end(ctx.inspector, fd);
    case End::kRemote:
        return remote_end(ctx.inspector, fd);
    }
    return client_end(fd);
}

bool add_end_ip(const Context& ctx, ValueList& out, End end) {
    const FdInfo* fd = tuple_socket(ctx);
    return fd != nullptr && add_ip(out, end_of(ctx, *fd, end).ip);
}

bool add_end_port(const Context& ctx, ValueList& out, End end) {
    const FdInfo* fd = tuple_socket(ctx);
    return fd != nullptr && add_port(out, end_of(ctx, *fd, end).port);
}

bool add_end_proto(Context& ctx, ValueList& out, End end) {
    const FdInfo* fd = tuple_socket(ctx);
    return fd != nullptr && add_proto(ctx, out, end_of(ctx, *fd, end).port);
}

// Both ends of a connection, or a listening socket's own address (filter-only fields). Unlike
// the one-end fields, a socket without a tuple yet takes part, with zero addresses and ports.
bool add_both_ips(const Context& ctx, ValueList& out) {
    const FdInfo* fd = fd_of(ctx);
    if (fd != nullptr && is_listening(*fd)) {
        return add_ip(out, fd->server_ip);
    }
    return fd != nullptr && has_tuple(*fd) && add_ip(out, client_end(*fd).ip) &&
           add_ip(out, server_end(*fd).ip);
}

bool add_both_ports(const Context& ctx, ValueList& out) {
    const FdInfo* fd = fd_of(ctx);
    if (fd != nullptr && is_listening(*fd)) {
        return add_port(out, fd->server_port);
    }
    return fd != nullptr && has_tuple(*fd) && add_port(out, fd->client_port) &&
           add_port(out, fd->server_port);
}

// Major and minor numbers of a device as the C library splits a 32-bit dev_t.
uint32_t dev_major(uint32_t dev) {
    return (dev >> 8) & 0xfff;
}
uint32_t dev_minor(uint32_t dev) {
    return (dev & 0xff) | ((dev >> 12) & 0xfff00);
}

FieldDef multi(FieldDef def) {
    def.info.multiplicity = filter::Multiplicity::kAnyOf;
    return def;
}

// Domain names of the endpoints: no resolver runs over captures, so never a value. sysdig
// compares them with = and != only.
FieldDef ip_name_field(std::string name, std::string description) {
    FieldDef def = field(std::move(name), FieldType::kString, std::move(description),
                         [](Context&, const BoundField&, ValueList&) { return false; });
    def.info.operators = {filter::Operator::kEq, filter::Operator::kNe, filter::Operator::kIn,
                          filter::Operator::kExists};
    return def;
}

std::vector<FieldDef> definitions() {
    using T = FieldType;
    std::vector<FieldDef> f;
    f.push_back(field("fd.num", T::kInt64, "number of the descriptor the event uses or creates",
                      [](Context& ctx, const BoundField&, ValueList& out) {
                          auto num = event_fd_number(ctx.event);
                          return num && add_int(out, *num);
                      }));
    f.push_back(field("fd.type", T::kString,
                      "kind of descriptor: file, directory, ipv4, ipv6, unix, pipe, event, ...",
                      [](Context& ctx, const BoundField&, ValueList& out) {
                          const FdInfo* fd = fd_of(ctx);
                          return fd != nullptr && add_text(out, fd_type_name(fd->type));
                      }));
    f.push_back(field("fd.typechar", T::kString,
                      "kind of descriptor as one letter: f, d, 4, 6, u, p, e, s, l, i, t, n, o",
                      [](Context& ctx, const BoundField&, ValueList& out) {
                          if (!event_fd_number(ctx.event)) {
                              return false;
                          }
                          const FdInfo* fd = fd_of(ctx);
                          char c = fd == nullptr                      ? creator_type_char(ctx.event)
                                   : fd->type == FdType::kUnsupported ? 'X'
                                                                      : fd_type_char(fd->type);
                          ctx.scratch.assign(1, c);
                          return add_text(out, ctx.scratch);
                      }));
    f.push_back(field("fd.name", T::kString,
                      "full name: absolute path of a file, client:port->server:port of a socket",
                      [](Context& ctx, const BoundField&, ValueList& out) {
                          std::string_view name;
                          return fd_name(ctx, name) && add_text(out, name);
                      }));
    f.push_back(field("fd.directory", T::kString, "directory of a file, or a directory fd's path",
                      [](Context& ctx, const BoundField&, ValueList& out) {
                          std::string_view dir;
                          return fd_directory(ctx, dir) && add_text(out, dir);
                      }));
    f.push_back(field("fd.filename", T::kString, "last path component of a file",
                      [](Context& ctx, const BoundField&, ValueList& out) {
                          const FdInfo* fd = fd_of(ctx);
                          if (fd == nullptr || !fd->is_file()) {
                              return false;
                          }
                          std::string_view name(fd->name);
                          return add_text(out, name.substr(name.rfind('/') + 1));
                      }));
    f.push_back(multi(field(
        "fd.ip", T::kIpAddr, "either endpoint's IP address (filters only)",
        [](Context& ctx, const BoundField&, ValueList& out) { return add_both_ips(ctx, out); })));
    f.push_back(field("fd.cip", T::kIpAddr, "client IP address",
                      [](Context& ctx, const BoundField&, ValueList& out) {
                          return add_end_ip(ctx, out, End::kClient);
                      }));
    f.push_back(field("fd.sip", T::kIpAddr, "server IP address",
                      [](Context& ctx, const BoundField&, ValueList& out) {
                          return add_end_ip(ctx, out, End::kServer);
                      }));
    f.push_back(field("fd.lip", T::kIpAddr, "local IP address",
                      [](Context& ctx, const BoundField&, ValueList& out) {
                          return add_end_ip(ctx, out, End::kLocal);
                      }));
    f.push_back(field("fd.rip", T::kIpAddr, "remote IP address",
                      [](Context& ctx, const BoundField&, ValueList& out) {
                          return add_end_ip(ctx, out, End::kRemote);
                      }));
    f.push_back(multi(field(
        "fd.port", T::kPort, "either endpoint's port (filters only)",
        [](Context& ctx, const BoundField&, ValueList& out) { return add_both_ports(ctx, out); })));
    f.push_back(field("fd.cport", T::kPort, "client port of a TCP/UDP socket",
                      [](Context& ctx, const BoundField&, ValueList& out) {
                          const FdInfo* fd = fd_of(ctx);
                          if (fd != nullptr && fd->type == FdType::kUnixSocket) {
                              return unix_shows_port(*fd) && add_port(out, 0);
                          }
                          return add_end_port(ctx, out, End::kClient);
                      }));
    f.push_back(field("fd.sport", T::kPort, "server port of a TCP/UDP socket",
                      [](Context& ctx, const BoundField&, ValueList& out) {
                          const FdInfo* fd = fd_of(ctx);
                          if (fd != nullptr && is_listening(*fd)) {
                              return add_port(out, fd->server_port);
                          }
                          return add_end_port(ctx, out, End::kServer);
                      }));
    f.push_back(field("fd.lport", T::kPort, "local port of a TCP/UDP socket",
                      [](Context& ctx, const BoundField&, ValueList& out) {
                          return add_end_port(ctx, out, End::kLocal);
                      }));
    f.push_back(field("fd.rport", T::kPort, "remote port of a TCP/UDP socket",
                      [](Context& ctx, const BoundField&, ValueList& out) {
                          return add_end_port(ctx, out, End::kRemote);
                      }));
    f.push_back(field("fd.l4proto", T::kString, "transport protocol: tcp, udp, icmp or raw",
                      [](Context& ctx, const BoundField&, ValueList& out) {
                          // sysdig's value for any other descriptor is the text "<NA>".
                          const FdInfo* fd = fd_of(ctx);
                          if (fd == nullptr) {
                              return false;
                          }
                          const char* name =
                              is_ip_socket(*fd) ? l4proto_name(fd->l4proto) : nullptr;
                          return add_text(out, name != nullptr ? name : "<NA>");
                      }));
    f.push_back(field("fd.sockfamily", T::kString, "socket family: ip or unix",
                      [](Context& ctx, const BoundField&, ValueList& out) {
                          const FdInfo* fd = fd_of(ctx);
                          if (fd == nullptr) {
                              return false;
                          }
                          if (is_ip_socket(*fd)) {
                              return add_text(out, "ip");
                          }
                          return fd->type == FdType::kUnixSocket && add_text(out, "unix");
                      }));
    f.push_back(field("fd.is_server", T::kBool,
                      "true if the process is the server end of the connection",
                      [](Context& ctx, const BoundField&, ValueList& out) {
                          const FdInfo* fd = fd_of(ctx);
                          if (fd == nullptr) {
                              return false;
                          }
                          out.add(Value::boolean(is_server_end(ctx.inspector, *fd)));
                          return true;
                      }));
    f.push_back(field("fd.uid", T::kString, "unique id of the descriptor: thread id then fd number",
                      [](Context& ctx, const BoundField&, ValueList& out) {
                          const ThreadInfo* t = ctx.thread();
                          auto num = event_fd_number(ctx.event);
                          if (t == nullptr || !num) {
                              return false;
                          }
                          ctx.scratch = std::to_string(t->tid) + std::to_string(*num);
                          return add_text(out, ctx.scratch);
                      }));
    f.push_back(field("fd.containername", T::kString, "container id, a colon, then fd.name",
                      [](Context& ctx, const BoundField&, ValueList& out) {
                          std::string_view name;
                          return fd_name(ctx, name) && add_container_joined(ctx, out, name);
                      }));
    f.push_back(field("fd.containerdirectory", T::kString,
                      "container id, a colon, then fd.directory",
                      [](Context& ctx, const BoundField&, ValueList& out) {
                          std::string_view dir;
                          return fd_directory(ctx, dir) && add_container_joined(ctx, out, dir);
                      }));
    f.push_back(multi(field("fd.proto", T::kPort, "either endpoint's protocol (filters only)",
                            [](Context& ctx, const BoundField&, ValueList& out) {
                                const FdInfo* fd = fd_of(ctx);
                                return fd != nullptr && has_tuple(*fd) &&
                                       add_port(out, fd->client_port) &&
                                       add_port(out, fd->server_port);
                            })));
    f.push_back(field("fd.cproto", T::kString, "client protocol of a TCP/UDP socket",
                      [](Context& ctx, const BoundField&, ValueList& out) {
                          const FdInfo* fd = fd_of(ctx);
                          if (fd != nullptr && fd->type == FdType::kUnixSocket) {
                              return unix_shows_port(*fd) && add_text(out, "");
                          }
                          return add_end_proto(ctx, out, End::kClient);
                      }));
    f.push_back(field("fd.sproto", T::kString, "server protocol of a TCP/UDP socket",
                      [](Context& ctx, const BoundField&, ValueList& out) {
                          const FdInfo* fd = fd_of(ctx);
                          if (fd != nullptr && is_listening(*fd)) {
                              return add_text(out, "");
                          }
                          return add_end_proto(ctx, out, End::kServer);
                      }));
    f.push_back(field("fd.lproto", T::kString, "local protocol of a TCP/UDP socket",
                      [](Context& ctx, const BoundField&, ValueList& out) {
                          return add_end_proto(ctx, out, End::kLocal);
                      }));
    f.push_back(field("fd.rproto", T::kString, "remote protocol of a TCP/UDP socket",
                      [](Context& ctx, const BoundField&, ValueList& out) {
                          return add_end_proto(ctx, out, End::kRemote);
                      }));
    f.push_back(multi(field(
        "fd.net", T::kIpNet, "either endpoint's IP address, compared with CIDR networks (filters)",
        [](Context& ctx, const BoundField&, ValueList& out) { return add_both_ips(ctx, out); })));
    f.push_back(field("fd.cnet", T::kIpNet, "client IP address, compared with CIDR networks",
                      [](Context& ctx, const BoundField&, ValueList& out) {
                          return add_end_ip(ctx, out, End::kClient);
                      }));
    f.push_back(field("fd.snet", T::kIpNet, "server IP address, compared with CIDR networks",
                      [](Context& ctx, const BoundField&, ValueList& out) {
                          return add_end_ip(ctx, out, End::kServer);
                      }));
    f.push_back(field("fd.lnet", T::kIpNet, "local IP address, compared with CIDR networks",
                      [](Context& ctx, const BoundField&, ValueList& out) {
                          return add_end_ip(ctx, out, End::kLocal);
                      }));
    f.push_back(field("fd.rnet", T::kIpNet, "remote IP address, compared with CIDR networks",
                      [](Context& ctx, const BoundField&, ValueList& out) {
                          return add_end_ip(ctx, out, End::kRemote);
                      }));
    f.push_back(field("fd.connected", T::kBool, "true once a TCP/UDP socket is connected",
                      [](Context& ctx, const BoundField&, ValueList& out) {
                          const FdInfo* fd = fd_of(ctx);
                          if (fd == nullptr) {
                              return false;
                          }
                          out.add(Value::boolean(fd->connected));
                          return true;
                      }));
    f.push_back(field("fd.name_changed", T::kBool,
                      "true when this event changed the descriptor's name (a UDP peer, a connect)",
                      [](Context& ctx, const BoundField&, ValueList& out) {
                          if (fd_of(ctx) == nullptr) {
                              return false;
                          }
                          // Opening names the new descriptor.
                          bool opened =
                              !ctx.event.is_enter() && creator_type_char(ctx.event) == 'f';
                          out.add(Value::boolean(ctx.event.fd_name_changed() || opened));
                          return true;
                      }));
    f.push_back(ip_name_field("fd.cip.name", "domain name of the client IP address"));
    f.push_back(ip_name_field("fd.sip.name", "domain name of the server IP address"));
    f.push_back(ip_name_field("fd.lip.name", "domain name of the local IP address"));
    f.push_back(ip_name_field("fd.rip.name", "domain name of the remote IP address"));
    f.push_back(field(
        "fd.dev", T::kInt64, "device number of the file (major/minor), printed in upper-case hex",
        [](Context& ctx, const BoundField&, ValueList& out) {
            const FdInfo* fd = fd_of(ctx);
            return fd != nullptr && add_int(out, static_cast<int32_t>(fd->dev));
        },
        [](Context& ctx, const BoundField&, std::string& out) {
            const FdInfo* fd = fd_of(ctx);
            if (fd == nullptr) {
                return false;
            }
            char buf[16];
            std::snprintf(buf, sizeof(buf), "%X", fd->dev);
            out += buf;
            return true;
        }));
    f.push_back(field("fd.dev.major", T::kInt64, "major number of the file's device",
                      [](Context& ctx, const BoundField&, ValueList& out) {
                          const FdInfo* fd = fd_of(ctx);
                          return fd != nullptr && add_int(out, dev_major(fd->dev));
                      }));
    f.push_back(field("fd.dev.minor", T::kInt64, "minor number of the file's device",
                      [](Context& ctx, const BoundField&, ValueList& out) {
                          const FdInfo* fd = fd_of(ctx);
                          return fd != nullptr && add_int(out, dev_minor(fd->dev));
                      }));
    f.push_back(field("fd.nameraw", T::kString, "path of a file exactly as the process passed it",
                      [](Context& ctx, const BoundField&, ValueList& out) {
                          if (const FdInfo* fd = fd_of(ctx)) {
                              return add_text(out, fd->name_raw);
                          }
                          return fallback_name_raw(ctx.event, ctx.thread(), ctx.scratch) &&
                                 add_text(out, ctx.scratch);
                      }));
    f.push_back(field("fd.ino", T::kInt64, "inode number of the file",
                      [](Context& ctx, const BoundField&, ValueList& out) {
                          const FdInfo* fd = fd_of(ctx);
                          return fd != nullptr && add_int(out, static_cast<int64_t>(fd->ino));
                      }));
    return f;
}

} // namespace

FieldClassDef fd_fields() {
    return {"fd", "the file descriptor the event uses or creates", definitions()};
}

} // namespace sinsp::fields
