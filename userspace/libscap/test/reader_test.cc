// The reader, block type by block type, on captures built byte by byte.
#include <gtest/gtest.h>

#include <cstring>
#include <fstream>
#include <iterator>

#include "capture_builder.hh"
#include "driver_api/event_codes.h"
#include "scap_test_util.hh"

using scaptest::Bytes;
using scaptest::Capture;
using scaptest::param_cstr;
using scaptest::param_u64;

namespace
{

// A minimal valid capture body after the metadata: one open exit event.
Capture &one_event(Capture &c)
{
	return c.event_v2(1000, 42, SCAP_EV_SYSCALL_CLOSE_X, {param_u64(0)});
}

const struct scap_metadata *metadata_of(const Capture &c, const std::string &name,
                                        scaptest::ScapHandle *keep)
{
	std::string error;
	*keep = scaptest::open_capture(c.write(name), &error);
	EXPECT_TRUE(*keep) << error;
	return *keep ? scap_get_metadata(keep->get()) : nullptr;
}

} // namespace

TEST(Reader, SectionHeaderAndMachineInfo)
{
	Capture c;
	c.section().machine("ubuntu", 8);
	one_event(c);
	scaptest::ScapHandle h;
	auto *meta = metadata_of(c, "mi.scap", &h);
	ASSERT_TRUE(meta);
	EXPECT_STREQ(meta->machine.hostname, "ubuntu");
	EXPECT_EQ(meta->machine.num_cpus, 8u);
	EXPECT_EQ(meta->machine.memory_size_bytes, 8ull << 30);
	EXPECT_EQ(meta->machine.max_pid, 32768u);
	EXPECT_EQ(meta->machine.boot_ts_epoch, 1700000000000000000ull);
}

TEST(Reader, LegacyMachineInfoCode)
{
	Capture c;
	c.section();
	Bytes mi;
	mi.u32(2).u64(1).u64(2).raw("old").raw(std::string(125, '\0')).u64(0).u64(0).u64(0).u64(0);
	c.block(0x8002ABCD, mi.str());
	one_event(c);
	scaptest::ScapHandle h;
	auto *meta = metadata_of(c, "mi-legacy.scap", &h);
	ASSERT_TRUE(meta);
	EXPECT_STREQ(meta->machine.hostname, "old");
}

// One process-list entry with the fields of layout `version` (1..9).
std::string proc_entry(int version, const std::string &tail = "")
{
	Bytes e;
	e.u64(100).u64(100).u64(1);
	if (version >= 6)
		e.i64(7);
	if (version >= 8)
		e.i64(8);
	e.str("cat").str("/bin/cat");
	if (version >= 7)
		e.str("/usr/bin/cat");
	e.str(std::string("a\0b\0", 4)).str("/home");
	e.u64(1024).u32(0x20).u32(1000).u32(1001);
	if (version >= 2)
		e.u32(11).u32(12).u32(13).u64(14).u64(15);
	if (version >= 3)
		e.str(std::string("HOME=/root\0", 11));
	if (version >= 4)
		e.i64(100).i64(100).str(std::string("cpu=/\0", 6));
	if (version >= 5)
		e.str("/");
	e.raw(tail);
	if (version >= 9)
		return Bytes().u32(static_cast<uint32_t>(e.size() + 4)).raw(e.str()).str();
	return e.str();
}

