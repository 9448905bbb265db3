// The kmod engine against a pretend module (kmod_fake_device.h): what it asks of the devices and in
// which order, the events it hands out, its counters, and that a failed open leaves nothing open
// or mapped.
#include <gtest/gtest.h>

#include <cerrno>
#include <chrono>
#include <string>
#include <unistd.h>
#include <utility>
#include <vector>

#include "capture_builder.hh"
#include "driver_api/event_codes.h"
#include "kmod_fake_device.h"
#include "scap/scap.h"

using scaptest::Capture;
using scaptest::param_u64;

namespace
{

constexpr uint64_t kApi = uint64_t(SCAP_API_VERSION_MAJOR) << 32 |
                          uint64_t(SCAP_API_VERSION_MINOR) << 16 | SCAP_API_VERSION_PATCH;
constexpr uint32_t kRing = 1u << 16;

struct Opened {
	struct scap *h;
	std::string err;
	int saved_errno;
};

Opened open_kmod(uint32_t snaplen = 0, uint32_t only_tgid = 0)
{
	char err[SCAP_ERRMSG_SIZE] = "";
	struct scap_open_args args = {};
	args.size = sizeof(args);
	args.engine = "kmod";
	args.snaplen = snaplen;
	args.only_tgid = only_tgid;
	errno = 0;
	struct scap *h = scap_open(&args, err);
	return {h, err, errno};
}

void event(unsigned cpu, uint64_t ts)
{
	std::string rec =
	    Capture::event_v2_record(ts, 42, SCAP_EV_SYSCALL_CLOSE_X, {param_u64(ts)});
	kmod_fake_event(cpu, rec.data(), rec.size());
}

// The device calls of one CPU's open, with the given settings.
std::string device_setup(unsigned cpu, uint32_t snaplen, uint32_t ignore, uint32_t only)
{
	std::string c = "cpu" + std::to_string(cpu) + ":";
	return c + "open " + c + "version " + c + "mmap=4096 " + c + "munmap=4096 " + c +
	       "mmap=" + std::to_string(4096 + kRing) + " " + c +
	       "snaplen=" + std::to_string(snaplen) + " " + c + "ignore=" + std::to_string(ignore) +
	       " " + c + "only=" + std::to_string(only);
}

class KmodEngine : public ::testing::Test
{
      protected:
	void SetUp() override
	{
		kmod_fake_reset(2, 2, kRing, kApi);
	}
	void TearDown() override
	{
		kmod_fake_reset(0, 0, kRing, kApi);
	}
};

} // namespace

TEST_F(KmodEngine, OpensEveryCpuThenEnablesOnce)
{
	Opened o = open_kmod();
	ASSERT_NE(o.h, nullptr) << o.err;
	EXPECT_EQ(std::string(kmod_fake_log()), device_setup(0, 80, getpid(), 0) + " " +
	                                            device_setup(1, 80, getpid(), 0) +
	                                            " cpu0:enable");
	EXPECT_EQ(kmod_fake_open_fds(), 2);
	EXPECT_EQ(kmod_fake_mappings(), 2);
	// The metadata is the system's, from /proc.
	const scap_metadata *meta = scap_get_metadata(o.h);
	ASSERT_NE(meta, nullptr);
	EXPECT_GT(meta->nthreads, 0u);
	EXPECT_NE(scap_metadata_find_thread(meta, getpid()), nullptr);

	scap_close(o.h);
	std::string log = kmod_fake_log();
	EXPECT_NE(log.find("cpu0:enable cpu0:disable cpu0:munmap=" + std::to_string(4096 + kRing) +
	                   " cpu0:close cpu1:munmap=" + std::to_string(4096 + kRing) +
	                   " cpu1:close"),
	          std::string::npos)
	    << log;
	EXPECT_EQ(kmod_fake_open_fds(), 0);
	EXPECT_EQ(kmod_fake_mappings(), 0);
}

TEST_F(KmodEngine, SnaplenAndOnlyTgid)
{
	Opened o = open_kmod(200, 4321);
	ASSERT_NE(o.h, nullptr) << o.err;
	// Following one process, the reader's own is not ignored (it may be the one followed).
	EXPECT_NE(std::string(kmod_fake_log()).find(device_setup(1, 200, 0, 4321)),
	          std::string::npos)
	    << kmod_fake_log();
	scap_close(o.h);
}

