#include "proc_scan.h"

#include <arpa/inet.h>
#include <ctype.h>
#include <dirent.h>
#include <errno.h>
#include <grp.h>
#include <ifaddrs.h>
#include <limits.h>
#include <net/if.h>
#include <netinet/in.h>
#include <pwd.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/sysinfo.h>
#include <time.h>
#include <unistd.h>

#include "../savefile/blocks.h"
#include "scap/scap_status.h"
#include "sockets.h"

/* Reads a whole small file into `buf` (NUL-terminated); returns its length or -1. */
static ssize_t read_file(const char *path, char *buf, size_t size)
{
	FILE *f = fopen(path, "re");
	if (!f)
		return -1;
	size_t n = fread(buf, 1, size - 1, f);
	fclose(f);
	buf[n] = '\0';
	return (ssize_t)n;
}

static const char *arena_link(struct scap_arena *arena, const char *path)
{
	char target[PATH_MAX];
	ssize_t n = readlink(path, target, sizeof(target) - 1);
	return scap_arena_strndup(arena, target, n > 0 ? (size_t)n : 0);
}

static void scan_machine(struct scap_machine_info *mi, const char *proc)
{
	char path[PATH_MAX], buf[64];
	struct sysinfo si;
	struct timespec now;

	gethostname(mi->hostname, sizeof(mi->hostname) - 1);
	mi->num_cpus = (uint32_t)sysconf(_SC_NPROCESSORS_ONLN);
	if (sysinfo(&si) == 0) {
		mi->memory_size_bytes = (uint64_t)si.totalram * si.mem_unit;
		clock_gettime(CLOCK_REALTIME, &now);
		mi->boot_ts_epoch = ((uint64_t)now.tv_sec - (uint64_t)si.uptime) * 1000000000ull;
	}
	snprintf(path, sizeof(path), "%s/sys/kernel/pid_max", proc);
	if (read_file(path, buf, sizeof(buf)) > 0)
		mi->max_pid = strtoull(buf, NULL, 10);
}

/* The value after `key` in a /proc/PID/status text, or NULL. */
static const char *status_field(const char *status, const char *key)
{
	const char *at = strstr(status, key);
	return at ? at + strlen(key) : NULL;
}

static uint64_t status_number(const char *status, const char *key, int column)
{
	const char *at = status_field(status, key);
	uint64_t v = 0;
	for (int i = 0; at && i <= column; i++) {
		char *end;
		v = strtoull(at, &end, 10);
		at = end;
	}
	return v;
}

/* The last number on the line of `key` (the id in the innermost pid namespace). */
static int64_t status_last(const char *status, const char *key, int64_t fallback)
{
	const char *at = status_field(status, key);
	int64_t v = fallback;
	while (at && *at && *at != '\n') {
		char *end;
		long long n = strtoll(at, &end, 10);
		if (end == at)
			break;
		v = n;
		at = end;
	}
	return v;
}

/* Fields of /proc/PID/stat after the command name: state is field 3. */
static void scan_stat(const char *proc_dir, struct scap_threadinfo *t, uint32_t *tty)
{
	char path[PATH_MAX], buf[1024];
	snprintf(path, sizeof(path), "%s/stat", proc_dir);
	if (read_file(path, buf, sizeof(buf)) <= 0)
		return;
	char *after = strrchr(buf, ')');
	if (!after)
		return;
	long long fields[20] = {0};
	char state;
	int n = sscanf(after + 2, "%c %lld %lld %lld %lld %lld %lld %lld %lld %lld %lld", &state,
	               &fields[4], &fields[5], &fields[6], &fields[7], &fields[8], &fields[9],
	               &fields[10], &fields[11], &fields[12], &fields[13]);
	if (n < 11)
		return;
	t->ptid = (uint64_t)fields[4];
	t->vpgid = fields[5];
	t->pgid = fields[5];
	t->sid = fields[6];
	*tty = (uint32_t)fields[7];
	t->pfminor = (uint64_t)fields[10];
	t->pfmajor = (uint64_t)fields[12];
}

