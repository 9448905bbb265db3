/* A growable byte buffer for assembling blocks before they are written. */
#ifndef SCAP_BYTES_H
#define SCAP_BYTES_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

struct scap_bytes {
	uint8_t *data;
	size_t len, cap;
	bool failed; /* an allocation failed; further appends do nothing */
};

static inline void scap_bytes_append(struct scap_bytes *b, const void *src, size_t n)
{
	if (b->failed)
		return;
	if (b->len + n > b->cap) {
		size_t cap = b->cap ? b->cap : 4096;
		while (cap < b->len + n)
			cap *= 2;
		uint8_t *grown = realloc(b->data, cap);
		if (!grown) {
			b->failed = true;
			return;
		}
		b->data = grown;
		b->cap = cap;
	}
	if (n)
		memcpy(b->data + b->len, src, n);
	b->len += n;
}

#define SCAP_BYTES_PUT(name, type)                                                                 \
	static inline void scap_bytes_##name(struct scap_bytes *b, type v)                         \
	{                                                                                          \
		scap_bytes_append(b, &v, sizeof(v));                                               \
	}

SCAP_BYTES_PUT(u8, uint8_t)
SCAP_BYTES_PUT(u16, uint16_t)
SCAP_BYTES_PUT(u32, uint32_t)
SCAP_BYTES_PUT(u64, uint64_t)
SCAP_BYTES_PUT(i64, int64_t)

#undef SCAP_BYTES_PUT

/* Overwrites 4 bytes at `at` (a length written before its entry was complete). */
static inline void scap_bytes_patch_u32(struct scap_bytes *b, size_t at, uint32_t v)
{
	if (!b->failed)
		memcpy(b->data + at, &v, sizeof(v));
}

#endif
