#include "threads.h"

#include <stdlib.h>
#include <string.h>

/* Open addressing with linear probing; removal shifts the following entries back, so there are
 * no tombstones and lookups stop at the first free slot. */
static uint32_t slot_of(const struct ptrace_threads *t, pid_t tid)
{
	return ((uint32_t)tid * 2654435761u) & (t->cap - 1);
}

struct ptrace_thread *ptrace_threads_find(struct ptrace_threads *t, pid_t tid)
{
	if (!t->cap)
		return NULL;
	for (uint32_t i = slot_of(t, tid);; i = (i + 1) & (t->cap - 1)) {
		if (t->slots[i].tid == tid)
			return &t->slots[i];
		if (t->slots[i].tid == 0)
			return NULL;
	}
}

static int grow(struct ptrace_threads *t)
{
	uint32_t cap = t->cap ? t->cap * 2 : 64;
	struct ptrace_thread *slots = calloc(cap, sizeof(*slots));
	if (!slots)
		return -1;
	struct ptrace_threads bigger = {slots, cap, 0};
	for (uint32_t i = 0; i < t->cap; i++) {
		if (t->slots[i].tid) {
			*ptrace_threads_add(&bigger, t->slots[i].tid) = t->slots[i];
		}
	}
	free(t->slots);
	*t = bigger;
	return 0;
}

struct ptrace_thread *ptrace_threads_add(struct ptrace_threads *t, pid_t tid)
{
	struct ptrace_thread *found = ptrace_threads_find(t, tid);
	if (found)
		return found;
	if ((t->count + 1) * 2 > t->cap && grow(t) < 0)
		return NULL;
	uint32_t i = slot_of(t, tid);
	while (t->slots[i].tid)
		i = (i + 1) & (t->cap - 1);
	memset(&t->slots[i], 0, sizeof(t->slots[i]));
	t->slots[i].tid = tid;
	t->count++;
	return &t->slots[i];
}

void ptrace_thread_forget_strings(struct ptrace_thread *th)
{
	for (int i = 0; i < 6; i++) {
		free(th->saved_str[i]);
		th->saved_str[i] = NULL;
	}
}

void ptrace_threads_remove(struct ptrace_threads *t, pid_t tid)
{
	struct ptrace_thread *found = ptrace_threads_find(t, tid);
	if (!found)
		return;
	ptrace_thread_forget_strings(found);
	uint32_t hole = (uint32_t)(found - t->slots);
	uint32_t mask = t->cap - 1;
	for (uint32_t i = (hole + 1) & mask; t->slots[i].tid; i = (i + 1) & mask) {
		uint32_t home = slot_of(t, t->slots[i].tid);
		/* Move the entry back when its home is not between the hole and it (cyclically). */
		if (((i - home) & mask) >= ((i - hole) & mask)) {
			t->slots[hole] = t->slots[i];
			hole = i;
		}
	}
	memset(&t->slots[hole], 0, sizeof(t->slots[hole]));
	t->count--;
}

void ptrace_threads_free(struct ptrace_threads *t)
{
	for (uint32_t i = 0; i < t->cap; i++)
		ptrace_thread_forget_strings(&t->slots[i]);
	free(t->slots);
	memset(t, 0, sizeof(*t));
}
