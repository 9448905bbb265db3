#include "kmod_fake_device.h"

#include <errno.h>
#include <fcntl.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/mman.h>
#include <unistd.h>

#include "falco_kmod/kmod_abi.h"
#include "kmod_ring_image.h"

int __real_open(const char *path, int flags, ...);
int __real_close(int fd);
int __real_ioctl(int fd, unsigned long request, ...);
void *__real_mmap(void *addr, size_t len, int prot, int flags, int fd, off_t off);
int __real_munmap(void *addr, size_t len);
long __real_sysconf(int name);

int __wrap_open(const char *path, int flags, ...);
int __wrap_close(int fd);
int __wrap_ioctl(int fd, unsigned long request, ...);
void *__wrap_mmap(void *addr, size_t len, int prot, int flags, int fd, off_t off);
int __wrap_munmap(void *addr, size_t len);
long __wrap_sysconf(int name);

struct fake_cpu {
	struct kmod_ring_image *ring; /* NULL: no device */
	int open_errno;
	int fd; /* -1 when closed */
	int mappings;
};

static struct {
	unsigned conf_cpus;
	uint64_t api_version;
	int enable_errno;
	struct fake_cpu cpu[KMOD_FAKE_MAX_CPUS];
	char log[8192];
} fake = {.conf_cpus = 0};

