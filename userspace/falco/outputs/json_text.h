// The pieces of a JSON alert line: string literals and UTC timestamps.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace falco::outputs_detail {

// Appends `text` as a JSON string literal: quotes, backslashes and control characters escaped,
// valid UTF-8 kept as it is, each byte of an invalid UTF-8 sequence replaced by \ufffd.
void append_json_string(std::string& out, std::string_view text);

// "2016-08-04T16:17:57.881781397Z": UTC, nanoseconds, from ns since the epoch.
std::string iso8601_utc(uint64_t time_ns);

} // namespace falco::outputs_detail
