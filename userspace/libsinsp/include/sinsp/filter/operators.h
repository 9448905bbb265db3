// The comparison operators of the filter language and sets of them.
#pragma once

#include <cstdint>
#include <optional>
#include <string_view>

#include "sinsp/filter/api.h"

namespace sinsp::filter {

// Every check operator. `==` is spelled `=` once parsed.
enum class Operator : uint8_t {
    kEq,          // =, ==
    kNe,          // !=
    kLt,          // <
    kLe,          // <=
    kGt,          // >
    kGe,          // >=
    kContains,    // substring
    kIContains,   // substring, ASCII case-insensitive
    kBContains,   // bytes given as a hex string
    kStartsWith,  // prefix
    kBStartsWith, // prefix given as a hex string
    kEndsWith,    // suffix
    kGlob,        // shell wildcard (*, ?, [...]), '*' crosses '/'
    kIGlob,       // glob, ASCII case-insensitive
    kPMatch,      // path prefix against a list
    kIn,          // member of a list
    kIntersects,  // some value in a list
    kExists,      // the field has a value
};

inline constexpr int kOperatorCount = static_cast<int>(Operator::kExists) + 1;

// The canonical spelling: "=", "contains", ...
SINSP_FILTER_API std::string_view operator_name(Operator op);

// The operator spelled `text` ("==" is kEq), or nothing.
SINSP_FILTER_API std::optional<Operator> operator_from_name(std::string_view text);

// `in`, `intersects`, `pmatch`: the right-hand side is a list.
constexpr bool takes_list(Operator op) {
    return op == Operator::kIn || op == Operator::kIntersects || op == Operator::kPMatch;
}

// `<`, `<=`, `>`, `>=`: the value must look like a number.
constexpr bool is_relational(Operator op) {
    return op == Operator::kLt || op == Operator::kLe || op == Operator::kGt || op == Operator::kGe;
}

// A set of operators, as a bit mask.
class OperatorSet {
public:
    constexpr OperatorSet() = default;
    constexpr OperatorSet(std::initializer_list<Operator> ops) {
        for (Operator op : ops) {
            bits_ |= bit(op);
        }
    }
    static constexpr OperatorSet all() {
        OperatorSet s;
        s.bits_ = (uint32_t{1} << kOperatorCount) - 1;
        return s;
    }

    constexpr bool contains(Operator op) const { return (bits_ & bit(op)) != 0; }
    constexpr bool empty() const { return bits_ == 0; }
    constexpr OperatorSet operator|(OperatorSet other) const {
        OperatorSet s;
        s.bits_ = bits_ | other.bits_;
        return s;
    }
    constexpr OperatorSet operator&(OperatorSet other) const {
        OperatorSet s;
        s.bits_ = bits_ & other.bits_;
        return s;
    }
    constexpr bool operator==(OperatorSet other) const { return bits_ == other.bits_; }
    constexpr bool operator!=(OperatorSet other) const { return bits_ != other.bits_; }

private:
    static constexpr uint32_t bit(Operator op) { return uint32_t{1} << static_cast<int>(op); }
    uint32_t bits_ = 0;
};

} // namespace sinsp::filter
