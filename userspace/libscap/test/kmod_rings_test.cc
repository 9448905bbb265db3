// The kmod engine's ring reader over rings built in memory: the merge across CPUs, padding and
// wrap-around, releasing records, and corrupt rings (an error, never a read outside the ring: this
// test runs under ASan, and each ring is a heap block of exactly its mapping's size).
#include <gtest/gtest.h>

#include <cstring>
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "capture_builder.hh"
#include "driver_api/event_codes.h"
#include "kmod_ring_image.h"
#include "scap/scap_status.h"
#include "userspace/libscap/src/kmod/kmod_rings.h"

using scaptest::Capture;
using scaptest::param_u64;

namespace
{

constexpr uint32_t kPrefix = KMOD_IMAGE_PREFIX_BYTES;

// One CPU's mapping (kmod_ring_image.h).
class Ring
{
      public:
	explicit Ring(uint16_t cpu, uint32_t size = 256, uint64_t start = 0)
	    : img_(kmod_ring_image_new(cpu, size, start))
	{
	}
	~Ring()
	{
		kmod_ring_image_free(img_);
	}
	Ring(const Ring &) = delete;
	Ring &operator=(const Ring &) = delete;
	uint64_t head() const
	{
		return kmod_ring_image_head(img_);
	}
	uint64_t tail() const
	{
		return kmod_ring_image_tail(img_);
	}
	uint16_t cpu() const
	{
		return static_cast<uint16_t>(kmod_ring_image_cpu(img_));
	}
	void set_head(uint64_t head)
	{
		kmod_ring_image_set_head(img_, head);
	}
	void set_tail(uint64_t tail)
	{
		kmod_ring_image_set_tail(img_, tail);
	}
	void set_size(uint32_t size)
	{
		kmod_ring_image_set_size(img_, size);
	}
	void set_drops(uint64_t drops, uint64_t drops_large)
	{
		kmod_ring_image_set_drops(img_, drops, drops_large);
	}
	uint8_t *data()
	{
		return kmod_ring_image_data(img_);
	}
	void *mapping()
	{
		return kmod_ring_image_mapping(img_);
	}
	size_t mapping_bytes() const
	{
		return kmod_ring_image_mapping_bytes(img_);
	}
	// An event of type close exit with one 8-byte parameter (a record of 48 bytes), appended as
	// the module would. Returns its position.
	uint64_t event(uint64_t ts, uint64_t tid = 1, uint16_t type = SCAP_EV_SYSCALL_CLOSE_X)
	{
		std::string body = Capture::event_v2_record(ts, tid, type, {param_u64(ts)});
		return kmod_ring_image_append(img_, KMOD_IMAGE_EVENT, body.data(), body.size());
	}
	// Writes a record prefix and body at `pos` without moving the head.
	void write_at(uint64_t pos, uint32_t bytes, uint32_t kind, const std::string &body)
	{
		kmod_ring_image_write(img_, pos, bytes, kind, body.data(), body.size());
	}

      private:
	kmod_ring_image *img_;
};

// The reader over some rings, each set up with kmod_ring_init().
class Reader
{
      public:
	explicit Reader(std::vector<Ring *> rings) : rings_(rings.size())
	{
		for (size_t i = 0; i < rings.size(); i++) {
			char err[SCAP_ERRMSG_SIZE] = "";
			int rc = kmod_ring_init(&rings_[i], rings[i]->mapping(),
			                        rings[i]->mapping_bytes(), rings[i]->cpu(), err,
			                        sizeof(err));
			EXPECT_EQ(rc, 0) << err;
		}
		kmod_rings_init(&rs_, rings_.data(), static_cast<uint32_t>(rings_.size()));
	}
	// kmod_rings_next(); the message on error.
	int next(const scap_evt **evt, uint16_t *cpu)
	{
		error_[0] = '\0';
		return kmod_rings_next(&rs_, evt, cpu, error_, sizeof(error_));
	}
	// The (timestamp, cpu) of every event until the rings are empty; the status that ended it.
	std::vector<std::pair<uint64_t, uint16_t>> drain(int *status)
	{
		std::vector<std::pair<uint64_t, uint16_t>> out;
		const scap_evt *evt;
		uint16_t cpu;
		int rc;
		while ((rc = next(&evt, &cpu)) == KMOD_RINGS_EVENT)
			out.emplace_back(evt->ts, cpu);
		*status = rc;
		return out;
	}
	std::string error() const
	{
		return error_;
	}
	kmod_rings *rings()
	{
		return &rs_;
	}

