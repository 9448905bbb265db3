/* What /proc/net says about the sockets of the system, by inode, and the classification of an
 * open file descriptor from its /proc/PID/fd link. */
#ifndef SCAP_PROC_SOCKETS_H
#define SCAP_PROC_SOCKETS_H

#include <stdint.h>
#include <sys/stat.h>

#include "scap/scap_metadata.h"

struct scap_socket_entry {
	uint64_t ino;
	struct scap_fdinfo info; /* type and addresses; name NULL or a path (unix sockets) */
	char path[108];
};

struct scap_socket_index {
	struct scap_socket_entry *entries; /* sorted by ino */
	uint32_t count;
};

void scap_socket_index_load(struct scap_socket_index *index, const char *proc);
void scap_socket_index_free(struct scap_socket_index *index);

/* Sets fd->type, addresses and (for non-path kinds) fd->name from the link target `target`. */
void scap_classify_fd(struct scap_fdinfo *fd, const char *target, const struct stat *st,
                      const struct scap_socket_index *sockets);

#endif
