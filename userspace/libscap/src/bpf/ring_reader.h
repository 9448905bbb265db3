/* Reads a BPF ring buffer map in place: records are handed out as pointers into the mapped ring
 * and released (the consumer position advanced) only when the next one is asked for. */
#ifndef SCAP_BPF_RING_READER_H
#define SCAP_BPF_RING_READER_H

#include <stddef.h>
#include <stdint.h>

struct scap_ring_reader {
	int map_fd;
	size_t size; /* data area, a power of two */
	unsigned long *consumer_pos;
	const unsigned long *producer_pos;
	const uint8_t *data;
	size_t pending; /* bytes of the record handed out last, to release on the next call */
	size_t page;
};

/* Maps the ring of `map_fd`, whose data area is `size` bytes. Returns 0 or a negative errno. */
int scap_ring_reader_open(struct scap_ring_reader *r, int map_fd, size_t size);

/* The next committed record: 0 with `data` and `len` set, 1 when the ring is empty (or the next
 * record is still being written). Discarded records are skipped. */
int scap_ring_reader_next(struct scap_ring_reader *r, const uint8_t **data, uint32_t *len);

/* Waits up to `timeout_ms` for data (poll on the map). */
void scap_ring_reader_wait(struct scap_ring_reader *r, int timeout_ms);

void scap_ring_reader_close(struct scap_ring_reader *r);

#endif
