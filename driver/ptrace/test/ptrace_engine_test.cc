// libscap's ptrace engine end to end: runs test/workload under the tracer and checks the events
// it produces, parameter by parameter, in the encodings of scap-format §11.
#include <arpa/inet.h>
#include <fcntl.h>
#include <gtest/gtest.h>
#include <netinet/in.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/sysmacros.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <climits>
#include <cstdint>
#include <string>
#include <vector>

#include "driver_api/event_codes.h"
#include "driver_api/event_table.h"
#include "scap/scap.h"

namespace
{

std::string g_workload;

// One event, copied out of the engine.
struct Event {
	std::vector<uint8_t> bytes;

	const scap_evt *evt() const
	{
		return reinterpret_cast<const scap_evt *>(bytes.data());
	}
	uint16_t type() const
	{
		return evt()->type;
	}
	uint64_t tid() const
	{
		return evt()->tid;
	}
	std::string raw(uint32_t i) const
	{
		scap_param p;
		if (scap_event_param(evt(), i, &p) != 0)
			return "<missing>";
		return std::string(reinterpret_cast<const char *>(p.data), p.len);
	}
	// A parameter by its schema name.
	std::string raw(const char *name) const
	{
		const scap_event_info &info = scap_event_table[type()];
		for (uint32_t i = 0; i < info.nparams; i++) {
			if (strcmp(info.params[i].name, name) == 0)
				return raw(i);
		}
		ADD_FAILURE() << info.name << " has no parameter " << name;
		return "";
	}
	int64_t num(const char *name) const
	{
		std::string v = raw(name);
		uint64_t out = 0;
		if (v.size() > 8 || v.empty()) {
			ADD_FAILURE() << "parameter " << name << " is " << v.size() << " bytes";
			return 0;
		}
		memcpy(&out, v.data(), v.size());
		// Sign-extend the signed widths the tests use (fd, pid, errno are 8 bytes anyway).
		return static_cast<int64_t>(out);
	}
	std::string str(const char *name) const
	{
		std::string v = raw(name);
		if (v.empty() || v.back() != '\0') {
			ADD_FAILURE() << "parameter " << name << " is not NUL-terminated";
			return v;
		}
		return v.substr(0, v.size() - 1);
	}
};

// Runs the engine to the end; returns the events and the exit status.
struct Trace {
	std::vector<Event> events;
	int status = -1;
	std::string error;
};

Trace trace(const std::vector<std::string> &argv, int32_t pid = 0)
{
	Trace run;
	std::vector<const char *> args;
	for (const auto &a : argv)
		args.push_back(a.c_str());
	args.push_back(nullptr);
	scap_open_args open_args{};
	open_args.size = sizeof(open_args);
	open_args.engine = "ptrace";
	open_args.ptrace_argv = pid ? nullptr : args.data();
	open_args.ptrace_pid = pid;
	char err[SCAP_ERRMSG_SIZE] = "";
	scap *h = scap_open(&open_args, err);
	if (!h) {
		run.error = err;
		return run;
	}
	scap_evt *evt;
	uint16_t cpu;
	uint32_t flags;
	int rc;
	while ((rc = scap_next(h, &evt, &cpu, &flags)) == SCAP_OK || rc == SCAP_TIMEOUT) {
		if (rc == SCAP_OK) {
			const uint8_t *p = reinterpret_cast<const uint8_t *>(evt);
			run.events.push_back(Event{std::vector<uint8_t>(p, p + evt->len)});
		}
	}
	EXPECT_EQ(rc, SCAP_EOF) << scap_last_error(h);
	scap_stats stats;
	scap_get_stats(h, &stats);
	EXPECT_EQ(stats.n_evts, run.events.size());
	EXPECT_EQ(stats.n_drops, 0u);
	EXPECT_EQ(scap_get_exit_status(h, &run.status), SCAP_OK);
	scap_close(h);
	return run;
}

// The PPM value of a named entry of a value table.
int64_t ppm(scap_value_table_id table, const char *name)
{
	const scap_value_table &t = scap_value_tables[table];
	for (uint32_t i = 0; i < t.count; i++) {
		if (strcmp(t.values[i].name, name) == 0)
			return t.values[i].value;
	}
	ADD_FAILURE() << "no " << name << " in " << t.name;
	return 0;
}

std::string u16le(uint16_t v)
{
	return std::string{static_cast<char>(v & 0xff), static_cast<char>(v >> 8)};
}

const std::string kLoopback("\x7f\x00\x00\x01", 4);

class Listener
{
      public:
	Listener()
	{
		fd_ = socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
		sockaddr_in addr{};
		addr.sin_family = AF_INET;
		addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
		socklen_t len = sizeof(addr);
		EXPECT_EQ(bind(fd_, reinterpret_cast<sockaddr *>(&addr), sizeof(addr)), 0);
		EXPECT_EQ(listen(fd_, 4), 0);
		EXPECT_EQ(getsockname(fd_, reinterpret_cast<sockaddr *>(&addr), &len), 0);
		port_ = ntohs(addr.sin_port);
	}
	~Listener()
	{
		close(fd_);
	}
	uint16_t port() const
	{
		return port_;
	}

