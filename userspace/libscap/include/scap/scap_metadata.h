/* What a capture carries besides events: the machine, its processes and their open files,
 * its users and groups, and its network interfaces. */
#ifndef SCAP_METADATA_H
#define SCAP_METADATA_H

#include <stdint.h>

#include "scap/scap_api.h"

#ifdef __cplusplus
extern "C" {
#endif

/* The machine the capture was taken on. */
struct scap_machine_info {
	uint32_t num_cpus;
	uint64_t memory_size_bytes;
	uint64_t max_pid;
	char hostname[128]; /* NUL-terminated */
	uint64_t boot_ts_epoch;
	uint64_t flags;
	uint64_t reserved3;
	uint64_t reserved4;
};

/* Kinds of file descriptor (scap_fd_type in driver_api/event_table.h's value tables). */
enum scap_fd_type {
	SCAP_FD_UNKNOWN = 0,
	SCAP_FD_FILE = 1,
	SCAP_FD_DIRECTORY = 2,
	SCAP_FD_IPV4_SOCK = 3,
	SCAP_FD_IPV6_SOCK = 4,
	SCAP_FD_IPV4_SERVSOCK = 5,
	SCAP_FD_IPV6_SERVSOCK = 6,
	SCAP_FD_FIFO = 7,
	SCAP_FD_UNIX_SOCK = 8,
	SCAP_FD_EVENT = 9,
	SCAP_FD_UNSUPPORTED = 10,
	SCAP_FD_SIGNALFD = 11,
	SCAP_FD_EVENTPOLL = 12,
	SCAP_FD_INOTIFY = 13,
	SCAP_FD_TIMERFD = 14,
	SCAP_FD_NETLINK = 15,
	SCAP_FD_FILE_V2 = 16,
	SCAP_FD_BPF = 17,
	SCAP_FD_USERFAULTFD = 18,
	SCAP_FD_IOURING = 19,
	SCAP_FD_MEMFD = 20,
	SCAP_FD_PIDFD = 21,
};

/* One open file descriptor of a process. Addresses are in network byte order, ports in host order;
 * the local end is `s`, the remote end `d`. */
struct scap_fdinfo {
	int64_t fd;
	uint64_t ino;
	uint8_t type; /* enum scap_fd_type */
	union {
		struct {
			uint8_t sip[4], dip[4];
			uint16_t sport, dport;
			uint8_t l4proto;
		} ipv4;
		struct {
			uint8_t sip[16], dip[16];
			uint16_t sport, dport;
			uint8_t l4proto;
		} ipv6;
		struct {
			uint8_t ip[4];
			uint16_t port;
			uint8_t l4proto;
		} ipv4_server;
		struct {
			uint8_t ip[16];
			uint16_t port;
			uint8_t l4proto;
		} ipv6_server;
		struct {
			uint64_t source, dest;
		} unix_sock;
	} info;
	uint32_t open_flags; /* SCAP_FD_FILE_V2 only */
	uint32_t dev;        /* SCAP_FD_FILE_V2 only; 0 when not recorded */
	const char *name;    /* never NULL; may be empty */
};

/* The open files of one thread (normally a process's main thread). */
struct scap_fdlist {
	uint64_t tid;
	uint32_t count;
	const struct scap_fdinfo *fds;
};

/* One thread as the process list describes it. Strings are NUL-terminated; args, env and cgroups
 * are lists of NUL-terminated items whose total size is given. Absent fields hold the defaults
 * the format names (-1 for ids, 0xFFFFFFFF for loginuid, 0 otherwise). */
struct scap_threadinfo {
	uint64_t tid, pid, ptid;
	int64_t sid, vpgid, pgid;
	const char *comm, *exe, *exepath, *cwd, *root;
	const char *args, *env, *cgroups;
	uint32_t args_len, env_len, cgroups_len;
	uint64_t fdlimit;
	uint32_t flags, uid, gid;
	uint32_t vmsize_kb, vmrss_kb, vmswap_kb;
	uint64_t pfmajor, pfminor;
	int64_t vtid, vpid;
	uint64_t pidns_init_start_ts;
	uint32_t tty, loginuid;
	uint8_t exe_writable, exe_upper_layer, exe_from_memfd, exe_lower_layer;
	uint64_t cap_inheritable, cap_permitted, cap_effective;
	uint64_t exe_ino, exe_ino_ctime, exe_ino_mtime;
	const struct scap_fdlist *fdlist; /* NULL when the capture lists no fds for it */
};

struct scap_userinfo {
	uint32_t uid, gid;
	const char *name, *homedir, *shell;
};

struct scap_groupinfo {
	uint32_t gid;
	const char *name;
};

/* One address of a network interface. IPv4 addresses are 4 bytes, IPv6 16, network order. */
struct scap_ifinfo {
	uint16_t type; /* 1 IPv4, 2 IPv6, 3/4 the same without link speed (legacy) */
	uint8_t addr[16], netmask[16], bcast[16];
	uint64_t linkspeed;
	const char *name;
};

/* Everything a capture section carries besides events. Arrays are owned by the handle and valid
 * until it is closed or the next section begins. */
struct scap_metadata {
	struct scap_machine_info machine;
	uint32_t nthreads, nfdlists, nusers, ngroups, nifaces;
	const struct scap_threadinfo *threads;
	const struct scap_fdlist *fdlists;
	const struct scap_userinfo *users;
	const struct scap_groupinfo *groups;
	const struct scap_ifinfo *ifaces;
};

/* The thread with this tid, or NULL. */
SCAP_API const struct scap_threadinfo *scap_metadata_find_thread(const struct scap_metadata *meta,
                                                                 uint64_t tid);

#ifdef __cplusplus
}
#endif

#endif
