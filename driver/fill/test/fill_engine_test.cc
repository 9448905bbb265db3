// The fill engine against a fake driver: synthetic calls over a fake address space, facts from
// maps, parameters collected one by one, and a sink that checks the engine stays within the room
// it asked for.
#include <arpa/inet.h>
#include <gtest/gtest.h>
#include <linux/sched.h>
#include <netinet/in.h>
#include <stddef.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/syscall.h>
#include <sys/uio.h>
#include <sys/un.h>
#include <sys/wait.h>

#include <map>
#include <string>
#include <vector>

#include "driver_api/event_codes.h"
#include "driver_api/event_table.h"
#include "driver_api/fill_table.h"
#include "driver_api/param_width.h"
#include "driver_fill/fill_engine.h"
#include "driver_fill/fill_sockaddr.h"

namespace
{

// Guard bytes after the room the engine asked for: they must stay untouched.
constexpr size_t GUARD = 64;
constexpr uint8_t GUARD_BYTE = 0xA5;

struct FakeDriver {
	// The caller's memory: address -> bytes mapped there (regions do not overlap).
	std::map<uint64_t, std::string> memory;
	std::map<uint8_t, uint64_t> proc_numbers;
	std::map<uint8_t, std::string> proc_bytes;
	std::map<int, std::string> tuples; // fd -> encoded socktuple
	std::map<std::pair<int, uint8_t>, uint64_t> file_facts;
	std::vector<std::pair<int, bool>> tuple_calls; // (fd, inbound)

	// The sink.
	std::vector<std::string> params;
	std::vector<uint8_t> room;
	uint32_t room_max = 0;
	bool open = false;
	uint32_t refuse_above = UINT32_MAX; // begin() refuses more than this
	bool overrun = false;

	void map(uint64_t addr, const std::string &bytes)
	{
		memory[addr] = bytes;
	}

