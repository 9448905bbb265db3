/* A pretend falco kernel module for kmod_engine_test: the test binary is linked with
 * -Wl,--wrap=open,--wrap=close,--wrap=ioctl,--wrap=mmap,--wrap=munmap,--wrap=sysconf, and the
 * wrappers answer for /dev/falco<cpu> (rings from kmod_ring_image.h) while passing everything else
 * to the system. In C, like kmod_ring_image.h, for the ABI header's sake. */
#ifndef SCAP_TEST_KMOD_FAKE_DEVICE_H
#define SCAP_TEST_KMOD_FAKE_DEVICE_H

#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

#define KMOD_FAKE_MAX_CPUS 64

/* Starts over: sysconf(_SC_NPROCESSORS_CONF) says `conf_cpus`; devices exist for CPUs
 * 0..devices-1, each with a ring of `ring_size` bytes, driver API `api_version`
 * (major << 32 | minor << 16 | patch). Frees what the previous run left. */
void kmod_fake_reset(unsigned conf_cpus, unsigned devices, uint32_t ring_size,
                     uint64_t api_version);

/* Faults to inject: open() of CPU `cpu`'s device fails with `err`; the ENABLE ioctl fails with
 * `err`; CPU `cpu`'s header says a data area of `size` bytes. */
void kmod_fake_open_error(unsigned cpu, int err);
void kmod_fake_enable_error(int err);
void kmod_fake_header_size(unsigned cpu, uint32_t size);

/* Appends an event record (`len` bytes) to CPU `cpu`'s ring, as the module would. */
void kmod_fake_event(unsigned cpu, const void *evt, size_t len);
/* Sets CPU `cpu`'s drop counters in its header. */
void kmod_fake_drops(unsigned cpu, uint64_t drops, uint64_t drops_large);
/* CPU `cpu`'s ring: head and tail. */
uint64_t kmod_fake_head(unsigned cpu);
uint64_t kmod_fake_tail(unsigned cpu);

/* What the engine did: every ioctl and open as "cpuN:WHAT[=VALUE]" separated by spaces, in order
 * ("cpu0:open cpu0:version cpu0:snaplen=80 ... cpu0:enable"); how many device fds are open and
 * how many ring mappings are mapped right now. */
const char *kmod_fake_log(void);
int kmod_fake_open_fds(void);
int kmod_fake_mappings(void);

#ifdef __cplusplus
}
#endif

#endif
