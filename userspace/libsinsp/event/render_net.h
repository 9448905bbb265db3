// Socket addresses and tuples as sysdig 0.29.3 prints them in event arguments. Internal to
// libsinsp.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace sinsp::render {

// A PT_SOCKADDR value: "1.2.3.4:80", "::1:443", a unix path, "family N" for other families,
// "NULL" when empty.
void append_sockaddr(std::string_view bytes, std::string& out);

// A PT_SOCKTUPLE value: "1.2.3.4:80->5.6.7.8:90" (IPv6 ends that are both IPv4-mapped or
// unspecified print as IPv4), "ffff9a1b2c3d4e5f->ffff000011112222 /tmp/sock" for unix sockets,
// "NULL" when empty.
void append_socktuple(std::string_view bytes, std::string& out);

// An address in network byte order: 4 bytes dotted, 16 bytes in RFC 5952 text.
void append_ip(const uint8_t* bytes, size_t len, std::string& out);

} // namespace sinsp::render
