// The writer: what it writes reads back the same, and a failed write leaves nothing behind.
#include <gtest/gtest.h>

#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <iterator>
#include <string>
#include <sys/stat.h>

#include "capture_builder.hh"
#include "driver_api/event_table.h"
#include "driver_api/param_width.h"
#include "scap/scap_dumper.h"
#include "scap_test_util.hh"

using scaptest::Bytes;
using scaptest::Capture;

namespace
{

std::string temp_path(const std::string &name)
{
	const char *dir = std::getenv("TEST_TMPDIR");
	return std::string(dir ? dir : "/tmp") + "/" + name;
}

bool exists(const std::string &path)
{
	struct stat st;
	return stat(path.c_str(), &st) == 0;
}

// A value of the size a parameter type has (variable types get a few bytes).
std::string sample_value(uint8_t type, uint32_t seed)
{
	std::string bytes(16, '\0');
	for (size_t i = 0; i < bytes.size(); i++)
		bytes[i] = static_cast<char>(seed * 31 + i);
	if (unsigned width = scap_param_number_width(type))
		return bytes.substr(0, width);
	switch (type) {
	case SCAP_PT_IPV6ADDR:
		return bytes;
	case SCAP_PT_CHARBUF:
	case SCAP_PT_FSPATH:
	case SCAP_PT_FSRELPATH:
		return "/some/path" + std::string(1, '\0');
	case SCAP_PT_SOCKADDR:
		return Bytes().u8(2).raw("\x7f\0\0\x01").u16(80).str();
	case SCAP_PT_SOCKTUPLE:
		return Bytes()
		    .u8(2)
		    .raw("\x7f\0\0\x01")
		    .u16(5000)
		    .raw("\x7f\0\0\x01")
		    .u16(80)
		    .str();
	case SCAP_PT_FDLIST:
		return Bytes().u16(1).i64(3).u16(1).str();
	case SCAP_PT_DYN:
		return Bytes().u8(2).u32(7).str();
	default:
		return bytes.substr(0, 8);
	}
}

} // namespace

TEST(Dumper, EveryEventTypeAndParameterTypeRoundTrips)
{
	std::string path = temp_path("all-types.scap");
	char err[SCAP_ERRMSG_SIZE];
	struct scap_metadata meta = {};
	std::snprintf(meta.machine.hostname, sizeof(meta.machine.hostname), "writer");
	std::vector<std::string> records;
	for (bool compress : {false, true}) {
		SCOPED_TRACE(compress ? "gzip" : "plain");
		struct scap_dumper *d = scap_dumper_open(path.c_str(), compress, err);
		ASSERT_TRUE(d) << err;
		ASSERT_EQ(scap_dump_section(d, &meta), SCAP_OK);
		records.clear();
		for (uint16_t type = 0; type < SCAP_EVENT_COUNT; type++) {
			const struct scap_event_info &info = scap_event_table[type];
			std::vector<std::string> params;
			for (uint16_t i = 0; i < info.nparams; i++)
				params.push_back(sample_value(info.params[i].type, type + i));
			bool wide = info.flags & SCAP_EF_LARGE_PAYLOAD;
			records.push_back(
			    Capture::event_v2_record(type, type * 3, type, params, wide));
			auto *evt =
			    reinterpret_cast<const struct scap_evt *>(records.back().data());
			ASSERT_EQ(scap_event_validate(evt, records.back().size()), 0) << type;
			ASSERT_EQ(scap_dump_event(d, evt, type % 4,
			                          type % 7 == 0 ? SCAP_DF_STATE_ONLY : 0),
			          SCAP_OK);
		}
		ASSERT_EQ(scap_dumper_close(d, err), SCAP_OK) << err;

		auto h = scaptest::open_capture(path);
		ASSERT_TRUE(h);
		EXPECT_STREQ(scap_get_metadata(h.get())->machine.hostname, "writer");
		int status;
		auto events = scaptest::read_all(h.get(), &status);
		EXPECT_EQ(status, SCAP_EOF);
		ASSERT_EQ(events.size(), records.size());
		for (size_t i = 0; i < events.size(); i++) {
			EXPECT_EQ(events[i].record, records[i]) << "event type " << i;
			EXPECT_EQ(events[i].cpu, i % 4);
			EXPECT_EQ(events[i].flags, i % 7 == 0 ? 1u : 0u);
		}
	}
}

