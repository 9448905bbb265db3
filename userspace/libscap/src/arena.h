/* A bump allocator for metadata: many small strings and arrays freed all at once. */
#ifndef SCAP_ARENA_H
#define SCAP_ARENA_H

#include <stddef.h>

struct scap_arena_chunk;

struct scap_arena {
	struct scap_arena_chunk *head;
};

/* Returns `size` bytes aligned for any type, or NULL when memory runs out. */
void *scap_arena_alloc(struct scap_arena *arena, size_t size);

/* Copies `len` bytes and adds a NUL; NULL when memory runs out. */
char *scap_arena_strndup(struct scap_arena *arena, const void *data, size_t len);

/* Frees every allocation at once; the arena can be used again. */
void scap_arena_reset(struct scap_arena *arena);

#endif
