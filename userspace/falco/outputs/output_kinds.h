// The outputs falco.yaml can enable, one file each. A constructor that cannot open its
// destination throws std::runtime_error "KIND_output: PROBLEM". At run time a failing output
// reports on stderr (see failure_report.h) and falco goes on.
#pragma once

#include <memory>

#include "outputs/outputs.h"

namespace falco::outputs_detail {

// Lines on falco's stdout through stdio; flush() flushes stdout.
std::unique_ptr<Output> make_stdout_output();

// Lines appended to a file created 0640: kept open (keep_alive) or opened for every line.
std::unique_ptr<Output> make_file_output(const FileOutputConfig& config);

// Lines on the standard input of `/bin/sh -c PROGRAM`: one long-lived process (keep_alive) or
// one process per line, waited for.
std::unique_ptr<Output> make_program_output(const ProgramOutputConfig& config);

// Lines to syslog as "falco", at the alert's priority.
std::unique_ptr<Output> make_syslog_output();

// Lines to every client of a listening Unix stream socket.
std::unique_ptr<Output> make_unix_socket_output(const UnixSocketOutputConfig& config);

} // namespace falco::outputs_detail
