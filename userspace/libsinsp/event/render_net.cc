#include "event/render_net.h"

#include <arpa/inet.h>

#include <cinttypes>
#include <cstdio>
#include <cstring>

#include "state/socket_params.h"

namespace sinsp::render {

namespace {

constexpr uint8_t kMappedPrefix[12] = {0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0xff, 0xff};

void append_endpoint(const filter::IpAddress& ip, uint16_t port, std::string& out) {
    append_ip(ip.bytes.data(), ip.size(), out);
    out += ':';
    out += std::to_string(port);
}

// An IPv6 address that tuples print as IPv4: IPv4-mapped (::ffff:a.b.c.d), or unspecified (::,
// printed 0.0.0.0).
bool prints_as_v4(const filter::IpAddress& ip) {
    static const uint8_t zero[16] = {};
    return std::memcmp(ip.bytes.data(), kMappedPrefix, sizeof(kMappedPrefix)) == 0 ||
           std::memcmp(ip.bytes.data(), zero, sizeof(zero)) == 0;
}

// The last four bytes of an IPv6 address, as an IPv4 one.
filter::IpAddress low_v4(const filter::IpAddress& ip) {
    filter::IpAddress v4;
    std::memcpy(v4.bytes.data(), ip.bytes.data() + 12, 4);
    return v4;
}

// What sysdig prints for a value that does not decode: a short one of a known family, or an
// unknown family.
void append_undecodable(uint8_t family, std::string& out) {
    switch (family) {
    case state::kFamilyInet:
        out += "INVALID IPv4";
        return;
    case state::kFamilyInet6:
        out += "INVALID IPv6";
        return;
    case state::kFamilyUnix:
        out += "INVALID UNIX";
        return;
    default:
        out += "family ";
        out += std::to_string(family);
    }
}

ParamView view_of(std::string_view bytes) {
    return ParamView{reinterpret_cast<const uint8_t*>(bytes.data()),
                     static_cast<uint32_t>(bytes.size()), nullptr};
}

} // namespace

void append_ip(const uint8_t* bytes, size_t len, std::string& out) {
    char buf[INET6_ADDRSTRLEN] = "";
    if (len == 4) {
        std::snprintf(buf, sizeof(buf), "%u.%u.%u.%u", bytes[0], bytes[1], bytes[2], bytes[3]);
    } else if (len == 16) {
        inet_ntop(AF_INET6, bytes, buf, sizeof(buf));
    }
    out += buf;
}

void append_sockaddr(std::string_view bytes, std::string& out) {
    if (bytes.empty()) {
        out += "NULL";
        return;
    }
    auto addr = state::decode_sockaddr(view_of(bytes), false);
    if (!addr) {
        append_undecodable(static_cast<uint8_t>(bytes[0]), out);
    } else if (addr->family == state::kFamilyUnix) {
        out += addr->path;
    } else {
        append_endpoint(addr->ip, addr->port, out);
    }
}

void append_socktuple(std::string_view bytes, std::string& out) {
    if (bytes.empty()) {
        out += "NULL";
        return;
    }
    auto t = state::decode_tuple(view_of(bytes), false);
    if (!t) {
        append_undecodable(static_cast<uint8_t>(bytes[0]), out);
    } else if (t->family == state::kFamilyUnix) {
        char buf[48];
        std::snprintf(buf, sizeof(buf), "%" PRIx64 "->%" PRIx64 " ", t->unix_source, t->unix_dest);
        out += buf;
        out += t->path;
    } else if (t->family == state::kFamilyInet6 && prints_as_v4(t->source_ip) &&
               prints_as_v4(t->dest_ip)) {
        append_endpoint(low_v4(t->source_ip), t->source_port, out);
        out += "->";
        append_endpoint(low_v4(t->dest_ip), t->dest_port, out);
    } else {
        append_endpoint(t->source_ip, t->source_port, out);
        out += "->";
        append_endpoint(t->dest_ip, t->dest_port, out);
    }
}

} // namespace sinsp::render
