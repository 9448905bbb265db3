// unix_socket_output: clients receive every line; the socket file has the configured mode and
// group; stale files are replaced; gone or stuck clients are dropped without blocking.
#include <cerrno>
#include <cstring>
#include <grp.h>
#include <gtest/gtest.h>
#include <poll.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/un.h>
#include <unistd.h>

#include "outputs/outputs.h"
#include "outputs/test_support.h"
#include "outputs/unique_fd.h"

namespace falco {
namespace {

using outputs_detail::UniqueFd;
using testing::alert_with;
using testing::file_mode;

OutputsConfig socket_config(const std::string& path, unsigned mode = 0660) {
    OutputsConfig config = testing::quiet_config();
    config.unix_socket.enabled = true;
    config.unix_socket.path = path;
    config.unix_socket.mode = mode;
    config.unix_socket.group = "";
    return config;
}

sockaddr_un address_of(const std::string& path) {
    sockaddr_un address = {};
    address.sun_family = AF_UNIX;
    path.copy(address.sun_path, sizeof address.sun_path - 1);
    return address;
}

UniqueFd connect_to(const std::string& path) {
    UniqueFd fd(::socket(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0));
    sockaddr_un address = address_of(path);
    if (::connect(fd.get(), reinterpret_cast<const sockaddr*>(&address), sizeof address) != 0) {
        ADD_FAILURE() << "connect " << path << ": " << std::strerror(errno);
    }
    return fd;
}

// Reads until `bytes` have arrived, the peer closes, or a second passes without data.
std::string receive(int fd, size_t bytes = SIZE_MAX) {
    std::string text;
    char buffer[65536];
    while (text.size() < bytes) {
        pollfd ready = {fd, POLLIN, 0};
        if (::poll(&ready, 1, 1000) <= 0) {
            break;
        }
        ssize_t n = ::read(fd, buffer, sizeof buffer);
        if (n <= 0) {
            break;
        }
        text.append(buffer, static_cast<size_t>(n));
    }
    return text;
}

bool exists(const std::string& path) {
    struct stat info = {};
    return ::lstat(path.c_str(), &info) == 0;
}

std::string own_group_name() {
    struct group* entry = ::getgrgid(::getegid());
    return entry != nullptr ? entry->gr_name : "";
}

TEST(UnixSocketOutputTest, ClientsReceiveEveryLine) {
    testing::TempDir temp;
    std::string path = temp.path() + "/falco.sock";
    Outputs outputs(socket_config(path));
    UniqueFd first = connect_to(path);
    outputs.emit(alert_with("one"));
    UniqueFd second = connect_to(path);
    outputs.emit(alert_with("two"));
    EXPECT_EQ(receive(first.get(), 8), "one\ntwo\n");
    EXPECT_EQ(receive(second.get(), 4), "two\n");
}

TEST(UnixSocketOutputTest, SocketFileModeGroupAndParentDirectory) {
    testing::TempDir temp;
    std::string dir = temp.path() + "/run/falco";
    std::string path = dir + "/falco.sock";
    OutputsConfig config = socket_config(path, 0640);
    config.unix_socket.group = own_group_name();
    ASSERT_NE(config.unix_socket.group, "");
    {
        Outputs outputs(config);
        struct stat info = {};
        ASSERT_EQ(::lstat(path.c_str(), &info), 0);
        EXPECT_TRUE(S_ISSOCK(info.st_mode));
        EXPECT_EQ(info.st_mode & 07777, 0640u);
        EXPECT_EQ(info.st_gid, ::getegid());
        EXPECT_EQ(file_mode(dir), 0755u);
    }
    EXPECT_FALSE(exists(path)) << "removed when falco is done";
}

TEST(UnixSocketOutputTest, DisconnectedClientDoesNotBreakEmit) {
    testing::TempDir temp;
    std::string path = temp.path() + "/falco.sock";
    Outputs outputs(socket_config(path));
    {
        UniqueFd gone = connect_to(path);
        outputs.emit(alert_with("seen"));
        EXPECT_EQ(receive(gone.get(), 5), "seen\n");
    }
    UniqueFd never_accepted = connect_to(path);
    never_accepted.reset(); // closes before falco accepts it
    outputs.emit(alert_with("after"));
    outputs.emit(alert_with("again"));
    UniqueFd later = connect_to(path);
    outputs.emit(alert_with("last"));
    EXPECT_EQ(receive(later.get(), 5), "last\n");
}

TEST(UnixSocketOutputTest, StuckClientIsDroppedWithoutBlocking) {
    testing::TempDir temp;
    std::string path = temp.path() + "/falco.sock";
    Outputs outputs(socket_config(path));
    UniqueFd stuck = connect_to(path);
    std::string big(100000, 'x');
    for (int i = 0; i < 200; ++i) { // 20 MB: far beyond any socket buffer
        outputs.emit(alert_with(big));
    }
    UniqueFd reader = connect_to(path);
    outputs.emit(alert_with("fine"));
    EXPECT_EQ(receive(reader.get(), 5), "fine\n");
    // The stuck client got what fitted, then its connection was closed.
    std::string got = receive(stuck.get());
    EXPECT_LT(got.size(), 200 * (big.size() + 1));
    EXPECT_EQ(got.find("fine"), std::string::npos);
}

TEST(UnixSocketOutputTest, StaleSocketFileIsReplaced) {
    testing::TempDir temp;
    std::string path = temp.path() + "/falco.sock";
    {
        UniqueFd old(::socket(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0));
        sockaddr_un address = address_of(path);
        ASSERT_EQ(::bind(old.get(), reinterpret_cast<const sockaddr*>(&address), sizeof address),
                  0);
    } // closed without unlinking: a stale socket file
    ASSERT_TRUE(exists(path));
    Outputs outputs(socket_config(path));
    UniqueFd client = connect_to(path);
    outputs.emit(alert_with("new"));
    EXPECT_EQ(receive(client.get(), 4), "new\n");
}

TEST(UnixSocketOutputTest, SetupErrors) {
    testing::TempDir temp;
    std::string dir = temp.path();
    auto error_of = [](const OutputsConfig& config) -> std::string {
        try {
            Outputs outputs(config);
        } catch (const std::runtime_error& e) {
            return e.what();
        }
        return "no error";
    };

    testing::write_file(dir + "/file", "not a socket");
    EXPECT_EQ(error_of(socket_config(dir + "/file")),
              "unix_socket_output: " + dir + "/file exists and is not a socket");
    EXPECT_EQ(testing::read_file(dir + "/file"), "not a socket");

    Outputs live(socket_config(dir + "/live.sock"));
    EXPECT_EQ(error_of(socket_config(dir + "/live.sock")),
              "unix_socket_output: another process listens on " + dir + "/live.sock");

    OutputsConfig bad_group = socket_config(dir + "/group.sock");
    bad_group.unix_socket.group = "no-such-group-for-falco";
    EXPECT_EQ(error_of(bad_group), "unix_socket_output: unknown group 'no-such-group-for-falco'");
    EXPECT_FALSE(exists(dir + "/group.sock")) << "no socket file left behind";

    std::string long_path = dir + "/" + std::string(120, 's');
    EXPECT_EQ(error_of(socket_config(long_path)),
              "unix_socket_output: bad socket path '" + long_path + "' (1 to 107 bytes)");
}

} // namespace
} // namespace falco