      private:
	int fd_;
	uint16_t port_;
};

std::string temp_path(const char *name)
{
	const char *dir = getenv("TEST_TMPDIR");
	std::string path = std::string(dir ? dir : "/tmp") + "/" + name;
	unlink(path.c_str());
	return path;
}

// The index of the first event at or after `from` that matches.
template <typename Pred> size_t find(const std::vector<Event> &events, size_t from, Pred pred)
{
	for (size_t i = from; i < events.size(); i++) {
		if (pred(events[i]))
			return i;
	}
	return SIZE_MAX;
}

class WorkloadTest : public ::testing::Test
{
      protected:
	static void SetUpTestSuite()
	{
		path_ = temp_path("ptrace_workload_file");
		run_ = trace({g_workload, "files", path_, std::to_string(listener_.port())});
	}
	static Listener listener_;
	static std::string path_;
	static Trace run_;
};
Listener WorkloadTest::listener_;
std::string WorkloadTest::path_;
Trace WorkloadTest::run_;

TEST_F(WorkloadTest, RunsToTheEndWithTheCommandsStatus)
{
	ASSERT_EQ(run_.error, "");
	EXPECT_TRUE(WIFEXITED(run_.status));
	EXPECT_EQ(WEXITSTATUS(run_.status), 0);
	ASSERT_FALSE(run_.events.empty());
	// The first event is the exec of the workload itself.
	EXPECT_EQ(run_.events[0].type(), SCAP_EV_SYSCALL_EXECVE_19_E);
	EXPECT_EQ(run_.events[0].str("filename"), g_workload);
}

TEST_F(WorkloadTest, OpenatCarriesPathFlagsModeAndFile)
{
	const auto &ev = run_.events;
	size_t enter = find(ev, 0, [](const Event &e) {
		return e.type() == SCAP_EV_SYSCALL_OPENAT_2_E && e.str("name") == path_;
	});
	ASSERT_NE(enter, SIZE_MAX);
	int64_t flags = ppm(SCAP_VT_FILE_FLAGS, "O_CREAT") | ppm(SCAP_VT_FILE_FLAGS, "O_WRONLY");
	EXPECT_EQ(ev[enter].num("dirfd"), -100); // AT_FDCWD
	EXPECT_EQ(ev[enter].raw("flags").size(), 4u);
	EXPECT_EQ(ev[enter].num("flags"), flags);
	EXPECT_EQ(ev[enter].num("mode"), 0640);

	size_t exit = find(ev, enter, [&](const Event &e) {
		return e.type() == SCAP_EV_SYSCALL_OPENAT_2_X && e.tid() == ev[enter].tid();
	});
	ASSERT_NE(exit, SIZE_MAX);
	struct stat st;
	ASSERT_EQ(stat(path_.c_str(), &st), 0);
	EXPECT_GE(ev[exit].num("fd"), 3);
	EXPECT_EQ(ev[exit].num("dirfd"), -100);
	EXPECT_EQ(ev[exit].str("name"), path_);
	EXPECT_EQ(ev[exit].num("flags"), flags);
	EXPECT_EQ(ev[exit].num("mode"), 0640);
	EXPECT_EQ(static_cast<uint32_t>(ev[exit].num("dev")),
	          (major(st.st_dev) << 20) | minor(st.st_dev));
	EXPECT_EQ(static_cast<uint64_t>(ev[exit].num("ino")), st.st_ino);
}

TEST_F(WorkloadTest, WriteAndCloseCarryTheFdAndData)
{
	const auto &ev = run_.events;
	size_t open = find(ev, 0, [](const Event &e) {
		return e.type() == SCAP_EV_SYSCALL_OPENAT_2_X && e.str("name") == path_;
	});
	ASSERT_NE(open, SIZE_MAX);
	int64_t fd = ev[open].num("fd");
	size_t enter =
	    find(ev, open, [](const Event &e) { return e.type() == SCAP_EV_SYSCALL_WRITE_E; });
	ASSERT_NE(enter, SIZE_MAX);
	EXPECT_EQ(ev[enter].num("fd"), fd);
	EXPECT_EQ(ev[enter].num("size"), 5);
	ASSERT_EQ(ev[enter + 1].type(), SCAP_EV_SYSCALL_WRITE_X);
	EXPECT_EQ(ev[enter + 1].num("res"), 5);
	EXPECT_EQ(ev[enter + 1].raw("data"), "hello");
	EXPECT_EQ(ev[enter + 1].num("fd"), fd);
	EXPECT_EQ(ev[enter + 1].num("size"), 5);
	ASSERT_EQ(ev[enter + 2].type(), SCAP_EV_SYSCALL_CLOSE_E);
	EXPECT_EQ(ev[enter + 2].num("fd"), fd);
	ASSERT_EQ(ev[enter + 3].type(), SCAP_EV_SYSCALL_CLOSE_X);
	EXPECT_EQ(ev[enter + 3].num("res"), 0);
}

TEST_F(WorkloadTest, ConnectCarriesTheAddressAndTheTuple)
{
	const auto &ev = run_.events;
	size_t sock =
	    find(ev, 0, [](const Event &e) { return e.type() == SCAP_EV_SOCKET_SOCKET_X; });
	ASSERT_NE(sock, SIZE_MAX);
	int64_t fd = ev[sock].num("fd");
	EXPECT_EQ(ev[sock].num("domain"), ppm(SCAP_VT_SOCKET_FAMILIES, "AF_INET"));
	EXPECT_EQ(ev[sock].num("type"), SOCK_STREAM);

	std::string addr = std::string(1, '\x02') + kLoopback + u16le(listener_.port());
	size_t enter =
	    find(ev, sock, [](const Event &e) { return e.type() == SCAP_EV_SOCKET_CONNECT_E; });
	ASSERT_NE(enter, SIZE_MAX);
	EXPECT_EQ(ev[enter].num("fd"), fd);
	EXPECT_EQ(ev[enter].raw("addr"), addr);

	ASSERT_EQ(ev[enter + 1].type(), SCAP_EV_SOCKET_CONNECT_X);
	const Event &exit = ev[enter + 1];
	EXPECT_EQ(exit.num("res"), 0);
	EXPECT_EQ(exit.num("fd"), fd);
	EXPECT_EQ(exit.raw("addr"), addr);
	std::string tuple = exit.raw("tuple");
	ASSERT_EQ(tuple.size(), 13u);
	EXPECT_EQ(tuple[0], '\x02');
	EXPECT_EQ(tuple.substr(1, 4), kLoopback);                // local address
	EXPECT_NE(tuple.substr(5, 2), u16le(0));                 // an ephemeral local port
	EXPECT_EQ(tuple.substr(7, 4), kLoopback);                // remote address
	EXPECT_EQ(tuple.substr(11, 2), u16le(listener_.port())); // the port the test listens on
}

TEST_F(WorkloadTest, FollowsTheForkedChild)
{
	const auto &ev = run_.events;
	uint64_t parent = run_.events[0].tid();
	size_t in_parent = find(ev, 0, [&](const Event &e) {
		return e.type() == SCAP_EV_SYSCALL_CLONE_20_X && e.tid() == parent;
	});
	ASSERT_NE(in_parent, SIZE_MAX);
	int64_t child = ev[in_parent].num("res");
	ASSERT_GT(child, 0);
	EXPECT_NE(static_cast<uint64_t>(child), parent);
	EXPECT_EQ(ev[in_parent].num("ptid"), getpid());

	// The child's side of the clone: res 0, its own ids, CLONE_INVERTED.
	size_t in_child = find(ev, 0, [&](const Event &e) {
		return e.type() == SCAP_EV_SYSCALL_CLONE_20_X && e.tid() == uint64_t(child);
	});
	ASSERT_NE(in_child, SIZE_MAX);
	EXPECT_EQ(ev[in_child].num("res"), 0);
	EXPECT_EQ(ev[in_child].num("tid"), child);
	EXPECT_EQ(ev[in_child].num("pid"), child);
	EXPECT_EQ(ev[in_child].num("ptid"), int64_t(parent));
	EXPECT_TRUE(ev[in_child].num("flags") & ppm(SCAP_VT_CLONE_FLAGS, "CLONE_INVERTED"));

	// Its own system calls carry its tid, and it ends with a procexit.
	size_t open = find(ev, in_child, [&](const Event &e) {
		return e.type() == SCAP_EV_SYSCALL_OPENAT_2_X && e.tid() == uint64_t(child);
	});
	ASSERT_NE(open, SIZE_MAX);
	EXPECT_EQ(ev[open].str("name"), "/dev/null");
	size_t gone = find(ev, open, [&](const Event &e) {
		return e.type() == SCAP_EV_PROCEXIT_1_E && e.tid() == uint64_t(child);
	});
	ASSERT_NE(gone, SIZE_MAX);
	EXPECT_EQ(ev[gone].num("status"), 0);
}

TEST_F(WorkloadTest, ExecveExitDescribesTheNewProgram)
{
	const auto &ev = run_.events;
	uint64_t pid = run_.events[0].tid();
	size_t enter = find(ev, 1, [&](const Event &e) {
		return e.type() == SCAP_EV_SYSCALL_EXECVE_19_E && e.tid() == pid;
	});
	ASSERT_NE(enter, SIZE_MAX);
	EXPECT_EQ(ev[enter].str("filename"), "/bin/true");
	size_t exit = find(ev, enter, [&](const Event &e) {
		return e.type() == SCAP_EV_SYSCALL_EXECVE_19_X && e.tid() == pid;
	});
	ASSERT_NE(exit, SIZE_MAX);
	const Event &x = ev[exit];
	char cwd[PATH_MAX];
	ASSERT_NE(getcwd(cwd, sizeof(cwd)), nullptr);
	char exe[PATH_MAX];
	ASSERT_NE(realpath("/bin/true", exe), nullptr);
	EXPECT_EQ(x.num("res"), 0);
	EXPECT_EQ(x.str("exe"), "true");
	EXPECT_EQ(x.raw("args"), std::string("one\0two\0", 8));
	EXPECT_EQ(x.num("tid"), int64_t(pid));
	EXPECT_EQ(x.num("pid"), int64_t(pid));
	EXPECT_EQ(x.num("ptid"), getpid());
	EXPECT_EQ(x.str("cwd"), cwd);
	EXPECT_EQ(x.str("comm"), "true");
	EXPECT_EQ(x.raw("uid").size(), 4u);
	EXPECT_EQ(static_cast<uint32_t>(x.num("uid")), getuid());
	EXPECT_EQ(static_cast<uint32_t>(x.num("gid")), getgid());
	EXPECT_EQ(x.str("trusted_exepath"), exe);
	EXPECT_EQ(x.str("filename"), "/bin/true");
	// The last event of the process is its procexit.
	EXPECT_EQ(ev.back().type(), SCAP_EV_PROCEXIT_1_E);
	EXPECT_EQ(ev.back().tid(), pid);
}

TEST(PtraceEngine, PassesTheExitStatusOn)
{
	Trace run = trace({g_workload, "exit", "7"});
	ASSERT_EQ(run.error, "");
	EXPECT_TRUE(WIFEXITED(run.status));
	EXPECT_EQ(WEXITSTATUS(run.status), 7);
	EXPECT_EQ(run.events.back().type(), SCAP_EV_PROCEXIT_1_E);
	EXPECT_EQ(run.events.back().num("ret"), 7);
}

TEST(PtraceEngine, SaysWhenTheCommandIsNotFound)
{
	Trace run = trace({"no-such-command-here"});
	EXPECT_EQ(run.error, "no-such-command-here: command not found");
	scap_open_args args{};
	args.size = sizeof(args);
	args.engine = "ptrace";
	const char *argv[] = {"/no/such/file", nullptr};
	args.ptrace_argv = argv;
	char err[SCAP_ERRMSG_SIZE];
	errno = 0;
	EXPECT_EQ(scap_open(&args, err), nullptr);
	EXPECT_EQ(errno, ENOENT);
}

TEST(PtraceEngine, AttachesToARunningProcessAndLeavesItRunning)
{
	pid_t pid = fork();
	if (pid == 0) {
		execl(g_workload.c_str(), "workload", "loop", nullptr);
		_exit(127);
	}
	ASSERT_GT(pid, 0);
	usleep(50 * 1000); // let it exec

	scap_open_args args{};
	args.size = sizeof(args);
	args.engine = "ptrace";
	args.ptrace_pid = pid;
	char err[SCAP_ERRMSG_SIZE];
	scap *h = scap_open(&args, err);
	ASSERT_NE(h, nullptr) << err;
	int opens = 0;
	scap_evt *evt;
	uint16_t cpu;
	uint32_t flags;
	while (opens < 3 && scap_next(h, &evt, &cpu, &flags) == SCAP_OK) {
		EXPECT_EQ(evt->tid, uint64_t(pid));
		if (evt->type == SCAP_EV_SYSCALL_OPENAT_2_X)
			opens++;
	}
	EXPECT_EQ(opens, 3);
	scap_close(h);

	// Detached, it keeps running: it is neither stopped nor gone.
	usleep(30 * 1000);
	int status;
	EXPECT_EQ(waitpid(pid, &status, WNOHANG | WUNTRACED), 0);
	kill(pid, SIGKILL);
	waitpid(pid, &status, 0);
}

TEST(PtraceEngine, RefusesToAttachTwice)
{
	pid_t pid = fork();
	if (pid == 0) {
		execl(g_workload.c_str(), "workload", "loop", nullptr);
		_exit(127);
	}
	usleep(50 * 1000);
	scap_open_args args{};
	args.size = sizeof(args);
	args.engine = "ptrace";
	args.ptrace_pid = pid;
	char err[SCAP_ERRMSG_SIZE];
	scap *first = scap_open(&args, err);
	ASSERT_NE(first, nullptr) << err;
	// A second tracer in another process: this process already traces it, so fork one.
	pid_t other = fork();
	if (other == 0) {
		char err2[SCAP_ERRMSG_SIZE];
		scap *second = scap_open(&args, err2);
		_exit(second == nullptr && errno == EPERM ? 0 : 1);
	}
	int status;
	ASSERT_EQ(waitpid(other, &status, 0), other);
	EXPECT_TRUE(WIFEXITED(status) && WEXITSTATUS(status) == 0);
	scap_close(first);
	kill(pid, SIGKILL);
	waitpid(pid, &status, 0);
}

} // namespace

int main(int argc, char **argv)
{
	::testing::InitGoogleTest(&argc, argv);
	if (argc != 2) {
		fprintf(stderr, "usage: ptrace_engine_test WORKLOAD\n");
		return 2;
	}
	char path[PATH_MAX];
	if (!realpath(argv[1], path)) {
		fprintf(stderr, "%s: %s\n", argv[1], strerror(errno));
		return 2;
	}
	g_workload = path;
	return RUN_ALL_TESTS();
}