/* Reads a NUL-separated list file (cmdline, environ) into the arena; returns its bytes. */
static const char *arena_list(struct scap_arena *arena, const char *path, size_t limit,
                              uint32_t *len)
{
	char *buf = malloc(limit + 1);
	ssize_t n = buf ? read_file(path, buf, limit + 1) : -1;
	const char *out = scap_arena_strndup(arena, buf ? buf : "", n > 0 ? (size_t)n : 0);
	*len = n > 0 ? (uint32_t)n : 0;
	free(buf);
	return out;
}

/* "0::/user.slice" lines of /proc/PID/cgroup as "subsys=path" entries, NUL-separated. */
static const char *arena_cgroups(struct scap_arena *arena, const char *path, uint32_t *len)
{
	char buf[4096], out[4096];
	size_t used = 0;
	if (read_file(path, buf, sizeof(buf)) > 0) {
		for (char *line = strtok(buf, "\n"); line; line = strtok(NULL, "\n")) {
			char *subsys = strchr(line, ':'),
			     *cpath = subsys ? strchr(subsys + 1, ':') : NULL;
			if (!cpath)
				continue;
			*cpath = '\0';
			const char *name = subsys[1] ? subsys + 1 : "unified";
			int n = snprintf(out + used, sizeof(out) - used, "%s=%s", name, cpath + 1);
			if (n < 0 || (size_t)n + 1 >= sizeof(out) - used)
				break;
			used += (size_t)n + 1;
		}
	}
	*len = (uint32_t)used;
	return scap_arena_strndup(arena, out, used);
}

static int scan_fds(struct scap_metadata_store *store, const char *proc_dir, uint64_t tid,
                    const struct scap_socket_index *sockets)
{
	char path[PATH_MAX + 64];
	snprintf(path, sizeof(path), "%s/fd", proc_dir);
	DIR *dir = opendir(path);
	if (!dir)
		return 0;
	uint32_t count = 0, cap = 0;
	struct scap_fdinfo *fds = NULL;
	struct dirent *de;
	while ((de = readdir(dir))) {
		if (!isdigit((unsigned char)de->d_name[0]))
			continue;
		if (count == cap) {
			uint32_t grown = cap ? cap * 2 : 16;
			struct scap_fdinfo *bigger =
			    scap_arena_alloc(&store->arena, grown * sizeof(*fds));
			if (!bigger)
				break;
			if (count)
				memcpy(bigger, fds, count * sizeof(*fds));
			fds = bigger;
			cap = grown;
		}
		struct scap_fdinfo *fd = &fds[count];
		char target[PATH_MAX];
		memset(fd, 0, sizeof(*fd));
		fd->fd = strtoll(de->d_name, NULL, 10);
		snprintf(path, sizeof(path), "%s/fd/%s", proc_dir, de->d_name);
		ssize_t n = readlink(path, target, sizeof(target) - 1);
		if (n <= 0)
			continue;
		target[n] = '\0';
		struct stat st;
		if (stat(path, &st) == 0)
			fd->ino = st.st_ino;
		scap_classify_fd(fd, target, &st, sockets);
		fd->name = scap_arena_strndup(&store->arena, fd->name ? fd->name : target,
		                              strlen(fd->name ? fd->name : target));
		count++;
	}
	closedir(dir);
	struct scap_fdlist *list = scap_store_add_fdlist(store);
	if (!list)
		return -1;
	list->tid = tid;
	list->count = count;
	list->fds = fds;
	return 0;
}

