#include "outputs/sigpipe_guard.h"

#include <cerrno>
#include <ctime>
#include <pthread.h>

namespace falco::outputs_detail {
namespace {

sigset_t sigpipe_set() {
    sigset_t set;
    sigemptyset(&set);
    sigaddset(&set, SIGPIPE);
    return set;
}

bool sigpipe_pending() {
    sigset_t pending;
    sigemptyset(&pending);
    return sigpending(&pending) == 0 && sigismember(&pending, SIGPIPE) == 1;
}

} // namespace

SigpipeGuard::SigpipeGuard() {
    sigset_t set = sigpipe_set();
    pthread_sigmask(SIG_BLOCK, &set, &old_mask_);
    was_pending_ = sigpipe_pending();
}

SigpipeGuard::~SigpipeGuard() {
    if (!was_pending_ && sigpipe_pending()) {
        sigset_t set = sigpipe_set();
        struct timespec no_wait = {0, 0};
        while (sigtimedwait(&set, nullptr, &no_wait) < 0 && errno == EINTR) {
        }
    }
    pthread_sigmask(SIG_SETMASK, &old_mask_, nullptr);
}

} // namespace falco::outputs_detail
