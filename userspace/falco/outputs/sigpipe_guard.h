// Writing to a pipe whose reader is gone without letting SIGPIPE end falco.
#pragma once

#include <csignal>

namespace falco::outputs_detail {

// While it lives, SIGPIPE is blocked on this thread, so that a write to a closed pipe fails with
// EPIPE; a SIGPIPE raised meanwhile is discarded when it goes away (one that was already pending
// before is left alone). Falco's signal dispositions are not touched.
class SigpipeGuard {
public:
    SigpipeGuard();
    ~SigpipeGuard();
    SigpipeGuard(const SigpipeGuard&) = delete;
    SigpipeGuard& operator=(const SigpipeGuard&) = delete;

private:
    sigset_t old_mask_;
    bool was_pending_ = false;
};

} // namespace falco::outputs_detail
