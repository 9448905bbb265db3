// Reading literals: numbers, booleans, hex strings.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "sinsp/filter/value.h"

namespace sinsp::filter {

// A number literal, kept in the form it was written in so that no precision is lost.
struct Number {
    enum class Kind : uint8_t { kInt, kUint, kDouble };
    Kind kind = Kind::kUint;
    int64_t i = 0;  // kInt: negative integers
    uint64_t u = 0; // kUint: non-negative integers
    double d = 0;   // kDouble: anything with a fraction or an exponent

    bool is_integer() const { return kind != Kind::kDouble; }
    double as_double() const;
};

// `[+-]?digits[.digits][(e|E)[+-]digits]` or `[+-]?0x hexdigits`: what the spec calls a number.
bool looks_like_number(std::string_view text);

// The number `text` stands for; nothing if it is not a number or is out of range.
std::optional<Number> parse_number(std::string_view text);

// The number a numeric value holds; nothing for other kinds.
std::optional<Number> number_of(const Value& v);

// Three-way comparison (-1, 0, 1); nothing when a NaN is involved.
std::optional<int> compare_numbers(const Number& a, const Number& b);

// "true" or "false".
std::optional<bool> parse_bool(std::string_view text);

// The bytes an even-length, non-empty hex string stands for: "7f454c46" -> "\x7fELF".
std::optional<std::string> parse_hex(std::string_view text);

} // namespace sinsp::filter
