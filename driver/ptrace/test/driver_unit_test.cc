// The tracer's parts without ptrace: the record layout, the thread table, the seccomp filter (run
// by a small BPF interpreter), the socket encodings, the system-call set, and the fill
// interpreter on calls made up against this process's own memory.
#include <arpa/inet.h>
#include <errno.h>
#include <fcntl.h>
#include <gtest/gtest.h>
#include <linux/audit.h>
#include <linux/seccomp.h>
#include <netinet/in.h>
#include <stddef.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/syscall.h>
#include <sys/un.h>
#include <sys/wait.h>
#include <unistd.h>

#include <string>
#include <vector>

extern "C" {
#include "driver/ptrace/fill.h"
#include "driver/ptrace/record.h"
#include "driver/ptrace/seccomp_filter.h"
#include "driver/ptrace/sockets.h"
#include "driver/ptrace/syscall_set.h"
#include "driver/ptrace/threads.h"
#include "driver_api/event_codes.h"
#include "driver_api/event_table.h"
#include "driver_fill/fill_sockaddr.h"
}

namespace
{

uint64_t le(const uint8_t *p, unsigned n)
{
	uint64_t v = 0;
	for (unsigned i = 0; i < n; i++)
		v |= uint64_t(p[i]) << (8 * i);
	return v;
}

// The parameters of a record, split by its length array.
std::vector<std::string> params_of(const uint8_t *rec, unsigned width)
{
	uint32_t n = uint32_t(le(rec + 22, 4));
	const uint8_t *at = rec + PTRACE_RECORD_HEADER + width * n;
	std::vector<std::string> out;
	for (uint32_t i = 0; i < n; i++) {
		uint64_t len = le(rec + PTRACE_RECORD_HEADER + width * i, width);
		out.emplace_back(reinterpret_cast<const char *>(at), len);
		at += len;
	}
	return out;
}

std::string bytes(uint64_t v, unsigned n)
{
	std::string s;
	for (unsigned i = 0; i < n; i++)
		s.push_back(char(v >> (8 * i)));
	return s;
}

TEST(Record, LaysOutHeaderLengthsAndValues)
{
	ptrace_record r{};
	ptrace_record_start(&r, SCAP_EV_SYSCALL_CLOSE_X, 0x1122334455667788ull, 42);
	ptrace_record_put_int(&r, uint64_t(-9), 8); // res: -EBADF
	uint32_t len = ptrace_record_finish(&r);    // fd: not given, so empty
	ASSERT_EQ(len, 26u + 2 * 2 + 8);
	EXPECT_EQ(le(r.buf, 8), 0x1122334455667788ull);
	EXPECT_EQ(le(r.buf + 8, 8), 42u);
	EXPECT_EQ(le(r.buf + 16, 4), len);
	EXPECT_EQ(le(r.buf + 20, 2), SCAP_EV_SYSCALL_CLOSE_X);
	EXPECT_EQ(le(r.buf + 22, 4), 2u);
	auto p = params_of(r.buf, 2);
	EXPECT_EQ(p[0], bytes(uint64_t(-9), 8));
	EXPECT_EQ(p[1], "");
	ptrace_record_free(&r);
}

TEST(Record, LargePayloadEventsHaveFourByteLengths)
{
	ptrace_record r{};
	ptrace_record_start(&r, SCAP_EV_PLUGINEVENT_E, 1, 2);
	ptrace_record_put_int(&r, 7, 4);
	std::string big(70000, 'x');
	ptrace_record_put(&r, big.data(), big.size());
	uint32_t len = ptrace_record_finish(&r);
	ASSERT_EQ(len, 26u + 2 * 4 + 4 + 70000);
	auto p = params_of(r.buf, 4);
	EXPECT_EQ(p[1].size(), 70000u);
	ptrace_record_free(&r);
}

TEST(Threads, AddFindRemoveThroughGrowthAndCollisions)
{
	ptrace_threads t{};
	for (pid_t tid = 1; tid <= 1000; tid++)
		ASSERT_NE(ptrace_threads_add(&t, tid * 64), nullptr);
	EXPECT_EQ(t.count, 1000u);
	for (pid_t tid = 1; tid <= 1000; tid += 2)
		ptrace_threads_remove(&t, tid * 64);
	EXPECT_EQ(t.count, 500u);
	for (pid_t tid = 1; tid <= 1000; tid++) {
		ptrace_thread *th = ptrace_threads_find(&t, tid * 64);
		if (tid % 2)
			EXPECT_EQ(th, nullptr) << tid;
		else
			ASSERT_NE(th, nullptr) << tid;
	}
	ptrace_thread *th = ptrace_threads_find(&t, 128);
	th->saved_str[0] = strdup("freed with the thread");
	ptrace_threads_free(&t);
}

// Runs a classic BPF program over seccomp_data, as the kernel would, for the opcodes the filter
// builder uses.
uint32_t run_filter(const std::vector<sock_filter> &prog, uint32_t arch, uint32_t nr)
{
	seccomp_data data{};
	data.arch = arch;
	data.nr = int(nr);
	uint32_t a = 0;
	for (size_t pc = 0; pc < prog.size(); pc++) {
		const sock_filter &i = prog[pc];
		switch (i.code) {
		case BPF_LD | BPF_W | BPF_ABS:
			memcpy(&a, reinterpret_cast<const uint8_t *>(&data) + i.k, 4);
			break;
		case BPF_JMP | BPF_JEQ | BPF_K:
			pc += a == i.k ? i.jt : i.jf;
			break;
		case BPF_JMP | BPF_JGE | BPF_K:
			pc += a >= i.k ? i.jt : i.jf;
			break;
		case BPF_JMP | BPF_JGT | BPF_K:
			pc += a > i.k ? i.jt : i.jf;
			break;
		case BPF_RET | BPF_K:
			return i.k;
		default:
			ADD_FAILURE() << "unexpected opcode " << i.code;
			return 0;
		}
	}
	ADD_FAILURE() << "the program runs off its end";
	return 0;
}

std::vector<sock_filter> build(const ptrace_syscall_set &set)
{
	std::vector<sock_filter> prog(4096);
	int n = ptrace_seccomp_build(&set, prog.data(), unsigned(prog.size()));
	EXPECT_GT(n, 0);
	prog.resize(size_t(n > 0 ? n : 0));
	return prog;
}

TEST(SeccompFilter, TracesExactlyTheSet)
{
	ptrace_syscall_set set{};
	for (uint32_t nr : {0u, 1u, 2u, 5u, 59u, 257u, 435u})
		ptrace_set_add(&set, nr);
	auto prog = build(set);
	// Six for arch and x32, three per run ([0,2], [5], [59], [257], [435]), one to allow.
	EXPECT_EQ(prog.size(), 6u + 3 * 5 + 1);
	for (uint32_t nr = 0; nr < 600; nr++) {
		uint32_t want = ptrace_set_has(&set, nr) ? SECCOMP_RET_TRACE : SECCOMP_RET_ALLOW;
		EXPECT_EQ(run_filter(prog, AUDIT_ARCH_X86_64, nr), want) << nr;
	}
	EXPECT_EQ(run_filter(prog, AUDIT_ARCH_I386, 5), SECCOMP_RET_ALLOW);
	EXPECT_EQ(run_filter(prog, AUDIT_ARCH_X86_64, 0x40000000u | 1), SECCOMP_RET_ALLOW);
}

TEST(SeccompFilter, EveryNumberFitsTheKernelsLimit)
{
	ptrace_syscall_set every_other{};
	for (uint32_t nr = 0; nr < PTRACE_NR_MAX; nr += 2)
		ptrace_set_add(&every_other, nr);
	auto prog = build(every_other);
	EXPECT_LE(prog.size(), 4096u);
	EXPECT_EQ(run_filter(prog, AUDIT_ARCH_X86_64, 1000), SECCOMP_RET_TRACE);
	EXPECT_EQ(run_filter(prog, AUDIT_ARCH_X86_64, 1001), SECCOMP_RET_ALLOW);
}

TEST(SeccompFilter, InstalledFilterLetsOtherCallsRun)
{
	// A child with a filter tracing only close(): getpid() runs; close() without a tracer fails
	// with ENOSYS, which proves it would have stopped.
	pid_t pid = fork();
	if (pid == 0) {
		ptrace_syscall_set set{};
		ptrace_set_add(&set, SYS_close);
		if (ptrace_seccomp_install(&set) != 0)
			_exit(10);
		if (syscall(SYS_getpid) <= 0)
			_exit(11);
		_exit(close(0) == -1 && errno == ENOSYS ? 0 : 12);
	}
	int status;
	ASSERT_EQ(waitpid(pid, &status, 0), pid);
	EXPECT_TRUE(WIFEXITED(status));
	EXPECT_EQ(WEXITSTATUS(status), 0);
}

TEST(SyscallSet, ParsesNamesNumbersAndAll)
{
	ptrace_syscall_set set{};
	char err[128] = "";
	EXPECT_EQ(ptrace_set_parse(&set, "nanosleep,39", err, sizeof(err)), 0) << err;
	EXPECT_TRUE(ptrace_set_has(&set, SYS_nanosleep));
	EXPECT_TRUE(ptrace_set_has(&set, SYS_getpid));
	EXPECT_FALSE(ptrace_set_has(&set, SYS_read));
	EXPECT_EQ(ptrace_set_parse(&set, "nanosleep,no_such_call", err, sizeof(err)), -EINVAL);
	EXPECT_STREQ(err, "unknown system call 'no_such_call' (x86_64 names, numbers or all)");
	ptrace_syscall_set all{};
	EXPECT_EQ(ptrace_set_parse(&all, "all", err, sizeof(err)), 0);
	EXPECT_TRUE(ptrace_set_has(&all, SYS_read));
	EXPECT_TRUE(ptrace_set_has(&all, SYS_getpid));

	ptrace_syscall_set dedicated{};
	ptrace_set_add_dedicated(&dedicated);
	EXPECT_TRUE(ptrace_set_has(&dedicated, SYS_openat));
	EXPECT_TRUE(ptrace_set_has(&dedicated, SYS_execve));
	EXPECT_FALSE(ptrace_set_has(&dedicated, SYS_getpid));
}

std::string encode_sockaddr(const void *addr, size_t len)
{
	uint8_t out[FILL_SOCK_ENCODED_MAX];
	size_t n = fill_encode_sockaddr(static_cast<const uint8_t *>(addr), uint32_t(len), out);
	return std::string(reinterpret_cast<char *>(out), n);
}

TEST(Sockets, EncodesSockaddrs)
{
	sockaddr_in in{};
	in.sin_family = AF_INET;
	in.sin_port = htons(8080);
	in.sin_addr.s_addr = htonl(0x0a000001);
	EXPECT_EQ(encode_sockaddr(&in, sizeof(in)),
	          std::string("\x02\x0a\x00\x00\x01", 5) + bytes(8080, 2));

	sockaddr_in6 in6{};
	in6.sin6_family = AF_INET6;
	in6.sin6_port = htons(443);
	in6.sin6_addr = in6addr_loopback;
	EXPECT_EQ(encode_sockaddr(&in6, sizeof(in6)),
	          std::string(1, '\x0a') + std::string(15, '\0') + "\x01" + bytes(443, 2));

	sockaddr_un un{};
	un.sun_family = AF_UNIX;
	strcpy(un.sun_path, "/run/x.sock");
	EXPECT_EQ(encode_sockaddr(&un, offsetof(sockaddr_un, sun_path) + 12),
	          std::string("\x01/run/x.sock\0", 13));
	memcpy(un.sun_path, "\0abstract", 9);
	EXPECT_EQ(encode_sockaddr(&un, offsetof(sockaddr_un, sun_path) + 9),
	          std::string("\x01@abstract\0", 11));

	sockaddr other{};
	other.sa_family = AF_PACKET;
	EXPECT_EQ(encode_sockaddr(&other, sizeof(other)), "");
}

TEST(Sockets, TupleOfAConnectedSocketPair)
{
	int server = socket(AF_INET, SOCK_STREAM, 0);
	sockaddr_in addr{};
	addr.sin_family = AF_INET;
	addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
	socklen_t len = sizeof(addr);
	ASSERT_EQ(bind(server, reinterpret_cast<sockaddr *>(&addr), sizeof(addr)), 0);
	ASSERT_EQ(listen(server, 1), 0);
	ASSERT_EQ(getsockname(server, reinterpret_cast<sockaddr *>(&addr), &len), 0);
	int client = socket(AF_INET, SOCK_STREAM, 0);
	ASSERT_EQ(connect(client, reinterpret_cast<sockaddr *>(&addr), sizeof(addr)), 0);
	sockaddr_in local{};
	len = sizeof(local);
	ASSERT_EQ(getsockname(client, reinterpret_cast<sockaddr *>(&local), &len), 0);

	uint8_t out[FILL_SOCK_ENCODED_MAX];
	std::string lo("\x7f\x00\x00\x01", 4);
	size_t n = ptrace_socktuple("/proc", getpid(), client, false, out);
	EXPECT_EQ(std::string(reinterpret_cast<char *>(out), n),
	          "\x02" + lo + bytes(ntohs(local.sin_port), 2) + lo +
	              bytes(ntohs(addr.sin_port), 2));
	n = ptrace_socktuple("/proc", getpid(), client, true, out);
	EXPECT_EQ(std::string(reinterpret_cast<char *>(out), n),
	          "\x02" + lo + bytes(ntohs(addr.sin_port), 2) + lo +
	              bytes(ntohs(local.sin_port), 2));
	EXPECT_EQ(ptrace_socktuple("/proc", getpid(), 9999, false, out), 0u);
	close(client);
	close(server);
}

// The fill interpreter on made-up calls whose arguments point into this process.
std::vector<std::string> fill(uint16_t type, const ptrace_call &call)
{
	ptrace_record r{};
	uint32_t len = ptrace_fill_syscall(&r, type, &call, 1);
	EXPECT_GT(len, 0u);
	auto p = params_of(r.buf, 2);
	ptrace_record_free(&r);
	return p;
}

ptrace_call call_of(long nr, std::initializer_list<uint64_t> args, int64_t ret = 0)
{
	ptrace_call call{};
	call.tid = getpid();
	call.nr = nr;
	size_t i = 0;
	for (uint64_t a : args)
		call.args[i++] = a;
	call.ret = ret;
	call.snaplen = 80;
	call.proc = "/proc";
	return call;
}

uint64_t ptr(const void *p)
{
	return uint64_t(reinterpret_cast<uintptr_t>(p));
}

int64_t ppm(scap_value_table_id table, const char *name)
{
	const scap_value_table &t = scap_value_tables[table];
	for (uint32_t i = 0; i < t.count; i++) {
		if (strcmp(t.values[i].name, name) == 0)
			return t.values[i].value;
	}
	ADD_FAILURE() << name;
	return 0;
}

TEST(Fill, OpenatEnterConvertsFlagsAndSignExtendsTheDirfd)
{
	const char path[] = "some/relative/path";
	auto p = fill(SCAP_EV_SYSCALL_OPENAT_2_E,
	              call_of(SYS_openat, {uint32_t(AT_FDCWD), ptr(path),
	                                   O_CREAT | O_WRONLY | O_CLOEXEC | O_TRUNC, 0600}));
	ASSERT_EQ(p.size(), 4u);
	EXPECT_EQ(p[0], bytes(uint64_t(int64_t(AT_FDCWD)), 8));
	EXPECT_EQ(p[1], std::string(path, sizeof(path)));
	EXPECT_EQ(p[2], bytes(uint64_t(ppm(SCAP_VT_FILE_FLAGS, "O_CREAT") |
	                               ppm(SCAP_VT_FILE_FLAGS, "O_WRONLY") |
	                               ppm(SCAP_VT_FILE_FLAGS, "O_CLOEXEC") |
	                               ppm(SCAP_VT_FILE_FLAGS, "O_TRUNC")),
	                      4));
	EXPECT_EQ(p[3], bytes(0600, 4));
}

TEST(Fill, OpenatExitOfAFailedCallHasNoFile)
{
	const char path[] = "/no/such/file";
	auto p = fill(SCAP_EV_SYSCALL_OPENAT_2_X,
	              call_of(SYS_openat, {uint32_t(AT_FDCWD), ptr(path), O_RDONLY, 0}, -ENOENT));
	ASSERT_EQ(p.size(), 7u);
	EXPECT_EQ(p[0], bytes(uint64_t(-ENOENT), 8));
	EXPECT_EQ(p[4], bytes(0, 4));
	EXPECT_EQ(p[5], bytes(0, 4)); // dev
	EXPECT_EQ(p[6], bytes(0, 8)); // ino
}

TEST(Fill, IoDataIsCutToTheSnapLengthAndTheReturnValue)
{
	std::string buf(200, 'a');
	auto p = fill(SCAP_EV_SYSCALL_WRITE_X, call_of(SYS_write, {1, ptr(buf.data()), 200}, 200));
	EXPECT_EQ(p[0], bytes(200, 8));
	EXPECT_EQ(p[1], std::string(80, 'a'));
	EXPECT_EQ(p[2], bytes(1, 8));
	EXPECT_EQ(p[3], bytes(200, 4));
	// read: as many bytes as were read; none when it failed.
	p = fill(SCAP_EV_SYSCALL_READ_X, call_of(SYS_read, {3, ptr(buf.data()), 200}, 5));
	EXPECT_EQ(p[1], "aaaaa");
	p = fill(SCAP_EV_SYSCALL_READ_X, call_of(SYS_read, {3, ptr(buf.data()), 200}, -EAGAIN));
	EXPECT_EQ(p[1], "");
	// Memory that cannot be read gives an empty parameter.
	p = fill(SCAP_EV_SYSCALL_WRITE_X, call_of(SYS_write, {1, 8, 20}, 20));
	EXPECT_EQ(p[1], "");
}

TEST(Fill, GenericEventsCarryTheCodeAndTheNumber)
{
	auto p = fill(SCAP_EV_GENERIC_E, call_of(SYS_getpid, {}));
	ASSERT_EQ(p.size(), 2u);
	EXPECT_EQ(p[0], bytes(ppm(SCAP_VT_PPM_SC_CODES, "getpid"), 2));
	EXPECT_EQ(p[1], bytes(SYS_getpid, 2));
}

TEST(Fill, ProcexitSplitsTheWaitStatus)
{
	ptrace_record r{};
	ASSERT_GT(ptrace_fill_procexit(&r, 77, 0x0300 /* exit(3) */, 5), 0u);
	auto p = params_of(r.buf, 2);
	ASSERT_EQ(p.size(), 5u);
	EXPECT_EQ(p[0], bytes(0x300, 8));
	EXPECT_EQ(p[1], bytes(3, 8));
	EXPECT_EQ(p[2], bytes(0, 1));
	EXPECT_EQ(p[3], bytes(0, 1));
	ASSERT_GT(ptrace_fill_procexit(&r, 77, 0x80 | SIGSEGV /* core dumped */, 5), 0u);
	p = params_of(r.buf, 2);
	EXPECT_EQ(p[1], bytes(0, 8));
	EXPECT_EQ(p[2], bytes(SIGSEGV, 1));
	EXPECT_EQ(p[3], bytes(1, 1));
	ptrace_record_free(&r);
}

} // namespace