TEST(Dumper, MetadataRoundTrips)
{
	// Every metadata list written and read back the same.
	Capture c;
	c.section().machine("meta", 2);
	Bytes il;
	std::string v4("\x0a\0\0\x01\xff\xff\xff\0\x0a\0\0\xff", 12);
	std::string e4 = Bytes().u16(1).u16(4).raw(v4).u64(1000).raw("eth0").str();
	il.u32(static_cast<uint32_t>(e4.size())).raw(e4);
	c.block(0x219, il.str());
	std::string user =
	    Bytes().u8(0).u32(1000).u32(1000).str("dev").str("/home/dev").str("/bin/sh").str();
	std::string group = Bytes().u8(1).u32(27).str("sudo").str();
	c.block(0x220, Bytes()
	                   .u32(static_cast<uint32_t>(user.size() + 4))
	                   .raw(user)
	                   .u32(static_cast<uint32_t>(group.size() + 4))
	                   .raw(group)
	                   .str());
	std::string proc = Bytes()
	                       .u64(42)
	                       .u64(42)
	                       .u64(1)
	                       .i64(42)
	                       .i64(42)
	                       .str("bash")
	                       .str("/bin/bash")
	                       .str("/usr/bin/bash")
	                       .str(std::string("-l\0", 3))
	                       .str("/root")
	                       .u64(1024)
	                       .u32(0)
	                       .u32(0)
	                       .u32(0)
	                       .u32(1)
	                       .u32(2)
	                       .u32(3)
	                       .u64(4)
	                       .u64(5)
	                       .str(std::string("A=1\0", 4))
	                       .i64(42)
	                       .i64(42)
	                       .str(std::string("cpu=/\0", 6))
	                       .str("/")
	                       .u32(0)
	                       .u8(1)
	                       .str();
	c.block(0x215, Bytes().u32(static_cast<uint32_t>(proc.size() + 4)).raw(proc).str());
	std::string fd = Bytes().i64(0).u64(5).u8(16).u32(2).str("/dev/tty").u32(34816).str();
	c.block(0x218, Bytes().u64(42).u32(static_cast<uint32_t>(fd.size() + 4)).raw(fd).str());
	c.event_v2(1, 42, SCAP_EV_SYSCALL_CLOSE_X, {scaptest::param_u64(0)});

	auto original = scaptest::open_capture(c.write("meta-in.scap"));
	ASSERT_TRUE(original);
	std::string path = temp_path("meta-out.scap");
	char err[SCAP_ERRMSG_SIZE];
	struct scap_dumper *d = scap_dumper_open(path.c_str(), false, err);
	ASSERT_TRUE(d);
	scap_dump_section(d, scap_get_metadata(original.get()));
	ASSERT_EQ(scap_dumper_close(d, err), SCAP_OK);

	// Re-encode the input's metadata: the bytes after the section header must match what we
	// built.
	std::ifstream in(path, std::ios::binary);
	std::string written((std::istreambuf_iterator<char>(in)), {});
	EXPECT_EQ(written, c.bytes().substr(0, written.size()));
}

TEST(Dumper, FailedWriteLeavesNothingBehind)
{
	std::string path = temp_path("aborted.scap");
	char err[SCAP_ERRMSG_SIZE];
	struct scap_dumper *d = scap_dumper_open(path.c_str(), false, err);
	ASSERT_TRUE(d);
	scap_dumper_abort(d);
	EXPECT_FALSE(exists(path));
	EXPECT_FALSE(scap_dumper_open("/nonexistent-dir/x.scap", false, err));
	EXPECT_NE(std::string(err).find("/nonexistent-dir/x.scap: cannot create"),
	          std::string::npos);
}

TEST(Dumper, ReplacesTheTargetOnlyOnClose)
{
	std::string path = temp_path("replace.scap");
	std::FILE *f = std::fopen(path.c_str(), "w");
	std::fputs("old", f);
	std::fclose(f);
	char err[SCAP_ERRMSG_SIZE];
	struct scap_metadata meta = {};
	struct scap_dumper *d = scap_dumper_open(path.c_str(), true, err);
	scap_dump_section(d, &meta);
	struct stat st;
	stat(path.c_str(), &st);
	EXPECT_EQ(st.st_size, 3); // still the old file while writing
	ASSERT_EQ(scap_dumper_close(d, err), SCAP_OK);
	stat(path.c_str(), &st);
	EXPECT_GT(st.st_size, 3);
}
