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
    LogLevel threshold = LogLevel::kInfo;
};

LogSettings g_log;

LogLevel parse_level(const std::string& name) {
    if (name == "emergency" || name == "alert" || name == "critical" || name == "error") {
        return LogLevel::kError;
    }
    if (name == "warning") {
        return LogLevel::kWarning;
    }
    if (name == "notice") {
        return LogLevel::kNotice;
    }
    if (name == "debug") {
        return LogLevel::kDebug;
    }
    return LogLevel::kInfo;
}

int syslog_level(LogLevel level) {
    switch (level) {
    case LogLevel::kError:
        return LOG_ERR;
    case LogLevel::kWarning:
        return LOG_WARNING;
    case LogLevel::kNotice:
        return LOG_NOTICE;
    case LogLevel::kInfo:
        return LOG_INFO;
    case LogLevel::kDebug:
        return LOG_DEBUG;
    }
    return LOG_INFO;
}

} // namespace

void configure_log(const Config& config) {
    g_log.to_stderr = config.log_stderr;
    g_log.to_syslog = config.log_syslog;
    g_log.iso8601 = config.outputs.time_format_iso_8601;
    g_log.threshold = parse_level(config.log_level);
}

void log(LogLevel level, const std::string& message) {
    if (static_cast<int>(level) > static_cast<int>(g_log.threshold)) {
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
        ::syslog(syslog_level(level), "%s", message.c_str());
    }
}

} // namespace falco
