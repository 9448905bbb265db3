// Values that extractors hand to the evaluator: strings, numbers, booleans, IP addresses, bytes.
#pragma once

#include <array>
#include <cstdint>
#include <deque>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "sinsp/filter/api.h"

namespace sinsp::filter {

// An IPv4 or IPv6 address, in network byte order (IPv4 uses the first 4 bytes).
struct SINSP_FILTER_API IpAddress {
    enum class Family : uint8_t { kV4 = 4, kV6 = 6 };

    Family family = Family::kV4;
    std::array<uint8_t, 16> bytes{};

    static IpAddress v4(uint32_t host_order);
    static IpAddress v6(const std::array<uint8_t, 16>& network_order);
    // Dotted quad or RFC 4291 text ("10.0.0.1", "::1", "::ffff:1.2.3.4"); nothing if invalid.
    static std::optional<IpAddress> parse(std::string_view text);

    size_t size() const { return family == Family::kV4 ? 4 : 16; }
    std::string to_string() const;

    friend bool operator==(const IpAddress& a, const IpAddress& b) {
        return a.family == b.family && a.bytes == b.bytes;
    }
    friend bool operator!=(const IpAddress& a, const IpAddress& b) { return !(a == b); }
};

// A CIDR network: an address whose bits past `prefix` are zero.
struct SINSP_FILTER_API IpNetwork {
    IpAddress base;
    uint8_t prefix = 32;

    // "10.0.0.0/8", "fd00::/8"; a plain address is a /32 or /128. Host bits are cleared.
    static std::optional<IpNetwork> parse(std::string_view text);

    bool contains(const IpAddress& address) const;
    std::string to_string() const;

    friend bool operator==(const IpNetwork& a, const IpNetwork& b) {
        return a.prefix == b.prefix && a.base == b.base;
    }
};

// One extracted value. Strings and bytes are views: the extractor keeps them alive until it is
// called again, or copies them into the ValueList (ValueList::add_string_copy).
class SINSP_FILTER_API Value {
public:
    enum class Kind : uint8_t { kString, kBytes, kInt64, kUint64, kDouble, kBool, kIpAddr };

    static Value string(std::string_view s) { return Value(Kind::kString, s); }
    static Value bytes(std::string_view b) { return Value(Kind::kBytes, b); }
    static Value int64(int64_t v) {
        Value x(Kind::kInt64);
        x.i_ = v;
        return x;
    }
    static Value uint64(uint64_t v) {
        Value x(Kind::kUint64);
        x.u_ = v;
        return x;
    }
    static Value real(double v) {
        Value x(Kind::kDouble);
        x.d_ = v;
        return x;
    }
    static Value boolean(bool v) {
        Value x(Kind::kBool);
        x.b_ = v;
        return x;
    }
    static Value ip(const IpAddress& a) {
        Value x(Kind::kIpAddr);
        x.ip_ = a;
        return x;
    }

    Kind kind() const { return kind_; }
    bool is_text() const { return kind_ == Kind::kString || kind_ == Kind::kBytes; }
    bool is_number() const {
        return kind_ == Kind::kInt64 || kind_ == Kind::kUint64 || kind_ == Kind::kDouble;
    }

    // Each accessor is meaningful only for its kind.
    std::string_view text() const { return text_; }
    int64_t int64() const { return i_; }
    uint64_t uint64() const { return u_; }
    double real() const { return d_; }
    bool boolean() const { return b_; }
    const IpAddress& ip() const { return ip_; }

    // For messages and tests: "cat", 42, true, 10.0.0.1.
    std::string to_string() const;

private:
    explicit Value(Kind k) : kind_(k), u_(0) {}
    Value(Kind k, std::string_view s) : kind_(k), u_(0), text_(s) {}

    Kind kind_;
    union {
        int64_t i_;
        uint64_t u_;
        double d_;
        bool b_;
    };
    std::string_view text_;
    IpAddress ip_;
};

// The values of one field for one event, filled by an Extractor. Reused from check to check, so
// adding values does not allocate once it has grown.
class SINSP_FILTER_API ValueList {
public:
    void clear() {
        values_.clear();
        used_copies_ = 0;
    }
    void add(const Value& v) { values_.push_back(v); }
    // Copies `s` into storage the list owns (valid until the next clear()).
    void add_string_copy(std::string_view s);

    bool empty() const { return values_.empty(); }
    size_t size() const { return values_.size(); }
    const Value& operator[](size_t i) const { return values_[i]; }
    std::vector<Value>::const_iterator begin() const { return values_.begin(); }
    std::vector<Value>::const_iterator end() const { return values_.end(); }

private:
    std::vector<Value> values_;
    std::deque<std::string> copies_; // deque: growing does not move the strings already viewed
    size_t used_copies_ = 0;
};

} // namespace sinsp::filter
