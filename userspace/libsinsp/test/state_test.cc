// The state machine: what the thread and fd tables hold after each kind of event.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "driver_api/event_codes.h"
#include "sinsp/inspector.h"
#include "test/test_capture.h"

namespace sinsp {
namespace {

using testing::Capture;
using testing::event;
using testing::Param;
using testing::Process;

constexpr uint64_t kShell = 100;
constexpr uint64_t kTs = 1700000000000000000ull;
constexpr int64_t kAtFdcwd = -100;
constexpr uint32_t kOpenRdonly = 1, kOpenCloexec = 1u << 12;
constexpr uint32_t kCloneThread = 1u << 13;

std::vector<Process> base_processes() {
    Process init{1, 1, 0, "systemd", "/sbin/init", "/sbin/init", "/", {}, 0, 0, {}};
    Process shell{kShell,       kShell, 1,    "bash", "bash", "/usr/bin/bash",
                  "/home/user", {"-i"}, 1000, 1000,   {}};
    shell.fds = {{0, 1, "/dev/pts/0"}, {1, 1, "/dev/pts/0"}, {2, 1, "/dev/pts/0"}};
    return {init, shell};
}

// Reads every event and returns the inspector at the end (state as the last event left it).
std::unique_ptr<Inspector> run(const Capture& capture, std::vector<std::string>* seen = nullptr) {
    auto in = capture.open();
    while (const Event* evt = in->next()) {
        if (seen != nullptr) {
            std::string fd = evt->fd() != nullptr ? evt->fd()->name : "-";
            seen->push_back(std::string(evt->name()) + ":" + fd);
        }
    }
    return in;
}

std::string clone_exit(uint64_t tid, int64_t res, int64_t ptid_param, uint32_t flags, uint64_t ts) {
    return event(SCAP_EV_SYSCALL_CLONE_20_X, tid, ts,
                 {{"res", Param::i64(res)},
                  {"exe", Param::str("bash")},
                  {"args", Param::raw(std::string("-i\0", 3))},
                  {"tid", Param::i64(static_cast<int64_t>(tid))},
                  {"pid", Param::i64(static_cast<int64_t>(tid))},
                  {"ptid", Param::i64(ptid_param)},
                  {"cwd", Param::str("/home/user")},
                  {"comm", Param::str("bash")},
                  {"flags", Param::u32(flags)},
                  {"uid", Param::u32(1000)},
                  {"gid", Param::u32(1000)}});
}

std::string execve_exit(uint64_t tid, uint64_t ptid, const std::string& comm,
                        const std::string& args, uint64_t ts) {
    return event(SCAP_EV_SYSCALL_EXECVE_19_X, tid, ts,
                 {{"res", Param::i64(0)},
                  {"exe", Param::str(comm)},
                  {"args", Param::raw(args)},
                  {"tid", Param::i64(static_cast<int64_t>(tid))},
                  {"pid", Param::i64(static_cast<int64_t>(tid))},
                  {"ptid", Param::i64(static_cast<int64_t>(ptid))},
                  {"cwd", Param::str("/home/user")},
                  {"comm", Param::str(comm)},
                  {"env", Param::raw(std::string("HOME=/home/user\0", 16))},
                  {"trusted_exepath", Param::str("/usr/bin/" + comm)},
                  {"loginuid", Param::u32(1000)},
                  {"uid", Param::u32(1000)},
                  {"gid", Param::u32(1000)}});
}

std::string openat_exit(uint64_t tid, int64_t fd, int64_t dirfd, const std::string& name,
                        uint32_t flags, uint64_t ts) {
    return event(SCAP_EV_SYSCALL_OPENAT_2_X, tid, ts,
                 {{"fd", Param::i64(fd)},
                  {"dirfd", Param::i64(dirfd)},
                  {"name", Param::str(name)},
                  {"flags", Param::u32(flags)},
                  {"mode", Param::u32(0)},
                  {"dev", Param::u32(0x803)},
                  {"ino", Param::u64(4242)}});
}

std::string close_pair_enter(uint64_t tid, int64_t fd, uint64_t ts) {
    return event(SCAP_EV_SYSCALL_CLOSE_E, tid, ts, std::vector<Param>{Param::i64(fd)});
}

std::string close_exit(uint64_t tid, int64_t res, uint64_t ts) {
    return event(SCAP_EV_SYSCALL_CLOSE_X, tid, ts, std::vector<Param>{Param::i64(res)});
}

TEST(StateTest, ProcessListFillsThreadsAndFds) {
    Process worker{kShell + 1, kShell, 1, "bash", "bash", "/usr/bin/bash", "/", {}, 0, 0, {}};
    auto procs = base_processes();
    procs.push_back(worker);
    Capture capture(procs, {close_pair_enter(kShell, 2, kTs)});
    auto in = capture.open();
    const ThreadInfo* shell = in->threads().find(kShell);
    ASSERT_NE(shell, nullptr);
    EXPECT_EQ(shell->comm, "bash");
    EXPECT_EQ(shell->cwd, "/home/user/");
    EXPECT_EQ(shell->args, std::vector<std::string>{"-i"});
    EXPECT_EQ(shell->uid, 1000u);
    ASSERT_NE(shell->fds->find(2), nullptr);
    EXPECT_EQ(shell->fds->find(2)->name, "/dev/pts/0");
    EXPECT_EQ(shell->fds->find(2)->type, FdType::kFile);
    // A thread of the process sees the process's descriptors.
    const ThreadInfo* thread = in->threads().find(kShell + 1);
    ASSERT_NE(thread, nullptr);
    EXPECT_EQ(thread->fds, shell->fds);
    EXPECT_EQ(in->threads().thread_count(kShell), 2u);
    EXPECT_EQ(in->machine().hostname, "testhost");
}

TEST(StateTest, CloneFromEitherSideCreatesTheChild) {
    const uint64_t child = 200;
    // Parent side first: the parameters describe the parent.
    Capture parent_first(base_processes(), {clone_exit(kShell, child, 1, 0, kTs),
                                            clone_exit(child, 0, kShell, 0, kTs + 1)});
    auto in = run(parent_first);
    const ThreadInfo* c = in->threads().find(child);
    ASSERT_NE(c, nullptr);
    EXPECT_EQ(c->pid, static_cast<int64_t>(child));
    EXPECT_EQ(c->ptid, static_cast<int64_t>(kShell));
    EXPECT_EQ(c->comm, "bash");
    EXPECT_EQ(c->clone_ts, kTs);
    EXPECT_FALSE(c->incomplete);
    // Its descriptors are a copy of the parent's, not the same table.
    ASSERT_NE(c->fds->find(1), nullptr);
    EXPECT_NE(c->fds, in->threads().find(kShell)->fds);

    // Child side first: the parameters describe the child.
    Capture child_first(base_processes(), {clone_exit(child, 0, kShell, 0, kTs)});
    in = run(child_first);
    c = in->threads().find(child);
    ASSERT_NE(c, nullptr);
    EXPECT_EQ(c->ptid, static_cast<int64_t>(kShell));
    ASSERT_NE(c->fds->find(0), nullptr);
}

TEST(StateTest, ThreadsShareTheProcessDescriptors) {
    const uint64_t thread = 300;
    Capture capture(base_processes(),
                    {clone_exit(kShell, thread, 1, kCloneThread, kTs),
                     openat_exit(thread, 7, kAtFdcwd, "notes.txt", kOpenRdonly, kTs + 1)});
    auto in = run(capture);
    const ThreadInfo* t = in->threads().find(thread);
    ASSERT_NE(t, nullptr);
    EXPECT_EQ(t->pid, static_cast<int64_t>(kShell));
    EXPECT_FALSE(t->is_main_thread());
    // The file the thread opened is the process's.
    const FdInfo* fd = in->threads().find(kShell)->fds->find(7);
    ASSERT_NE(fd, nullptr);
    EXPECT_EQ(fd->name, "/home/user/notes.txt");
}

TEST(StateTest, ExecveReplacesTheProgramAndDropsCloexecFds) {
    const uint64_t child = 201;
    Capture capture(
        base_processes(),
        {clone_exit(kShell, child, 1, 0, kTs),
         openat_exit(child, 5, kAtFdcwd, "/etc/hosts", kOpenRdonly | kOpenCloexec, kTs + 1),
         openat_exit(child, 6, kAtFdcwd, "/etc/passwd", kOpenRdonly, kTs + 2),
         execve_exit(child, kShell, "cat", std::string("/etc/shadow\0", 12), kTs + 3)});
    auto in = run(capture);
    const ThreadInfo* c = in->threads().find(child);
    ASSERT_NE(c, nullptr);
    EXPECT_EQ(c->comm, "cat");
    EXPECT_EQ(c->exe, "cat");
    EXPECT_EQ(c->exepath, "/usr/bin/cat");
    EXPECT_EQ(c->args, std::vector<std::string>{"/etc/shadow"});
    EXPECT_EQ(c->env, std::vector<std::string>{"HOME=/home/user"});
    EXPECT_EQ(c->loginuid, 1000u);
    EXPECT_EQ(c->cmdline(), "cat /etc/shadow");
    EXPECT_EQ(c->fds->find(5), nullptr);
    ASSERT_NE(c->fds->find(6), nullptr);
}

TEST(StateTest, OpenResolvesRelativePathsAgainstCwdAndDirfd) {
    Capture capture(
        base_processes(),
        {openat_exit(kShell, 3, kAtFdcwd, "../shared/./a.txt", kOpenRdonly, kTs),
         openat_exit(kShell, 4, kAtFdcwd, "/var/log", kOpenRdonly | (1u << 10), kTs + 1),
         openat_exit(kShell, 5, 4, "syslog", kOpenRdonly, kTs + 2),
         openat_exit(kShell, -2, kAtFdcwd, "missing", kOpenRdonly, kTs + 3)});
    auto in = run(capture);
    const auto& fds = *in->threads().find(kShell)->fds;
    ASSERT_NE(fds.find(3), nullptr);
    EXPECT_EQ(fds.find(3)->name, "/home/shared/a.txt");
    EXPECT_EQ(fds.find(3)->name_raw, "../shared/./a.txt");
    EXPECT_EQ(fds.find(3)->ino, 4242u);
    EXPECT_EQ(fds.find(4)->type, FdType::kDirectory);
    EXPECT_EQ(fds.find(5)->name, "/var/log/syslog");
    EXPECT_EQ(fds.size(), 6u); // 0, 1, 2 and the three that opened
}

TEST(StateTest, CloseRemovesTheFdButTheEventStillShowsIt) {
    std::vector<std::string> seen;
    Capture capture(base_processes(),
                    {openat_exit(kShell, 3, kAtFdcwd, "/etc/hosts", kOpenRdonly, kTs),
                     close_pair_enter(kShell, 3, kTs + 1), close_exit(kShell, 0, kTs + 2),
                     close_pair_enter(kShell, 1, kTs + 3), close_exit(kShell, -9, kTs + 4)});
    auto in = run(capture, &seen);
    EXPECT_EQ(seen,
              (std::vector<std::string>{"openat:/etc/hosts", "close:/etc/hosts", "close:/etc/hosts",
                                        "close:/dev/pts/0", "close:/dev/pts/0"}));
    const auto& fds = *in->threads().find(kShell)->fds;
    EXPECT_EQ(fds.find(3), nullptr);
    EXPECT_NE(fds.find(1), nullptr); // the failed close kept it
}

TEST(StateTest, SocketsGetTheirTuples) {
    Capture capture(base_processes(),
                    {event(SCAP_EV_SOCKET_SOCKET_X, kShell, kTs,
                           {{"fd", Param::i64(3)},
                            {"domain", Param::u32(2)},
                            {"type", Param::u32(1)},
                            {"proto", Param::u32(0)}}),
                     event(SCAP_EV_SOCKET_CONNECT_E, kShell, kTs + 1,
                           {{"fd", Param::i64(3)}, {"addr", Param::addr4("10.0.0.1", 80)}}),
                     event(SCAP_EV_SOCKET_CONNECT_X, kShell, kTs + 2,
                           {{"res", Param::i64(0)},
                            {"tuple", Param::tuple4("192.168.1.5", 40000, "10.0.0.1", 80)},
                            {"fd", Param::i64(3)}}),
                     event(SCAP_EV_SOCKET_ACCEPT4_6_X, kShell, kTs + 3,
                           {{"fd", Param::i64(4)},
                            {"tuple", Param::tuple4("172.16.0.9", 51000, "192.168.1.5", 22)}}),
                     event(SCAP_EV_SOCKET_CONNECT_X, kShell, kTs + 4,
                           {{"res", Param::i64(0)},
                            {"tuple", Param::tuple_unix(0xffff1, 0xffff2, "/run/app.sock")},
                            {"fd", Param::i64(5)}})});
    auto in = run(capture);
    const auto& fds = *in->threads().find(kShell)->fds;
    const FdInfo* out = fds.find(3);
    ASSERT_NE(out, nullptr);
    EXPECT_EQ(out->type, FdType::kIpv4Socket);
    EXPECT_EQ(out->l4proto, L4Proto::kTcp);
    EXPECT_EQ(out->name, "192.168.1.5:40000->10.0.0.1:80");
    EXPECT_EQ(out->role, SocketRole::kClient);
    EXPECT_TRUE(out->connected);
    EXPECT_EQ(out->server_port, 80);
    const FdInfo* in_conn = fds.find(4);
    ASSERT_NE(in_conn, nullptr);
    EXPECT_EQ(in_conn->role, SocketRole::kServer);
    EXPECT_EQ(in_conn->name, "172.16.0.9:51000->192.168.1.5:22");
    EXPECT_EQ(in_conn->client_ip.to_string(), "172.16.0.9");
    const FdInfo* unix_fd = fds.find(5);
    ASSERT_NE(unix_fd, nullptr);
    EXPECT_EQ(unix_fd->type, FdType::kUnixSocket);
    EXPECT_EQ(unix_fd->name, "/run/app.sock");
}

TEST(StateTest, DupPipesAndCwd) {
    Capture capture(
        base_processes(),
        {openat_exit(kShell, 3, kAtFdcwd, "/etc/hosts", kOpenRdonly, kTs),
         event(SCAP_EV_SYSCALL_DUP2_X, kShell, kTs + 1,
               {{"res", Param::i64(9)}, {"oldfd", Param::i64(3)}, {"newfd", Param::i64(9)}}),
         event(SCAP_EV_SYSCALL_PIPE2_X, kShell, kTs + 2,
               {{"res", Param::i64(0)},
                {"fd1", Param::i64(10)},
                {"fd2", Param::i64(11)},
                {"ino", Param::u64(777)}}),
         event(SCAP_EV_SYSCALL_CHDIR_X, kShell, kTs + 3,
               {{"res", Param::i64(0)}, {"path", Param::str("../tmp")}}),
         event(SCAP_EV_SYSCALL_SETUID_X, kShell, kTs + 4,
               {{"res", Param::i64(0)}, {"uid", Param::u32(0)}})});
    auto in = run(capture);
    const ThreadInfo* shell = in->threads().find(kShell);
    ASSERT_NE(shell->fds->find(9), nullptr);
    EXPECT_EQ(shell->fds->find(9)->name, "/etc/hosts");
    ASSERT_NE(shell->fds->find(11), nullptr);
    EXPECT_EQ(shell->fds->find(11)->type, FdType::kFifo);
    EXPECT_EQ(shell->fds->find(11)->ino, 777u);
    EXPECT_EQ(shell->cwd, "/home/tmp/");
    EXPECT_EQ(shell->uid, 0u);
}

TEST(StateTest, UnknownThreadsGetAPlaceholderThatKeepsFds) {
    Capture capture(base_processes(), {openat_exit(4242, 3, kAtFdcwd, "/tmp/x", kOpenRdonly, kTs)});
    auto in = run(capture);
    const ThreadInfo* t = in->threads().find(4242);
    ASSERT_NE(t, nullptr);
    EXPECT_TRUE(t->incomplete);
    EXPECT_TRUE(t->comm.empty());
    ASSERT_NE(t->fds->find(3), nullptr);
    EXPECT_EQ(t->fds->find(3)->name, "/tmp/x"); // no cwd: absolute paths only
}

// Memory stays bounded on long runs: exited threads and closed fds are dropped.
TEST(StateTest, ExitedThreadsAndClosedFdsArePurged) {
    std::vector<std::string> events;
    uint64_t ts = kTs;
    for (uint64_t i = 0; i < 2000; i++) {
        uint64_t child = 10000 + i;
        events.push_back(clone_exit(kShell, static_cast<int64_t>(child), 1, 0, ts++));
        events.push_back(openat_exit(child, 3, kAtFdcwd, "/etc/hosts", kOpenRdonly, ts++));
        events.push_back(close_pair_enter(child, 3, ts++));
        events.push_back(close_exit(child, 0, ts++));
        events.push_back(event(SCAP_EV_PROCEXIT_1_E, child, ts++,
                               {{"status", Param::i64(0)}, {"reaper_tid", Param::i64(1)}}));
    }
    Capture capture(base_processes(), events);
    auto in = capture.open();
    size_t max_threads = 0;
    while (const Event* evt = in->next()) {
        max_threads = std::max(max_threads, in->threads().size());
        if (evt->thread() != nullptr) {
            EXPECT_LE(evt->thread()->fds->size(), 4u);
        }
    }
    EXPECT_LE(max_threads, 4u);
    in->next(); // past the end: the last exited thread is gone too
    EXPECT_EQ(in->threads().find(10000 + 1999), nullptr);
}

// Events that record fewer parameters than the schema lists never crash the parser.
TEST(StateTest, EventsWithMissingParametersAreHarmless) {
    std::vector<std::string> events;
    uint64_t ts = kTs;
    for (uint16_t code = 0; code < SCAP_EVENT_COUNT; code++) {
        events.push_back(event(code, kShell, ts++, std::vector<Param>{}));
        events.push_back(event(code, kShell, ts++, std::vector<Param>{Param::i64(3)}));
    }
    Capture capture(base_processes(), events);
    auto in = capture.open();
    size_t n = 0;
    while (in->next() != nullptr) {
        n++;
    }
    EXPECT_EQ(n, events.size());
}

} // namespace
} // namespace sinsp
