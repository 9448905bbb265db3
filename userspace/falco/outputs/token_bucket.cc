#include "outputs/token_bucket.h"

#include <algorithm>
#include <ctime>
#include <utility>

namespace falco::outputs_detail {

uint64_t monotonic_now_ns() {
    struct timespec now = {};
    clock_gettime(CLOCK_MONOTONIC, &now);
    return static_cast<uint64_t>(now.tv_sec) * 1000000000u + static_cast<uint64_t>(now.tv_nsec);
}

TokenBucket::TokenBucket(double rate, uint64_t capacity, MonotonicClock clock)
    : rate_(rate), capacity_(static_cast<double>(capacity)), tokens_(capacity_),
      clock_(std::move(clock)), last_ns_(clock_()) {}

bool TokenBucket::take() {
    uint64_t now = clock_();
    if (now > last_ns_) {
        double elapsed_s = static_cast<double>(now - last_ns_) / 1e9;
        tokens_ = std::min(capacity_, tokens_ + elapsed_s * rate_);
        last_ns_ = now;
    }
    if (tokens_ < 1) {
        return false;
    }
    tokens_ -= 1;
    return true;
}

} // namespace falco::outputs_detail
