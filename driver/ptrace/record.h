/* Builds one event record in the layout every driver writes: the 26-byte header (ts, tid, len,
 * type, nparams), the parameter lengths (u16, or u32 for large-payload events) and the values
 * back to back. Parameters are appended in record order. */
#ifndef PTRACE_RECORD_H
#define PTRACE_RECORD_H

#include <stddef.h>
#include <stdint.h>

#define PTRACE_RECORD_HEADER 26u

struct ptrace_record {
	uint8_t *buf;
	size_t cap;
	size_t used;      /* header, lengths and the values appended so far */
	uint32_t nparams; /* the event's parameter count */
	uint32_t next;    /* parameters appended so far */
	unsigned width;   /* bytes per length: 2 or 4 */
	uint32_t max_len; /* the most bytes one parameter may hold */
	int failed;       /* an allocation failed: the record is unusable */
};

/* Starts a record of event `type` in `r` (whose buffer it reuses and grows as needed). */
void ptrace_record_start(struct ptrace_record *r, uint16_t type, uint64_t ts, uint64_t tid);

/* Appends the next parameter: `len` bytes of `data` (cut to what a length can say). */
void ptrace_record_put(struct ptrace_record *r, const void *data, size_t len);

/* Appends the next parameter as an integer of `size` bytes (1, 2, 4 or 8), little-endian. */
void ptrace_record_put_int(struct ptrace_record *r, uint64_t value, unsigned size);

/* Starts the next parameter: returns room for `max` bytes where its value goes (valid until
 * ptrace_record_end), or NULL when memory runs out or every parameter is there. */
uint8_t *ptrace_record_begin(struct ptrace_record *r, size_t max);

/* Ends the parameter begun last with its first `used` bytes (cut to what a length can say). */
void ptrace_record_end(struct ptrace_record *r, size_t used);

/* Gives parameters not appended an empty value, writes the total length, and returns it (0 when
 * the record could not be built). The record is r->buf[0 .. length). */
uint32_t ptrace_record_finish(struct ptrace_record *r);

/* Frees the buffer. */
void ptrace_record_free(struct ptrace_record *r);

#endif
