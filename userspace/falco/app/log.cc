#include "app/log.h"

#include <syslog.h>

#include <cstdio>
#include <ctime>

namespace falco {
namespace {

struct LogSettings {
    bool to_stderr = true;
    bool to_syslog = false;
    bool iso8601 = false;
    Priority threshold = Priority::kInformational;
};

LogSettings g_log;

} // namespace

void configure_log(const Config& config) {
    g_log.to_stderr = config.log_stderr;
    g_log.to_syslog = config.log_syslog;
    g_log.iso8601 = config.outputs.time_format_iso_8601;
    // falco.yaml's decoder accepts only priority names here.
    g_log.threshold = parse_priority(config.log_level).value_or(Priority::kInformational);
}

void log(Priority level, const std::string& message) {
    if (!at_least(level, g_log.threshold)) {
        return;
    }
    if (g_log.to_stderr) {
        std::time_t now = std::time(nullptr);
        std::tm tm{};
        char stamp[64];
        if (g_log.iso8601) {
            gmtime_r(&now, &tm);
            std::strftime(stamp, sizeof stamp, "%Y-%m-%dT%H:%M:%S+0000", &tm);
        } else {
            localtime_r(&now, &tm);
            std::strftime(stamp, sizeof stamp, "%a %b %e %H:%M:%S %Y", &tm);
        }
        std::fprintf(stderr, "%s: %s\n", stamp, message.c_str());
    }
    if (g_log.to_syslog) {
        ::syslog(priority_syslog_level(level), "%s", message.c_str());
    }
}

} // namespace falco
