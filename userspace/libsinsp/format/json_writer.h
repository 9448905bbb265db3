// Minimal JSON text helpers for the formatter.
#pragma once

#include <string>
#include <string_view>

#include "sinsp/filter/value.h"

namespace sinsp::json {

// `text` as a JSON string literal, with quotes, escapes and \u00XX for control bytes.
std::string quoted(std::string_view text);

// A number, boolean or (for text and addresses) string literal.
std::string value(const filter::Value& v);

} // namespace sinsp::json