TEST(Reader, ProcessListEveryVersion)
{
	const std::pair<uint32_t, int> versions[] = {
	    {0x202, 1}, {0x8000ABCD, 1}, {0x207, 2}, {0x8013ABCD, 2}, {0x209, 3}, {0x8014ABCD, 3},
	    {0x210, 4}, {0x211, 5},      {0x212, 6}, {0x213, 7},      {0x214, 8}, {0x215, 9},
	};
	for (auto [type, version] : versions) {
		SCOPED_TRACE("block type " + std::to_string(type));
		Capture c;
		c.section().machine().block(type, proc_entry(version) + proc_entry(version));
		one_event(c);
		scaptest::ScapHandle h;
		auto *meta = metadata_of(c, "pl.scap", &h);
		ASSERT_TRUE(meta);
		ASSERT_EQ(meta->nthreads, 2u);
		const auto &t = meta->threads[0];
		EXPECT_EQ(t.tid, 100u);
		EXPECT_EQ(t.ptid, 1u);
		EXPECT_STREQ(t.comm, "cat");
		EXPECT_STREQ(t.exe, "/bin/cat");
		EXPECT_STREQ(t.exepath, version >= 7 ? "/usr/bin/cat" : "/bin/cat");
		EXPECT_EQ(t.args_len, 4u);
		EXPECT_EQ(std::memcmp(t.args, "a\0b\0", 4), 0);
		EXPECT_STREQ(t.cwd, "/home");
		EXPECT_EQ(t.fdlimit, 1024u);
		EXPECT_EQ(t.uid, 1000u);
		EXPECT_EQ(t.gid, 1001u);
		EXPECT_EQ(t.sid, version >= 6 ? 7 : -1);
		EXPECT_EQ(t.vpgid, version >= 8 ? 8 : -1);
		EXPECT_EQ(t.vmrss_kb, version >= 2 ? 12u : 0u);
		EXPECT_EQ(t.env_len, version >= 3 ? 11u : 0u);
		EXPECT_EQ(t.vtid, version >= 4 ? 100 : -1);
		EXPECT_EQ(t.loginuid, UINT32_MAX);
	}
}

TEST(Reader, ProcessListV9TailOldAndNewLayouts)
{
	std::string old_tail = Bytes().u32(1000).u8(1).str();
	Bytes new_tail;
	new_tail.u64(555)
	    .u32(34816)
	    .u32(1001)
	    .u8(1)
	    .u64(1)
	    .u64(2)
	    .u64(3)
	    .u8(1)
	    .u64(99)
	    .u64(5)
	    .u64(6)
	    .u8(0)
	    .u8(1)
	    .i64(77);
	Capture c;
	c.section().machine().block(0x215, proc_entry(9, old_tail) + proc_entry(9, new_tail.str()));
	one_event(c);
	scaptest::ScapHandle h;
	auto *meta = metadata_of(c, "pl9.scap", &h);
	ASSERT_TRUE(meta);
	ASSERT_EQ(meta->nthreads, 2u);
	EXPECT_EQ(meta->threads[0].loginuid, 1000u);
	EXPECT_EQ(meta->threads[0].exe_writable, 1u);
	EXPECT_EQ(meta->threads[0].pgid, -1);
	EXPECT_EQ(meta->threads[1].pidns_init_start_ts, 555u);
	EXPECT_EQ(meta->threads[1].tty, 34816u);
	EXPECT_EQ(meta->threads[1].loginuid, 1001u);
	EXPECT_EQ(meta->threads[1].cap_effective, 3u);
	EXPECT_EQ(meta->threads[1].exe_ino, 99u);
	EXPECT_EQ(meta->threads[1].exe_lower_layer, 1u);
	EXPECT_EQ(meta->threads[1].pgid, 77);
}

// An fd entry: fd, ino, type and payload, with the V2 length prefix when asked.
std::string fd_entry(bool v2, int64_t fd, uint8_t type, const std::string &payload)
{
	std::string e = Bytes().i64(fd).u64(fd * 10).u8(type).raw(payload).str();
	return v2 ? Bytes().u32(static_cast<uint32_t>(e.size() + 4)).raw(e).str() : e;
}

