// IP addresses and networks, value rendering, and the value list's owned copies.
#include "sinsp/filter/value.h"

#include <arpa/inet.h>

#include <charconv>
#include <cstdio>
#include <cstring>

namespace sinsp::filter {

IpAddress IpAddress::v4(uint32_t host_order) {
    IpAddress a;
    a.family = Family::kV4;
    a.bytes[0] = static_cast<uint8_t>(host_order >> 24);
    a.bytes[1] = static_cast<uint8_t>(host_order >> 16);
    a.bytes[2] = static_cast<uint8_t>(host_order >> 8);
    a.bytes[3] = static_cast<uint8_t>(host_order);
    return a;
}

IpAddress IpAddress::v6(const std::array<uint8_t, 16>& network_order) {
    IpAddress a;
    a.family = Family::kV6;
    a.bytes = network_order;
    return a;
}

std::optional<IpAddress> IpAddress::parse(std::string_view text) {
    // inet_pton wants a C string; no address is longer than 45 characters.
    char buffer[64];
    if (text.empty() || text.size() >= sizeof(buffer) ||
        text.find('\0') != std::string_view::npos) {
        return std::nullopt;
    }
    std::memcpy(buffer, text.data(), text.size());
    buffer[text.size()] = '\0';
    IpAddress a;
    if (text.find(':') == std::string_view::npos) {
        a.family = Family::kV4;
        if (inet_pton(AF_INET, buffer, a.bytes.data()) != 1) {
            return std::nullopt;
        }
        return a;
    }
    a.family = Family::kV6;
    if (inet_pton(AF_INET6, buffer, a.bytes.data()) != 1) {
        return std::nullopt;
    }
    return a;
}

std::string IpAddress::to_string() const {
    char buffer[INET6_ADDRSTRLEN];
    int af = family == Family::kV4 ? AF_INET : AF_INET6;
    if (inet_ntop(af, bytes.data(), buffer, sizeof(buffer)) == nullptr) {
        return "?";
    }
    return buffer;
}

std::optional<IpNetwork> IpNetwork::parse(std::string_view text) {
    size_t slash = text.find('/');
    std::optional<IpAddress> address = IpAddress::parse(text.substr(0, slash));
    if (!address) {
        return std::nullopt;
    }
    unsigned max_prefix = address->family == IpAddress::Family::kV4 ? 32 : 128;
    unsigned prefix = max_prefix;
    if (slash != std::string_view::npos) {
        std::string_view digits = text.substr(slash + 1);
        if (digits.empty() || digits.size() > 3) {
            return std::nullopt;
        }
        const char* end = digits.data() + digits.size();
        auto [ptr, ec] = std::from_chars(digits.data(), end, prefix);
        if (ec != std::errc() || ptr != end || prefix > max_prefix) {
            return std::nullopt;
        }
    }
    IpNetwork net;
    net.base = *address;
    net.prefix = static_cast<uint8_t>(prefix);
    for (unsigned bit = prefix; bit < max_prefix; ++bit) {
        net.base.bytes[bit / 8] &= static_cast<uint8_t>(~(0x80u >> (bit % 8)));
    }
    return net;
}

bool IpNetwork::contains(const IpAddress& address) const {
    if (address.family != base.family) {
        return false;
    }
    unsigned whole = prefix / 8;
    if (std::memcmp(address.bytes.data(), base.bytes.data(), whole) != 0) {
        return false;
    }
    unsigned rest = prefix % 8;
    if (rest == 0) {
        return true;
    }
    auto mask = static_cast<uint8_t>(0xffu << (8 - rest));
    return (address.bytes[whole] & mask) == base.bytes[whole];
}

std::string IpNetwork::to_string() const {
    return base.to_string() + "/" + std::to_string(prefix);
}

std::string Value::to_string() const {
    switch (kind_) {
    case Kind::kString:
        return std::string(text_);
    case Kind::kBytes: {
        std::string out;
        for (char c : text_) {
            auto u = static_cast<unsigned char>(c);
            if (u >= 0x20 && u < 0x7f) {
                out += c;
            } else {
                char hex[5];
                std::snprintf(hex, sizeof(hex), "\\x%02x", u);
                out += hex;
            }
        }
        return out;
    }
    case Kind::kInt64:
        return std::to_string(i_);
    case Kind::kUint64:
        return std::to_string(u_);
    case Kind::kDouble: {
        char buffer[64];
        std::snprintf(buffer, sizeof(buffer), "%.17g", d_);
        return buffer;
    }
    case Kind::kBool:
        return b_ ? "true" : "false";
    case Kind::kIpAddr:
        return ip_.to_string();
    }
    return {};
}

void ValueList::add_string_copy(std::string_view s) {
    if (used_copies_ == copies_.size()) {
        copies_.emplace_back();
    }
    std::string& copy = copies_[used_copies_++];
    copy.assign(s.data(), s.size());
    values_.push_back(Value::string(copy));
}

} // namespace sinsp::filter
