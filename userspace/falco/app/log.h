// falco's own log (not alerts): "Thu Nov 21 11:40:00 2024: message" on stderr (log_stderr) and
// to syslog (log_syslog), at or above log_level.
#pragma once

#include <string>

#include "config/config.h"

namespace falco {

enum class LogLevel { kError, kWarning, kNotice, kInfo, kDebug };

// Takes log_stderr, log_syslog, log_level and time_format_iso_8601 from the configuration.
void configure_log(const Config& config);

void log(LogLevel level, const std::string& message);

} // namespace falco
