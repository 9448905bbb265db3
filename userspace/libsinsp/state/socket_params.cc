// PT_SOCKTUPLE / PT_SOCKADDR layouts: a family byte, then for IPv4 address(4) port(2), for IPv6
// address(16) port(2) (tuples: source then destination), for unix the kernel addresses (tuples,
// 8 bytes each) and a NUL-terminated path. Addresses are in network order, ports little-endian.
#include <cstring>

#include "state/socket_params.h"

namespace sinsp::state {

namespace {

filter::IpAddress read_ip(const uint8_t* p, size_t size) {
    filter::IpAddress a;
    a.family = size == 4 ? filter::IpAddress::Family::kV4 : filter::IpAddress::Family::kV6;
    std::memcpy(a.bytes.data(), p, size);
    return a;
}

uint16_t read_port(const uint8_t* p) {
    uint16_t v;
    std::memcpy(&v, p, 2);
    return v;
}

uint64_t read_u64(const uint8_t* p) {
    uint64_t v;
    std::memcpy(&v, p, 8);
    return v;
}

std::string_view read_path(const uint8_t* p, size_t n) {
    std::string_view s(reinterpret_cast<const char*>(p), n);
    size_t nul = s.find('\0');
    return nul == std::string_view::npos ? s : s.substr(0, nul);
}

} // namespace

std::optional<SocketTuple> decode_tuple(const ParamView& param, bool unmap) {
    if (param.len < 1) {
        return std::nullopt;
    }
    SocketTuple t;
    t.family = param.data[0];
    const uint8_t* p = param.data + 1;
    size_t n = param.len - 1;
    switch (t.family) {
    case kFamilyInet:
        if (n < 12) {
            return std::nullopt;
        }
        t.source_ip = read_ip(p, 4);
        t.source_port = read_port(p + 4);
        t.dest_ip = read_ip(p + 6, 4);
        t.dest_port = read_port(p + 10);
        return t;
    case kFamilyInet6:
        if (n < 36) {
            return std::nullopt;
        }
        t.source_ip = read_ip(p, 16);
        t.source_port = read_port(p + 16);
        t.dest_ip = read_ip(p + 18, 16);
        if (unmap) {
            t.source_ip = unmap_v4(t.source_ip);
            t.dest_ip = unmap_v4(t.dest_ip);
        }
        t.dest_port = read_port(p + 34);
        return t;
    case kFamilyUnix:
        if (n < 16) {
            return std::nullopt;
        }
        t.unix_source = read_u64(p);
        t.unix_dest = read_u64(p + 8);
        t.path = read_path(p + 16, n - 16);
        return t;
    default:
        return std::nullopt;
    }
}

std::optional<SocketAddress> decode_sockaddr(const ParamView& param, bool unmap) {
    if (param.len < 1) {
        return std::nullopt;
    }
    SocketAddress a;
    a.family = param.data[0];
    const uint8_t* p = param.data + 1;
    size_t n = param.len - 1;
    switch (a.family) {
    case kFamilyInet:
        if (n < 6) {
            return std::nullopt;
        }
        a.ip = read_ip(p, 4);
        a.port = read_port(p + 4);
        return a;
    case kFamilyInet6:
        if (n < 18) {
            return std::nullopt;
        }
        a.ip = read_ip(p, 16);
        if (unmap) {
            a.ip = unmap_v4(a.ip);
        }
        a.port = read_port(p + 16);
        return a;
    case kFamilyUnix:
        a.path = read_path(p, n);
        return a;
    default:
        return std::nullopt;
    }
}

filter::IpAddress unmap_v4(const filter::IpAddress& address) {
    static const uint8_t prefix[12] = {0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0xff, 0xff};
    if (address.family != filter::IpAddress::Family::kV6 ||
        std::memcmp(address.bytes.data(), prefix, 12) != 0) {
        return address;
    }
    filter::IpAddress v4;
    v4.family = filter::IpAddress::Family::kV4;
    std::memcpy(v4.bytes.data(), address.bytes.data() + 12, 4);
    return v4;
}

std::string tuple_name(const filter::IpAddress& client_ip, uint16_t client_port,
                       const filter::IpAddress& server_ip, uint16_t server_port) {
    std::string out = client_ip.to_string();
    out += ':';
    out += std::to_string(client_port);
    out += "->";
    out += server_ip.to_string();
    out += ':';
    out += std::to_string(server_port);
    return out;
}

} // namespace sinsp::state
