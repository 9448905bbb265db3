#include "event/render_net.h"

#include <arpa/inet.h>

#include <cinttypes>
#include <cstdio>
#include <cstring>

namespace sinsp::render {

namespace {

// Address families as the drivers encode them.
constexpr uint8_t kFamilyUnix = 1;
constexpr uint8_t kFamilyInet = 2;
constexpr uint8_t kFamilyInet6 = 10;

constexpr uint8_t kMappedPrefix[12] = {0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0xff, 0xff};

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

void append_endpoint(const uint8_t* ip, size_t len, uint16_t port, std::string& out) {
    append_ip(ip, len, out);
    out += ':';
    out += std::to_string(port);
}

// An IPv6 address that tuples print as IPv4: IPv4-mapped (::ffff:a.b.c.d), or unspecified (::,
// printed 0.0.0.0).
bool prints_as_v4(const uint8_t* ip) {
    static const uint8_t zero[16] = {};
    return std::memcmp(ip, kMappedPrefix, sizeof(kMappedPrefix)) == 0 ||
           std::memcmp(ip, zero, sizeof(zero)) == 0;
}

void append_family(uint8_t family, std::string& out) {
    out += "family ";
    out += std::to_string(family);
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
    const auto* p = reinterpret_cast<const uint8_t*>(bytes.data());
    uint8_t family = p[0];
    switch (family) {
    case kFamilyInet:
        if (bytes.size() < 7) {
            out += "INVALID IPv4";
            return;
        }
        append_endpoint(p + 1, 4, read_port(p + 5), out);
        return;
    case kFamilyInet6:
        if (bytes.size() < 19) {
            out += "INVALID IPv6";
            return;
        }
        append_endpoint(p + 1, 16, read_port(p + 17), out);
        return;
    case kFamilyUnix: {
        std::string_view path = bytes.substr(1);
        out += path.substr(0, path.find('\0'));
        return;
    }
    default:
        append_family(family, out);
    }
}

void append_socktuple(std::string_view bytes, std::string& out) {
    if (bytes.empty()) {
        out += "NULL";
        return;
    }
    const auto* p = reinterpret_cast<const uint8_t*>(bytes.data());
    uint8_t family = p[0];
    switch (family) {
    case kFamilyInet:
        if (bytes.size() < 13) {
            out += "INVALID IPv4";
            return;
        }
        append_endpoint(p + 1, 4, read_port(p + 5), out);
        out += "->";
        append_endpoint(p + 7, 4, read_port(p + 11), out);
        return;
    case kFamilyInet6: {
        if (bytes.size() < 37) {
            out += "INVALID IPv6";
            return;
        }
        const uint8_t* sip = p + 1;
        const uint8_t* dip = p + 19;
        if (prints_as_v4(sip) && prints_as_v4(dip)) {
            append_endpoint(sip + 12, 4, read_port(p + 17), out);
            out += "->";
            append_endpoint(dip + 12, 4, read_port(p + 35), out);
        } else {
            append_endpoint(sip, 16, read_port(p + 17), out);
            out += "->";
            append_endpoint(dip, 16, read_port(p + 35), out);
        }
        return;
    }
    case kFamilyUnix: {
        if (bytes.size() < 17) {
            out += "INVALID UNIX";
            return;
        }
        char buf[48];
        std::snprintf(buf, sizeof(buf), "%" PRIx64 "->%" PRIx64 " ", read_u64(p + 1),
                      read_u64(p + 9));
        out += buf;
        std::string_view path = bytes.substr(17);
        out += path.substr(0, path.find('\0'));
        return;
    }
    default:
        append_family(family, out);
    }
}

} // namespace sinsp::render
