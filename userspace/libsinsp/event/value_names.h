// Symbolic names of parameter values: flags, enums, errno codes, signals and system calls, from
// the schema's value tables as sysdig 0.29.3 knows them. Internal to libsinsp.
#pragma once

#include <cstdint>
#include <string>

namespace sinsp::render {

// Appends the names of the flags set in `value`, joined by '|', walking value table `table` in
// its order: an entry equal to the whole value ends the walk, any other non-zero entry whose
// bits are all still unclaimed takes them. Bits no entry names are dropped. Returns false (and
// appends nothing) when no entry matched.
bool append_flag_names(int16_t table, uint64_t value, std::string& out);

// The first entry of `table` equal to `value`, or nullptr.
const char* enum_name(int16_t table, int64_t value);

// "ENOENT" for -2; nullptr for values that are no known error.
const char* errno_name(int64_t value);

// "SIGKILL" for 9; nullptr for numbers without a name.
const char* signal_name(uint64_t signal);

// The name sysdig 0.29.3 shows for PPM system-call code `code` ("<unknown>" for 0), or nullptr
// for codes it does not know (those above clone3's).
const char* syscall_name(uint16_t code);

} // namespace sinsp::render
