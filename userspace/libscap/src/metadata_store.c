#include "metadata_store.h"

#include <stdlib.h>
#include <string.h>

/* Appends one zeroed element to a growable array. */
static void *store_append(void **items, uint32_t *count, uint32_t *cap, size_t size)
{
	if (*count == *cap) {
		uint32_t grown = *cap ? *cap * 2 : 64;
		void *bigger = realloc(*items, (size_t)grown * size);
		if (!bigger)
			return NULL;
		*items = bigger;
		*cap = grown;
	}
	void *slot = (char *)*items + (size_t)(*count)++ * size;
	memset(slot, 0, size);
	return slot;
}

#define STORE_ADDER(fn, type, field, counter, capacity)                                            \
	type *fn(struct scap_metadata_store *store)                                                \
	{                                                                                          \
		return store_append((void **)&store->field, &store->meta.counter,                  \
		                    &store->capacity, sizeof(type));                               \
	}

STORE_ADDER(scap_store_add_thread, struct scap_threadinfo, threads, nthreads, threads_cap)
STORE_ADDER(scap_store_add_fdlist, struct scap_fdlist, fdlists, nfdlists, fdlists_cap)
STORE_ADDER(scap_store_add_user, struct scap_userinfo, users, nusers, users_cap)
STORE_ADDER(scap_store_add_group, struct scap_groupinfo, groups, ngroups, groups_cap)
STORE_ADDER(scap_store_add_iface, struct scap_ifinfo, ifaces, nifaces, ifaces_cap)

#undef STORE_ADDER

static int compare_thread(const void *a, const void *b)
{
	uint64_t x = ((const struct scap_threadinfo *)a)->tid;
	uint64_t y = ((const struct scap_threadinfo *)b)->tid;
	return (x > y) - (x < y);
}

static int compare_fdlist(const void *a, const void *b)
{
	uint64_t x = ((const struct scap_fdlist *)a)->tid;
	uint64_t y = ((const struct scap_fdlist *)b)->tid;
	return (x > y) - (x < y);
}

void scap_store_finish(struct scap_metadata_store *store)
{
	struct scap_metadata *meta = &store->meta;

	if (meta->nthreads)
		qsort(store->threads, meta->nthreads, sizeof(*store->threads), compare_thread);
	if (meta->nfdlists)
		qsort(store->fdlists, meta->nfdlists, sizeof(*store->fdlists), compare_fdlist);
	for (uint32_t i = 0; i < meta->nthreads; i++) {
		struct scap_fdlist key = {.tid = store->threads[i].tid};
		store->threads[i].fdlist =
		    meta->nfdlists
		        ? bsearch(&key, store->fdlists, meta->nfdlists, sizeof(key), compare_fdlist)
		        : NULL;
	}
	meta->threads = store->threads;
	meta->fdlists = store->fdlists;
	meta->users = store->users;
	meta->groups = store->groups;
	meta->ifaces = store->ifaces;
}

void scap_store_clear(struct scap_metadata_store *store)
{
	free(store->threads);
	free(store->fdlists);
	free(store->users);
	free(store->groups);
	free(store->ifaces);
	scap_arena_reset(&store->arena);
	memset(store, 0, sizeof(*store));
}

const struct scap_threadinfo *scap_metadata_find_thread(const struct scap_metadata *meta,
                                                        uint64_t tid)
{
	struct scap_threadinfo key = {.tid = tid};

	if (!meta || !meta->nthreads)
		return NULL;
	return bsearch(&key, meta->threads, meta->nthreads, sizeof(key), compare_thread);
}
