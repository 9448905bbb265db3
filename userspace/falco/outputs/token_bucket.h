// The rate limiter of outputs.rate / outputs.max_burst: a token bucket on a monotonic clock.
#pragma once

#include <cstdint>
#include <functional>

namespace falco::outputs_detail {

// Nanoseconds on a clock that never goes back.
using MonotonicClock = std::function<uint64_t()>;

// CLOCK_MONOTONIC in nanoseconds.
uint64_t monotonic_now_ns();

// Holds up to `capacity` tokens, starts full and gains `rate` tokens per second. Each alert
// takes one; without one the alert is dropped. (A capacity of 0 drops everything.)
class TokenBucket {
public:
    TokenBucket(double rate, uint64_t capacity, MonotonicClock clock = monotonic_now_ns);

    // Takes a token if there is one.
    bool take();

private:
    double rate_;
    double capacity_;
    double tokens_;
    MonotonicClock clock_;
    uint64_t last_ns_;
};

} // namespace falco::outputs_detail
