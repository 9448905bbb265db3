/* One CPU's ring: the memory a reader maps (header page, then the data area) and the writer's side
 * of the protocol kmod_abi.h describes. Only the CPU that owns a ring appends to it, with
 * preemption disabled, so appends need no lock. */
#ifndef FALCO_RING_H
#define FALCO_RING_H

#include <linux/mm_types.h>
#include <linux/types.h>

#include "falco_kmod/kmod_abi.h"

/* Smallest and largest data area, in bytes (a power of two in between). */
#define FALCO_RING_MIN_BYTES PAGE_SIZE
#define FALCO_RING_MAX_BYTES (1u << 30)

/* The reader can write anything into the header page, so the module keeps its own copy of every
 * field it owns and only ever reads `tail` back, never trusting it further than a bound check. */
struct falco_ring {
	struct falco_kmod_ring_header *hdr; /* start of the mapped memory (vmalloc_user) */
	u8 *data;                           /* the data area, `size` bytes after the header */
	u32 size;                           /* bytes in the data area, a power of two */
	u32 cpu;
	u64 head;
	u64 events;
	u64 drops;
	u64 drops_large;
};

/* Allocates the ring of `cpu` with a data area of `size` bytes (a power of two) and resets it. */
int falco_ring_alloc(struct falco_ring *ring, u32 size, unsigned int cpu);

/* Frees what falco_ring_alloc() allocated; safe on a ring that was never allocated. */
void falco_ring_free(struct falco_ring *ring);

/* Empties the ring and zeroes its counters. Only while no one appends and no one maps it. */
void falco_ring_reset(struct falco_ring *ring);

/* Appends one event record of `len` bytes. Returns false, counting a drop, when the ring has no
 * room. Never sleeps; call on the ring's own CPU with preemption disabled. */
bool falco_ring_append(struct falco_ring *ring, const void *rec, u32 len);

/* Counts a record lost because it did not fit the module's scratch buffer. Same context. */
void falco_ring_drop_large(struct falco_ring *ring);

/* Maps the ring into `vma` (the device's mmap). Accepted: offset 0 for FALCO_KMOD_HEADER_BYTES or
 * for the header and the whole data area (read-write: the reader writes `tail`), and offset
 * FALCO_KMOD_HEADER_BYTES for the data area alone (read-only). Always MAP_SHARED. */
int falco_ring_mmap(struct falco_ring *ring, struct vm_area_struct *vma);

#endif