static void note(unsigned cpu, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

static void note(unsigned cpu, const char *fmt, ...)
{
	size_t used = strlen(fake.log);
	char what[128];
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(what, sizeof(what), fmt, ap);
	va_end(ap);
	snprintf(fake.log + used, sizeof(fake.log) - used, "%scpu%u:%s", used ? " " : "", cpu,
	         what);
}

void kmod_fake_reset(unsigned conf_cpus, unsigned devices, uint32_t ring_size, uint64_t api_version)
{
	for (unsigned i = 0; i < KMOD_FAKE_MAX_CPUS; i++) {
		if (fake.cpu[i].fd >= 0 && fake.cpu[i].ring)
			__real_close(fake.cpu[i].fd);
		kmod_ring_image_free(fake.cpu[i].ring);
		fake.cpu[i] = (struct fake_cpu){.fd = -1};
		if (i < devices)
			fake.cpu[i].ring = kmod_ring_image_new((uint16_t)i, ring_size, 0);
	}
	fake.conf_cpus = conf_cpus;
	fake.api_version = api_version;
	fake.enable_errno = 0;
	fake.log[0] = '\0';
}

void kmod_fake_open_error(unsigned cpu, int err)
{
	fake.cpu[cpu].open_errno = err;
}

void kmod_fake_enable_error(int err)
{
	fake.enable_errno = err;
}

void kmod_fake_header_size(unsigned cpu, uint32_t size)
{
	kmod_ring_image_set_size(fake.cpu[cpu].ring, size);
}

void kmod_fake_event(unsigned cpu, const void *evt, size_t len)
{
	kmod_ring_image_append(fake.cpu[cpu].ring, FALCO_KMOD_RECORD_EVENT, evt, len);
}

void kmod_fake_drops(unsigned cpu, uint64_t drops, uint64_t drops_large)
{
	kmod_ring_image_set_drops(fake.cpu[cpu].ring, drops, drops_large);
}

uint64_t kmod_fake_head(unsigned cpu)
{
	return kmod_ring_image_head(fake.cpu[cpu].ring);
}

uint64_t kmod_fake_tail(unsigned cpu)
{
	return kmod_ring_image_tail(fake.cpu[cpu].ring);
}

const char *kmod_fake_log(void)
{
	return fake.log;
}

int kmod_fake_open_fds(void)
{
	int n = 0;
	for (unsigned i = 0; i < KMOD_FAKE_MAX_CPUS; i++)
		n += fake.cpu[i].fd >= 0;
	return n;
}

int kmod_fake_mappings(void)
{
	int n = 0;
	for (unsigned i = 0; i < KMOD_FAKE_MAX_CPUS; i++)
		n += fake.cpu[i].mappings;
	return n;
}

/* The CPU whose device `path` names, or -1 for any other path. */
static int device_cpu(const char *path)
{
	unsigned cpu;
	char rest;
	if (sscanf(path, "/dev/falco%u%c", &cpu, &rest) != 1 || cpu >= KMOD_FAKE_MAX_CPUS)
		return -1;
	return (int)cpu;
}

/* The CPU whose device `fd` is, or -1. */
static int fd_cpu(int fd)
{
	for (unsigned i = 0; i < KMOD_FAKE_MAX_CPUS; i++)
		if (fd >= 0 && fake.cpu[i].ring && fake.cpu[i].fd == fd)
			return (int)i;
	return -1;
}

int __wrap_open(const char *path, int flags, ...)
{
	mode_t mode = 0;
	if (flags & (O_CREAT | O_TMPFILE)) {
		va_list ap;
		va_start(ap, flags);
		mode = va_arg(ap, mode_t);
		va_end(ap);
	}
	int cpu = device_cpu(path);
	if (cpu < 0)
		return __real_open(path, flags, mode);
	struct fake_cpu *c = &fake.cpu[cpu];
	note((unsigned)cpu, "open");
	if (!c->ring || c->open_errno) {
		errno = c->ring ? c->open_errno : ENOENT;
		return -1;
	}
	if (c->fd >= 0) {
		errno = EBUSY;
		return -1;
	}
	/* A real descriptor, so that poll() and close() work on it. */
	c->fd = __real_open("/dev/null", O_RDWR | O_CLOEXEC);
	return c->fd;
}

int __wrap_close(int fd)
{
	int cpu = fd_cpu(fd);
	if (cpu >= 0) {
		note((unsigned)cpu, "close");
		fake.cpu[cpu].fd = -1;
	}
	return __real_close(fd);
}

int __wrap_ioctl(int fd, unsigned long request, ...)
{
	va_list ap;
	va_start(ap, request);
	void *arg = va_arg(ap, void *);
	va_end(ap);
	int cpu = fd_cpu(fd);
	if (cpu < 0)
		return __real_ioctl(fd, request, arg);
	switch (request) {
	case FALCO_IOCTL_GET_API_VERSION:
		note((unsigned)cpu, "version");
		memcpy(arg, &fake.api_version, sizeof(fake.api_version));
		return 0;
	case FALCO_IOCTL_SET_SNAPLEN:
		note((unsigned)cpu, "snaplen=%u", *(const uint32_t *)arg);
		return 0;
	case FALCO_IOCTL_IGNORE_TGID:
		note((unsigned)cpu, "ignore=%u", *(const uint32_t *)arg);
		return 0;
	case FALCO_IOCTL_ONLY_TGID:
		note((unsigned)cpu, "only=%u", *(const uint32_t *)arg);
		return 0;
	case FALCO_IOCTL_ENABLE:
		note((unsigned)cpu, "enable");
		if (fake.enable_errno) {
			errno = fake.enable_errno;
			return -1;
		}
		return 0;
	case FALCO_IOCTL_DISABLE:
		note((unsigned)cpu, "disable");
		return 0;
	default:
		errno = ENOTTY;
		return -1;
	}
}

void *__wrap_mmap(void *addr, size_t len, int prot, int flags, int fd, off_t off)
{
	int cpu = fd_cpu(fd);
	if (cpu < 0)
		return __real_mmap(addr, len, prot, flags, fd, off);
	struct fake_cpu *c = &fake.cpu[cpu];
	size_t whole = kmod_ring_image_mapping_bytes(c->ring);
	note((unsigned)cpu, "mmap=%zu", len);
	/* What the module accepts: offset 0, shared, the header page or the whole ring. */
	if (off != 0 || !(flags & MAP_SHARED) || (len != FALCO_KMOD_HEADER_BYTES && len != whole)) {
		errno = EINVAL;
		return MAP_FAILED;
	}
	c->mappings++;
	return kmod_ring_image_mapping(c->ring);
}

int __wrap_munmap(void *addr, size_t len)
{
	for (unsigned i = 0; i < KMOD_FAKE_MAX_CPUS; i++) {
		struct fake_cpu *c = &fake.cpu[i];
		if (c->ring && c->mappings > 0 && addr == kmod_ring_image_mapping(c->ring)) {
			note(i, "munmap=%zu", len);
			c->mappings--;
			return 0;
		}
	}
	return __real_munmap(addr, len);
}

long __wrap_sysconf(int name)
{
	if (name == _SC_NPROCESSORS_CONF && fake.conf_cpus)
		return fake.conf_cpus;
	return __real_sysconf(name);
}