TEST(Reader, FdListsEveryType)
{
	for (bool v2 : {false, true}) {
		SCOPED_TRACE(v2 ? "FDL V2" : "FDL V1");
		Bytes body;
		body.u64(100);
		body.raw(fd_entry(v2, 0, 1, Bytes().str("/dev/null").str()));
		body.raw(fd_entry(v2, 1, 2, Bytes().str("/tmp").str()));
		body.raw(fd_entry(
		    v2, 2, 3,
		    Bytes().raw("\x7f\0\0\x01").raw("\x0a\0\0\x02").u16(5000).u16(80).u8(2).str()));
		body.raw(fd_entry(v2, 3, 4,
		                  Bytes()
		                      .raw(std::string(16, 'a'))
		                      .raw(std::string(16, 'b'))
		                      .u16(1)
		                      .u16(2)
		                      .u8(3)
		                      .str()));
		body.raw(fd_entry(v2, 4, 5, Bytes().raw("\0\0\0\0").u16(22).u8(2).str()));
		body.raw(
		    fd_entry(v2, 5, 6, Bytes().raw(std::string(16, '\0')).u16(443).u8(2).str()));
		body.raw(fd_entry(v2, 6, 7, Bytes().str("pipe:[1]").str()));
		body.raw(
		    fd_entry(v2, 7, 8, Bytes().u64(0xdead).u64(0xbeef).str("/run/sock").str()));
		for (uint8_t type = 9; type <= 15; type++)
			body.raw(fd_entry(v2, type, type, Bytes().str("anon").str()));
		std::string file_v2 = Bytes().u32(3).str("/etc/passwd").str();
		body.raw(fd_entry(v2, 16, 16, v2 ? file_v2 + Bytes().u32(0x801).str() : file_v2));
		if (v2)
			body.raw(fd_entry(true, 17, 21, Bytes().str("pidfd").str()));
		Capture c;
		c.section()
		    .machine()
		    .block(0x215, proc_entry(9))
		    .block(v2 ? 0x218 : 0x203, body.str());
		one_event(c);
		scaptest::ScapHandle h;
		auto *meta = metadata_of(c, "fd.scap", &h);
		ASSERT_TRUE(meta);
		ASSERT_EQ(meta->nfdlists, 1u);
		const auto *list = meta->threads[0].fdlist;
		ASSERT_TRUE(list);
		ASSERT_EQ(list->count, v2 ? 17u : 16u);
		EXPECT_STREQ(list->fds[0].name, "/dev/null");
		EXPECT_EQ(list->fds[2].type, SCAP_FD_IPV4_SOCK);
		EXPECT_EQ(list->fds[2].info.ipv4.sport, 5000);
		EXPECT_EQ(list->fds[2].info.ipv4.dip[3], 2);
		EXPECT_EQ(list->fds[3].info.ipv6.l4proto, 3);
		EXPECT_EQ(list->fds[4].info.ipv4_server.port, 22);
		EXPECT_EQ(list->fds[5].info.ipv6_server.port, 443);
		EXPECT_EQ(list->fds[7].info.unix_sock.dest, 0xbeefu);
		EXPECT_STREQ(list->fds[7].name, "/run/sock");
		EXPECT_EQ(list->fds[14].type, SCAP_FD_NETLINK);
		EXPECT_EQ(list->fds[15].open_flags, 3u);
		EXPECT_STREQ(list->fds[15].name, "/etc/passwd");
		EXPECT_EQ(list->fds[15].dev, v2 ? 0x801u : 0u);
		if (v2) {
			EXPECT_EQ(list->fds[16].type, SCAP_FD_PIDFD);
			EXPECT_STREQ(list->fds[16].name, "pidfd");
		}
	}
}

