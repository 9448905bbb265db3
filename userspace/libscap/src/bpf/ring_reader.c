#include "ring_reader.h"

#include <errno.h>
#include <poll.h>
#include <stdatomic.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

/* Record header flags (the kernel's ring buffer ABI). */
#define RING_BUSY_BIT (1u << 31)
#define RING_DISCARD_BIT (1u << 30)
#define RING_HEADER_SIZE 8u

int scap_ring_reader_open(struct scap_ring_reader *r, int map_fd, size_t size)
{
	memset(r, 0, sizeof(*r));
	r->map_fd = map_fd;
	r->size = size;
	r->page = (size_t)sysconf(_SC_PAGESIZE);
	void *consumer = mmap(NULL, r->page, PROT_READ | PROT_WRITE, MAP_SHARED, map_fd, 0);
	if (consumer == MAP_FAILED)
		return -errno;
	/* The data area is mapped twice in a row, so a record that wraps reads contiguously. */
	void *producer =
	    mmap(NULL, r->page + 2 * size, PROT_READ, MAP_SHARED, map_fd, (off_t)r->page);
	if (producer == MAP_FAILED) {
		int e = errno;
		munmap(consumer, r->page);
		return -e;
	}
	r->consumer_pos = consumer;
	r->producer_pos = producer;
	r->data = (const uint8_t *)producer + r->page;
	return 0;
}

static size_t round_up8(size_t n)
{
	return (n + 7) & ~(size_t)7;
}

int scap_ring_reader_next(struct scap_ring_reader *r, const uint8_t **data, uint32_t *len)
{
	unsigned long cons = *r->consumer_pos;

	if (r->pending) {
		cons += r->pending;
		r->pending = 0;
		atomic_store_explicit((_Atomic unsigned long *)r->consumer_pos, cons,
		                      memory_order_release);
	}
	for (;;) {
		unsigned long prod = atomic_load_explicit((_Atomic unsigned long *)r->producer_pos,
		                                          memory_order_acquire);
		if (cons >= prod)
			return 1;
		const uint32_t *header = (const uint32_t *)(r->data + (cons & (r->size - 1)));
		uint32_t word =
		    atomic_load_explicit((_Atomic uint32_t *)header, memory_order_acquire);
		if (word & RING_BUSY_BIT)
			return 1;
		uint32_t record_len = word & ~(RING_BUSY_BIT | RING_DISCARD_BIT);
		size_t total = round_up8(RING_HEADER_SIZE + record_len);
		if (word & RING_DISCARD_BIT) {
			cons += total;
			atomic_store_explicit((_Atomic unsigned long *)r->consumer_pos, cons,
			                      memory_order_release);
			continue;
		}
		*data = (const uint8_t *)header + RING_HEADER_SIZE;
		*len = record_len;
		r->pending = total;
		return 0;
	}
}

void scap_ring_reader_wait(struct scap_ring_reader *r, int timeout_ms)
{
	struct pollfd pfd = {.fd = r->map_fd, .events = POLLIN};
	poll(&pfd, 1, timeout_ms);
}

void scap_ring_reader_close(struct scap_ring_reader *r)
{
	if (r->consumer_pos)
		munmap(r->consumer_pos, r->page);
	if (r->producer_pos)
		munmap((void *)r->producer_pos, r->page + 2 * r->size);
	memset(r, 0, sizeof(*r));
}
