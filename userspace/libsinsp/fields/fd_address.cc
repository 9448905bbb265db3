#include "fields/fd_address.h"

#include <cstring>

#include "scap/scap_metadata.h"

namespace sinsp::fields {

bool has_tuple(const FdInfo& fd) {
    return fd.type == FdType::kIpv4Socket || fd.type == FdType::kIpv6Socket;
}

bool is_listening(const FdInfo& fd) {
    return fd.type == FdType::kIpv4ServerSocket || fd.type == FdType::kIpv6ServerSocket;
}

bool is_local_ip(const Inspector& inspector, const filter::IpAddress& ip) {
    const scap_metadata* meta = inspector.metadata();
    if (meta == nullptr) {
        return false;
    }
    bool v4 = ip.family == filter::IpAddress::Family::kV4;
    for (uint32_t i = 0; i < meta->nifaces; i++) {
        const scap_ifinfo& iface = meta->ifaces[i];
        bool iface_v4 = iface.type == 1 || iface.type == 3;
        if (iface_v4 == v4 && std::memcmp(iface.addr, ip.bytes.data(), ip.size()) == 0) {
            return true;
        }
    }
    return false;
}

namespace {

// sysdig checks IPv4 addresses against the interfaces and takes every IPv6 one as local.
bool is_local_end(const Inspector& inspector, const FdInfo& fd, const filter::IpAddress& ip) {
    return fd.type == FdType::kIpv6Socket || is_local_ip(inspector, ip);
}

// An address of the socket in its own family (a socket without a tuple yet holds zeros).
filter::IpAddress in_family(const FdInfo& fd, const filter::IpAddress& ip) {
    bool v6 = fd.type == FdType::kIpv6Socket || fd.type == FdType::kIpv6ServerSocket;
    if (v6 && ip.family == filter::IpAddress::Family::kV4) {
        return filter::IpAddress::v6({});
    }
    return ip;
}

} // namespace

bool is_server_end(const Inspector& inspector, const FdInfo& fd) {
    return is_listening(fd) || (has_tuple(fd) && is_local_end(inspector, fd, fd.server_ip));
}

Endpoint client_end(const FdInfo& fd) {
    return {in_family(fd, fd.client_ip), fd.client_port};
}

Endpoint server_end(const FdInfo& fd) {
    return {in_family(fd, fd.server_ip), fd.server_port};
}

Endpoint local_end(const Inspector& inspector, const FdInfo& fd) {
    return is_local_end(inspector, fd, fd.client_ip) ? client_end(fd) : server_end(fd);
}

Endpoint remote_end(const Inspector& inspector, const FdInfo& fd) {
    return is_local_end(inspector, fd, fd.client_ip) ? server_end(fd) : client_end(fd);
}

const char* l4proto_name(L4Proto proto) {
    switch (proto) {
    case L4Proto::kTcp:
        return "tcp";
    case L4Proto::kUdp:
        return "udp";
    case L4Proto::kIcmp:
        return "icmp";
    case L4Proto::kRaw:
        return "raw";
    case L4Proto::kUnknown:
        break;
    }
    return nullptr;
}

} // namespace sinsp::fields
