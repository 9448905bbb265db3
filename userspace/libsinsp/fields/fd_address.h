// The endpoints of a socket fd as the fd.* fields see them: client and server, local and remote.
// Internal to libsinsp.
#pragma once

#include <cstdint>

#include "sinsp/fd_info.h"
#include "sinsp/filter/value.h"
#include "sinsp/inspector.h"

namespace sinsp::fields {

// One end of a connection.
struct Endpoint {
    filter::IpAddress ip;
    uint16_t port = 0;
};

// An IPv4 or IPv6 socket with a client -> server tuple (not a listening socket).
bool has_tuple(const FdInfo& fd);
// A listening IPv4 or IPv6 socket: only the server port and address are known.
bool is_listening(const FdInfo& fd);

// True when `ip` is an address of one of the capture's network interfaces.
bool is_local_ip(const Inspector& inspector, const filter::IpAddress& ip);

// The process is the server end when the server address is one of the machine's (sysdig's rule:
// it holds for accepted and for loopback connections alike, and for every IPv6 socket, whose
// addresses sysdig takes as local); listening sockets are servers.
bool is_server_end(const Inspector& inspector, const FdInfo& fd);

Endpoint client_end(const FdInfo& fd);
Endpoint server_end(const FdInfo& fd);
// The local end is the client's when the client address is the machine's, else the server's.
// Addresses are in the socket's family (zeros before a tuple is known).
Endpoint local_end(const Inspector& inspector, const FdInfo& fd);
Endpoint remote_end(const Inspector& inspector, const FdInfo& fd);

// "tcp", "udp", "icmp", "raw"; nullptr when unknown.
const char* l4proto_name(L4Proto proto);

} // namespace sinsp::fields
