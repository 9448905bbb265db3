// evt.info: evt.args, or the decoded message of a write to the syslog socket.
#include <cstdint>

#include "event/param_render.h"
#include "sinsp/fd_info.h"

namespace sinsp::render {

namespace {

constexpr const char* kSeverities[] = {"emerg", "alert",  "crit", "err",
                                       "warn",  "notice", "info", "debug"};

// The severity of a message that starts with "<PRI>", and the text after it.
bool parse_syslog(std::string_view data, const char** severity, std::string_view* message) {
    if (data.size() < 3 || data[0] != '<') {
        return false;
    }
    uint64_t priority = 0;
    size_t i = 1;
    while (i < data.size() && data[i] >= '0' && data[i] <= '9' && i < 12) {
        priority = priority * 10 + static_cast<uint64_t>(data[i] - '0');
        i++;
    }
    if (i == 1 || i >= data.size() || data[i] != '>') {
        return false;
    }
    *severity = kSeverities[priority % 8];
    *message = data.substr(i + 1);
    return true;
}

// The message an exit event of a write to /dev/log carries, if any.
bool syslog_message(const Event& evt, const char** severity, std::string_view* message) {
    if (evt.is_enter() || (evt.info().flags & SCAP_EF_WRITES_TO_FD) == 0) {
        return false;
    }
    const FdInfo* fd = evt.fd();
    if (fd == nullptr || fd->name != "/dev/log") {
        return false;
    }
    auto index = evt.param_index("data");
    if (!index) {
        return false;
    }
    return parse_syslog(evt.param(*index).bytes(), severity, message);
}

} // namespace

void info(const Inspector& in, const Event& evt, std::string& out) {
    const char* severity = nullptr;
    std::string_view message;
    if (syslog_message(evt, &severity, &message)) {
        out += "syslog sev=";
        out += severity;
        out += " msg=";
        out += message;
        return;
    }
    args(in, evt, out);
}

} // namespace sinsp::render
