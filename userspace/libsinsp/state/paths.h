// Path arithmetic for fd names: relative paths made absolute the way sysdig shows them.
#pragma once

#include <string>
#include <string_view>

namespace sinsp::state {

// `name` if absolute, else `dir` + "/" + `name`; then "." and ".." components and repeated
// slashes are folded ("/a/./b/../c" -> "/a/c"). An empty `name` gives `dir` folded.
std::string absolute_path(std::string_view dir, std::string_view name);

// "/a/b" -> "/a/b/"; "" stays "".
std::string with_trailing_slash(std::string_view dir);

} // namespace sinsp::state