      private:
	std::vector<kmod_ring> rings_;
	kmod_rings rs_;
	char error_[SCAP_ERRMSG_SIZE];
};

using Order = std::vector<std::pair<uint64_t, uint16_t>>;

} // namespace

TEST(KmodRings, MergesThreeCpusByTimestamp)
{
	Ring r0(0), r1(1), r2(2);
	for (uint64_t ts : {10, 40, 70})
		r0.event(ts);
	for (uint64_t ts : {20, 50, 55, 80})
		r1.event(ts);
	for (uint64_t ts : {5, 30, 60})
		r2.event(ts);
	Reader reader({&r0, &r1, &r2});
	int status;
	Order got = reader.drain(&status);
	EXPECT_EQ(status, KMOD_RINGS_EMPTY) << reader.error();
	Order want = {{5, 2},  {10, 0}, {20, 1}, {30, 2}, {40, 0},
	              {50, 1}, {55, 1}, {60, 2}, {70, 0}, {80, 1}};
	EXPECT_EQ(got, want);
	// Everything consumed and released.
	for (Ring *r : {&r0, &r1, &r2})
		EXPECT_EQ(r->tail(), r->head());
}

TEST(KmodRings, TiesGoToTheLowestCpu)
{
	Ring r0(0), r1(1), r2(2);
	r2.event(7);
	r1.event(7);
	r0.event(7);
	r2.event(8);
	Reader reader({&r2, &r0, &r1}); // whatever the order of the rings
	int status;
	Order got = reader.drain(&status);
	EXPECT_EQ(status, KMOD_RINGS_EMPTY);
	EXPECT_EQ(got, (Order{{7, 0}, {7, 1}, {7, 2}, {8, 2}}));
}

TEST(KmodRings, EventsPublishedLaterJoinTheMerge)
{
	Ring r0(0), r1(1);
	r0.event(1);
	r0.event(3);
	Reader reader({&r0, &r1});
	const scap_evt *evt;
	uint16_t cpu;
	ASSERT_EQ(reader.next(&evt, &cpu), KMOD_RINGS_EVENT);
	EXPECT_EQ(evt->ts, 1u);
	r1.event(2);
	ASSERT_EQ(reader.next(&evt, &cpu), KMOD_RINGS_EVENT);
	EXPECT_EQ(evt->ts, 2u);
	EXPECT_EQ(cpu, 1);
	ASSERT_EQ(reader.next(&evt, &cpu), KMOD_RINGS_EVENT);
	EXPECT_EQ(evt->ts, 3u);
	EXPECT_EQ(reader.next(&evt, &cpu), KMOD_RINGS_EMPTY);
}

TEST(KmodRings, PaddingAndWrapAround)
{
	// 256-byte ring starting 40 bytes before its end: a 48-byte record does not fit there.
	Ring r(0, 256, 3 * 256 + 216);
	r.event(1); // padding at 216..255, the event at offset 0
	EXPECT_EQ(r.head(), 4u * 256 + 48);
	r.event(2);
	Reader reader({&r});
	int status;
	EXPECT_EQ(reader.drain(&status), (Order{{1, 0}, {2, 0}}));
	EXPECT_EQ(status, KMOD_RINGS_EMPTY) << reader.error();
	EXPECT_EQ(r.tail(), 4u * 256 + 96);

	// Records that end exactly at the end of the data area need no padding; then the ring wraps
	// several times over.
	Ring full(0, 256, 0);
	Reader again({&full});
	uint64_t ts = 0;
	std::vector<uint64_t> want, got;
	const scap_evt *evt;
	uint16_t cpu;
	for (int round = 0; round < 20; round++) {
		for (int i = 0; i < 3; i++) { // at most 3 records (+ padding) in flight: they fit
			full.event(++ts);
			want.push_back(ts);
		}
		while (again.next(&evt, &cpu) == KMOD_RINGS_EVENT)
			got.push_back(evt->ts);
		ASSERT_EQ(again.error(), "");
	}
	EXPECT_EQ(got, want);
	EXPECT_GT(full.tail(), 10u * 256);
}

TEST(KmodRings, PaddingWithOnlyItsPrefixStillSkipsToTheStart)
{
	// The padding's kind says "skip to offset 0", whatever its size says.
	Ring r(0, 256, 200);
	r.write_at(200, 8, KMOD_IMAGE_PADDING, "");
	r.set_head(256);
	r.event(9);
	Reader reader({&r});
	int status;
	EXPECT_EQ(reader.drain(&status), (Order{{9, 0}}));
	EXPECT_EQ(status, KMOD_RINGS_EMPTY) << reader.error();
}

