// Capability sets as the thread.cap_* fields print them. Internal to libsinsp.
#pragma once

#include <cstdint>
#include <string>

namespace sinsp::fields {

// Appends the names of the capabilities set in `mask` (kernel bit order), space-separated, lowest
// bit first: "CAP_CHOWN CAP_KILL". Unnamed bits show as "CAP_<bit>".
void append_capability_names(uint64_t mask, std::string& out);

} // namespace sinsp::fields
