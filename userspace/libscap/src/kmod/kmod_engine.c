/* The kmod engine: reads the falco kernel module's per-CPU rings (falco_kmod/kmod_abi.h) in place
 * and hands out their events merged in timestamp order. Metadata comes from /proc, scanned once
 * capture is on, so that every process is either in the scan or seen starting in the events. */
#include <errno.h>
#include <fcntl.h>
#include <inttypes.h>
#include <poll.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/mman.h>
#include <time.h>
#include <unistd.h>

#include "../engine.h"
#include "../metadata_store.h"
#include "../proc/proc_scan.h"
#include "driver_api/event_codes.h"
#include "falco_kmod/kmod_abi.h"
#include "kmod_rings.h"

/* How long scap_next() waits for an event before it returns SCAP_TIMEOUT (as the bpf engine). */
#define WAIT_MS 10
/* Where the kernel lists the CPUs that are online ("0-3,6"). */
#define CPU_ONLINE_LIST "/sys/devices/system/cpu/online"

struct kmod_device {
	int fd;
	void *map;
	size_t map_bytes;
};

struct scap_engine {
	uint32_t ndev; /* devices opened, in CPU order; ring[i] and pollfd[i] belong to dev[i] */
	struct kmod_device *dev;
	struct kmod_ring *ring;
	struct pollfd *pollfd;
	struct kmod_rings rings;
	int enabled;
	struct scap_metadata_store store;
	uint64_t n_evts, n_bytes;
};

static void kmod_close(struct scap_engine *e)
{
	if (!e)
		return;
	int saved = errno; /* an open that failed keeps its reason for the caller */
	if (e->enabled)
		ioctl(e->dev[0].fd, FALCO_IOCTL_DISABLE);
	for (uint32_t i = 0; i < e->ndev; i++) {
		if (e->dev[i].map)
			munmap(e->dev[i].map, e->dev[i].map_bytes);
		if (e->dev[i].fd >= 0)
			close(e->dev[i].fd);
	}
	free(e->dev);
	free(e->ring);
	free(e->pollfd);
	scap_store_clear(&e->store);
	free(e);
	errno = saved;
}

/* Whether `cpu` is in the kernel's list of online CPUs; unknown counts as online. */
static int cpu_online(unsigned cpu)
{
	char list[1024];
	FILE *f = fopen(CPU_ONLINE_LIST, "re");
	if (!f)
		return 1;
	size_t n = fread(list, 1, sizeof(list) - 1, f);
	fclose(f);
	list[n] = '\0';
	const char *p = list;
	while (*p >= '0' && *p <= '9') {
		char *end;
		unsigned long first = strtoul(p, &end, 10), last = first;
		if (*end == '-')
			last = strtoul(end + 1, &end, 10);
		if (cpu >= first && cpu <= last)
			return 1;
		if (*end != ',')
			break;
		p = end + 1;
	}
	return 0;
}

/* The one-line reason a device did not open. */
static int open_error(const char *path, int sys_errno, char *err, size_t errlen)
{
	switch (sys_errno) {
	case ENOENT:
	case ENXIO:
	case ENODEV:
		return scap_engine_fail(err, errlen, SCAP_ERR_UNSUPPORTED,
		                        "kmod: cannot open %s: %s (is the falco module loaded? try "
		                        "falco-driver-loader)",
		                        path, strerror(sys_errno));
	case EBUSY:
		return scap_engine_fail(
		    err, errlen, SCAP_ERR_IO,
		    "kmod: cannot open %s: it is in use by another reader (one at a time)", path);
	case EACCES:
	case EPERM:
		return scap_engine_fail(err, errlen, SCAP_ERR_IO,
		                        "kmod: cannot open %s: %s (run as root)", path,
		                        strerror(sys_errno));
	default:
		return scap_engine_fail(err, errlen, SCAP_ERR_IO, "kmod: cannot open %s: %s", path,
		                        strerror(sys_errno));
	}
}

/* The module's driver API must have our major version. */
static int check_api_version(int fd, const char *path, char *err, size_t errlen)
{
	uint64_t v = 0;
	if (ioctl(fd, FALCO_IOCTL_GET_API_VERSION, &v) != 0)
		return scap_engine_fail(
		    err, errlen, SCAP_ERR_UNSUPPORTED,
		    "kmod: %s: cannot read the module's driver API version: %s (not a "
		    "falco module device?)",
		    path, strerror(errno));
	unsigned major = (unsigned)(v >> 32), minor = (unsigned)(v >> 16) & 0xffffu,
	         patch = (unsigned)v & 0xffffu;
	if (major != SCAP_API_VERSION_MAJOR) {
		errno = EPROTO;
		return scap_engine_fail(
		    err, errlen, SCAP_ERR_UNSUPPORTED,
		    "kmod: %s: the module has driver API %u.%u.%u, this libscap needs "
		    "%s (major %u): load the module built with this version",
		    path, major, minor, patch, SCAP_API_VERSION, SCAP_API_VERSION_MAJOR);
	}
	return 0;
}