TEST_F(KmodEngine, MergesTheCpusInPlaceAndCounts)
{
	event(0, 99); // before the open: a previous reader's leftovers, dropped
	Opened o = open_kmod();
	ASSERT_NE(o.h, nullptr) << o.err;
	EXPECT_EQ(kmod_fake_tail(0), kmod_fake_head(0));
	for (uint64_t ts : {100, 300, 500})
		event(0, ts);
	for (uint64_t ts : {200, 400})
		event(1, ts);
	kmod_fake_drops(0, 5, 1);
	kmod_fake_drops(1, 2, 0);

	std::vector<std::pair<uint64_t, uint16_t>> got;
	scap_evt *evt;
	uint16_t cpu;
	uint32_t flags;
	int rc;
	while ((rc = scap_next(o.h, &evt, &cpu, &flags)) == SCAP_OK) {
		got.emplace_back(uint64_t(evt->ts), cpu);
		EXPECT_EQ(flags, 0u);
		EXPECT_EQ(uint64_t(evt->tid), 42u);
		scap_param p;
		ASSERT_EQ(scap_event_param(evt, 0, &p), 0);
		EXPECT_EQ(p.len, 8u);
	}
	EXPECT_EQ(rc, SCAP_TIMEOUT) << scap_last_error(o.h);
	EXPECT_EQ(got, (std::vector<std::pair<uint64_t, uint16_t>>{
	                   {100, 0}, {200, 1}, {300, 0}, {400, 1}, {500, 0}}));
	EXPECT_EQ(kmod_fake_tail(0), kmod_fake_head(0));
	EXPECT_EQ(kmod_fake_tail(1), kmod_fake_head(1));

	scap_stats stats;
	scap_get_stats(o.h, &stats);
	EXPECT_EQ(stats.n_evts, 5u);
	EXPECT_EQ(stats.n_drops, 8u);
	EXPECT_EQ(stats.n_bytes, 5u * 36);
	EXPECT_EQ(stats.n_skipped, 0u);
	EXPECT_EQ(stats.n_sections, 1u);
	scap_close(o.h);
}

TEST_F(KmodEngine, WaitsBrieflyWhenIdle)
{
	Opened o = open_kmod();
	ASSERT_NE(o.h, nullptr) << o.err;
	scap_evt *evt;
	uint16_t cpu;
	uint32_t flags;
	// Our devices (like the module, which has no poll) are always "ready": the engine must
	// still wait about 10 ms per call instead of spinning.
	auto start = std::chrono::steady_clock::now();
	for (int i = 0; i < 5; i++)
		EXPECT_EQ(scap_next(o.h, &evt, &cpu, &flags), SCAP_TIMEOUT);
	auto ms = std::chrono::duration_cast<std::chrono::milliseconds>(
	              std::chrono::steady_clock::now() - start)
	              .count();
	EXPECT_GE(ms, 40);
	EXPECT_LT(ms, 1000);
	scap_close(o.h);
}

TEST_F(KmodEngine, CorruptRingIsAnError)
{
	Opened o = open_kmod();
	ASSERT_NE(o.h, nullptr) << o.err;
	std::string rec = Capture::event_v2_record(1, 1, SCAP_EV_SYSCALL_CLOSE_X, {param_u64(1)});
	uint32_t len = 4000;
	rec.replace(16, 4, reinterpret_cast<const char *>(&len), 4);
	kmod_fake_event(1, rec.data(), rec.size());
	scap_evt *evt;
	uint16_t cpu;
	uint32_t flags;
	EXPECT_EQ(scap_next(o.h, &evt, &cpu, &flags), SCAP_ERR_FORMAT);
	EXPECT_EQ(
	    std::string(scap_last_error(o.h)),
	    "kmod: ring of CPU 1: record at position 0 (offset 0): event length 4000 does not "
	    "fit its record of 48 bytes");
	scap_close(o.h);
}

