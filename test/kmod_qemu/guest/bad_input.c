/* The module's answers to misuse: each check prints `bad-input: WHAT: ok` or what went wrong. */
#include <errno.h>
#include <fcntl.h>
#include <sched.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/mman.h>
#include <sys/syscall.h>
#include <time.h>
#include <unistd.h>

#include "falco_kmod/kmod_abi.h"
#include "module_ctl.h"
#include "steps.h"

static int failures;

/* Reports whether `rc` (0 or -errno) is one of the expected results. */
static void expect(const char *what, int rc, int want, int or_want)
{
	if (rc == want || rc == or_want) {
		printf("bad-input: %s: ok\n", what);
		return;
	}
	failures++;
	printf("bad-input: %s: FAILED (got %s, want %s)\n", what, rc ? strerror(-rc) : "success",
	       want ? strerror(-want) : "success");
}

static int ioctl_rc(int fd, unsigned long cmd, void *arg)
{
	return ioctl(fd, cmd, arg) < 0 ? -errno : 0;
}

static void check_ioctls(int fd)
{
	uint32_t snaplen = 0;
	expect("snaplen 0 rejected", ioctl_rc(fd, FALCO_IOCTL_SET_SNAPLEN, &snaplen), -EINVAL, 1);
	snaplen = FALCO_KMOD_MAX_SNAPLEN + 1;
	expect("snaplen too large rejected", ioctl_rc(fd, FALCO_IOCTL_SET_SNAPLEN, &snaplen),
	       -EINVAL, 1);
	snaplen = 256;
	expect("snaplen 256 accepted", ioctl_rc(fd, FALCO_IOCTL_SET_SNAPLEN, &snaplen), 0, 1);
	expect("unknown ioctl rejected", ioctl_rc(fd, _IO(FALCO_IOCTL_MAGIC, 99), NULL), -ENOTTY,
	       1);
	expect("stats to a bad pointer rejected", ioctl_rc(fd, FALCO_IOCTL_GET_STATS, (void *)8),
	       -EFAULT, 1);
	uint64_t version = 0;
	expect("api version", ioctl_rc(fd, FALCO_IOCTL_GET_API_VERSION, &version), 0, 1);
}

static void check_mmap(int fd, uint32_t *size_out)
{
	void *bad = mmap(NULL, 4096, PROT_READ, MAP_SHARED, fd, 1 << 30);
	expect("mmap past the ring rejected", bad == MAP_FAILED ? -errno : 0, -EINVAL, -ENXIO);
	if (bad != MAP_FAILED)
		munmap(bad, 4096);
	struct falco_kmod_ring_header *hdr =
	    mmap(NULL, FALCO_KMOD_HEADER_BYTES, PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0);
	expect("header page maps", hdr == MAP_FAILED ? -errno : 0, 0, 1);
	*size_out = hdr == MAP_FAILED ? 0 : hdr->size;
	if (hdr != MAP_FAILED) {
		size_t too_big = FALCO_KMOD_HEADER_BYTES + (size_t)hdr->size * 2;
		void *big = mmap(NULL, too_big, PROT_READ, MAP_SHARED, fd, 0);
		expect("mmap larger than the ring rejected", big == MAP_FAILED ? -errno : 0,
		       -EINVAL, -ENXIO);
		if (big != MAP_FAILED)
			munmap(big, too_big);
		munmap(hdr, FALCO_KMOD_HEADER_BYTES);
	}
}

/* Capture on, nobody reading: system calls go on at full speed and the ring counts its drops. */
static void check_stalled_reader(int fd, uint32_t ring_size)
{
	size_t len = FALCO_KMOD_HEADER_BYTES + ring_size;
	struct falco_kmod_ring_header *hdr =
	    mmap(NULL, len, PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0);
	if (hdr == MAP_FAILED) {
		expect("whole ring maps", -errno, 0, 1);
		return;
	}
	expect("capture on", ioctl_rc(fd, FALCO_IOCTL_ENABLE, NULL), 0, 1);
	struct timespec t0, t1;
	clock_gettime(CLOCK_MONOTONIC, &t0);
	for (int i = 0; i < 300000; i++)
		syscall(SYS_getppid);
	clock_gettime(CLOCK_MONOTONIC, &t1);
	expect("capture off", ioctl_rc(fd, FALCO_IOCTL_DISABLE, NULL), 0, 1);
	struct falco_kmod_stats stats = {0};
	ioctl(fd, FALCO_IOCTL_GET_STATS, &stats);
	double seconds = (double)(t1.tv_sec - t0.tv_sec) + (double)(t1.tv_nsec - t0.tv_nsec) / 1e9;
	printf("bad-input: stalled reader: %.2f s for 300000 calls on cpu %u, %llu events, %llu "
	       "drops, head-tail %llu of %u bytes\n",
	       seconds, hdr->cpu, (unsigned long long)stats.events, (unsigned long long)stats.drops,
	       (unsigned long long)(hdr->head - hdr->tail), hdr->size);
	munmap(hdr, len);
}

int step_bad_input(void)
{
	char dev[32];
	snprintf(dev, sizeof(dev), FALCO_KMOD_DEVICE_FORMAT, 0u);
	int fd = open(dev, O_RDWR | O_CLOEXEC);
	expect("first open", fd < 0 ? -errno : 0, 0, 1);
	if (fd < 0)
		return 1;
	int second = open(dev, O_RDWR | O_CLOEXEC);
	expect("second open is busy", second < 0 ? -errno : 0, -EBUSY, 1);
	if (second >= 0)
		close(second);
	check_ioctls(fd);
	uint32_t ring_size = 0;
	check_mmap(fd, &ring_size);
	expect("unload while open refused", module_unload(1), -EBUSY, -EWOULDBLOCK);
	/* Pin this process to CPU 0's ring for the stalled-reader check: a full ring shows drops.
	 */
	cpu_set_t cpus;
	CPU_ZERO(&cpus);
	CPU_SET(0, &cpus);
	sched_setaffinity(0, sizeof(cpus), &cpus);
	if (ring_size)
		check_stalled_reader(fd, ring_size);
	close(fd);
	fd = open(dev, O_RDWR | O_CLOEXEC);
	expect("open again after close", fd < 0 ? -errno : 0, 0, 1);
	if (fd >= 0) {
		struct falco_kmod_ring_header *hdr =
		    mmap(NULL, FALCO_KMOD_HEADER_BYTES, PROT_READ, MAP_SHARED, fd, 0);
		if (hdr != MAP_FAILED) {
			expect("ring empty after reopen", hdr->head == hdr->tail ? 0 : -EIO, 0, 1);
			munmap(hdr, FALCO_KMOD_HEADER_BYTES);
		}
		close(fd);
	}
	CPU_SET(1, &cpus);
	sched_setaffinity(0, sizeof(cpus), &cpus);
	return failures ? 1 : 0;
}
