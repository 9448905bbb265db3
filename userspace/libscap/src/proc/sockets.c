#include "sockets.h"

#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* l4proto codes of the capture format. */
enum { L4_TCP = 2, L4_UDP = 3 };

static int add_entry(struct scap_socket_index *index, uint32_t *cap,
                     const struct scap_socket_entry *entry)
{
	if (index->count == *cap) {
		uint32_t grown = *cap ? *cap * 2 : 64;
		struct scap_socket_entry *bigger = realloc(index->entries, grown * sizeof(*bigger));
		if (!bigger)
			return -1;
		index->entries = bigger;
		*cap = grown;
	}
	index->entries[index->count++] = *entry;
	return 0;
}

/* Parses "0100007F:1F90" (address in /proc's native-endian hex, port in hex). */
static void parse_endpoint(const char *text, uint8_t *addr, size_t width, uint16_t *port)
{
	for (size_t word = 0; word < width / 4; word++) {
		char chunk[9] = {0};
		memcpy(chunk, text + word * 8, 8);
		uint32_t v = (uint32_t)strtoul(chunk, NULL, 16);
		memcpy(addr + word * 4, &v, 4);
	}
	const char *colon = strchr(text, ':');
	*port = colon ? (uint16_t)strtoul(colon + 1, NULL, 16) : 0;
}

static void load_inet(struct scap_socket_index *index, uint32_t *cap, const char *proc,
                      const char *file, bool v6, uint8_t l4proto)
{
	char path[512], line[512];
	snprintf(path, sizeof(path), "%s/net/%s", proc, file);
	FILE *f = fopen(path, "re");
	if (!f)
		return;
	if (!fgets(line, sizeof(line), f)) {
		fclose(f);
		return;
	}
	while (fgets(line, sizeof(line), f)) {
		char local[64], remote[64];
		unsigned state;
		unsigned long long ino;
		if (sscanf(line, "%*s %63s %63s %x %*s %*s %*s %*s %*s %llu", local, remote, &state,
		           &ino) != 4 ||
		    ino == 0)
			continue;
		struct scap_socket_entry e = {.ino = ino};
		bool listening = state == 0x0A || (l4proto == L4_UDP && strstr(remote, ":0000"));
		if (v6) {
			if (listening) {
				e.info.type = SCAP_FD_IPV6_SERVSOCK;
				parse_endpoint(local, e.info.info.ipv6_server.ip, 16,
				               &e.info.info.ipv6_server.port);
				e.info.info.ipv6_server.l4proto = l4proto;
			} else {
				e.info.type = SCAP_FD_IPV6_SOCK;
				parse_endpoint(local, e.info.info.ipv6.sip, 16,
				               &e.info.info.ipv6.sport);
				parse_endpoint(remote, e.info.info.ipv6.dip, 16,
				               &e.info.info.ipv6.dport);
				e.info.info.ipv6.l4proto = l4proto;
			}
		} else if (listening) {
			e.info.type = SCAP_FD_IPV4_SERVSOCK;
			parse_endpoint(local, e.info.info.ipv4_server.ip, 4,
			               &e.info.info.ipv4_server.port);
			e.info.info.ipv4_server.l4proto = l4proto;
		} else {
			e.info.type = SCAP_FD_IPV4_SOCK;
			parse_endpoint(local, e.info.info.ipv4.sip, 4, &e.info.info.ipv4.sport);
			parse_endpoint(remote, e.info.info.ipv4.dip, 4, &e.info.info.ipv4.dport);
			e.info.info.ipv4.l4proto = l4proto;
		}
		if (add_entry(index, cap, &e) < 0)
			break;
	}
	fclose(f);
}

