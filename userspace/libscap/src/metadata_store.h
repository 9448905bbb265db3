/* Builds the metadata of one section as its blocks are read, then links it into the public
 * struct scap_metadata (threads to their fd lists, sorted for lookup). */
#ifndef SCAP_METADATA_STORE_H
#define SCAP_METADATA_STORE_H

#include <stdint.h>

#include "arena.h"
#include "scap/scap_metadata.h"

struct scap_metadata_store {
	struct scap_metadata meta;
	struct scap_arena arena;
	struct scap_threadinfo *threads;
	struct scap_fdlist *fdlists;
	struct scap_userinfo *users;
	struct scap_groupinfo *groups;
	struct scap_ifinfo *ifaces;
	uint32_t threads_cap, fdlists_cap, users_cap, groups_cap, ifaces_cap;
};

/* Each returns a zeroed slot at the end of its list, or NULL when memory runs out. */
struct scap_threadinfo *scap_store_add_thread(struct scap_metadata_store *store);
struct scap_fdlist *scap_store_add_fdlist(struct scap_metadata_store *store);
struct scap_userinfo *scap_store_add_user(struct scap_metadata_store *store);
struct scap_groupinfo *scap_store_add_group(struct scap_metadata_store *store);
struct scap_ifinfo *scap_store_add_iface(struct scap_metadata_store *store);

/* Sorts threads and fd lists by tid and points each thread at its fd list. */
void scap_store_finish(struct scap_metadata_store *store);

/* Frees everything; the store is empty again. */
void scap_store_clear(struct scap_metadata_store *store);

#endif
