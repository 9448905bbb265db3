// Shell wildcard patterns, compiled once: `*` (any run, '/' included), `?`, `[...]` with ranges,
// `!`/`^` negation and [:classes:], `\` escapes. An unclosed '[' stands for itself.
#pragma once

#include <bitset>
#include <string_view>
#include <vector>

namespace sinsp::filter {

class GlobPattern {
public:
    GlobPattern(std::string_view pattern, bool case_insensitive);

    bool match(std::string_view text) const;

private:
    struct Element {
        enum class Kind : uint8_t { kStar, kOne };
        Kind kind;
        std::bitset<256> chars; // kOne: the bytes it matches
    };

    bool case_insensitive_;
    std::vector<Element> elements_;
};

} // namespace sinsp::filter
