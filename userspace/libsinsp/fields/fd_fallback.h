// What the fd.* fields show for an event about a descriptor the state has no entry for: an
// enter event before its descriptor exists, a failed open, an fd the capture never described.
// sysdig still gives the number, a kind guessed from the event and, on exit events, a name.
// Internal to libsinsp.
#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include "sinsp/event.h"
#include "sinsp/thread_info.h"

namespace sinsp::fields {

// The event's descriptor from the state, unless sysdig 0.29 does not consider the event to be
// about one (mmap, mkdirat, fchmod, ...: the newer event table says it is).
const FdInfo* event_fd(const Event& evt);

// The descriptor number the event concerns: its fd (the new one for calls that create one, a
// negative one as given), -1 while a creating call has none yet or failed; nothing for events
// that are not about an fd.
std::optional<int64_t> event_fd_number(const Event& evt);

// The kind a descriptor-creating event makes, as fd.typechar shows it ('f' for open, '4' for
// socket and accept, 'p' for pipe, ...); 'o' for other events.
char creator_type_char(const Event& evt);

// The name shown for an unknown descriptor on an exit event: the opened path made absolute for
// the open family, the tuple for accept ("NULL" when there is none), "" otherwise. False on
// enter events, which show no name.
bool fallback_name(const Event& evt, const ThreadInfo* thread, std::string& out);

// The path of an open-family event exactly as passed; false for other events.
bool fallback_name_raw(const Event& evt, const ThreadInfo* thread, std::string& out);

} // namespace sinsp::fields