TEST(KmodRings, EmptyRingsAreEmpty)
{
	Ring r0(0), r1(1), r2(2);
	Reader reader({&r0, &r1, &r2});
	const scap_evt *evt;
	uint16_t cpu;
	EXPECT_EQ(reader.next(&evt, &cpu), KMOD_RINGS_EMPTY);
	EXPECT_EQ(reader.next(&evt, &cpu), KMOD_RINGS_EMPTY);
	EXPECT_EQ(reader.error(), "");
	Reader none({});
	EXPECT_EQ(none.next(&evt, &cpu), KMOD_RINGS_EMPTY);
}

TEST(KmodRings, TailMovesOnlyOnTheNextCall)
{
	Ring r0(0), r1(1);
	r0.event(1);
	r0.event(3);
	r1.event(2);
	Reader reader({&r0, &r1});
	const scap_evt *evt;
	uint16_t cpu;
	ASSERT_EQ(reader.next(&evt, &cpu), KMOD_RINGS_EVENT);
	const scap_evt *first = evt;
	EXPECT_EQ(first, reinterpret_cast<const scap_evt *>(r0.data() + kPrefix)); // in place
	EXPECT_EQ(r0.tail(), 0u);
	EXPECT_EQ(r1.tail(), 0u);
	ASSERT_EQ(reader.next(&evt, &cpu), KMOD_RINGS_EVENT);
	EXPECT_EQ(evt->ts, 2u);
	EXPECT_EQ(r0.tail(), 48u); // the first event, released now
	EXPECT_EQ(r1.tail(), 0u);  // the one just handed out is still held
	ASSERT_EQ(reader.next(&evt, &cpu), KMOD_RINGS_EVENT);
	EXPECT_EQ(evt->ts, 3u);
	EXPECT_EQ(r1.tail(), 48u);
	EXPECT_EQ(r0.tail(), 48u);
	EXPECT_EQ(reader.next(&evt, &cpu), KMOD_RINGS_EMPTY);
	EXPECT_EQ(r0.tail(), 96u);
}

TEST(KmodRings, UnknownEventCodesAreSkippedAndCounted)
{
	Ring r(0);
	r.event(1);
	r.event(2, 1, 60000);
	r.event(3);
	Reader reader({&r});
	int status;
	EXPECT_EQ(reader.drain(&status), (Order{{1, 0}, {3, 0}}));
	EXPECT_EQ(status, KMOD_RINGS_EMPTY) << reader.error();
	EXPECT_EQ(reader.rings()->n_skipped, 1u);
}

TEST(KmodRings, DropsAddUpOverCpus)
{
	Ring r0(0), r1(1);
	r0.set_drops(3, 1);
	r1.set_drops(10, 0);
	Reader reader({&r0, &r1});
	EXPECT_EQ(kmod_rings_drops(reader.rings()), 14u);
}

TEST(KmodRings, DiscardStartsAtTheHead)
{
	Ring r(0);
	r.event(1);
	r.event(2);
	kmod_ring ring;
	char err[SCAP_ERRMSG_SIZE] = "";
	ASSERT_EQ(kmod_ring_init(&ring, r.mapping(), r.mapping_bytes(), 0, err, sizeof(err)), 0);
	ASSERT_EQ(kmod_ring_discard(&ring, err, sizeof(err)), 0);
	EXPECT_EQ(r.tail(), 96u);
	kmod_rings rs;
	kmod_rings_init(&rs, &ring, 1);
	const scap_evt *evt;
	uint16_t cpu;
	EXPECT_EQ(kmod_rings_next(&rs, &evt, &cpu, err, sizeof(err)), KMOD_RINGS_EMPTY);
	r.event(3);
	ASSERT_EQ(kmod_rings_next(&rs, &evt, &cpu, err, sizeof(err)), KMOD_RINGS_EVENT);
	EXPECT_EQ(evt->ts, 3u);

	r.set_head(r.tail() + 4);
	kmod_ring odd;
	ASSERT_EQ(kmod_ring_init(&odd, r.mapping(), r.mapping_bytes(), 0, err, sizeof(err)), 0);
	EXPECT_EQ(kmod_ring_discard(&odd, err, sizeof(err)), SCAP_ERR_FORMAT);
	EXPECT_NE(std::string(err).find("the head (" + std::to_string(r.head()) +
	                                ") is not a multiple of 8"),
	          std::string::npos)
	    << err;
}