TEST(Reader, InterfaceListsEveryType)
{
	for (bool v2 : {false, true}) {
		SCOPED_TRACE(v2 ? "IL V2" : "IL V1");
		auto entry = [v2](uint16_t type, const std::string &rest, const std::string &name) {
			std::string e = Bytes()
			                    .u16(type)
			                    .u16(static_cast<uint16_t>(name.size()))
			                    .raw(rest)
			                    .raw(name)
			                    .str();
			return v2 ? Bytes().u32(static_cast<uint32_t>(e.size())).raw(e).str() : e;
		};
		std::string v4 = "\x7f\0\0\x01\xff\0\0\0\x7f\0\0\x01";
		v4 = std::string(v4.data(), 12);
		std::string v6(48, '\x01');
		Bytes body;
		body.raw(entry(1, v4 + Bytes().u64(1000).str(), "lo"));
		body.raw(entry(2, v6 + Bytes().u64(10).str(), "eth0"));
		body.raw(entry(3, v4, "old4"));
		body.raw(entry(4, v6, "old6"));
		Capture c;
		c.section().machine().block(v2 ? 0x219 : 0x205, body.str());
		one_event(c);
		scaptest::ScapHandle h;
		auto *meta = metadata_of(c, "il.scap", &h);
		ASSERT_TRUE(meta);
		ASSERT_EQ(meta->nifaces, 4u);
		EXPECT_STREQ(meta->ifaces[0].name, "lo");
		EXPECT_EQ(meta->ifaces[0].addr[0], 0x7f);
		EXPECT_EQ(meta->ifaces[0].linkspeed, 1000u);
		EXPECT_STREQ(meta->ifaces[1].name, "eth0");
		EXPECT_EQ(meta->ifaces[1].linkspeed, 10u);
		EXPECT_STREQ(meta->ifaces[2].name, "old4");
		EXPECT_EQ(meta->ifaces[3].type, 4);
		EXPECT_STREQ(meta->ifaces[3].name, "old6");
	}
}

TEST(Reader, UserListsUsersAndGroups)
{
	for (bool v2 : {false, true}) {
		auto entry = [v2](const std::string &e) {
			return v2 ? Bytes().u32(static_cast<uint32_t>(e.size() + 4)).raw(e).str()
			          : e;
		};
		Bytes body;
		body.raw(entry(
		    Bytes().u8(0).u32(0).u32(0).str("root").str("/root").str("/bin/bash").str()));
		body.raw(entry(Bytes().u8(1).u32(100).str("users").str()));
		Capture c;
		c.section().machine().block(v2 ? 0x220 : 0x206, body.str());
		one_event(c);
		scaptest::ScapHandle h;
		auto *meta = metadata_of(c, "ul.scap", &h);
		ASSERT_TRUE(meta);
		ASSERT_EQ(meta->nusers, 1u);
		ASSERT_EQ(meta->ngroups, 1u);
		EXPECT_STREQ(meta->users[0].shell, "/bin/bash");
		EXPECT_EQ(meta->groups[0].gid, 100u);
		EXPECT_STREQ(meta->groups[0].name, "users");
	}
}

TEST(Reader, EventBlocksOfEveryKind)
{
	Capture c;
	c.section().machine();
	c.event_v1(1, 10, SCAP_EV_SYSCALL_CLOSE_X, {param_u64(0)}, 3);
	c.event_v1(2, 10, SCAP_EV_SYSCALL_CLOSE_X, {param_u64(0)}, 3, 1);
	c.event_v1(3, 10, SCAP_EV_SYSCALL_CLOSE_X, {param_u64(0)}, 0, 0, 0x8010ABCD);
	c.event_v2(
	    4, 11, SCAP_EV_SYSCALL_OPEN_X,
	    {param_u64(3), param_cstr("/etc/passwd"), Bytes().u32(1).str(), Bytes().u32(0).str()},
	    1);
	c.event_v2(5, 11, SCAP_EV_SYSCALL_CLOSE_X, {param_u64(0)}, 1, 2);
	c.event_v2(6, 12, 322, {std::string(70000, 'p'), param_cstr("x")});
	c.event_v2(7, 12, 322, {param_cstr("y")}, 0, 1);
	int status;
	auto h = scaptest::open_capture(c.write("events.scap"));
	ASSERT_TRUE(h);
	auto events = scaptest::read_all(h.get(), &status);
	EXPECT_EQ(status, SCAP_EOF);
	ASSERT_EQ(events.size(), 7u);
	EXPECT_EQ(events[0].cpu, 3);
	EXPECT_EQ(events[0].params.size(), 1u);
	EXPECT_EQ(events[0].record.size(), 26u + 2 + 8);
	EXPECT_EQ(events[1].flags, 1u);
	EXPECT_EQ(events[2].ts, 3u);
	EXPECT_EQ(events[3].params[1], param_cstr("/etc/passwd"));
	EXPECT_EQ(events[4].flags, 2u);
	EXPECT_EQ(events[5].params[0].size(), 70000u);
	EXPECT_EQ(events[5].params[1], param_cstr("x"));
	EXPECT_EQ(events[6].flags, 1u);
	EXPECT_EQ(scap_event_length_width(322), 4u);
	EXPECT_EQ(scap_event_length_width(SCAP_EV_SYSCALL_OPEN_X), 2u);
}

