// Decoding of the socket parameters of events: PT_SOCKTUPLE and PT_SOCKADDR.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "sinsp/event.h"
#include "sinsp/filter/value.h"

namespace sinsp::state {

// Socket families as the drivers encode them.
inline constexpr uint8_t kFamilyUnix = 1;
inline constexpr uint8_t kFamilyInet = 2;
inline constexpr uint8_t kFamilyInet6 = 10;

// A connection tuple: source -> destination (client -> server for connect and accept), or for
// unix sockets the two kernel addresses and the path.
struct SocketTuple {
    uint8_t family = 0;
    filter::IpAddress source_ip, dest_ip;
    uint16_t source_port = 0, dest_port = 0;
    uint64_t unix_source = 0, unix_dest = 0;
    std::string_view path; // unix: the socket path (may be empty)
};

// One socket address.
struct SocketAddress {
    uint8_t family = 0;
    filter::IpAddress ip;
    uint16_t port = 0;
    std::string_view path; // unix
};

// Nothing when the parameter is empty, too short for its family, or of another family. IPv6
// addresses that map IPv4 ones come back as IPv4 unless `unmap` is false (then as recorded).
std::optional<SocketTuple> decode_tuple(const ParamView& param, bool unmap = true);
std::optional<SocketAddress> decode_sockaddr(const ParamView& param, bool unmap = true);

// "1.2.3.4:5678->5.6.7.8:80" (IPv6 addresses are written without brackets, as sysdig does).
std::string tuple_name(const filter::IpAddress& client_ip, uint16_t client_port,
                       const filter::IpAddress& server_ip, uint16_t server_port);

// An IPv4-mapped IPv6 address (::ffff:a.b.c.d) as plain IPv4; others unchanged.
filter::IpAddress unmap_v4(const filter::IpAddress& address);

} // namespace sinsp::state
