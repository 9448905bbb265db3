// Typed reads of event parameters for the state parser.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "sinsp/event.h"

namespace sinsp::state {

// The parameter as a signed integer, or `fallback` when absent or malformed.
inline int64_t int_or(const ParamView& p, int64_t fallback) {
    auto v = p.as_int();
    return v ? *v : fallback;
}

inline uint64_t uint_or(const ParamView& p, uint64_t fallback) {
    auto v = p.as_uint();
    return v ? *v : fallback;
}

// A NUL-separated list ("a\0b\0") as strings.
std::vector<std::string> split_nul_list(std::string_view bytes);

// A NUL-separated "key=value" list as pairs (cgroups: "cpu=/user.slice").
std::vector<std::pair<std::string, std::string>> split_key_values(std::string_view bytes);

// The last path component: "/usr/bin/cat" -> "cat".
std::string_view base_name(std::string_view path);

} // namespace sinsp::state
