// How an output says at run time that it fails, without flooding stderr.
#pragma once

#include <chrono>
#include <cstdint>
#include <optional>
#include <string>

namespace falco::outputs_detail {

// Prints "falco: NAME: PROBLEM" on stderr, at most once every 10 seconds; the next report
// counts the failures left out in between.
class FailureReport {
public:
    explicit FailureReport(std::string name) : name_(std::move(name)) {}

    void failed(const std::string& problem);

private:
    std::string name_;
    std::optional<std::chrono::steady_clock::time_point> last_report_;
    uint64_t left_out_ = 0;
};

// "PROBLEM: strerror(error)".
std::string with_errno(const std::string& problem, int error);

} // namespace falco::outputs_detail
