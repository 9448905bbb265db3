// unix_socket_output: a listening Unix stream socket; every connected client gets every line.
// Falco never waits for a client: one that is gone, or too slow to take a whole line at once,
// is dropped.
#include <cerrno>
#include <cstring>
#include <grp.h>
#include <stdexcept>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/un.h>
#include <vector>

#include "outputs/failure_report.h"
#include "outputs/output_kinds.h"
#include "outputs/unique_fd.h"

namespace falco::outputs_detail {
namespace {

constexpr int kBacklog = 16;

std::runtime_error setup_error(const std::string& problem, int error) {
    return std::runtime_error("unix_socket_output: " + with_errno(problem, error));
}

// Creates the missing directories of `path`'s parent, each with mode 0755.
void make_parent_dirs(const std::string& path) {
    for (size_t slash = path.find('/', 1); slash != std::string::npos;
         slash = path.find('/', slash + 1)) {
        std::string dir = path.substr(0, slash);
        if (::mkdir(dir.c_str(), 0755) == 0) {
            ::chmod(dir.c_str(), 0755); // whatever the umask
        } else if (errno != EEXIST) {
            throw setup_error("cannot create " + dir, errno);
        }
    }
}

sockaddr_un socket_address(const std::string& path) {
    sockaddr_un address = {};
    address.sun_family = AF_UNIX;
    if (path.empty() || path.size() >= sizeof address.sun_path) {
        throw std::runtime_error("unix_socket_output: bad socket path '" + path + "' (1 to " +
                                 std::to_string(sizeof address.sun_path - 1) + " bytes)");
    }
    std::memcpy(address.sun_path, path.data(), path.size());
    return address;
}

// Removes a socket file left behind by a falco that is gone; refuses to remove anything else.
void remove_stale_socket(const std::string& path, const sockaddr_un& address) {
    struct stat info = {};
    if (::lstat(path.c_str(), &info) != 0) {
        if (errno == ENOENT) {
            return;
        }
        throw setup_error("cannot inspect " + path, errno);
    }
    if (!S_ISSOCK(info.st_mode)) {
        throw std::runtime_error("unix_socket_output: " + path + " exists and is not a socket");
    }
    UniqueFd probe(::socket(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0));
    if (probe &&
        ::connect(probe.get(), reinterpret_cast<const sockaddr*>(&address), sizeof address) == 0) {
        throw std::runtime_error("unix_socket_output: another process listens on " + path);
    }
    if (::unlink(path.c_str()) != 0 && errno != ENOENT) {
        throw setup_error("cannot remove the stale socket " + path, errno);
    }
}

gid_t group_id(const std::string& group) {
    std::vector<char> buffer(16384);
    struct group entry = {};
    struct group* found = nullptr;
    int error = ::getgrnam_r(group.c_str(), &entry, buffer.data(), buffer.size(), &found);
    if (found == nullptr) {
        throw std::runtime_error("unix_socket_output: unknown group '" + group + "'" +
                                 (error != 0 ? std::string(": ") + std::strerror(error) : ""));
    }
    return found->gr_gid;
}

class UnixSocketOutput : public Output {
public:
    explicit UnixSocketOutput(const UnixSocketOutputConfig& config) : path_(config.path) {
        sockaddr_un address = socket_address(path_);
        make_parent_dirs(path_);
        remove_stale_socket(path_, address);
        listener_.reset(::socket(AF_UNIX, SOCK_STREAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0));
        if (!listener_) {
            throw setup_error("cannot create a socket", errno);
        }
        if (::bind(listener_.get(), reinterpret_cast<const sockaddr*>(&address), sizeof address) !=
            0) {
            throw setup_error("cannot bind " + path_, errno);
        }
        // Nobody can connect before listen(): set the owner and mode first.
        struct stat info = {};
        try {
            if (!config.group.empty() &&
                ::chown(path_.c_str(), static_cast<uid_t>(-1), group_id(config.group)) != 0) {
                throw setup_error("cannot give " + path_ + " to group " + config.group, errno);
            }
            if (::chmod(path_.c_str(), config.mode) != 0) {
                throw setup_error("cannot set the mode of " + path_, errno);
            }
            if (::lstat(path_.c_str(), &info) != 0) {
                throw setup_error("cannot inspect " + path_, errno);
            }
            if (::listen(listener_.get(), kBacklog) != 0) {
                throw setup_error("cannot listen on " + path_, errno);
            }
        } catch (...) {
            ::unlink(path_.c_str());
            throw;
        }
        device_ = info.st_dev;
        inode_ = info.st_ino;
    }

    ~UnixSocketOutput() override {
        // Only our own socket: another falco may have replaced it since.
        struct stat info = {};
        if (::lstat(path_.c_str(), &info) == 0 && info.st_dev == device_ && info.st_ino == inode_) {
            ::unlink(path_.c_str());
        }
    }

    UnixSocketOutput(const UnixSocketOutput&) = delete;
    UnixSocketOutput& operator=(const UnixSocketOutput&) = delete;

    void write(const Alert&, const std::string& line) override {
        accept_clients();
        std::string text = line + "\n";
        std::vector<UniqueFd> kept;
        for (UniqueFd& client : clients_) {
            if (send_all_now(client.get(), text)) {
                kept.push_back(std::move(client));
            }
        }
        clients_ = std::move(kept);
    }

    void flush() override { accept_clients(); }

private:
    // Takes every pending connection, without waiting.
    void accept_clients() {
        while (true) {
            int fd = ::accept4(listener_.get(), nullptr, nullptr, SOCK_NONBLOCK | SOCK_CLOEXEC);
            if (fd >= 0) {
                clients_.emplace_back(fd);
                continue;
            }
            if (errno == EINTR || errno == ECONNABORTED) {
                continue;
            }
            if (errno != EAGAIN && errno != EWOULDBLOCK) {
                report_.failed(with_errno("cannot accept a client on " + path_, errno));
            }
            return;
        }
    }

    // Sends the whole text without blocking; false when the client must be dropped.
    static bool send_all_now(int fd, const std::string& text) {
        size_t done = 0;
        while (done < text.size()) {
            ssize_t n =
                ::send(fd, text.data() + done, text.size() - done, MSG_NOSIGNAL | MSG_DONTWAIT);
            if (n < 0 && errno == EINTR) {
                continue;
            }
            if (n <= 0) {
                return false; // gone (EPIPE, ECONNRESET) or full (EAGAIN)
            }
            done += static_cast<size_t>(n);
        }
        return true;
    }

    std::string path_;
    UniqueFd listener_;
    std::vector<UniqueFd> clients_;
    dev_t device_ = 0;
    ino_t inode_ = 0;
    FailureReport report_{"unix_socket_output"};
};

} // namespace

std::unique_ptr<Output> make_unix_socket_output(const UnixSocketOutputConfig& config) {
    return std::make_unique<UnixSocketOutput>(config);
}

} // namespace falco::outputs_detail