/* Maps the device's header page, reads the data area's size, then maps the whole ring and sets
 * `ring` up over it. */
static int map_ring(struct kmod_device *d, struct kmod_ring *ring, const char *path, unsigned cpu,
                    char *err, size_t errlen)
{
	void *page = mmap(NULL, FALCO_KMOD_HEADER_BYTES, PROT_READ, MAP_SHARED, d->fd, 0);
	if (page == MAP_FAILED)
		return scap_engine_fail(err, errlen, SCAP_ERR_IO,
		                        "kmod: %s: cannot map the ring header: %s", path,
		                        strerror(errno));
	uint32_t size =
	    __atomic_load_n(&((const struct falco_kmod_ring_header *)page)->size, __ATOMIC_RELAXED);
	munmap(page, FALCO_KMOD_HEADER_BYTES);
	if (size < KMOD_RING_MIN_SIZE || (size & (size - 1)) != 0) {
		errno = EPROTO;
		return scap_engine_fail(
		    err, errlen, SCAP_ERR_FORMAT,
		    "kmod: %s: the ring's data area size %u is not a power of two of "
		    "at least %u bytes",
		    path, size, KMOD_RING_MIN_SIZE);
	}
	size_t bytes = (size_t)FALCO_KMOD_HEADER_BYTES + size;
	void *map = mmap(NULL, bytes, PROT_READ | PROT_WRITE, MAP_SHARED, d->fd, 0);
	if (map == MAP_FAILED)
		return scap_engine_fail(err, errlen, SCAP_ERR_IO,
		                        "kmod: %s: cannot map the ring (%zu bytes): %s", path,
		                        bytes, strerror(errno));
	d->map = map;
	d->map_bytes = bytes;
	int rc = kmod_ring_init(ring, map, bytes, (uint16_t)cpu, err, errlen);
	if (rc < 0)
		errno = EPROTO;
	return rc;
}

/* A __u32 setting of the device; `what` names it in the error. */
static int set_u32(int fd, unsigned long request, uint32_t value, const char *path,
                   const char *what, char *err, size_t errlen)
{
	if (ioctl(fd, request, &value) != 0)
		return scap_engine_fail(err, errlen, SCAP_ERR_IO,
		                        "kmod: %s: cannot set %s to %u: %s", path, what, value,
		                        strerror(errno));
	return 0;
}

/* Opens, checks, maps and configures the device of `cpu` as dev[ndev]. Returns 0, 1 when the
 * device is missing because the CPU is offline (skipped), or an error. */
static int open_device(struct scap_engine *e, unsigned cpu, uint32_t snaplen, uint32_t only_tgid,
                       char *err, size_t errlen)
{
	char path[64];
	snprintf(path, sizeof(path), FALCO_KMOD_DEVICE_FORMAT, cpu);
	int fd = open(path, O_RDWR | O_CLOEXEC);
	if (fd < 0) {
		if (errno == ENOENT && cpu > 0 && !cpu_online(cpu))
			return 1;
		return open_error(path, errno, err, errlen);
	}
	uint32_t i = e->ndev++; /* closed and unmapped by kmod_close() from here on */
	struct kmod_device *d = &e->dev[i];
	d->fd = fd;
	d->map = NULL;
	int rc = check_api_version(fd, path, err, errlen);
	if (rc == 0)
		rc = map_ring(d, &e->ring[i], path, cpu, err, errlen);
	if (rc == 0)
		rc =
		    set_u32(fd, FALCO_IOCTL_SET_SNAPLEN, snaplen, path, "the snaplen", err, errlen);
	/* The reader's own system calls would feed back into the rings; a process followed on
	 * purpose is captured even when it is the reader. */
	if (rc == 0)
		rc = set_u32(fd, FALCO_IOCTL_IGNORE_TGID, only_tgid ? 0 : (uint32_t)getpid(), path,
		             "the ignored process", err, errlen);
	if (rc == 0)
		rc = set_u32(fd, FALCO_IOCTL_ONLY_TGID, only_tgid, path, "the only process", err,
		             errlen);
	if (rc == 0) {
		e->pollfd[i] = (struct pollfd){.fd = fd, .events = POLLIN};
		/* What a previous reader left unread is not this capture's. */
		rc = kmod_ring_discard(&e->ring[i], err, errlen);
	}
	return rc;
}

