#include "sockets.h"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <sys/un.h>
#include <unistd.h>

#include "driver_fill/fill_sockaddr.h"

/* A copy of the tracee's fd in this process, through pidfd_getfd (Linux 5.6); -1 when refused. */
static int borrow_fd(pid_t tgid, int fd)
{
#if defined(SYS_pidfd_open) && defined(SYS_pidfd_getfd)
	int pidfd = (int)syscall(SYS_pidfd_open, tgid, 0);
	if (pidfd < 0)
		return -1;
	int copy = (int)syscall(SYS_pidfd_getfd, pidfd, fd, 0);
	close(pidfd);
	return copy;
#else
	(void)tgid;
	(void)fd;
	return -1;
#endif
}

/* The inode of a socket fd from its /proc link ("socket:[INODE]"); 0 when not a socket. */
static uint64_t socket_inode(const char *proc, pid_t tgid, int fd)
{
	char path[96], target[64];
	snprintf(path, sizeof(path), "%s/%d/fd/%d", proc, (int)tgid, fd);
	ssize_t n = readlink(path, target, sizeof(target) - 1);
	if (n <= 0)
		return 0;
	target[n] = '\0';
	unsigned long long ino;
	return sscanf(target, "socket:[%llu]", &ino) == 1 ? ino : 0;
}

/* The address a /proc/net/{tcp,udp}[6] line gives as "HEX:PORT" (address in host order words). */
static int parse_net_addr(const char *text, struct sockaddr_storage *ss, int family)
{
	unsigned port;
	memset(ss, 0, sizeof(*ss));
	if (family == AF_INET) {
		unsigned addr;
		if (sscanf(text, "%8X:%4X", &addr, &port) != 2)
			return -1;
		struct sockaddr_in *in = (void *)ss;
		in->sin_family = AF_INET;
		in->sin_addr.s_addr = addr;
		in->sin_port = htons((uint16_t)port);
		return 0;
	}
	unsigned w[4];
	if (sscanf(text, "%8X%8X%8X%8X:%4X", &w[0], &w[1], &w[2], &w[3], &port) != 5)
		return -1;
	struct sockaddr_in6 *in6 = (void *)ss;
	in6->sin6_family = AF_INET6;
	memcpy(&in6->sin6_addr, w, 16);
	in6->sin6_port = htons((uint16_t)port);
	return 0;
}

/* Looks the socket up by inode in the process's /proc/net tables (when pidfd_getfd is refused). */
static int lookup_proc_net(const char *proc, pid_t tgid, uint64_t ino,
                           struct sockaddr_storage *local, struct sockaddr_storage *remote)
{
	static const struct {
		const char *name;
		int family;
	} tables[] = {{"tcp", AF_INET}, {"udp", AF_INET}, {"tcp6", AF_INET6}, {"udp6", AF_INET6}};

	for (size_t t = 0; t < sizeof(tables) / sizeof(tables[0]); t++) {
		char path[96], line[512];
		snprintf(path, sizeof(path), "%s/%d/net/%s", proc, (int)tgid, tables[t].name);
		FILE *f = fopen(path, "re");
		if (!f)
			continue;
		while (fgets(line, sizeof(line), f)) {
			char laddr[64], raddr[64];
			unsigned long long inode;
			if (sscanf(line, " %*d: %63s %63s %*x %*x:%*x %*x:%*x %*x %*u %*u %llu",
			           laddr, raddr, &inode) != 3 ||
			    inode != ino)
				continue;
			int ok = parse_net_addr(laddr, local, tables[t].family) == 0 &&
			         parse_net_addr(raddr, remote, tables[t].family) == 0;
			fclose(f);
			return ok ? 0 : -1;
		}
		fclose(f);
	}
	return -1;
}

/* The kernel address /proc/net/unix gives a Unix socket (0 where kptr_restrict hides it). */
static uint64_t unix_sock_address(const char *proc, pid_t tgid, uint64_t ino)
{
	char path[96], line[512];
	uint64_t found = 0;
	snprintf(path, sizeof(path), "%s/%d/net/unix", proc, (int)tgid);
	FILE *f = fopen(path, "re");
	if (!f)
		return 0;
	while (fgets(line, sizeof(line), f)) {
		unsigned long long num, inode;
		if (sscanf(line, "%llx: %*x %*x %*x %*x %*x %llu", &num, &inode) == 2 &&
		    inode == ino) {
			found = num;
			break;
		}
	}
	fclose(f);
	return found;
}

