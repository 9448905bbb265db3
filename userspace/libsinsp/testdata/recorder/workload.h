// The system calls record_syscalls captures, made by a child process.
#pragma once

#include <string>

namespace recorder {

// Waits for a byte on `go`, then makes the calls in directory `dir` and exits (through an
// execve of /bin/true, whose exit ends the capture).
[[noreturn]] void run_workload(int go, const std::string& dir);

} // namespace recorder
