/* The capture state the devices set and the probes read: the switch and the settings of the
 * current session, and for every possible CPU its ring, scratch buffer and counters. */
#ifndef FALCO_CAPTURE_H
#define FALCO_CAPTURE_H

#include <linux/compiler.h>
#include <linux/sched.h>
#include <linux/timekeeping.h>
#include <linux/types.h>

#include "falco_kmod/kmod_abi.h"
#include "ring.h"

/* Bytes of the per-CPU buffer a record is built in before it is copied into the ring. */
#define FALCO_SCRATCH_BYTES (128u * 1024u)

/* What the reader chose for this session; written by ioctls, read by the probes with READ_ONCE. */
struct falco_settings {
	bool enabled;
	u32 snaplen;
	u32 ignore_tgid; /* 0 for none */
	u32 only_tgid;   /* 0 for every process */
};

/* One CPU. The probes running on the CPU own ring, scratch and syscalls; `open` belongs to the
 * device code (under its lock). */
struct falco_cpu {
	struct falco_ring ring;
	void *scratch; /* FALCO_SCRATCH_BYTES */
	u64 syscalls;  /* system-call entries and exits seen while capturing */
	bool open;
};

extern struct falco_settings falco_settings;

/* Nanoseconds to add to the boot clock to get the time since the epoch (set at load). */
extern u64 falco_boot_to_epoch;

/* Allocates the state of every possible CPU with rings of `ring_bytes` bytes. */
int falco_capture_init(u32 ring_bytes);

/* Frees what falco_capture_init() allocated. Only once no probe can run. */
void falco_capture_exit(void);

/* The state of CPU `cpu` (a possible CPU). */
struct falco_cpu *falco_cpu(unsigned int cpu);

/* Ends a session: capture off, waits for running probes, empties the rings, zeroes the counters
 * and restores the default settings. Sleeps; only while nothing maps a ring. */
void falco_capture_stop(void);

/* Copies the counters of `fc` into `stats`. */
void falco_capture_stats(const struct falco_cpu *fc, struct falco_kmod_stats *stats);

/* Event timestamp: ns since the epoch, from a clock that never goes back. */
static inline u64 falco_now(void)
{
	return ktime_get_boottime_ns() + falco_boot_to_epoch;
}

#endif
