// Operator spellings.
#include "sinsp/filter/operators.h"

#include <array>

namespace sinsp::filter {

namespace {

constexpr std::array<std::string_view, kOperatorCount> kNames = {
    "=",        "!=",        "<",         "<=",         ">",           ">=",
    "contains", "icontains", "bcontains", "startswith", "bstartswith", "endswith",
    "glob",     "iglob",     "pmatch",    "in",         "intersects",  "exists",
};

} // namespace

std::string_view operator_name(Operator op) {
    return kNames[static_cast<size_t>(op)];
}

std::optional<Operator> operator_from_name(std::string_view text) {
    if (text == "==") {
        return Operator::kEq;
    }
    for (size_t i = 0; i < kNames.size(); ++i) {
        if (kNames[i] == text) {
            return static_cast<Operator>(i);
        }
    }
    return std::nullopt;
}

} // namespace sinsp::filter
