#include "outputs/child_process.h"

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <spawn.h>
#include <stdexcept>
#include <sys/wait.h>

#include "outputs/sigpipe_guard.h"

extern char** environ;

namespace falco::outputs_detail {
namespace {

// posix_spawn's attribute and file-action objects, destroyed when done.
struct SpawnSetup {
    posix_spawnattr_t attr;
    posix_spawn_file_actions_t actions;

    SpawnSetup() {
        posix_spawnattr_init(&attr);
        posix_spawn_file_actions_init(&actions);
    }
    ~SpawnSetup() {
        posix_spawn_file_actions_destroy(&actions);
        posix_spawnattr_destroy(&attr);
    }
    SpawnSetup(const SpawnSetup&) = delete;
    SpawnSetup& operator=(const SpawnSetup&) = delete;
};

std::runtime_error start_error(const std::string& command, int error) {
    return std::runtime_error("cannot start '" + command + "': " + std::strerror(error));
}

} // namespace

ChildProcess::ChildProcess(const std::string& command) {
    int ends[2];
    if (::pipe2(ends, O_CLOEXEC) != 0) {
        throw start_error(command, errno);
    }
    UniqueFd read_end(ends[0]);
    UniqueFd write_end(ends[1]);
    if (read_end.get() == STDIN_FILENO) {
        // dup2 onto itself would leave close-on-exec set: move it out of the way first.
        read_end = UniqueFd(::fcntl(read_end.get(), F_DUPFD_CLOEXEC, 3));
        if (!read_end) {
            throw start_error(command, errno);
        }
    }

    SpawnSetup setup;
    sigset_t signals;
    sigemptyset(&signals);
    posix_spawnattr_setsigmask(&setup.attr, &signals);
    sigaddset(&signals, SIGPIPE);
    posix_spawnattr_setsigdefault(&setup.attr, &signals);
    posix_spawnattr_setflags(&setup.attr, POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF);
    posix_spawn_file_actions_adddup2(&setup.actions, read_end.get(), STDIN_FILENO);

    const char* argv[] = {"sh", "-c", command.c_str(), nullptr};
    int error = ::posix_spawn(&pid_, "/bin/sh", &setup.actions, &setup.attr,
                              const_cast<char* const*>(argv), environ);
    if (error != 0) {
        throw start_error(command, error);
    }
    stdin_.reset(::fdopen(write_end.get(), "w"));
    if (!stdin_) {
        error = errno;
        write_end.reset(); // the command sees end of input
        ::waitpid(pid_, nullptr, 0);
        throw start_error(command, error);
    }
    write_end.release(); // the stream owns it now
}

ChildProcess::~ChildProcess() {
    {
        SigpipeGuard guard;
        stdin_.reset();
    }
    int status;
    while (::waitpid(pid_, &status, 0) < 0 && errno == EINTR) {
    }
}

bool ChildProcess::write(std::string_view data) {
    SigpipeGuard guard;
    return std::fwrite(data.data(), 1, data.size(), stdin_.get()) == data.size();
}

bool ChildProcess::flush() {
    SigpipeGuard guard;
    return std::fflush(stdin_.get()) == 0;
}

} // namespace falco::outputs_detail
