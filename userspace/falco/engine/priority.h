// Rule priorities, from most to least severe, and their spellings in rules files and outputs.
#pragma once

#include <optional>
#include <string_view>

namespace falco {

enum class Priority : int {
    kEmergency = 0,
    kAlert = 1,
    kCritical = 2,
    kError = 3,
    kWarning = 4,
    kNotice = 5,
    kInformational = 6,
    kDebug = 7,
};

inline constexpr int kPriorityCount = 8;

// Reads a priority as rules files and falco.yaml write it, case-insensitively: "emergency",
// "alert", "critical", "error", "warning", "notice", "informational" or "info", "debug".
std::optional<Priority> parse_priority(std::string_view text);

// "Emergency" ... "Informational" ... "Debug": alert lines and JSON.
std::string_view priority_name(Priority p);

// "EMERGENCY" ... "INFO" ... "DEBUG": the end-of-run summary.
std::string_view priority_summary_name(Priority p);

// syslog(3) level for the priority (LOG_EMERG ... LOG_DEBUG share the numbering).
inline int priority_syslog_level(Priority p) {
    return static_cast<int>(p);
}

// True when `p` is at least as severe as `threshold`.
inline bool at_least(Priority p, Priority threshold) {
    return static_cast<int>(p) <= static_cast<int>(threshold);
}

} // namespace falco