namespace
{

// The error kmod_ring_init() gives for a ring prepared by `prepare` (empty when it accepts it).
template <typename F>
std::string init_error(F prepare, uint32_t size = 256, size_t mapping_bytes = 0, uint16_t cpu = 0)
{
	Ring r(0, size);
	prepare(r);
	kmod_ring ring;
	char err[SCAP_ERRMSG_SIZE] = "";
	int rc =
	    kmod_ring_init(&ring, r.mapping(), mapping_bytes ? mapping_bytes : r.mapping_bytes(),
	                   cpu, err, sizeof(err));
	EXPECT_EQ(rc == 0, err[0] == '\0');
	return rc == 0 ? std::string() : std::string(err);
}

} // namespace

TEST(KmodRings, BadHeadersAreRefused)
{
	auto nothing = [](Ring &) {};
	EXPECT_EQ(init_error(nothing), "");
	EXPECT_EQ(
	    init_error(nothing, 100),
	    "kmod: ring of CPU 0 (/dev/falco0): the data area's size 100 is not a power of two "
	    "of at least 64 bytes");
	EXPECT_NE(init_error(nothing, 32).find("size 32 is not a power of two of at least 64"),
	          std::string::npos);
	EXPECT_NE(init_error([](Ring &r) { r.set_size(0); }).find("size 0 is not"),
	          std::string::npos);
	EXPECT_EQ(
	    init_error([](Ring &r) { r.set_size(512); }),
	    "kmod: ring of CPU 0 (/dev/falco0): the data area's size 512 is larger than the 256 "
	    "bytes mapped after the header");
	EXPECT_NE(init_error(nothing, 256, 100).find("the mapping (100 bytes) is smaller"),
	          std::string::npos);
	EXPECT_EQ(init_error(nothing, 256, 0, 3),
	          "kmod: ring of CPU 3 (/dev/falco3): the ring's header says CPU 0");
	EXPECT_NE(init_error([](Ring &r) {
		          r.set_tail(12);
		          r.set_head(12);
	          }).find("the tail (12) is not a multiple of 8"),
	          std::string::npos);
	EXPECT_NE(init_error([](Ring &r) {
		          r.set_head(1000);
	          }).find("the head (1000) is not within 256 bytes after the tail (0)"),
	          std::string::npos);
	EXPECT_NE(init_error([](Ring &r) {
		          r.set_tail(64);
	          }).find("the head (0) is not within 256 bytes after the tail (64)"),
	          std::string::npos);
}

namespace
{

// The error reading a ring gives when `corrupt` breaks it after a good event has been handed
// out, and that it stays: every later call fails the same way.
template <typename F> std::string ring_error(F corrupt, uint64_t start = 0)
{
	Ring r(0, 256, start);
	r.event(1);
	Reader reader({&r});
	const scap_evt *evt;
	uint16_t cpu;
	int rc = reader.next(&evt, &cpu);
	EXPECT_EQ(rc, KMOD_RINGS_EVENT) << reader.error();
	corrupt(r);
	rc = reader.next(&evt, &cpu);
	EXPECT_EQ(rc, SCAP_ERR_FORMAT);
	std::string first = reader.error();
	EXPECT_EQ(reader.next(&evt, &cpu), SCAP_ERR_FORMAT);
	EXPECT_EQ(reader.error(), first);
	return first;
}

// Appends a raw record whose prefix says `bytes`, the head moving by `advance` bytes.
auto raw_record(uint32_t bytes, uint32_t kind = KMOD_IMAGE_EVENT, uint32_t advance = 48,
                std::string body = "")
{
	return [=](Ring &r) {
		std::string b =
		    body.empty()
		        ? Capture::event_v2_record(2, 1, SCAP_EV_SYSCALL_CLOSE_X, {param_u64(2)})
		        : body;
		uint64_t head = r.head();
		r.write_at(head, bytes, kind, b);
		r.set_head(head + advance);
	};
}

} // namespace

TEST(KmodRings, CorruptRecordSizes)
{
	EXPECT_EQ(
	    ring_error(raw_record(0)),
	    "kmod: ring of CPU 0: record at position 48 (offset 48): record size 0 is smaller "
	    "than the 8-byte prefix");
	EXPECT_EQ(ring_error(raw_record(44)),
	          "kmod: ring of CPU 0: record at position 48 (offset 48): record size 44 is not a "
	          "multiple of 8");
	EXPECT_EQ(
	    ring_error(raw_record(1u << 20)),
	    "kmod: ring of CPU 0: record at position 48 (offset 48): record size 1048576 runs "
	    "past the end of the data area (208 bytes left)");
	EXPECT_NE(ring_error(raw_record(0xfffffff8u)).find("record size 4294967288 runs past"),
	          std::string::npos);
	// Fits before the end, but more than the head has published.
	EXPECT_EQ(ring_error(raw_record(96)),
	          "kmod: ring of CPU 0: record at position 48 (offset 48): record size 96 is more "
	          "than the 48 bytes the head has published");
	// A record that would wrap (the module must pad instead), near the end of the area.
	EXPECT_NE(ring_error(raw_record(56, KMOD_IMAGE_EVENT, 56), 256 + 160)
	              .find("(offset 208): record size 56 runs past the end of the data area (48 "
	                    "bytes left)"),
	          std::string::npos);
	EXPECT_NE(ring_error(raw_record(48, 7)).find("unknown record kind 7"), std::string::npos);
}