	uint32_t read(uint64_t addr, void *out, uint32_t len) const
	{
		uint32_t done = 0;
		while (done < len) {
			auto it = memory.upper_bound(addr + done);
			if (it == memory.begin())
				break;
			--it;
			uint64_t off = addr + done - it->first;
			if (off >= it->second.size())
				break;
			uint32_t n =
			    uint32_t(std::min<uint64_t>(it->second.size() - off, len - done));
			memcpy(static_cast<uint8_t *>(out) + done, it->second.data() + off, n);
			done += n;
		}
		return done;
	}
};

FakeDriver *self(void *ctx)
{
	return static_cast<FakeDriver *>(ctx);
}

uint8_t *sink_begin(void *ctx, uint32_t max)
{
	FakeDriver *d = self(ctx);
	EXPECT_FALSE(d->open) << "a parameter begun before the last one ended";
	if (max > d->refuse_above)
		return nullptr;
	d->open = true;
	d->room_max = max;
	d->room.assign(max + GUARD, GUARD_BYTE);
	return d->room.data();
}

void sink_end(void *ctx, uint32_t used)
{
	FakeDriver *d = self(ctx);
	EXPECT_TRUE(d->open);
	EXPECT_LE(used, d->room_max);
	for (size_t i = d->room_max; i < d->room.size(); i++)
		d->overrun |= d->room[i] != GUARD_BYTE;
	d->params.emplace_back(reinterpret_cast<const char *>(d->room.data()), used);
	d->open = false;
}

uint32_t source_read_mem(void *ctx, uint64_t addr, void *out, uint32_t len)
{
	return self(ctx)->read(addr, out, len);
}

uint32_t source_read_str(void *ctx, uint64_t addr, char *out, uint32_t size)
{
	uint32_t n = 0;
	while (n + 1 < size && self(ctx)->read(addr + n, out + n, 1) == 1) {
		if (out[n] == '\0')
			return n + 1;
		n++;
	}
	if (!n)
		return 0;
	out[n] = '\0';
	return n + 1;
}

uint64_t source_proc_number(void *ctx, uint8_t field)
{
	auto it = self(ctx)->proc_numbers.find(field);
	return it == self(ctx)->proc_numbers.end() ? 0 : it->second;
}

uint32_t source_proc_bytes(void *ctx, uint8_t field, uint8_t *out, uint32_t cap)
{
	auto it = self(ctx)->proc_bytes.find(field);
	if (it == self(ctx)->proc_bytes.end())
		return 0;
	uint32_t n = uint32_t(std::min<size_t>(it->second.size(), cap));
	memcpy(out, it->second.data(), n);
	return n;
}

uint32_t source_socktuple(void *ctx, int fd, bool inbound, uint8_t *out)
{
	self(ctx)->tuple_calls.emplace_back(fd, inbound);
	auto it = self(ctx)->tuples.find(fd);
	if (it == self(ctx)->tuples.end())
		return 0;
	memcpy(out, it->second.data(), it->second.size());
	return uint32_t(it->second.size());
}

uint64_t source_file_fact(void *ctx, int fd, uint8_t field)
{
	auto it = self(ctx)->file_facts.find({fd, field});
	return it == self(ctx)->file_facts.end() ? 0 : it->second;
}

const fill_ops OPS = {
    sink_begin,         sink_end,          source_read_mem,  source_read_str,
    source_proc_number, source_proc_bytes, source_socktuple, source_file_fact,
};

std::string le(uint64_t v, unsigned width)
{
	std::string s;
	for (unsigned i = 0; i < width; i++)
		s.push_back(char(v >> (8 * i)));
	return s;
}

fill_call call_of(long nr, std::vector<uint64_t> args, int64_t ret = 0, uint32_t snaplen = 80)
{
	fill_call c{};
	c.nr = nr;
	c.ret = ret;
	for (size_t i = 0; i < args.size() && i < 6; i++)
		c.args[i] = args[i];
	c.snaplen = snaplen;
	return c;
}

// The PPM value of `name` in the value table of parameter `param` of event `type`.
uint64_t ppm(uint16_t type, unsigned param, const char *name)
{
	const scap_value_table &t =
	    scap_value_tables[scap_event_table[type].params[param].value_table];
	for (uint32_t i = 0; i < t.count; i++)
		if (strcmp(t.values[i].name, name) == 0)
			return uint64_t(t.values[i].value);
	ADD_FAILURE() << "no " << name;
	return 0;
}

int fill(FakeDriver &d, uint16_t type, const fill_call &c)
{
	d.params.clear();
	int n = fill_event(type, &c, &OPS, &d);
	EXPECT_FALSE(d.overrun) << "wrote past the room it asked for";
	EXPECT_FALSE(d.open);
	return n;
}

constexpr uint64_t PATH = 0x10000, BUF = 0x20000, IOV = 0x30000, ADDR = 0x40000, PAIR = 0x50000,
                   BAD = 0xdead0000;

TEST(FillEngine, EveryEventWithFillsWritesOneValuePerParameterOfItsType)
{
	FakeDriver d;
	for (uint16_t type = 0; type < SCAP_EVENT_COUNT; type++) {
		uint32_t n = fill_event_nparams(type);
		if (!n)
			continue;
		EXPECT_EQ(n, scap_event_table[type].nparams) << scap_event_table[type].name;
		fill_call c = call_of(0, {1, 2, 3, 4, 5, 6}, type & 1 ? 3 : 0);
		ASSERT_EQ(fill(d, type, c), int(n)) << scap_event_table[type].name;
		for (uint32_t i = 0; i < n; i++) {
			unsigned width =
			    scap_param_number_width(scap_event_table[type].params[i].type);
			if (width && !d.params[i].empty()) {
				EXPECT_EQ(d.params[i].size(), width)
				    << scap_event_table[type].name << " param " << i;
			}
		}
	}
	EXPECT_EQ(fill_event_nparams(SCAP_EV_PLUGINEVENT_E), 0u);
	EXPECT_EQ(fill_event_length_width(SCAP_EV_PLUGINEVENT_E), 4u);
	EXPECT_EQ(fill_event_length_width(SCAP_EV_SYSCALL_OPEN_X), 2u);
}

TEST(FillEngine, FillTableCarriesWhatTheEngineWouldTakeFromEventTable)
{
	for (uint16_t type = 0; type < SCAP_EVENT_COUNT; type++) {
		const scap_event_info &info = scap_event_table[type];
		EXPECT_EQ(scap_fill_table[type].flags, uint32_t(info.flags)) << info.name;
		for (uint32_t i = 0; i < fill_event_nparams(type); i++) {
			const scap_fill &f = scap_fill_table[type].fills[i];
			if (f.kind != SCAP_FILL_DYN)
				continue;
			const scap_dynamic_table &t =
			    scap_dynamic_tables[info.params[i].dynamic_table];
			ASSERT_LT(f.detail, t.count);
			EXPECT_EQ(f.aux, t.variants[f.detail].type) << info.name << " " << i;
		}
	}
}

TEST(FillEngine, OpenExitTakesTheReturnValueThePathConvertedFlagsAndFileFacts)
{
	FakeDriver d;
	d.map(PATH, std::string("/etc/passwd\0", 12));
	d.file_facts[{3, SCAP_FILE_DEV}] = 0x800001;
	d.file_facts[{3, SCAP_FILE_INO}] = 4242;
	fill_call c = call_of(SYS_open, {PATH, 0x241 /* O_WRONLY|O_CREAT|O_TRUNC */, 0644}, 3);

	ASSERT_EQ(fill(d, SCAP_EV_SYSCALL_OPEN_X, c), 6);
	EXPECT_EQ(d.params[0], le(3, 8));
	EXPECT_EQ(d.params[1], std::string("/etc/passwd\0", 12));
	uint64_t flags = ppm(SCAP_EV_SYSCALL_OPEN_X, 2, "O_WRONLY") |
	                 ppm(SCAP_EV_SYSCALL_OPEN_X, 2, "O_CREAT") |
	                 ppm(SCAP_EV_SYSCALL_OPEN_X, 2, "O_TRUNC");
	EXPECT_EQ(d.params[2], le(flags, 4));
	EXPECT_EQ(d.params[3], le(0644, 4));
	EXPECT_EQ(d.params[4], le(0x800001, 4));
	EXPECT_EQ(d.params[5], le(4242, 8));

	// A failed open: no file, so its facts are 0.
	c.ret = -2;
	ASSERT_EQ(fill(d, SCAP_EV_SYSCALL_OPEN_X, c), 6);
	EXPECT_EQ(d.params[0], le(uint64_t(-2), 8));
	EXPECT_EQ(d.params[4], le(0, 4));
	EXPECT_EQ(d.params[5], le(0, 8));
}

TEST(FillEngine, UnreadableMemoryGivesAnEmptyParameter)
{
	FakeDriver d;
	fill_call c = call_of(SYS_open, {BAD, 0, 0}, -14);
	ASSERT_EQ(fill(d, SCAP_EV_SYSCALL_OPEN_X, c), 6);
	EXPECT_EQ(d.params[1], "");

	c = call_of(SYS_read, {4, BAD, 100}, 100);
	ASSERT_EQ(fill(d, SCAP_EV_SYSCALL_READ_X, c), 4);
	EXPECT_EQ(d.params[1], "");

	c = call_of(SYS_pipe, {BAD}, 0);
	ASSERT_EQ(fill(d, SCAP_EV_SYSCALL_PIPE_X, c), 4);
	EXPECT_EQ(d.params[1], "");
	EXPECT_EQ(d.params[2], "");
	EXPECT_EQ(d.params[3], le(0, 8)); // file(ino, fdpair(...)) of no fd
}

TEST(FillEngine, ConnectEncodesTheUserSockaddrAndAsksForTheOutboundTuple)
{
	FakeDriver d;
	sockaddr_in in{};
	in.sin_family = AF_INET;
	in.sin_port = htons(8080);
	in.sin_addr.s_addr = htonl(0x7f000001);
	d.map(ADDR, std::string(reinterpret_cast<const char *>(&in), sizeof(in)));
	const uint8_t local[4] = {127, 0, 0, 1}, remote[4] = {127, 0, 0, 1};
	uint8_t tuple[FILL_SOCK_ENCODED_MAX];
	uint32_t tn = fill_encode_inet_tuple(tuple, local, 40000, remote, 8080);
	d.tuples[5] = std::string(reinterpret_cast<char *>(tuple), tn);
	fill_call c = call_of(SYS_connect, {5, ADDR, sizeof(in)}, 0);

	ASSERT_EQ(fill(d, SCAP_EV_SOCKET_CONNECT_E, c), 2);
	EXPECT_EQ(d.params[0], le(5, 8));
	EXPECT_EQ(d.params[1], std::string("\x02\x7f\x00\x00\x01", 5) + le(8080, 2));

	ASSERT_EQ(fill(d, SCAP_EV_SOCKET_CONNECT_X, c), 4);
	EXPECT_EQ(d.params[1], std::string("\x02\x7f\x00\x00\x01", 5) + le(40000, 2) +
	                           std::string("\x7f\x00\x00\x01", 4) + le(8080, 2));
	ASSERT_EQ(d.tuple_calls.size(), 1u);
	EXPECT_EQ(d.tuple_calls[0], std::make_pair(5, false));
	EXPECT_EQ(d.params[3], std::string("\x02\x7f\x00\x00\x01", 5) + le(8080, 2));

	// A sockaddr cut short reads as zeros past its end; one of length 1 is empty.
	c.args[2] = 6;
	ASSERT_EQ(fill(d, SCAP_EV_SOCKET_CONNECT_E, c), 2);
	EXPECT_EQ(d.params[1], std::string("\x02\x7f\x00\x00\x00", 5) + le(8080, 2));
	c.args[2] = 1;
	ASSERT_EQ(fill(d, SCAP_EV_SOCKET_CONNECT_E, c), 2);
	EXPECT_EQ(d.params[1], "");
}

TEST(FillEngine, AcceptedAndReceivingSocketsAreSeenFromTheRemoteEnd)
{
	FakeDriver d;
	fill_call c = call_of(SYS_accept, {3, 0, 0}, 7);
	ASSERT_GT(fill(d, SCAP_EV_SOCKET_ACCEPT_5_X, c), 0);
	c = call_of(SYS_recvfrom, {4, BUF, 10, 0, 0, 0}, -11);
	ASSERT_GT(fill(d, SCAP_EV_SOCKET_RECVFROM_X, c), 0);
	ASSERT_EQ(d.tuple_calls.size(), 2u);
	EXPECT_EQ(d.tuple_calls[0], std::make_pair(7, true));
	EXPECT_EQ(d.tuple_calls[1], std::make_pair(4, true));
}

TEST(FillEngine, SockaddrEncodings)
{
	uint8_t out[FILL_SOCK_ENCODED_MAX];
	sockaddr_in6 in6{};
	in6.sin6_family = AF_INET6;
	in6.sin6_port = htons(443);
	in6.sin6_addr = in6addr_loopback;
	uint32_t n = fill_encode_sockaddr(reinterpret_cast<uint8_t *>(&in6), sizeof(in6), out);
	EXPECT_EQ(std::string(reinterpret_cast<char *>(out), n),
	          std::string(1, '\x0a') + std::string(15, '\0') + "\x01" + le(443, 2));

	sockaddr_un un{};
	un.sun_family = AF_UNIX;
	strcpy(un.sun_path, "/run/x.sock");
	n = fill_encode_sockaddr(reinterpret_cast<uint8_t *>(&un),
	                         offsetof(sockaddr_un, sun_path) + 12, out);
	EXPECT_EQ(std::string(reinterpret_cast<char *>(out), n),
	          std::string("\x01/run/x.sock\0", 13));
	memcpy(un.sun_path, "\0abstract\0more", 14);
	n = fill_encode_sockaddr(reinterpret_cast<uint8_t *>(&un),
	                         offsetof(sockaddr_un, sun_path) + 14, out);
	EXPECT_EQ(std::string(reinterpret_cast<char *>(out), n),
	          std::string("\x01@abstract\0", 11));
	// The whole sockaddr_un: a path of 108 bytes without a NUL still ends with one.
	memset(un.sun_path, 'p', sizeof(un.sun_path));
	n = fill_encode_sockaddr(reinterpret_cast<uint8_t *>(&un), sizeof(un), out);
	EXPECT_EQ(n, 1u + 108u + 1u);
	EXPECT_EQ(out[n - 1], 0);

	uint8_t other[2] = {AF_NETLINK, 0};
	EXPECT_EQ(fill_encode_sockaddr(other, 2, out), 0u);

	n = fill_encode_unix_tuple(out, 0x1122, 0, reinterpret_cast<const uint8_t *>("/s"), 3);
	EXPECT_EQ(std::string(reinterpret_cast<char *>(out), n),
	          "\x01" + le(0x1122, 8) + le(0, 8) + std::string("/s\0", 3));
}

TEST(FillEngine, WritevGathersTheIovecsUpToTheSnapLength)
{
	FakeDriver d;
	d.map(BUF, "hello ");
	d.map(BUF + 0x1000, "world, and more");
	std::string iov = le(BUF, 8) + le(6, 8) + le(BUF + 0x1000, 8) + le(15, 8);
	d.map(IOV, iov);
	fill_call c = call_of(SYS_writev, {1, IOV, 2}, 21, 80);

	ASSERT_EQ(fill(d, SCAP_EV_SYSCALL_WRITEV_X, c), 4);
	EXPECT_EQ(d.params[1], "hello world, and more");
	EXPECT_EQ(d.params[2], le(1, 8));
	EXPECT_EQ(d.params[3], le(21, 4));

	c.snaplen = 8;
	ASSERT_EQ(fill(d, SCAP_EV_SYSCALL_WRITEV_X, c), 4);
	EXPECT_EQ(d.params[1], "hello wo");
	EXPECT_EQ(d.params[3], le(21, 4));

	// More entries than are mapped: the walk stops at the first unreadable one.
	c.args[2] = 500;
	c.snaplen = 80;
	ASSERT_EQ(fill(d, SCAP_EV_SYSCALL_WRITEV_X, c), 4);
	EXPECT_EQ(d.params[1], "hello world, and more");
	EXPECT_EQ(d.params[3], le(21, 4));
}

TEST(FillEngine, ReadvCutsToTheReturnValueAndAFailedOneHasNoData)
{
	FakeDriver d;
	d.map(BUF, "abcdefghij");
	d.map(IOV, le(BUF, 8) + le(10, 8));
	fill_call c = call_of(SYS_readv, {0, IOV, 1}, 4);
	ASSERT_GT(fill(d, SCAP_EV_SYSCALL_READV_X, c), 0);
	const scap_fill *fills = scap_fill_table[SCAP_EV_SYSCALL_READV_X].fills;
	for (uint32_t i = 0; i < scap_fill_table[SCAP_EV_SYSCALL_READV_X].nparams; i++)
		if (fills[i].kind == SCAP_FILL_IOVEC && fills[i].detail == SCAP_PART_DATA) {
			EXPECT_EQ(d.params[i], "abcd");
		}
	c.ret = -9;
	ASSERT_GT(fill(d, SCAP_EV_SYSCALL_READV_X, c), 0);
	for (uint32_t i = 0; i < scap_fill_table[SCAP_EV_SYSCALL_READV_X].nparams; i++)
		if (fills[i].kind == SCAP_FILL_IOVEC && fills[i].detail == SCAP_PART_DATA) {
			EXPECT_EQ(d.params[i], "");
		}
}

TEST(FillEngine, SendmsgWalksTheMsghdr)
{
	FakeDriver d;
	d.map(BUF, "payload");
	d.map(IOV, le(BUF, 8) + le(7, 8));
	// name, namelen, iov, iovlen, control, controllen, flags
	d.map(ADDR, le(0, 8) + le(0, 8) + le(IOV, 8) + le(1, 8) + le(0, 8) + le(0, 8) + le(0, 8));
	fill_call c = call_of(SYS_sendmsg, {6, ADDR, 0}, 7);
	ASSERT_EQ(fill(d, SCAP_EV_SOCKET_SENDMSG_X, c), 5);
	EXPECT_EQ(d.params[1], "payload");
	EXPECT_EQ(d.params[3], le(7, 4));
}

TEST(FillEngine, SnapLengthCutsReadData)
{
	FakeDriver d;
	d.map(BUF, std::string(200, 'x'));
	fill_call c = call_of(SYS_read, {3, BUF, 200}, 150, 16);
	ASSERT_EQ(fill(d, SCAP_EV_SYSCALL_READ_X, c), 4);
	EXPECT_EQ(d.params[1], std::string(16, 'x'));
	c.snaplen = 1000;
	ASSERT_EQ(fill(d, SCAP_EV_SYSCALL_READ_X, c), 4);
	EXPECT_EQ(d.params[1], std::string(150, 'x'));
	c.ret = -4;
	ASSERT_EQ(fill(d, SCAP_EV_SYSCALL_READ_X, c), 4);
	EXPECT_EQ(d.params[1], "");
}

TEST(FillEngine, PipeTakesBothFdsOfThePair)
{
	FakeDriver d;
	d.map(PAIR, le(3, 4) + le(uint32_t(-1), 4));
	d.file_facts[{3, SCAP_FILE_INO}] = 99;
	fill_call c = call_of(SYS_pipe, {PAIR}, 0);
	ASSERT_EQ(fill(d, SCAP_EV_SYSCALL_PIPE_X, c), 4);
	EXPECT_EQ(d.params[0], le(0, 8));
	EXPECT_EQ(d.params[1], le(3, 8));
	EXPECT_EQ(d.params[2], le(uint64_t(-1), 8));
	EXPECT_EQ(d.params[3], le(99, 8));
}

TEST(FillEngine, IntArgumentsAreSignExtendedFromTheirLow32Bits)
{
	FakeDriver d;
	d.map(PATH, std::string("x\0", 2));
	fill_call c = call_of(SYS_openat, {0xffffffffffffff9cull & 0xffffffffull, PATH, 0, 0});
	ASSERT_GT(fill(d, SCAP_EV_SYSCALL_OPENAT_2_E, c), 0);
	EXPECT_EQ(d.params[0], le(uint64_t(-100), 8)); // AT_FDCWD
}

TEST(FillEngine, CloneFlagsAreConvertedAndMarkedInTheChildAndInANewPidNamespace)
{
	FakeDriver d;
	const uint16_t type = SCAP_EV_SYSCALL_CLONE_20_X;
	unsigned flags_param = 0;
	for (; flags_param < scap_event_table[type].nparams; flags_param++)
		if (strcmp(scap_event_table[type].params[flags_param].name, "flags") == 0)
			break;
	ASSERT_LT(flags_param, scap_event_table[type].nparams);
	d.proc_numbers[SCAP_PROC_PID] = 100;
	d.proc_numbers[SCAP_PROC_VPID] = 100;
	d.proc_bytes[SCAP_PROC_COMM] = std::string("sh\0", 3);

	fill_call c =
	    call_of(SYS_clone,
	            {CLONE_VM | CLONE_FS | CLONE_FILES | CLONE_SIGHAND | CLONE_THREAD |
	             CLONE_SETTLS | CLONE_PARENT_SETTID | CLONE_CHILD_CLEARTID | CLONE_PIDFD},
	            101);
	ASSERT_GT(fill(d, type, c), 0);
	uint64_t expected = 0;
	for (const char *name :
	     {"CLONE_VM", "CLONE_FS", "CLONE_FILES", "CLONE_SIGHAND", "CLONE_THREAD",
	      "CLONE_SETTLS", "CLONE_PARENT_SETTID", "CLONE_CHILD_CLEARTID"})
		expected |= ppm(type, flags_param, name);
	EXPECT_EQ(d.params[flags_param], le(expected, 4));

	// Every Linux bit the format names converts to the bit of the same name.
	static const std::pair<uint64_t, const char *> bits[] = {
	    {CLONE_FILES, "CLONE_FILES"},
	    {CLONE_FS, "CLONE_FS"},
	    {CLONE_IO, "CLONE_IO"},
	    {CLONE_NEWIPC, "CLONE_NEWIPC"},
	    {CLONE_NEWNET, "CLONE_NEWNET"},
	    {CLONE_NEWNS, "CLONE_NEWNS"},
	    {CLONE_NEWPID, "CLONE_NEWPID"},
	    {CLONE_NEWUTS, "CLONE_NEWUTS"},
	    {CLONE_PARENT, "CLONE_PARENT"},
	    {CLONE_PARENT_SETTID, "CLONE_PARENT_SETTID"},
	    {CLONE_PTRACE, "CLONE_PTRACE"},
	    {CLONE_SIGHAND, "CLONE_SIGHAND"},
	    {CLONE_SYSVSEM, "CLONE_SYSVSEM"},
	    {CLONE_THREAD, "CLONE_THREAD"},
	    {CLONE_UNTRACED, "CLONE_UNTRACED"},
	    {CLONE_VM, "CLONE_VM"},
	    {CLONE_NEWUSER, "CLONE_NEWUSER"},
	    {CLONE_CHILD_CLEARTID, "CLONE_CHILD_CLEARTID"},
	    {CLONE_CHILD_SETTID, "CLONE_CHILD_SETTID"},
	    {CLONE_SETTLS, "CLONE_SETTLS"},
	    {CLONE_VFORK, "CLONE_VFORK"},
	    {CLONE_NEWCGROUP, "CLONE_NEWCGROUP"},
	};
	for (const auto &bit : bits)
		EXPECT_EQ(scap_convert(SCAP_CONV_CLONE_FLAGS, bit.first),
		          ppm(type, flags_param, bit.second))
		    << bit.second;

	// In the child, in a pid namespace of its own.
	c.child = true;
	c.ret = 0;
	d.proc_numbers[SCAP_PROC_VPID] = 1;
	ASSERT_GT(fill(d, type, c), 0);
	EXPECT_EQ(d.params[flags_param], le(expected | ppm(type, flags_param, "CLONE_INVERTED") |
	                                        ppm(type, flags_param, "CLONE_CHILD_IN_PIDNS"),
	                                    4));
	EXPECT_EQ(SCAP_CLONE_FLAGS_CLONE_INVERTED, ppm(type, flags_param, "CLONE_INVERTED"));

	// vfork: CLONE_VM | CLONE_VFORK; clone3: the flags word of struct clone_args.
	d.proc_numbers[SCAP_PROC_VPID] = 100;
	c = call_of(SYS_vfork, {}, 102);
	ASSERT_GT(fill(d, SCAP_EV_SYSCALL_VFORK_20_X, c), 0);
	unsigned vfork_flags = 0;
	for (; vfork_flags < scap_event_table[SCAP_EV_SYSCALL_VFORK_20_X].nparams; vfork_flags++)
		if (strcmp(scap_event_table[SCAP_EV_SYSCALL_VFORK_20_X].params[vfork_flags].name,
		           "flags") == 0)
			break;
	EXPECT_EQ(
	    d.params[vfork_flags],
	    le(ppm(type, flags_param, "CLONE_VM") | ppm(type, flags_param, "CLONE_VFORK"), 4));
	d.map(ADDR, le(CLONE_NEWPID, 8) + std::string(56, '\0'));
	c = call_of(SYS_clone3, {ADDR, 88}, 103);
	ASSERT_GT(fill(d, SCAP_EV_SYSCALL_CLONE3_X, c), 0);
	unsigned clone3_flags = 0;
	for (; clone3_flags < scap_event_table[SCAP_EV_SYSCALL_CLONE3_X].nparams; clone3_flags++)
		if (strcmp(scap_event_table[SCAP_EV_SYSCALL_CLONE3_X].params[clone3_flags].name,
		           "flags") == 0)
			break;
	EXPECT_EQ(d.params[clone3_flags], le(ppm(type, flags_param, "CLONE_NEWPID"), 4));
}

TEST(FillEngine, ProcFactsComeFromTheSource)
{
	FakeDriver d;
	d.proc_bytes[SCAP_PROC_EXE] = std::string("/bin/sh\0", 8);
	d.proc_bytes[SCAP_PROC_ARGS] = std::string("-c\0true\0", 8);
	d.proc_numbers[SCAP_PROC_TID] = 77;
	d.proc_numbers[SCAP_PROC_FDLIMIT] = 1024;
	fill_call c = call_of(SYS_clone, {0}, 0);
	ASSERT_GT(fill(d, SCAP_EV_SYSCALL_CLONE_20_X, c), 0);
	EXPECT_EQ(d.params[1], std::string("/bin/sh\0", 8));
	EXPECT_EQ(d.params[2], std::string("-c\0true\0", 8));
	EXPECT_EQ(d.params[3], le(77, 8));
	EXPECT_EQ(d.params[7], le(1024, 8));
	EXPECT_EQ(d.params[6], ""); // cwd: the source does not know it
}

TEST(FillEngine, GenericEventsCarryTheCodeAndTheNumber)
{
	FakeDriver d;
	fill_call c = call_of(SYS_getpid, {});
	ASSERT_EQ(fill(d, SCAP_EV_GENERIC_E, c), 2);
	EXPECT_EQ(d.params[0], le(16, 2)); // the PPM_SC code of getpid
	EXPECT_EQ(d.params[1], le(SYS_getpid, 2));
}

TEST(FillEngine, DynParametersCarryTheVariantAndTheValue)
{
	FakeDriver d;
	fill_call c = call_of(SYS_ptrace, {16 /* PTRACE_ATTACH */, 1234, 0x1000, 0x2000}, 0);
	ASSERT_EQ(fill(d, SCAP_EV_SYSCALL_PTRACE_X, c), 5);
	EXPECT_EQ(d.params[1], std::string(1, '\0') + le(0x1000, 8));
	EXPECT_EQ(d.params[2], std::string(1, '\0') + le(0x2000, 8));
}

TEST(FillEngine, ARefusingSinkEndsTheFill)
{
	FakeDriver d;
	d.map(PATH, std::string("/etc/passwd\0", 12));
	d.refuse_above = 100; // the path asks for FILL_STR_MAX
	fill_call c = call_of(SYS_open, {PATH, 0, 0}, 3);
	EXPECT_EQ(fill(d, SCAP_EV_SYSCALL_OPEN_X, c), -1);
	EXPECT_EQ(d.params.size(), 1u);
}

TEST(FillEngine, ProcexitSplitsTheWaitStatus)
{
	const scap_event_info &info = scap_event_table[SCAP_EV_PROCEXIT_1_E];
	ASSERT_EQ(info.nparams, FILL_PROCEXIT_NPARAMS);
	for (uint32_t i = 0; i < FILL_PROCEXIT_NPARAMS; i++)
		EXPECT_EQ(fill_procexit_types[i], info.params[i].type) << info.params[i].name;

	FakeDriver d;
	ASSERT_EQ(fill_procexit(3 << 8, 0, FILL_PROCEXIT_NPARAMS, &OPS, &d), 5);
	EXPECT_EQ(d.params[0], le(0x300, 8));
	EXPECT_EQ(d.params[1], le(3, 8));
	EXPECT_EQ(d.params[2], le(0, 1));
	EXPECT_EQ(d.params[3], le(0, 1));
	EXPECT_EQ(d.params[4], le(0, 8));

	d.params.clear();
	int status = 0x80 | SIGSEGV;
	ASSERT_TRUE(WIFSIGNALED(status) && WCOREDUMP(status));
	ASSERT_EQ(fill_procexit(status, 1, FILL_PROCEXIT_NPARAMS, &OPS, &d), 5);
	EXPECT_EQ(d.params[1], le(0, 8));
	EXPECT_EQ(d.params[2], le(SIGSEGV, 1));
	EXPECT_EQ(d.params[3], le(1, 1));
	EXPECT_EQ(d.params[4], le(1, 8));
}

} // namespace