static void load_unix(struct scap_socket_index *index, uint32_t *cap, const char *proc)
{
	char path[512], line[512];
	snprintf(path, sizeof(path), "%s/net/unix", proc);
	FILE *f = fopen(path, "re");
	if (!f)
		return;
	if (!fgets(line, sizeof(line), f)) {
		fclose(f);
		return;
	}
	while (fgets(line, sizeof(line), f)) {
		unsigned long long ino;
		char name[108] = "";
		if (sscanf(line, "%*s %*s %*s %*s %*s %*s %llu %107s", &ino, name) < 1)
			continue;
		struct scap_socket_entry e = {.ino = ino};
		e.info.type = SCAP_FD_UNIX_SOCK;
		snprintf(e.path, sizeof(e.path), "%s", name);
		if (add_entry(index, cap, &e) < 0)
			break;
	}
	fclose(f);
}

static int compare_ino(const void *a, const void *b)
{
	uint64_t x = ((const struct scap_socket_entry *)a)->ino;
	uint64_t y = ((const struct scap_socket_entry *)b)->ino;
	return (x > y) - (x < y);
}

void scap_socket_index_load(struct scap_socket_index *index, const char *proc)
{
	uint32_t cap = 0;
	index->entries = NULL;
	index->count = 0;
	load_inet(index, &cap, proc, "tcp", false, L4_TCP);
	load_inet(index, &cap, proc, "udp", false, L4_UDP);
	load_inet(index, &cap, proc, "tcp6", true, L4_TCP);
	load_inet(index, &cap, proc, "udp6", true, L4_UDP);
	load_unix(index, &cap, proc);
	if (index->count)
		qsort(index->entries, index->count, sizeof(*index->entries), compare_ino);
}

void scap_socket_index_free(struct scap_socket_index *index)
{
	free(index->entries);
	index->entries = NULL;
	index->count = 0;
}

/* anon_inode link names and the fd type each stands for. */
static const struct {
	const char *name;
	uint8_t type;
} anon_kinds[] = {
    {"anon_inode:[eventfd]", SCAP_FD_EVENT},
    {"anon_inode:[eventpoll]", SCAP_FD_EVENTPOLL},
    {"anon_inode:inotify", SCAP_FD_INOTIFY},
    {"anon_inode:[signalfd]", SCAP_FD_SIGNALFD},
    {"anon_inode:[timerfd]", SCAP_FD_TIMERFD},
    {"anon_inode:bpf", SCAP_FD_BPF},
    {"anon_inode:[userfaultfd]", SCAP_FD_USERFAULTFD},
    {"anon_inode:[io_uring]", SCAP_FD_IOURING},
    {"anon_inode:[pidfd]", SCAP_FD_PIDFD},
    {"/memfd:", SCAP_FD_MEMFD},
};

void scap_classify_fd(struct scap_fdinfo *fd, const char *target, const struct stat *st,
                      const struct scap_socket_index *sockets)
{
	unsigned long long ino;
	if (sscanf(target, "socket:[%llu]", &ino) == 1) {
		struct scap_socket_entry key = {.ino = ino};
		const struct scap_socket_entry *found =
		    sockets->count
		        ? bsearch(&key, sockets->entries, sockets->count, sizeof(key), compare_ino)
		        : NULL;
		if (!found) {
			fd->type = SCAP_FD_UNSUPPORTED; /* netlink and other families */
			return;
		}
		int64_t number = fd->fd;
		uint64_t inode = fd->ino;
		*fd = found->info;
		fd->fd = number;
		fd->ino = inode;
		fd->name = found->info.type == SCAP_FD_UNIX_SOCK ? found->path : "";
		return;
	}
	if (strncmp(target, "pipe:", 5) == 0) {
		fd->type = SCAP_FD_FIFO;
		return;
	}
	for (size_t i = 0; i < sizeof(anon_kinds) / sizeof(anon_kinds[0]); i++) {
		if (strncmp(target, anon_kinds[i].name, strlen(anon_kinds[i].name)) == 0) {
			fd->type = anon_kinds[i].type;
			return;
		}
	}
	if (strncmp(target, "anon_inode:", 11) == 0) {
		fd->type = SCAP_FD_UNSUPPORTED;
		return;
	}
	fd->type = S_ISDIR(st->st_mode) ? SCAP_FD_DIRECTORY : SCAP_FD_FILE_V2;
	if (fd->type == SCAP_FD_FILE_V2)
		fd->dev = (uint32_t)st->st_dev;
}
