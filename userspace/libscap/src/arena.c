#include "arena.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#define ARENA_CHUNK_SIZE (64 * 1024)

struct scap_arena_chunk {
	struct scap_arena_chunk *next;
	size_t used, size;
	_Alignas(max_align_t) unsigned char data[];
};

void *scap_arena_alloc(struct scap_arena *arena, size_t size)
{
	const size_t align = _Alignof(max_align_t);
	size_t rounded = (size + align - 1) & ~(align - 1);
	struct scap_arena_chunk *chunk = arena->head;

	if (rounded < size)
		return NULL;
	if (!chunk || chunk->size - chunk->used < rounded) {
		size_t capacity = rounded > ARENA_CHUNK_SIZE ? rounded : ARENA_CHUNK_SIZE;

		chunk = malloc(sizeof(*chunk) + capacity);
		if (!chunk)
			return NULL;
		chunk->used = 0;
		chunk->size = capacity;
		chunk->next = arena->head;
		arena->head = chunk;
	}
	void *out = chunk->data + chunk->used;
	chunk->used += rounded;
	return out;
}

char *scap_arena_strndup(struct scap_arena *arena, const void *data, size_t len)
{
	char *out = scap_arena_alloc(arena, len + 1);

	if (!out)
		return NULL;
	if (len)
		memcpy(out, data, len);
	out[len] = '\0';
	return out;
}

void scap_arena_reset(struct scap_arena *arena)
{
	struct scap_arena_chunk *chunk = arena->head;

	while (chunk) {
		struct scap_arena_chunk *next = chunk->next;
		free(chunk);
		chunk = next;
	}
	arena->head = NULL;
}
