// What libsinsp knows about one open file descriptor.
#pragma once

#include <cstdint>
#include <string>

#include "sinsp/api.h"
#include "sinsp/filter/value.h"

namespace sinsp {

// Kinds of descriptor, with the values of the capture format's scap_fd_type.
enum class FdType : uint8_t {
    kUnknown = 0,
    kFile = 1,
    kDirectory = 2,
    kIpv4Socket = 3,
    kIpv6Socket = 4,
    kIpv4ServerSocket = 5,
    kIpv6ServerSocket = 6,
    kFifo = 7,
    kUnixSocket = 8,
    kEvent = 9,
    kUnsupported = 10,
    kSignalfd = 11,
    kEventpoll = 12,
    kInotify = 13,
    kTimerfd = 14,
    kNetlink = 15,
    kFileV2 = 16,
    kBpf = 17,
    kUserfaultfd = 18,
    kIoUring = 19,
    kMemfd = 20,
    kPidfd = 21,
};

// Layer-4 protocols, with the capture format's values.
enum class L4Proto : uint8_t { kUnknown = 0, kTcp = 1, kUdp = 2, kIcmp = 3, kRaw = 4 };

// Which end of a connection the process holding the fd is.
enum class SocketRole : uint8_t { kUnknown, kClient, kServer };

struct FdInfo {
    int64_t fd = -1;
    FdType type = FdType::kUnknown;
    // Files: the absolute path. IP sockets: "cip:cport->sip:sport" once known. Unix sockets: the
    // path. Others: what the kernel calls them ("anon_inode:[eventfd]", "pipe:[1234]"...).
    std::string name;
    // The path exactly as the process passed it (files only).
    std::string name_raw;
    uint32_t open_flags = 0; // PPM open flags (files)
    uint32_t dev = 0;
    uint64_t ino = 0;

    // IP sockets: client and server ends (IPv4 addresses are in IpAddress v4 form).
    filter::IpAddress client_ip, server_ip;
    uint16_t client_port = 0, server_port = 0;
    // The transport, known once the socket is connected or accepted (as sysdig shows it).
    L4Proto l4proto = L4Proto::kUnknown;
    // The transport the socket() call asked for, applied to l4proto on connect.
    L4Proto declared_l4proto = L4Proto::kUnknown;
    SocketRole role = SocketRole::kUnknown;
    bool connected = false; // a connect or accept established the tuple
    // Unix sockets: the kernel addresses of both ends.
    uint64_t unix_source = 0, unix_dest = 0;

    bool is_socket() const {
        return type == FdType::kIpv4Socket || type == FdType::kIpv6Socket ||
               type == FdType::kIpv4ServerSocket || type == FdType::kIpv6ServerSocket ||
               type == FdType::kUnixSocket;
    }
    bool is_ip_socket() const {
        return type == FdType::kIpv4Socket || type == FdType::kIpv6Socket ||
               type == FdType::kIpv4ServerSocket || type == FdType::kIpv6ServerSocket;
    }
    bool is_file() const { return type == FdType::kFile || type == FdType::kFileV2; }
};

// The one-character code sysdig prints for a kind ('f' file, '4' IPv4 socket, 'u' unix, ...).
SINSP_API char fd_type_char(FdType type);

// The kind's name as fd.type prints it ("file", "ipv4", "unix", ...).
SINSP_API const char* fd_type_name(FdType type);

} // namespace sinsp
