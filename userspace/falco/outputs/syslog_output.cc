// syslog_output: alert lines to syslog(3) as "falco", at the level of the alert's priority.
#include <syslog.h>

#include "outputs/output_kinds.h"

namespace falco::outputs_detail {
namespace {

class SyslogOutput : public Output {
public:
    SyslogOutput() { openlog("falco", LOG_PID | LOG_NDELAY, LOG_USER); }
    ~SyslogOutput() override { closelog(); }
    SyslogOutput(const SyslogOutput&) = delete;
    SyslogOutput& operator=(const SyslogOutput&) = delete;

    void write(const Alert& alert, const std::string& line) override {
        syslog(priority_syslog_level(alert.priority), "%s", line.c_str());
    }
};

} // namespace

std::unique_ptr<Output> make_syslog_output() {
    return std::make_unique<SyslogOutput>();
}

} // namespace falco::outputs_detail
