#include "outputs/failure_report.h"

#include <cstdio>
#include <cstring>

namespace falco::outputs_detail {

void FailureReport::failed(const std::string& problem) {
    constexpr std::chrono::seconds kQuietPeriod(10);
    auto now = std::chrono::steady_clock::now();
    if (last_report_ && now - *last_report_ < kQuietPeriod) {
        ++left_out_;
        return;
    }
    std::string text = "falco: " + name_ + ": " + problem;
    if (left_out_ > 0) {
        text += " (and " + std::to_string(left_out_) + " failures not shown before)";
    }
    std::fprintf(stderr, "%s\n", text.c_str());
    std::fflush(stderr);
    last_report_ = now;
    left_out_ = 0;
}

std::string with_errno(const std::string& problem, int error) {
    return problem + ": " + std::strerror(error);
}

} // namespace falco::outputs_detail
