/* What a tracee's sockets are, from outside it: the local and remote ends of one as PT_SOCKTUPLE
 * (encoded by driver_fill/fill_sockaddr.h), and the queue facts /proc/net gives. */
#ifndef PTRACE_SOCKETS_H
#define PTRACE_SOCKETS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <sys/types.h>

/* Encodes the two ends of socket `fd` of process `tgid` as PT_SOCKTUPLE into `out`
 * (FILL_SOCK_ENCODED_MAX bytes): local end first, or remote end first when `inbound` (accepted
 * connections, received data). Returns the bytes written, 0 when fd is not an inet or Unix socket
 * or is gone. `proc` is the procfs mount. */
size_t ptrace_socktuple(const char *proc, pid_t tgid, int fd, bool inbound, uint8_t *out);

/* What /proc/net says about a socket beyond its addresses. */
struct ptrace_sock_queue {
	uint64_t len;  /* listening socket: connections waiting to be accepted */
	uint64_t max;  /* listening socket: the backlog */
	uint64_t sock; /* the kernel address of its struct sock; 0 where kptr_restrict hides it */
};

/* Fills `q` for socket `fd` of `tgid` (zeros for what is not known). */
void ptrace_sock_queue_of(const char *proc, pid_t tgid, int fd, struct ptrace_sock_queue *q);

#endif
