// Reading literals: numbers, booleans, hex strings.
#include "userspace/libsinsp/filter/literal.h"

#include <charconv>
#include <cmath>

namespace sinsp::filter {

namespace {

bool is_digit(char c) {
    return c >= '0' && c <= '9';
}

int hex_digit(char c) {
    if (c >= '0' && c <= '9') {
        return c - '0';
    }
    if (c >= 'a' && c <= 'f') {
        return c - 'a' + 10;
    }
    if (c >= 'A' && c <= 'F') {
        return c - 'A' + 10;
    }
    return -1;
}

bool is_hex_prefix(std::string_view s) {
    return s.size() > 2 && s[0] == '0' && (s[1] == 'x' || s[1] == 'X');
}

// Skips digits from `i`; returns how many.
size_t digits(std::string_view s, size_t& i) {
    size_t start = i;
    while (i < s.size() && is_digit(s[i])) {
        ++i;
    }
    return i - start;
}

} // namespace

double Number::as_double() const {
    switch (kind) {
    case Kind::kInt:
        return static_cast<double>(i);
    case Kind::kUint:
        return static_cast<double>(u);
    case Kind::kDouble:
        return d;
    }
    return d;
}

bool looks_like_number(std::string_view text) {
    size_t i = 0;
    if (i < text.size() && (text[i] == '+' || text[i] == '-')) {
        ++i;
    }
    std::string_view rest = text.substr(i);
    if (is_hex_prefix(rest)) {
        for (size_t j = 2; j < rest.size(); ++j) {
            if (hex_digit(rest[j]) < 0) {
                return false;
            }
        }
        return true;
    }
    if (digits(text, i) == 0) {
        return false;
    }
    if (i < text.size() && text[i] == '.') {
        ++i;
        if (digits(text, i) == 0) {
            return false;
        }
    }
    if (i < text.size() && (text[i] == 'e' || text[i] == 'E')) {
        ++i;
        if (i < text.size() && (text[i] == '+' || text[i] == '-')) {
            ++i;
        }
        if (digits(text, i) == 0) {
            return false;
        }
    }
    return i == text.size();
}

std::optional<Number> parse_number(std::string_view text) {
    if (!looks_like_number(text)) {
        return std::nullopt;
    }
    bool negative = text[0] == '-';
    std::string_view unsigned_part = (text[0] == '+' || text[0] == '-') ? text.substr(1) : text;
    Number n;
    uint64_t magnitude = 0;
    bool integer = true;
    if (is_hex_prefix(unsigned_part)) {
        std::string_view hex = unsigned_part.substr(2);
        const char* end = hex.data() + hex.size();
        auto [ptr, ec] = std::from_chars(hex.data(), end, magnitude, 16);
        if (ec != std::errc() || ptr != end) {
            return std::nullopt;
        }
    } else if (unsigned_part.find_first_of(".eE") == std::string_view::npos) {
        const char* end = unsigned_part.data() + unsigned_part.size();
        auto [ptr, ec] = std::from_chars(unsigned_part.data(), end, magnitude);
        if (ec != std::errc() || ptr != end) {
            return std::nullopt;
        }
    } else {
        integer = false;
    }
    if (!integer) {
        // from_chars does not take a leading '+'.
        std::string_view body = text[0] == '+' ? text.substr(1) : text;
        const char* end = body.data() + body.size();
        double d = 0;
        auto [ptr, ec] = std::from_chars(body.data(), end, d);
        if (ec != std::errc() || ptr != end || !std::isfinite(d)) {
            return std::nullopt;
        }
        n.kind = Number::Kind::kDouble;
        n.d = d;
        return n;
    }
    if (!negative || magnitude == 0) {
        n.kind = Number::Kind::kUint;
        n.u = magnitude;
        return n;
    }
    constexpr uint64_t kMinMagnitude = uint64_t{1} << 63;
    if (magnitude > kMinMagnitude) {
        return std::nullopt;
    }
    n.kind = Number::Kind::kInt;
    n.i = magnitude == kMinMagnitude ? INT64_MIN : -static_cast<int64_t>(magnitude);
    return n;
}

std::optional<Number> number_of(const Value& v) {
    Number n;
    switch (v.kind()) {
    case Value::Kind::kInt64:
        if (v.int64() >= 0) {
            n.kind = Number::Kind::kUint;
            n.u = static_cast<uint64_t>(v.int64());
        } else {
            n.kind = Number::Kind::kInt;
            n.i = v.int64();
        }
        return n;
    case Value::Kind::kUint64:
        n.kind = Number::Kind::kUint;
        n.u = v.uint64();
        return n;
    case Value::Kind::kDouble:
        n.kind = Number::Kind::kDouble;
        n.d = v.real();
        return n;
    default:
        return std::nullopt;
    }
}

std::optional<int> compare_numbers(const Number& a, const Number& b) {
    auto three_way = [](auto x, auto y) { return x < y ? -1 : (y < x ? 1 : 0); };
    using K = Number::Kind;
    if (a.kind == K::kDouble || b.kind == K::kDouble) {
        double x = a.as_double();
        double y = b.as_double();
        if (std::isnan(x) || std::isnan(y)) {
            return std::nullopt;
        }
        return three_way(x, y);
    }
    // Integers: kInt holds only negatives, kUint only non-negatives.
    if (a.kind == K::kInt && b.kind == K::kInt) {
        return three_way(a.i, b.i);
    }
    if (a.kind == K::kUint && b.kind == K::kUint) {
        return three_way(a.u, b.u);
    }
    return a.kind == K::kInt ? -1 : 1;
}

std::optional<bool> parse_bool(std::string_view text) {
    if (text == "true") {
        return true;
    }
    if (text == "false") {
        return false;
    }
    return std::nullopt;
}

std::optional<std::string> parse_hex(std::string_view text) {
    if (text.empty() || text.size() % 2 != 0) {
        return std::nullopt;
    }
    std::string out;
    out.reserve(text.size() / 2);
    for (size_t i = 0; i < text.size(); i += 2) {
        int hi = hex_digit(text[i]);
        int lo = hex_digit(text[i + 1]);
        if (hi < 0 || lo < 0) {
            return std::nullopt;
        }
        out += static_cast<char>(hi * 16 + lo);
    }
    return out;
}

} // namespace sinsp::filter
