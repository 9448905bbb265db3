// Writing JSON text by hand, for everything falco prints as JSON: string literals and the UTC
// timestamps of alerts.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace falco::json {

// Appends `text` as a JSON string literal: quotes, backslashes and control characters escaped,
// valid UTF-8 kept as it is, each byte of an invalid UTF-8 sequence replaced by \ufffd.
void append_string(std::string& out, std::string_view text);

// "2016-08-04T16:17:57.881781397Z": UTC, nanoseconds, from ns since the epoch.
std::string iso8601_utc(uint64_t time_ns);

} // namespace falco::json
