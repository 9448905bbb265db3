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

/* The PPM socket families the format knows have Linux's values for these three. */
#define PPM_AF_UNIX 1
#define PPM_AF_INET 2
#define PPM_AF_INET6 10

static void put_u16(uint8_t *at, uint16_t v)
{
	at[0] = (uint8_t)v;
	at[1] = (uint8_t)(v >> 8);
}

static void put_u64(uint8_t *at, uint64_t v)
{
	for (int i = 0; i < 8; i++)
		at[i] = (uint8_t)(v >> (8 * i));
}

/* A Unix path: abstract names (leading NUL) are shown with a leading '@'. */
static size_t unix_path(const struct sockaddr_un *un, size_t len, char *out)
{
	size_t off = offsetof(struct sockaddr_un, sun_path);
	size_t n = len > off ? len - off : 0;
	if (n > sizeof(un->sun_path))
		n = sizeof(un->sun_path);
	if (n && un->sun_path[0] == '\0') {
		out[0] = '@';
		memcpy(out + 1, un->sun_path + 1, n - 1);
		out[n] = '\0';
		/* Abstract names may hold NULs; keep up to the first one, as a string. */
		return strlen(out) + 1;
	}
	memcpy(out, un->sun_path, n);
	out[n] = '\0';
	return strnlen(out, n) + 1;
}

size_t ptrace_encode_sockaddr(const void *addr, size_t len, uint8_t *out)
{
	struct sockaddr_storage ss;

	if (len < sizeof(sa_family_t))
		return 0;
	if (len > sizeof(ss))
		len = sizeof(ss);
	memset(&ss, 0, sizeof(ss));
	memcpy(&ss, addr, len);
	switch (ss.ss_family) {
	case AF_INET: {
		const struct sockaddr_in *in = (const void *)&ss;
		out[0] = PPM_AF_INET;
		memcpy(out + 1, &in->sin_addr, 4);
		put_u16(out + 5, ntohs(in->sin_port));
		return 7;
	}
	case AF_INET6: {
		const struct sockaddr_in6 *in6 = (const void *)&ss;
		out[0] = PPM_AF_INET6;
		memcpy(out + 1, &in6->sin6_addr, 16);
		put_u16(out + 17, ntohs(in6->sin6_port));
		return 19;
	}
	case AF_UNIX:
		out[0] = PPM_AF_UNIX;
		return 1 + unix_path((const void *)&ss, len, (char *)out + 1);
	default:
		return 0;
	}
}

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

static size_t encode_tuple(const struct sockaddr_storage *src, const struct sockaddr_storage *dst,
                           uint8_t *out)
{
	if (src->ss_family == AF_INET) {
		const struct sockaddr_in *s = (const void *)src, *d = (const void *)dst;
		out[0] = PPM_AF_INET;
		memcpy(out + 1, &s->sin_addr, 4);
		put_u16(out + 5, ntohs(s->sin_port));
		memcpy(out + 7, &d->sin_addr, 4);
		put_u16(out + 11, ntohs(d->sin_port));
		return 13;
	}
	if (src->ss_family == AF_INET6) {
		const struct sockaddr_in6 *s = (const void *)src, *d = (const void *)dst;
		out[0] = PPM_AF_INET6;
		memcpy(out + 1, &s->sin6_addr, 16);
		put_u16(out + 17, ntohs(s->sin6_port));
		memcpy(out + 19, &d->sin6_addr, 16);
		put_u16(out + 35, ntohs(d->sin6_port));
		return 37;
	}
	return 0;
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
		out[0] = PPM_AF_UNIX;
		put_u64(out + 1, unix_sock_address(proc, tgid, ino));
		put_u64(out + 9, 0);
		return 17 + unix_path((const void *)named, nlen, (char *)out + 17);
	}
	return inbound ? encode_tuple(&remote, &local, out) : encode_tuple(&local, &remote, out);
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