size_t ptrace_socktuple(const char *proc, pid_t tgid, int fd, bool inbound, uint8_t *out)
{
	struct sockaddr_storage local, remote;
	socklen_t llen = sizeof(local), rlen = sizeof(remote);
	uint64_t ino = socket_inode(proc, tgid, fd);

	if (!ino)
		return 0;
	memset(&local, 0, sizeof(local));
	memset(&remote, 0, sizeof(remote));
	int copy = borrow_fd(tgid, fd);
	if (copy >= 0) {
		int got = getsockname(copy, (struct sockaddr *)&local, &llen);
		if (got == 0 && getpeername(copy, (struct sockaddr *)&remote, &rlen) != 0) {
			remote.ss_family = local.ss_family;
			rlen = 0;
		}
		close(copy);
		if (got != 0)
			return 0;
	} else if (lookup_proc_net(proc, tgid, ino, &local, &remote) != 0) {
		/* Not an inet socket, or the tables hide it: at least say it is Unix. */
		local.ss_family = AF_UNIX;
		llen = offsetof(struct sockaddr_un, sun_path);
		rlen = 0;
	}
	if (local.ss_family == AF_UNIX) {
		const struct sockaddr_storage *named =
		    rlen > offsetof(struct sockaddr_un, sun_path) ? &remote : &local;
		socklen_t nlen = named == &remote ? rlen : llen;
		size_t off = offsetof(struct sockaddr_un, sun_path);
		return fill_encode_unix_tuple(out, unix_sock_address(proc, tgid, ino), 0,
		                              (const uint8_t *)named + off,
		                              nlen > off ? (uint32_t)(nlen - off) : 0);
	}
	const struct sockaddr_storage *src = inbound ? &remote : &local;
	const struct sockaddr_storage *dst = inbound ? &local : &remote;
	if (src->ss_family == AF_INET) {
		const struct sockaddr_in *s = (const void *)src, *d = (const void *)dst;
		return fill_encode_inet_tuple(out, (const uint8_t *)&s->sin_addr,
		                              ntohs(s->sin_port), (const uint8_t *)&d->sin_addr,
		                              ntohs(d->sin_port));
	}
	if (src->ss_family == AF_INET6) {
		const struct sockaddr_in6 *s = (const void *)src, *d = (const void *)dst;
		return fill_encode_inet6_tuple(out, (const uint8_t *)&s->sin6_addr,
		                               ntohs(s->sin6_port), (const uint8_t *)&d->sin6_addr,
		                               ntohs(d->sin6_port));
	}
	return 0;
}

void ptrace_sock_queue_of(const char *proc, pid_t tgid, int fd, struct ptrace_sock_queue *q)
{
	static const char *const tables[] = {"tcp", "tcp6", "udp", "udp6"};
	uint64_t ino = socket_inode(proc, tgid, fd);

	memset(q, 0, sizeof(*q));
	if (!ino)
		return;
	for (size_t t = 0; t < sizeof(tables) / sizeof(tables[0]); t++) {
		char path[96], line[512];
		snprintf(path, sizeof(path), "%s/%d/net/%s", proc, (int)tgid, tables[t]);
		FILE *f = fopen(path, "re");
		if (!f)
			continue;
		while (fgets(line, sizeof(line), f)) {
			unsigned long long tx, rx, inode, sock;
			unsigned state;
			/* sl local remote st tx_queue:rx_queue tr:tm->when retrnsmt uid timeout
			 * inode refcount sock */
			if (sscanf(line,
			           " %*d: %*s %*s %x %llx:%llx %*x:%*x %*x %*u %*u %llu %*d %llx",
			           &state, &tx, &rx, &inode, &sock) != 5 ||
			    inode != ino)
				continue;
			/* For a listening socket the queues are the accept backlog and its limit.
			 */
			if (state == 10 /* TCP_LISTEN */) {
				q->len = rx;
				q->max = tx;
			}
			q->sock = sock;
			fclose(f);
			return;
		}
		fclose(f);
	}
	q->sock = unix_sock_address(proc, tgid, ino);
}
