// falco's own log (not alerts): "Thu Nov 21 11:40:00 2024: message" on stderr (log_stderr) and
// to syslog (log_syslog), at or above log_level. Levels are rule priorities, as in falco.yaml.
#pragma once

#include <string>

#include "config/config.h"
#include "engine/priority.h"

namespace falco {

// Takes log_stderr, log_syslog, log_level and time_format_iso_8601 from the configuration.
void configure_log(const Config& config);

void log(Priority level, const std::string& message);

} // namespace falco