TEST(Reader, EventV1WithFewerParametersThanTheTable)
{
	// Old producers recorded open's exit with 4 of today's 6 parameters.
	Capture c;
	c.section().machine();
	c.event_v1(1, 10, SCAP_EV_SYSCALL_OPEN_X,
	           {param_u64(3), param_cstr("/etc/ld.so.cache"), Bytes().u32(0x1001).str(),
	            Bytes().u32(0).str()});
	int status;
	auto h = scaptest::open_capture(c.write("v1-fewer.scap"));
	ASSERT_TRUE(h);
	auto events = scaptest::read_all(h.get(), &status);
	ASSERT_EQ(events.size(), 1u);
	EXPECT_EQ(events[0].params.size(), 4u);
	EXPECT_EQ(events[0].params[1], param_cstr("/etc/ld.so.cache"));
}

TEST(Reader, UnknownEventCodesAreSkippedAndCounted)
{
	Capture c;
	c.section().machine();
	c.event_v2(1, 1, SCAP_EV_SYSCALL_CLOSE_X, {param_u64(0)});
	c.event_v2(2, 1, 60000, {param_u64(0)});
	c.event_v2(3, 1, SCAP_EV_SYSCALL_CLOSE_X, {param_u64(0)});
	int status;
	auto h = scaptest::open_capture(c.write("unknown-code.scap"));
	ASSERT_TRUE(h);
	auto events = scaptest::read_all(h.get(), &status);
	EXPECT_EQ(events.size(), 2u);
	struct scap_stats stats;
	scap_get_stats(h.get(), &stats);
	EXPECT_EQ(stats.n_evts, 2u);
	EXPECT_EQ(stats.n_skipped, 1u);
}

TEST(Reader, UnknownBlocksBeforeEventsAreSkipped)
{
	Capture c;
	c.section().machine().block(0x999, "opaque!!");
	one_event(c);
	int status;
	auto h = scaptest::open_capture(c.write("unknown-block.scap"));
	ASSERT_TRUE(h);
	EXPECT_EQ(scaptest::read_all(h.get(), &status).size(), 1u);
	EXPECT_EQ(status, SCAP_EOF);
}

TEST(Reader, SeveralSectionsAndGzipMembers)
{
	Capture first, second;
	first.section().machine("first");
	first.event_v2(1, 1, SCAP_EV_SYSCALL_CLOSE_X, {param_u64(0)});
	second.section().machine("second");
	second.event_v2(2, 2, SCAP_EV_SYSCALL_CLOSE_X, {param_u64(0)});
	second.event_v2(3, 2, SCAP_EV_SYSCALL_CLOSE_X, {param_u64(0)});
	for (bool gzip : {false, true}) {
		SCOPED_TRACE(gzip ? "gzip" : "plain");
		std::string a = first.write("first.part", gzip),
		            b = second.write("second.part", gzip);
		std::ifstream fa(a, std::ios::binary), fb(b, std::ios::binary);
		std::string joined((std::istreambuf_iterator<char>(fa)), {});
		joined.append((std::istreambuf_iterator<char>(fb)), {});
		Capture both;
		both.raw(joined);
		auto h = scaptest::open_capture(both.write("both.scap"));
		ASSERT_TRUE(h);
		EXPECT_STREQ(scap_get_metadata(h.get())->machine.hostname, "first");
		int status;
		auto events = scaptest::read_all(h.get(), &status);
		EXPECT_EQ(status, SCAP_EOF);
		EXPECT_EQ(events.size(), 3u);
		EXPECT_STREQ(scap_get_metadata(h.get())->machine.hostname, "second");
		struct scap_stats stats;
		scap_get_stats(h.get(), &stats);
		EXPECT_EQ(stats.n_sections, 2u);
	}
}
