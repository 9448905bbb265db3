/* A bounds-checked little-endian reader over a byte range. Reading past the end never touches
 * memory: it yields zeros and clears `ok`, which the caller checks once per record. */
#ifndef SCAP_CURSOR_H
#define SCAP_CURSOR_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

struct scap_cursor {
	const uint8_t *pos;
	const uint8_t *end;
	bool ok;
};

static inline struct scap_cursor scap_cursor_make(const void *data, size_t len)
{
	struct scap_cursor c = {data, (const uint8_t *)data + len, true};
	return c;
}

static inline size_t scap_cursor_left(const struct scap_cursor *c)
{
	return (size_t)(c->end - c->pos);
}

/* Returns a pointer to the next `n` bytes and moves past them, or NULL (and ok = false). */
static inline const uint8_t *scap_cursor_take(struct scap_cursor *c, size_t n)
{
	if (!c->ok || scap_cursor_left(c) < n) {
		c->ok = false;
		return NULL;
	}
	const uint8_t *at = c->pos;
	c->pos += n;
	return at;
}

static inline void scap_cursor_copy(struct scap_cursor *c, void *out, size_t n)
{
	const uint8_t *at = scap_cursor_take(c, n);
	if (at)
		memcpy(out, at, n);
	else
		memset(out, 0, n);
}

#define SCAP_CURSOR_READER(name, type)                                                             \
	static inline type scap_cursor_##name(struct scap_cursor *c)                               \
	{                                                                                          \
		type v;                                                                            \
		scap_cursor_copy(c, &v, sizeof(v));                                                \
		return v;                                                                          \
	}

SCAP_CURSOR_READER(u8, uint8_t)
SCAP_CURSOR_READER(u16, uint16_t)
SCAP_CURSOR_READER(u32, uint32_t)
SCAP_CURSOR_READER(u64, uint64_t)
SCAP_CURSOR_READER(i64, int64_t)

#undef SCAP_CURSOR_READER

#endif