TEST_F(KmodEngine, OfflineCpusWithoutDevicesAreSkipped)
{
	// Devices for the online CPUs (0..N-1 here) and sysconf saying two more CPUs: those are not
	// online and have no device.
	long online = sysconf(_SC_NPROCESSORS_ONLN);
	ASSERT_LT(online + 2, KMOD_FAKE_MAX_CPUS);
	kmod_fake_reset(unsigned(online + 2), unsigned(online), kRing, kApi);
	Opened o = open_kmod();
	ASSERT_NE(o.h, nullptr) << o.err;
	EXPECT_EQ(kmod_fake_open_fds(), online);
	EXPECT_NE(std::string(kmod_fake_log()).find("cpu" + std::to_string(online + 1) + ":open"),
	          std::string::npos);
	scap_close(o.h);
}

namespace
{

// Opening fails with `message` and errno `want_errno`, leaving nothing open or mapped.
void expect_failure(const std::string &message, int want_errno)
{
	Opened o = open_kmod();
	EXPECT_EQ(o.h, nullptr);
	EXPECT_EQ(o.err, message);
	EXPECT_EQ(o.saved_errno, want_errno);
	EXPECT_EQ(kmod_fake_open_fds(), 0) << kmod_fake_log();
	EXPECT_EQ(kmod_fake_mappings(), 0) << kmod_fake_log();
}

} // namespace

TEST_F(KmodEngine, MissingModule)
{
	kmod_fake_reset(2, 0, kRing, kApi);
	expect_failure(
	    "kmod: cannot open /dev/falco0: No such file or directory (is the falco module "
	    "loaded? try falco-driver-loader)",
	    ENOENT);
}

TEST_F(KmodEngine, MissingDeviceOfAnOnlineCpu)
{
	if (sysconf(_SC_NPROCESSORS_ONLN) < 2)
		GTEST_SKIP() << "needs two online CPUs";
	kmod_fake_reset(2, 1, kRing, kApi);
	expect_failure(
	    "kmod: cannot open /dev/falco1: No such file or directory (is the falco module "
	    "loaded? try falco-driver-loader)",
	    ENOENT);
}

TEST_F(KmodEngine, BusyDevice)
{
	kmod_fake_open_error(1, EBUSY);
	expect_failure(
	    "kmod: cannot open /dev/falco1: it is in use by another reader (one at a time)", EBUSY);
	// cpu0 was opened, mapped and configured, then closed and unmapped.
	std::string log = kmod_fake_log();
	EXPECT_NE(log.find("cpu1:open cpu0:munmap=" + std::to_string(4096 + kRing) + " cpu0:close"),
	          std::string::npos)
	    << log;
	EXPECT_EQ(log.find("enable"), std::string::npos) << log;
}

TEST_F(KmodEngine, NotRoot)
{
	kmod_fake_open_error(0, EACCES);
	expect_failure("kmod: cannot open /dev/falco0: Permission denied (run as root)", EACCES);
}

TEST_F(KmodEngine, ApiMajorMismatch)
{
	kmod_fake_reset(2, 2, kRing,
	                (uint64_t(SCAP_API_VERSION_MAJOR + 1) << 32) | (3u << 16) | 4u);
	expect_failure("kmod: /dev/falco0: the module has driver API " +
	                   std::to_string(SCAP_API_VERSION_MAJOR + 1) +
	                   ".3.4, this libscap needs " SCAP_API_VERSION " (major " +
	                   std::to_string(SCAP_API_VERSION_MAJOR) +
	                   "): load the module built with this version",
	               EPROTO);
}

TEST_F(KmodEngine, ApiMinorDifferenceIsAccepted)
{
	kmod_fake_reset(2, 2, kRing, kApi + (7u << 16));
	Opened o = open_kmod();
	ASSERT_NE(o.h, nullptr) << o.err;
	scap_close(o.h);
}

TEST_F(KmodEngine, BadRingSize)
{
	kmod_fake_header_size(1, 1000);
	expect_failure("kmod: /dev/falco1: the ring's data area size 1000 is not a power of two of "
	               "at least 64 bytes",
	               EPROTO);
}

TEST_F(KmodEngine, EnableFails)
{
	kmod_fake_enable_error(EIO);
	expect_failure("kmod: /dev/falco0: cannot start capturing: Input/output error", EIO);
	EXPECT_EQ(std::string(kmod_fake_log()).find("disable"), std::string::npos);
}