static int kmod_open(struct scap_engine **out, const struct scap_open_args *args, char *err,
                     size_t errlen)
{
	uint32_t snaplen = SCAP_HAS_ARG(args, snaplen) && args->snaplen
	                       ? args->snaplen
	                       : FALCO_KMOD_DEFAULT_SNAPLEN;
	uint32_t only_tgid = SCAP_HAS_ARG(args, only_tgid) ? args->only_tgid : 0;
	if (snaplen > FALCO_KMOD_MAX_SNAPLEN) {
		errno = EINVAL;
		return scap_engine_fail(err, errlen, SCAP_ERR_ARGS,
		                        "kmod: snaplen %u is more than the module's maximum of %u",
		                        snaplen, FALCO_KMOD_MAX_SNAPLEN);
	}
	long conf = sysconf(_SC_NPROCESSORS_CONF);
	unsigned ncpus = conf > 0 ? (unsigned)conf : 1;
	if (ncpus > UINT16_MAX + 1u)
		ncpus = UINT16_MAX + 1u;

	struct scap_engine *e = calloc(1, sizeof(*e));
	if (e) {
		e->dev = calloc(ncpus, sizeof(*e->dev));
		e->ring = calloc(ncpus, sizeof(*e->ring));
		e->pollfd = calloc(ncpus, sizeof(*e->pollfd));
	}
	if (!e || !e->dev || !e->ring || !e->pollfd) {
		kmod_close(e);
		errno = ENOMEM;
		return scap_engine_fail(err, errlen, SCAP_ERR_NOMEM, "kmod: out of memory");
	}
	int rc = 0;
	for (unsigned cpu = 0; cpu < ncpus && rc >= 0; cpu++)
		rc = open_device(e, cpu, snaplen, only_tgid, err, errlen);
	if (rc < 0)
		goto fail;
	kmod_rings_init(&e->rings, e->ring, e->ndev);
	if (ioctl(e->dev[0].fd, FALCO_IOCTL_ENABLE) != 0) {
		rc = scap_engine_fail(err, errlen, SCAP_ERR_IO,
		                      "kmod: /dev/falco0: cannot start capturing: %s",
		                      strerror(errno));
		goto fail;
	}
	e->enabled = 1;
	rc = scap_proc_scan(&e->store, "/proc", err, errlen);
	if (rc < 0)
		goto fail;
	*out = e;
	return SCAP_OK;
fail:
	kmod_close(e);
	return rc;
}

static int64_t ms_since(const struct timespec *start)
{
	struct timespec now;
	clock_gettime(CLOCK_MONOTONIC, &now);
	return (int64_t)(now.tv_sec - start->tv_sec) * 1000 +
	       (now.tv_nsec - start->tv_nsec) / 1000000;
}

static int kmod_next(struct scap_engine *e, struct scap_evt **evt, uint16_t *cpu, uint32_t *flags,
                     char *err, size_t errlen)
{
	const struct scap_evt *rec;
	int rc = kmod_rings_next(&e->rings, &rec, cpu, err, errlen);
	if (rc == KMOD_RINGS_EMPTY) {
		/* Nothing yet: wait a little for the module, then look once more. */
		struct timespec start;
		clock_gettime(CLOCK_MONOTONIC, &start);
		int ready = poll(e->pollfd, e->ndev, WAIT_MS);
		rc = kmod_rings_next(&e->rings, &rec, cpu, err, errlen);
		if (rc == KMOD_RINGS_EMPTY) {
			/* A device without poll support is always "ready": sleep out the wait so an
			 * idle reader does not spin. */
			int64_t left = WAIT_MS - ms_since(&start);
			if (ready > 0 && left > 0) {
				struct timespec pause = {0, (long)left * 1000000L};
				nanosleep(&pause, NULL);
			}
			return SCAP_TIMEOUT;
		}
	}
	if (rc < 0)
		return rc;
	*evt = (struct scap_evt *)rec;
	*flags = 0;
	e->n_evts++;
	e->n_bytes += rec->len;
	return SCAP_OK;
}

static const struct scap_metadata *kmod_metadata(const struct scap_engine *e)
{
	return &e->store.meta;
}

static void kmod_stats(const struct scap_engine *e, struct scap_stats *out)
{
	out->n_evts = e->n_evts;
	out->n_bytes = e->n_bytes;
	out->n_skipped = e->rings.n_skipped;
	out->n_drops = kmod_rings_drops(&e->rings);
	out->n_sections = 1;
}

const struct scap_engine_ops scap_kmod_engine = {
    .name = "kmod",
    .open = kmod_open,
    .next = kmod_next,
    .metadata = kmod_metadata,
    .stats = kmod_stats,
    .close = kmod_close,
};