TEST(KmodRings, CorruptWindows)
{
	// The head 4 bytes past the last record: less than a prefix published.
	EXPECT_NE(ring_error([](Ring &r) {
		          r.set_head(r.head() + 4);
	          }).find("only 4 bytes are published, less than a record prefix"),
	          std::string::npos);
	// The head far ahead of the tail, or behind it.
	EXPECT_NE(ring_error([](Ring &r) {
		          r.set_head(r.head() + 4096);
	          }).find("the head (4144) is not within 256 bytes after the tail"),
	          std::string::npos);
	EXPECT_NE(ring_error([](Ring &r) { r.set_head(8); }).find("the head (8) is not within"),
	          std::string::npos);
	// Padding whose end the head has not reached.
	EXPECT_NE(ring_error(raw_record(8, KMOD_IMAGE_PADDING, 64))
	              .find("padding to the end of the data area (208 bytes) is more than the 64 "
	                    "bytes the head has published"),
	          std::string::npos);
}

TEST(KmodRings, CorruptEventLengths)
{
	auto with_len = [](uint32_t len, uint32_t bytes = 48) {
		std::string body =
		    Capture::event_v2_record(2, 1, SCAP_EV_SYSCALL_CLOSE_X, {param_u64(2)});
		std::memcpy(&body[16], &len, 4);
		return raw_record(bytes, KMOD_IMAGE_EVENT, bytes, body);
	};
	EXPECT_EQ(
	    ring_error(with_len(41)),
	    "kmod: ring of CPU 0: record at position 48 (offset 48): event length 41 does not "
	    "fit its record of 48 bytes");
	EXPECT_NE(ring_error(with_len(0))
	              .find("event length 0 is shorter than the 26-byte event "
	                    "header"),
	          std::string::npos);
	EXPECT_NE(ring_error(with_len(0xffffffffu)).find("event length 4294967295 does not fit"),
	          std::string::npos);
	EXPECT_NE(ring_error(with_len(36, 56)).find("record of 56 bytes holds an event of only 36"),
	          std::string::npos);
	// Too short for an event header at all.
	EXPECT_NE(
	    ring_error(raw_record(32, KMOD_IMAGE_EVENT, 32))
	        .find("an event record of 32 bytes is too short for the 26-byte event header"),
	    std::string::npos);
	// Parameter lengths beyond the event's length.
	EXPECT_NE(ring_error([](Ring &r) {
		          std::string body = Capture::event_v2_record(2, 1, SCAP_EV_SYSCALL_CLOSE_X,
		                                                      {param_u64(2)});
		          uint16_t big = 9;
		          std::memcpy(&body[26], &big, 2);
		          raw_record(48, KMOD_IMAGE_EVENT, 48, body)(r);
	          }).find("event of type 5: its 1 parameter lengths do not fit its length 36"),
	          std::string::npos);
	// A parameter count no record can hold.
	EXPECT_NE(ring_error([](Ring &r) {
		          std::string body = Capture::event_v2_record(2, 1, SCAP_EV_SYSCALL_CLOSE_X,
		                                                      {param_u64(2)});
		          uint32_t n = 0x7fffffff;
		          std::memcpy(&body[22], &n, 4);
		          raw_record(48, KMOD_IMAGE_EVENT, 48, body)(r);
	          }).find("its 2147483647 parameter lengths do not fit"),
	          std::string::npos);
}

TEST(KmodRings, CorruptRecordAtTheVeryEnd)
{
	// The last 8 bytes of the data area: a prefix claiming a full event. Nothing past the
	// mapping may be read (ASan would stop the test).
	Ring r(0, 64, 56);
	r.write_at(56, 48, KMOD_IMAGE_EVENT, "");
	r.set_head(56 + 48);
	Reader reader({&r});
	const scap_evt *evt;
	uint16_t cpu;
	EXPECT_EQ(reader.next(&evt, &cpu), SCAP_ERR_FORMAT);
	EXPECT_NE(reader.error().find("record size 48 runs past the end of the data area (8 bytes "
	                              "left)"),
	          std::string::npos)
	    << reader.error();
}
