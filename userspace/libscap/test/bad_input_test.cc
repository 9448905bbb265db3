// Malformed captures: each gives a one-line error naming the file and the offset, never a crash.
#include <gtest/gtest.h>

#include <cstring>
#include <fstream>

#include "capture_builder.hh"
#include "driver_api/event_codes.h"
#include "scap_test_util.hh"

using scaptest::Bytes;
using scaptest::Capture;
using scaptest::param_u64;

namespace
{

Capture valid(int events = 3)
{
	Capture c;
	c.section().machine();
	for (int i = 0; i < events; i++)
		c.event_v2(i, 1, SCAP_EV_SYSCALL_CLOSE_X, {param_u64(0)});
	return c;
}

// The error from opening and reading `bytes` to the end; empty when it reads cleanly.
std::string read_error(const std::string &bytes, bool gzip = false)
{
	Capture c;
	c.raw(bytes);
	std::string path = c.write("bad.scap", gzip), error;
	auto h = scaptest::open_capture(path, &error);
	if (!h)
		return error;
	int status;
	scaptest::read_all(h.get(), &status, &error);
	return status == SCAP_EOF ? std::string() : error;
}

} // namespace

TEST(BadInput, EmptyFile)
{
	EXPECT_NE(read_error("").find("bad.scap: offset 0: the file is empty"), std::string::npos);
}

TEST(BadInput, NotACapture)
{
	std::string error = read_error("GIF89a this is a picture, not a capture......");
	EXPECT_NE(error.find("not a capture file"), std::string::npos) << error;
}

TEST(BadInput, WrongMagicAndBigEndian)
{
	Capture c;
	c.section(1, 2, 0x12345678).machine();
	EXPECT_NE(read_error(c.bytes()).find("magic is 0x12345678"), std::string::npos);
	Capture be;
	be.section(1, 2, 0x4D3C2B1A).machine();
	EXPECT_NE(read_error(be.bytes()).find("big-endian"), std::string::npos);
}

TEST(BadInput, NewerMajorVersion)
{
	Capture c;
	c.section(2, 0).machine();
	EXPECT_NE(read_error(c.bytes()).find("newer than this reader"), std::string::npos);
}

TEST(BadInput, TruncatedAtEveryByte)
{
	// Cutting a valid file anywhere gives an error (or, exactly between events, a clean end).
	std::string bytes = valid().bytes();
	for (size_t cut = 0; cut < bytes.size(); cut++) {
		std::string error = read_error(bytes.substr(0, cut));
		if (error.empty())
			continue; // a cut between whole event blocks is a shorter, valid file
		EXPECT_NE(error.find("bad.scap: offset "), std::string::npos)
		    << "cut at " << cut << ": " << error;
	}
	EXPECT_NE(read_error(bytes.substr(0, bytes.size() - 2)).find("the file ends after"),
	          std::string::npos);
}

TEST(BadInput, LengthPastTheBlock)
{
	Capture c;
	c.section().machine();
	std::string record =
	    Capture::event_v2_record(1, 1, SCAP_EV_SYSCALL_CLOSE_X, {param_u64(0)});
	uint32_t too_long = 500;
	std::memcpy(&record[16], &too_long, 4);
	c.block(0x216, Bytes().u16(0).raw(record).str());
	std::string error = read_error(c.bytes());
	EXPECT_NE(error.find("do not fit its block"), std::string::npos) << error;
	EXPECT_NE(error.find("offset 220"), std::string::npos) << error; // 28 (SHB) + 192 (MI)
}

TEST(BadInput, ParameterLengthsPastTheEvent)
{
	Capture c;
	c.section().machine();
	std::string record =
	    Capture::event_v2_record(1, 1, SCAP_EV_SYSCALL_CLOSE_X, {param_u64(0)});
	uint16_t too_long = 9;
	std::memcpy(&record[26], &too_long, 2);
	c.block(0x216, Bytes().u16(0).raw(record).str());
	EXPECT_NE(read_error(c.bytes()).find("do not fit"), std::string::npos);
}

TEST(BadInput, BlockLengthOutOfRange)
{
	std::string bytes = valid().bytes();
	uint32_t huge = 0x7fffffff;
	std::memcpy(&bytes[220 + 4], &huge, 4);
	std::string error = read_error(bytes);
	EXPECT_NE(error.find("offset 220: block of type 0x216 has length 2147483647"),
	          std::string::npos)
	    << error;
}

TEST(BadInput, TrailerDoesNotMatch)
{
	std::string bytes = valid().bytes();
	bytes[28 + 192 - 4] = 7; // machine info trailer
	EXPECT_NE(read_error(bytes).find("trailer"), std::string::npos);
}

TEST(BadInput, MetadataBlockAmongEvents)
{
	Capture c = valid(1);
	c.machine();
	c.event_v2(9, 1, SCAP_EV_SYSCALL_CLOSE_X, {param_u64(0)});
	EXPECT_NE(read_error(c.bytes()).find("unexpected block of type 0x201 among the events"),
	          std::string::npos);
}

TEST(BadInput, SectionWithoutEvents)
{
	Capture c;
	c.section().machine();
	EXPECT_NE(read_error(c.bytes()).find("the section has no events"), std::string::npos);
}

TEST(BadInput, ProcessListEntryCutShort)
{
	Capture c;
	c.section().machine().block(0x215, Bytes().u32(200).u64(1).u64(1).u64(0).str());
	c.event_v2(1, 1, SCAP_EV_SYSCALL_CLOSE_X, {param_u64(0)});
	std::string error = read_error(c.bytes());
	EXPECT_NE(error.find("offset 220: process list entry 0"), std::string::npos) << error;
}

TEST(BadInput, FdListUnknownTypeInV1)
{
	Capture c;
	c.section().machine().block(0x203, Bytes().u64(1).i64(0).u64(0).u8(99).str("x").str());
	c.event_v2(1, 1, SCAP_EV_SYSCALL_CLOSE_X, {param_u64(0)});
	EXPECT_NE(read_error(c.bytes()).find("unknown type 99"), std::string::npos);
}

TEST(BadInput, EventV1WhoseLengthsDoNotAddUp)
{
	Capture c;
	c.section().machine();
	Bytes b;
	b.u16(0).u64(1).u64(1).u32(22 + 2 + 3).u16(SCAP_EV_SYSCALL_CLOSE_X).u16(8).raw("abc");
	c.block(0x204, b.str());
	EXPECT_NE(read_error(c.bytes()).find("event V1 record does not add up"), std::string::npos);
}

TEST(BadInput, GzipCutInHalf)
{
	Capture big = valid(2000);
	std::string path = big.write("whole.scap.gz", true);
	std::ifstream in(path, std::ios::binary);
	std::string gz((std::istreambuf_iterator<char>(in)), {});
	std::string error = read_error(gz.substr(0, gz.size() / 2));
	EXPECT_NE(error.find("the gzip stream is cut short"), std::string::npos) << error;
	std::string corrupt = gz;
	for (size_t i = gz.size() / 3; i < gz.size() / 3 + 64; i++)
		corrupt[i] = static_cast<char>(corrupt[i] ^ 0x5a);
	EXPECT_FALSE(read_error(corrupt).empty());
}

TEST(BadInput, MissingFile)
{
	std::string error;
	auto h = scaptest::open_capture("/nonexistent/capture.scap", &error);
	EXPECT_FALSE(h);
	EXPECT_EQ(error, "/nonexistent/capture.scap: cannot open: No such file or directory");
}
