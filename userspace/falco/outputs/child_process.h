// A shell command fed on its standard input by falco: the process behind program_output.
#pragma once

#include <string>
#include <string_view>
#include <sys/types.h>

#include "outputs/unique_fd.h"

namespace falco::outputs_detail {

// `/bin/sh -c COMMAND` with a pipe to its stdin; the rest of its environment is falco's (with
// SIGPIPE back to its default action and no signal blocked). Going away closes the pipe and
// waits for the command to exit.
class ChildProcess {
public:
    // Starts the command; throws std::runtime_error with the reason when it cannot.
    explicit ChildProcess(const std::string& command);
    ~ChildProcess();
    ChildProcess(const ChildProcess&) = delete;
    ChildProcess& operator=(const ChildProcess&) = delete;

    // Writes through a stdio buffer; false, with errno set, when the command cannot be written
    // to (EPIPE once it has stopped reading: SIGPIPE never reaches falco).
    bool write(std::string_view data);
    bool flush();

private:
    pid_t pid_ = -1;
    UniqueFile stdin_;
};

} // namespace falco::outputs_detail
