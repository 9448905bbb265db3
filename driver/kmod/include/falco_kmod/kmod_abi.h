/* What the falco kernel module and libscap's kmod engine agree on: the devices, the ioctls, and
 * the layout of the per-CPU rings a reader maps. Kernel- and userspace-safe.
 *
 * The module creates one character device per possible CPU, /dev/falco<cpu>. A reader opens each
 * (one reader at a time: a second open gets EBUSY), maps it, and turns capture on with
 * FALCO_IOCTL_ENABLE. Capture stops when the last device is closed.
 *
 * A mapping of a device is FALCO_KMOD_HEADER_BYTES of struct falco_kmod_ring_header followed by the
 * data area of header.size bytes (a power of two). The module appends records at `head`; the
 * reader consumes them and advances `tail`. Both are byte counts that only grow; a record starts
 * at data[(pos) & (size - 1)]. A record never wraps: when one does not fit before the end of the
 * data area, the module writes a padding record there and starts again at offset 0. Every record
 * starts on an 8-byte boundary with a struct falco_kmod_record_prefix. The module publishes a
 * record with a store-release of `head`; the reader frees space with a store-release of `tail`.
 * A full ring never blocks a system call: the record is dropped and counted. */
#ifndef FALCO_KMOD_ABI_H
#define FALCO_KMOD_ABI_H

#ifdef __KERNEL__
#include <linux/ioctl.h>
#include <linux/types.h>
#else
#include <linux/types.h>
#include <sys/ioctl.h>
#endif

/* The module's name (lsmod, /proc/modules) and the prefix of its devices. */
#define FALCO_KMOD_NAME "falco"
/* printf format of the device of CPU n. */
#define FALCO_KMOD_DEVICE_FORMAT "/dev/falco%u"

/* Bytes before the data area in a mapping (one 4 KiB page). */
#define FALCO_KMOD_HEADER_BYTES 4096u

/* The first page of a mapping. The module writes everything but `tail`. */
struct falco_kmod_ring_header {
	__u64 head;        /* bytes written so far (module) */
	__u64 tail;        /* bytes consumed so far (reader) */
	__u32 size;        /* bytes in the data area, a power of two */
	__u32 cpu;         /* the CPU whose events this ring holds */
	__u64 events;      /* records written */
	__u64 drops;       /* records lost because the ring was full */
	__u64 drops_large; /* records lost because they exceeded the module's scratch buffer */
};

/* Every record starts with this prefix; `bytes` covers the prefix, the event and the padding
 * to the next 8-byte boundary. */
struct falco_kmod_record_prefix {
	__u32 bytes;
	__u32 kind; /* enum falco_kmod_record_kind */
};

enum falco_kmod_record_kind {
	/* An event record (driver_api layout: the 26-byte header first) follows the prefix. */
	FALCO_KMOD_RECORD_EVENT = 0,
	/* Nothing follows: skip to offset 0 of the data area. */
	FALCO_KMOD_RECORD_PADDING = 1,
};

/* Counters of one CPU, as FALCO_IOCTL_GET_STATS returns them for the device's CPU. */
struct falco_kmod_stats {
	__u64 events;      /* records written to the ring */
	__u64 drops;       /* records lost: ring full */
	__u64 drops_large; /* records lost: larger than the scratch buffer */
	__u64 syscalls;    /* system-call entries and exits seen while capturing */
};

#define FALCO_IOCTL_MAGIC 'f'
/* Turns capture on (all CPUs). */
#define FALCO_IOCTL_ENABLE _IO(FALCO_IOCTL_MAGIC, 1)
/* Turns capture off (all CPUs). */
#define FALCO_IOCTL_DISABLE _IO(FALCO_IOCTL_MAGIC, 2)
/* I/O data bytes kept per event: 1 to FALCO_KMOD_MAX_SNAPLEN, else EINVAL. */
#define FALCO_IOCTL_SET_SNAPLEN _IOW(FALCO_IOCTL_MAGIC, 3, __u32)
/* This device's CPU counters. */
#define FALCO_IOCTL_GET_STATS _IOR(FALCO_IOCTL_MAGIC, 4, struct falco_kmod_stats)
/* The process (thread-group id) whose own system calls are not captured; 0 for none. */
#define FALCO_IOCTL_IGNORE_TGID _IOW(FALCO_IOCTL_MAGIC, 5, __u32)
/* Capture this process only; 0 for every process. */
#define FALCO_IOCTL_ONLY_TGID _IOW(FALCO_IOCTL_MAGIC, 6, __u32)
/* The driver_api version the module was built with, for the reader to check:
 * SCAP_API_VERSION_MAJOR << 32 | SCAP_API_VERSION_MINOR << 16 | SCAP_API_VERSION_PATCH. */
#define FALCO_IOCTL_GET_API_VERSION _IOR(FALCO_IOCTL_MAGIC, 7, __u64)

#define FALCO_KMOD_DEFAULT_SNAPLEN 80u
#define FALCO_KMOD_MAX_SNAPLEN 65536u

#endif
