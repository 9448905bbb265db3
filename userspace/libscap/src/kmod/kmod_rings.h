/* The kernel module's per-CPU rings (falco_kmod/kmod_abi.h), read in place and merged into one
 * stream in timestamp order. Works on memory only: the kmod engine maps the devices and hands the
 * mappings in; the tests and the fuzzer build rings in ordinary memory.
 *
 * Everything read from a ring is checked before it is used: record sizes and kinds, the event
 * header's length against its record, the parameter lengths against the event. A ring that breaks
 * the layout gives an error naming its CPU and the offending position, never a read outside the
 * ring. The ring's size is read once, when the ring is set up; `head` is read with load-acquire;
 * `tail` is this reader's own and is published with store-release. */
#ifndef SCAP_KMOD_RINGS_H
#define SCAP_KMOD_RINGS_H

#include <stddef.h>
#include <stdint.h>

#include "scap/scap_event.h"

#ifdef __cplusplus
extern "C" {
#endif

/* falco_kmod/kmod_abi.h; only kmod_rings.c needs its layout. */
struct falco_kmod_ring_header;

/* Smallest data area accepted: room for a prefix, an event header and its padding. */
#define KMOD_RING_MIN_SIZE 64u

struct kmod_ring {
	struct falco_kmod_ring_header *header; /* shared with the module */
	const uint8_t *data;                   /* the data area, right after the header page */
	uint64_t size;                         /* bytes in the data area, as read at setup */
	uint64_t tail; /* this reader's position (published to header->tail) */
	uint16_t cpu;
	/* The next event of this ring, validated but not consumed yet; NULL when none is known. */
	const struct scap_evt *evt;
	uint64_t ts;    /* its timestamp, read once */
	uint32_t bytes; /* its whole record, prefix and padding included */
};

struct kmod_rings {
	struct kmod_ring *ring; /* `n` rings, in increasing CPU order (ties go to the first) */
	uint32_t n;
	int pending;        /* ring whose event was handed out last, released by the next call */
	uint64_t n_skipped; /* events of codes libscap does not know, consumed unseen */
	int failed;         /* a ring broke the layout: every later call fails the same way */
	char error[256];    /* that failure's message */
};

/* Results of kmod_rings_next() besides negative errors. */
enum kmod_rings_result {
	KMOD_RINGS_EVENT = 0, /* an event was handed out */
	KMOD_RINGS_EMPTY = 1, /* no ring has a complete record */
};

/* Sets up `r` over a mapping of `mapping_bytes` bytes (header page then data area) of CPU `cpu`:
 * checks the header's size (a power of two, at least KMOD_RING_MIN_SIZE, within the mapping), its
 * CPU, and that head and tail make a valid window; reading starts at the header's tail. Returns 0,
 * or SCAP_ERR_FORMAT with the reason in `err`. */
int kmod_ring_init(struct kmod_ring *r, void *mapping, size_t mapping_bytes, uint16_t cpu,
                   char *err, size_t errlen);

/* Drops everything the ring holds (what a previous reader left): the tail moves to the head.
 * Returns 0, or SCAP_ERR_FORMAT when the head is not a valid position. */
int kmod_ring_discard(struct kmod_ring *r, char *err, size_t errlen);

/* `rings` holds `n` rings set up with kmod_ring_init(); they stay owned by the caller. */
void kmod_rings_init(struct kmod_rings *rs, struct kmod_ring *rings, uint32_t n);

/* Releases the event handed out by the previous call (its tail is published; the pointer is no
 * longer valid), then hands out the event with the smallest timestamp among the rings' next
 * events (ties: the lowest CPU). Returns KMOD_RINGS_EVENT with *evt and *cpu set,
 * KMOD_RINGS_EMPTY, or SCAP_ERR_FORMAT with the reason in `err` (and every later call too). */
int kmod_rings_next(struct kmod_rings *rs, const struct scap_evt **evt, uint16_t *cpu, char *err,
                    size_t errlen);

/* Records the module lost on every ring so far (ring full, or larger than its scratch buffer), from
 * the header counters. */
uint64_t kmod_rings_drops(const struct kmod_rings *rs);

#ifdef __cplusplus
}
#endif

#endif
