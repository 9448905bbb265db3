// Outputs: the enabled outputs of a configuration, behind the rate limiter.
#include "outputs/outputs.h"

#include "outputs/output_kinds.h"
#include "outputs/token_bucket.h"

namespace falco {

struct Outputs::RateLimiter {
    outputs_detail::TokenBucket bucket;
};

Outputs::Outputs(const OutputsConfig& config) : config_(config) {
    using namespace outputs_detail;
    if (config.stdout_enabled) {
        outputs_.push_back(make_stdout_output());
    }
    if (config.file.enabled) {
        outputs_.push_back(make_file_output(config.file));
    }
    if (config.program.enabled) {
        outputs_.push_back(make_program_output(config.program));
    }
    if (config.syslog_enabled) {
        outputs_.push_back(make_syslog_output());
    }
    if (config.unix_socket.enabled) {
        outputs_.push_back(make_unix_socket_output(config.unix_socket));
    }
    if (config.rate > 0) {
        limiter_ =
            std::make_unique<RateLimiter>(RateLimiter{TokenBucket(config.rate, config.max_burst)});
    }
}

Outputs::~Outputs() {
    try {
        flush();
    } catch (...) {
        // Nothing can be reported from here; the outputs close themselves next.
    }
}

void Outputs::emit(const Alert& alert) {
    if (limiter_ && !limiter_->bucket.take()) {
        ++dropped_;
        return;
    }
    std::string line = format_alert_line(alert, config_);
    for (const auto& output : outputs_) {
        output->write(alert, line);
        if (!config_.buffered_outputs) {
            output->flush();
        }
    }
}

void Outputs::flush() {
    for (const auto& output : outputs_) {
        output->flush();
    }
}

void Outputs::add(std::unique_ptr<Output> output) {
    outputs_.push_back(std::move(output));
}

} // namespace falco