static int scan_thread(struct scap_metadata_store *store, const char *proc, const char *pid_name,
                       const char *tid_name, const struct scap_socket_index *sockets)
{
	struct scap_arena *arena = &store->arena;
	char dir[PATH_MAX], path[PATH_MAX + 32], status[8192];
	snprintf(dir, sizeof(dir), "%s/%s/task/%s", proc, pid_name, tid_name);
	snprintf(path, sizeof(path), "%s/status", dir);
	if (read_file(path, status, sizeof(status)) <= 0)
		return 0; /* gone */
	struct scap_threadinfo *t = scap_store_add_thread(store);
	if (!t)
		return -1;
	uint32_t tty = 0;
	t->tid = strtoull(tid_name, NULL, 10);
	t->pid = strtoull(pid_name, NULL, 10);
	t->sid = t->vpgid = t->pgid = -1;
	scan_stat(dir, t, &tty);
	t->tty = tty;
	snprintf(path, sizeof(path), "%s/comm", dir);
	char comm[64] = "";
	read_file(path, comm, sizeof(comm));
	comm[strcspn(comm, "\n")] = '\0';
	t->comm = scap_arena_strndup(arena, comm, strlen(comm));
	snprintf(path, sizeof(path), "%s/cmdline", dir);
	uint32_t cmdline_len;
	const char *cmdline = arena_list(arena, path, SCAP_MAX_ARGS_LEN, &cmdline_len);
	size_t argv0 = cmdline_len ? strnlen(cmdline, cmdline_len) : 0;
	t->exe = scap_arena_strndup(arena, cmdline, argv0 ? argv0 : strlen(comm));
	if (!argv0)
		t->exe = t->comm;
	t->args = cmdline_len > argv0 + 1 ? cmdline + argv0 + 1 : "";
	t->args_len = cmdline_len > argv0 + 1 ? cmdline_len - (uint32_t)argv0 - 1 : 0;
	snprintf(path, sizeof(path), "%s/exe", dir);
	t->exepath = arena_link(arena, path);
	snprintf(path, sizeof(path), "%s/cwd", dir);
	t->cwd = arena_link(arena, path);
	snprintf(path, sizeof(path), "%s/root", dir);
	t->root = arena_link(arena, path);
	snprintf(path, sizeof(path), "%s/environ", dir);
	t->env = arena_list(arena, path, SCAP_MAX_ARGS_LEN, &t->env_len);
	snprintf(path, sizeof(path), "%s/cgroup", dir);
	t->cgroups = arena_cgroups(arena, path, &t->cgroups_len);
	t->uid = (uint32_t)status_number(status, "Uid:", 1);
	t->gid = (uint32_t)status_number(status, "Gid:", 1);
	t->vmsize_kb = (uint32_t)status_number(status, "VmSize:", 0);
	t->vmrss_kb = (uint32_t)status_number(status, "VmRSS:", 0);
	t->vmswap_kb = (uint32_t)status_number(status, "VmSwap:", 0);
	t->vtid = status_last(status, "NSpid:", (int64_t)t->tid);
	t->vpid = status_last(status, "NStgid:", (int64_t)t->pid);
	char buf[64];
	snprintf(path, sizeof(path), "%s/loginuid", dir);
	t->loginuid =
	    read_file(path, buf, sizeof(buf)) > 0 ? (uint32_t)strtoul(buf, NULL, 10) : UINT32_MAX;
	snprintf(path, sizeof(path), "%s/%s/limits", proc, pid_name);
	char limits[4096];
	if (read_file(path, limits, sizeof(limits)) > 0) {
		const char *at = strstr(limits, "Max open files");
		t->fdlimit = at ? strtoull(at + strlen("Max open files"), NULL, 10) : 0;
	}
	if (t->tid == t->pid)
		return scan_fds(store, dir, t->tid, sockets);
	return 0;
}

