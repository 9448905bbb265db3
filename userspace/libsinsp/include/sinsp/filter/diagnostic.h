// Where a filter problem is and what it is: positions and user-facing diagnostics.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "sinsp/filter/api.h"

namespace sinsp::filter {

// A place in the filter text. `offset` counts bytes from 0; `line` and `column` count from 1,
// columns in bytes, lines separated by '\n'.
struct Position {
    uint32_t offset = 0;
    uint32_t line = 1;
    uint32_t column = 1;

    friend bool operator==(const Position& a, const Position& b) { return a.offset == b.offset; }
    friend bool operator!=(const Position& a, const Position& b) { return !(a == b); }
};

// A problem with the user's filter: a bad token, an unknown field, a value of the wrong type.
// These are values, never exceptions; internal failures are not reported this way.
struct SINSP_FILTER_API Diagnostic {
    Position position;
    std::string message;

    // "<source>:<line>:<column>: <message>", e.g.
    // "filter:1:17: expected a value after '=', found end of input".
    std::string to_string(std::string_view source = "filter") const;
};

} // namespace sinsp::filter
