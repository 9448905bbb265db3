/* libFuzzer target: the kmod engine's ring reader over rings made of any bytes. Each ring is a heap
 * block of exactly its mapping's size, so a read outside it is an ASan error.
 *
 * Input: one byte for the number of rings (1 to 3), then per ring: one byte b choosing the data
 * area's size (64 << (b % 4) bytes; bit 7 keeps the tail's low bits), the tail (u64,
 * little-endian; rounded down to a multiple of 8), how far the head is past it (u16, modulo the
 * size + 16) and the data area; what the input lacks is zero. The seeds (kmod_rings_seeds/) were
 * made once with a few lines of Python in this layout: three CPUs with interleaved events, a ring
 * that wraps with padding, and events of both parameter-length widths. The header's `size` and
 * `cpu` are right: kmod_ring_init() checks those and its refusals are covered by the unit tests. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "falco_kmod/kmod_abi.h"
#include "scap/scap.h"
#include "userspace/libscap/src/kmod/kmod_rings.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

#define MAX_RINGS 3

struct input {
	const uint8_t *data;
	size_t size;
};

/* Copies up to n bytes from the input, zero-filling what is missing. */
static void take(struct input *in, void *out, size_t n)
{
	size_t have = in->size < n ? in->size : n;
	memcpy(out, in->data, have);
	memset((uint8_t *)out + have, 0, n - have);
	in->data += have;
	in->size -= have;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct input in = {data, size};
	struct kmod_ring rings[MAX_RINGS];
	void *maps[MAX_RINGS] = {0};
	char err[SCAP_ERRMSG_SIZE];
	uint8_t count;
	uint32_t n = 0;

	take(&in, &count, 1);
	count = (uint8_t)(1 + count % MAX_RINGS);
	for (uint32_t i = 0; i < count; i++) {
		uint8_t shift;
		uint64_t tail;
		uint16_t ahead;
		take(&in, &shift, 1);
		take(&in, &tail, sizeof(tail));
		take(&in, &ahead, sizeof(ahead));
		uint32_t ring_size = 64u << (shift % 4);
		size_t bytes = FALCO_KMOD_HEADER_BYTES + ring_size;
		uint8_t *map = calloc(1, bytes);
		if (!map)
			break;
		maps[i] = map;
		struct falco_kmod_ring_header *h = (void *)map;
		h->size = ring_size;
		h->cpu = i;
		/* Mostly valid windows: a tail on a record boundary and a head at most a little
		 * past the ring's size ahead of it. */
		h->tail = (shift & 0x80) ? tail : tail & ~7ull;
		h->head = h->tail + ahead % (ring_size + 16);
		h->drops = tail;
		take(&in, map + FALCO_KMOD_HEADER_BYTES, ring_size);
		if (kmod_ring_init(&rings[n], map, bytes, (uint16_t)i, err, sizeof(err)) == 0)
			n++;
	}
	struct kmod_rings rs;
	kmod_rings_init(&rs, rings, n);
	const struct scap_evt *evt;
	uint16_t cpu;
	volatile uint64_t sink = kmod_rings_drops(&rs);
	/* Every record takes at least 8 bytes of a window of at most 512: this ends. */
	for (int i = 0; i < 1000; i++) {
		int rc = kmod_rings_next(&rs, &evt, &cpu, err, sizeof(err));
		if (rc != KMOD_RINGS_EVENT)
			break;
		struct scap_param p;
		for (uint32_t k = 0; scap_event_param(evt, k, &p) == 0; k++)
			sink += p.len ? p.data[p.len - 1] : 0;
		sink += evt->ts + cpu;
	}
	(void)sink;
	for (uint32_t i = 0; i < MAX_RINGS; i++)
		free(maps[i]);
	return 0;
}