static void scan_users(struct scap_metadata_store *store)
{
	struct passwd *pw;
	struct group *gr;
	setpwent();
	while ((pw = getpwent())) {
		struct scap_userinfo *u = scap_store_add_user(store);
		if (!u)
			break;
		u->uid = pw->pw_uid;
		u->gid = pw->pw_gid;
		u->name = scap_arena_strndup(&store->arena, pw->pw_name, strlen(pw->pw_name));
		u->homedir = scap_arena_strndup(&store->arena, pw->pw_dir, strlen(pw->pw_dir));
		u->shell = scap_arena_strndup(&store->arena, pw->pw_shell, strlen(pw->pw_shell));
	}
	endpwent();
	setgrent();
	while ((gr = getgrent())) {
		struct scap_groupinfo *g = scap_store_add_group(store);
		if (!g)
			break;
		g->gid = gr->gr_gid;
		g->name = scap_arena_strndup(&store->arena, gr->gr_name, strlen(gr->gr_name));
	}
	endgrent();
}

static void scan_interfaces(struct scap_metadata_store *store)
{
	struct ifaddrs *all, *ifa;
	if (getifaddrs(&all) != 0)
		return;
	for (ifa = all; ifa; ifa = ifa->ifa_next) {
		if (!ifa->ifa_addr ||
		    (ifa->ifa_addr->sa_family != AF_INET && ifa->ifa_addr->sa_family != AF_INET6))
			continue;
		struct scap_ifinfo *iface = scap_store_add_iface(store);
		if (!iface)
			break;
		bool v4 = ifa->ifa_addr->sa_family == AF_INET;
		iface->type = v4 ? 1 : 2;
		if (v4) {
			memcpy(iface->addr, &((struct sockaddr_in *)ifa->ifa_addr)->sin_addr, 4);
			if (ifa->ifa_netmask)
				memcpy(iface->netmask,
				       &((struct sockaddr_in *)ifa->ifa_netmask)->sin_addr, 4);
			if ((ifa->ifa_flags & IFF_BROADCAST) && ifa->ifa_broadaddr)
				memcpy(iface->bcast,
				       &((struct sockaddr_in *)ifa->ifa_broadaddr)->sin_addr, 4);
		} else {
			memcpy(iface->addr, &((struct sockaddr_in6 *)ifa->ifa_addr)->sin6_addr, 16);
			if (ifa->ifa_netmask)
				memcpy(iface->netmask,
				       &((struct sockaddr_in6 *)ifa->ifa_netmask)->sin6_addr, 16);
		}
		iface->name =
		    scap_arena_strndup(&store->arena, ifa->ifa_name, strlen(ifa->ifa_name));
	}
	freeifaddrs(all);
}

int scap_proc_scan(struct scap_metadata_store *store, const char *proc, char *err, size_t errlen)
{
	struct scap_socket_index sockets;
	DIR *procdir = opendir(proc);

	if (!procdir) {
		snprintf(err, errlen, "%s: cannot list processes: %s", proc, strerror(errno));
		return SCAP_ERR_IO;
	}
	scan_machine(&store->meta.machine, proc);
	scap_socket_index_load(&sockets, proc);
	struct dirent *pid_entry;
	int rc = 0;
	while (rc == 0 && (pid_entry = readdir(procdir))) {
		if (!isdigit((unsigned char)pid_entry->d_name[0]))
			continue;
		char tasks[PATH_MAX];
		snprintf(tasks, sizeof(tasks), "%s/%s/task", proc, pid_entry->d_name);
		DIR *taskdir = opendir(tasks);
		if (!taskdir)
			continue;
		struct dirent *tid_entry;
		while (rc == 0 && (tid_entry = readdir(taskdir))) {
			if (isdigit((unsigned char)tid_entry->d_name[0]))
				rc = scan_thread(store, proc, pid_entry->d_name, tid_entry->d_name,
				                 &sockets);
		}
		closedir(taskdir);
	}
	closedir(procdir);
	scap_socket_index_free(&sockets);
	if (rc < 0) {
		snprintf(err, errlen, "%s: out of memory while listing processes", proc);
		return SCAP_ERR_NOMEM;
	}
	scan_users(store);
	scan_interfaces(store);
	scap_store_finish(store);
	return 0;
}
