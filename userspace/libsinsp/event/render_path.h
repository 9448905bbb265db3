// Paths as sysdig 0.29.3 shows them in event arguments: a relative path joined to the directory
// it is relative to, and the text filters it applies. Internal to libsinsp.
#pragma once

#include <string>
#include <string_view>

namespace sinsp::render {

// `rel` (a relative path) joined to `base` (a directory: the cwd, or the name of a dirfd) and
// folded the way sysdig 0.29.3 does it, character by character: "./" and a final "." vanish,
// "../" and a final ".." drop the last component written so far, "//" collapses, and the result
// loses a trailing '/' unless it is "/". Its quirks are kept on purpose ("a." gives "a", "x../y"
// gives "xy" without a base). An empty result means "nothing to show".
std::string join_relative(std::string_view base, std::string_view rel);

// Appends `s` without the bytes outside printable ASCII (how sysdig prints a path as given).
void append_printable(std::string_view s, std::string& out);

// Appends `s` with each byte outside printable ASCII replaced by '.' (how sysdig prints buffers
// and resolved paths).
void append_dotted(std::string_view s, std::string& out);

inline bool is_printable(char c) {
    return c >= 0x20 && c <= 0x7e;
}

} // namespace sinsp::render
