// Writing JSON text by hand: string escaping for the engine's JSON outputs.
#pragma once

#include <string>
#include <string_view>

namespace falco::json {

// Appends `s` as a JSON string literal (quotes, escapes, control characters as \u00XX).
void append_string(std::string& out, std::string_view s);

} // namespace falco::json
