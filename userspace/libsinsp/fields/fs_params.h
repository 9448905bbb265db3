// Path parameters of events, for the fd.* and fs.* fields: read from the exit event, or from the
// enter event its thread kept when the exit's version does not record them, and made absolute.
// Internal to libsinsp.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "sinsp/event.h"
#include "sinsp/thread_info.h"

namespace sinsp::fields {

// The parameter `name` of `evt`; on an exit event that lacks it, the same parameter of the enter
// event the thread kept (when it is this exit's enter). Empty when neither has it.
ParamView event_or_enter_param(const Event& evt, const ThreadInfo* thread, std::string_view name);

// The parameter as an integer, if it is one.
std::optional<int64_t> int_param(const Event& evt, const ThreadInfo* thread, std::string_view name);

// `path` made absolute the way sysdig shows it: relative paths against the directory fd
// `dirfd` (AT_FDCWD, -100, or absent: the thread's working directory), then "." and ".."
// folded. A relative path with nothing to anchor it stays as it is.
std::string absolute_event_path(const ThreadInfo* thread, std::string_view path,
                                std::optional<int64_t> dirfd);

} // namespace sinsp::fields
