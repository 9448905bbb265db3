#include "proc_facts.h"

#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/statvfs.h>
#include <unistd.h>

enum group {
	G_STATUS = 1u << 0,
	G_STAT = 1u << 1,
	G_LIMITS = 1u << 2,
	G_LOGINUID = 1u << 3,
	G_EXE = 1u << 4,
	G_CMDLINE = 1u << 5,
	G_ENV = 1u << 6,
	G_CGROUPS = 1u << 7,
	G_CWD = 1u << 8,
	G_COMM = 1u << 9,
	G_PIDNS = 1u << 10,
};

/* Reads a whole /proc file into `buf` (NUL-terminated); returns its length or -1. */
static ssize_t read_small(const char *path, char *buf, size_t size)
{
	FILE *f = fopen(path, "re");
	if (!f)
		return -1;
	size_t n = fread(buf, 1, size - 1, f);
	fclose(f);
	buf[n] = '\0';
	return (ssize_t)n;
}

static void task_path(const struct ptrace_proc_facts *f, const char *what, char *out, size_t size)
{
	snprintf(out, size, "%s/%d/%s", f->proc, (int)f->tid, what);
}

/* The numbers on the line that starts with `key` in a status text; returns how many. */
static int status_numbers(const char *status, const char *key, uint64_t *out, int max, int base)
{
	size_t klen = strlen(key);
	const char *line = status;
	while (line && *line) {
		if (strncmp(line, key, klen) == 0) {
			const char *at = line + klen;
			int n = 0;
			while (n < max) {
				char *end;
				unsigned long long v = strtoull(at, &end, base);
				if (end == at)
					break;
				out[n++] = v;
				at = end;
			}
			return n;
		}
		line = strchr(line, '\n');
		if (line)
			line++;
	}
	return 0;
}

static void load_status(struct ptrace_proc_facts *f)
{
	char path[64], buf[8192];
	uint64_t v[8];
	int n;

	task_path(f, "status", path, sizeof(path));
	if (read_small(path, buf, sizeof(buf)) <= 0)
		return;
	if (status_numbers(buf, "Tgid:", v, 1, 10) == 1)
		f->ints[PTRACE_PROC_PID] = v[0];
	if (status_numbers(buf, "PPid:", v, 1, 10) == 1)
		f->ints[PTRACE_PROC_PTID] = v[0];
	/* The last id of the NS lines is the one in the task's own namespace. */
	if ((n = status_numbers(buf, "NSpid:", v, 8, 10)) > 0)
		f->ints[PTRACE_PROC_VTID] = v[n - 1];
	if ((n = status_numbers(buf, "NStgid:", v, 8, 10)) > 0)
		f->ints[PTRACE_PROC_VPID] = v[n - 1];
	if ((n = status_numbers(buf, "NSpgid:", v, 8, 10)) > 0)
		f->ints[PTRACE_PROC_VPGID] = v[n - 1];
	if (status_numbers(buf, "Uid:", v, 2, 10) == 2)
		f->ints[PTRACE_PROC_UID] = v[1];
	if (status_numbers(buf, "Gid:", v, 2, 10) == 2)
		f->ints[PTRACE_PROC_GID] = v[1];
	if (status_numbers(buf, "VmSize:", v, 1, 10) == 1)
		f->ints[PTRACE_PROC_VM_SIZE] = v[0];
	if (status_numbers(buf, "VmRSS:", v, 1, 10) == 1)
		f->ints[PTRACE_PROC_VM_RSS] = v[0];
	if (status_numbers(buf, "VmSwap:", v, 1, 10) == 1)
		f->ints[PTRACE_PROC_VM_SWAP] = v[0];
	if (status_numbers(buf, "CapInh:", v, 1, 16) == 1)
		f->ints[PTRACE_PROC_CAP_INHERITABLE] = v[0];
	if (status_numbers(buf, "CapPrm:", v, 1, 16) == 1)
		f->ints[PTRACE_PROC_CAP_PERMITTED] = v[0];
	if (status_numbers(buf, "CapEff:", v, 1, 16) == 1)
		f->ints[PTRACE_PROC_CAP_EFFECTIVE] = v[0];
}

/* Fields of a stat line after the command name, numbered as proc(5) does (state is 3). */
static int stat_fields(const char *path, unsigned long long *fields, int count)
{
	char buf[1024];
	if (read_small(path, buf, sizeof(buf)) <= 0)
		return 0;
	char *at = strrchr(buf, ')');
	if (!at || !at[1])
		return 0;
	at += 2;
	/* Skip the state letter. */
	while (*at && *at != ' ')
		at++;
	int n = 3;
	while (n < count) {
		char *end;
		long long v = strtoll(at, &end, 10);
		if (end == at)
			break;
		fields[++n] = (unsigned long long)v;
		at = end;
	}
	return n;
}

static uint64_t ticks_to_ns(unsigned long long ticks)
{
	long hz = sysconf(_SC_CLK_TCK);
	return (uint64_t)ticks * (1000000000ull / (uint64_t)(hz > 0 ? hz : 100));
}

static void load_stat(struct ptrace_proc_facts *f)
{
	char path[64];
	unsigned long long fields[32] = {0};

	task_path(f, "stat", path, sizeof(path));
	if (stat_fields(path, fields, 22) < 22)
		return;
	f->ints[PTRACE_PROC_PGID] = fields[5];
	f->ints[PTRACE_PROC_TTY] = fields[7];
	f->ints[PTRACE_PROC_PGFT_MIN] = fields[10];
	f->ints[PTRACE_PROC_PGFT_MAJ] = fields[12];
}

static void load_limits(struct ptrace_proc_facts *f)
{
	struct rlimit lim;
	if (prlimit(f->tid, RLIMIT_NOFILE, NULL, &lim) == 0) {
		f->ints[PTRACE_PROC_FDLIMIT] = lim.rlim_cur;
		return;
	}
	char path[64], buf[4096];
	task_path(f, "limits", path, sizeof(path));
	if (read_small(path, buf, sizeof(buf)) > 0) {
		const char *at = strstr(buf, "Max open files");
		if (at)
			f->ints[PTRACE_PROC_FDLIMIT] =
			    strtoull(at + strlen("Max open files"), NULL, 10);
	}
}

static void load_loginuid(struct ptrace_proc_facts *f)
{
	char path[64], buf[32];
	f->ints[PTRACE_PROC_LOGINUID] = UINT32_MAX;
	task_path(f, "loginuid", path, sizeof(path));
	if (read_small(path, buf, sizeof(buf)) > 0)
		f->ints[PTRACE_PROC_LOGINUID] = (uint32_t)strtoul(buf, NULL, 10);
}

static char *read_link(const char *path)
{
	char target[PATH_MAX];
	ssize_t n = readlink(path, target, sizeof(target) - 1);
	if (n < 0)
		n = 0;
	target[n] = '\0';
	return strdup(target);
}

/* Whether the task (euid, egid) may write the file `st` on a writable filesystem. */
static int may_write(const struct ptrace_proc_facts *f, const char *path, const struct stat *st)
{
	struct statvfs vfs;
	if (statvfs(path, &vfs) == 0 && (vfs.f_flag & ST_RDONLY))
		return 0;
	if (f->ints[PTRACE_PROC_UID] == 0)
		return 1;
	if (st->st_uid == f->ints[PTRACE_PROC_UID])
		return (st->st_mode & S_IWUSR) != 0;
	if (st->st_gid == f->ints[PTRACE_PROC_GID])
		return (st->st_mode & S_IWGRP) != 0;
	return (st->st_mode & S_IWOTH) != 0;
}

static void load_exe(struct ptrace_proc_facts *f)
{
	char path[64];
	struct stat st;

	task_path(f, "exe", path, sizeof(path));
	f->strs[PTRACE_PROC_TRUSTED_EXEPATH] = read_link(path);
	if (stat(path, &st) == 0) {
		f->ints[PTRACE_PROC_EXE_INO] = st.st_ino;
		f->ints[PTRACE_PROC_EXE_INO_CTIME] =
		    (uint64_t)st.st_ctim.tv_sec * 1000000000ull + (uint64_t)st.st_ctim.tv_nsec;
		f->ints[PTRACE_PROC_EXE_INO_MTIME] =
		    (uint64_t)st.st_mtim.tv_sec * 1000000000ull + (uint64_t)st.st_mtim.tv_nsec;
		ptrace_proc_int(f, PTRACE_PROC_UID);
		f->ints[PTRACE_PROC_EXE_WRITABLE] = (uint64_t)may_write(f, path, &st);
	}
	const char *exe = f->strs[PTRACE_PROC_TRUSTED_EXEPATH];
	f->ints[PTRACE_PROC_EXE_FROM_MEMFD] = exe && strncmp(exe, "/memfd:", 7) == 0;
}

/* Reads a NUL-separated list file, cut to PTRACE_PROC_LIST_MAX with its last item terminated. */
static char *read_list(const char *path, size_t *len)
{
	char *buf = malloc(PTRACE_PROC_LIST_MAX + 1);
	*len = 0;
	if (!buf)
		return NULL;
	ssize_t n = read_small(path, buf, PTRACE_PROC_LIST_MAX + 1);
	if (n > 0) {
		*len = (size_t)n;
		if (buf[n - 1] != '\0') {
			if ((size_t)n == PTRACE_PROC_LIST_MAX)
				buf[n - 1] = '\0';
			else
				(*len)++;
		}
	}
	return buf;
}

static void load_cmdline(struct ptrace_proc_facts *f)
{
	char path[64];
	size_t len;

	task_path(f, "cmdline", path, sizeof(path));
	char *list = read_list(path, &len);
	if (!list)
		return;
	memcpy(f->cmdline, list, len);
	f->cmdline[len] = '\0';
	f->cmdline_len = len;
	free(list);
}

/* "0::/user.slice" lines of /proc/PID/cgroup as "subsys=path" items; cgroup v2's unnamed
 * hierarchy is called "unified", as in the metadata libscap scans. */
static void load_cgroups(struct ptrace_proc_facts *f)
{
	char path[64], buf[4096];
	char *out = malloc(sizeof(buf));
	size_t used = 0;

	f->cgroups = out;
	if (!out)
		return;
	task_path(f, "cgroup", path, sizeof(path));
	if (read_small(path, buf, sizeof(buf)) <= 0)
		return;
	char *save = NULL;
	for (char *line = strtok_r(buf, "\n", &save); line; line = strtok_r(NULL, "\n", &save)) {
		char *subsys = strchr(line, ':');
		char *cpath = subsys ? strchr(subsys + 1, ':') : NULL;
		if (!cpath)
			continue;
		*cpath = '\0';
		const char *name = subsys[1] ? subsys + 1 : "unified";
		int n = snprintf(out + used, sizeof(buf) - used, "%s=%s", name, cpath + 1);
		if (n < 0 || (size_t)n + 1 > sizeof(buf) - used)
			break;
		used += (size_t)n + 1;
	}
	f->cgroups_len = used;
}

static void load_comm(struct ptrace_proc_facts *f)
{
	char path[64], buf[64];
	task_path(f, "comm", path, sizeof(path));
	if (read_small(path, buf, sizeof(buf)) < 0)
		buf[0] = '\0';
	buf[strcspn(buf, "\n")] = '\0';
	f->strs[PTRACE_PROC_COMM] = strdup(buf);
}

/* The start of the pid namespace's first process: init's start for the initial namespace. */
static void load_pidns(struct ptrace_proc_facts *f)
{
	char path[64];
	unsigned long long fields[32] = {0};

	if (ptrace_proc_int(f, PTRACE_PROC_VPID) != ptrace_proc_int(f, PTRACE_PROC_PID))
		return;
	snprintf(path, sizeof(path), "%s/1/stat", f->proc);
	if (stat_fields(path, fields, 22) >= 22)
		f->ints[PTRACE_PROC_PIDNS_INIT_START_TS] = ticks_to_ns(fields[22]);
}

static void load(struct ptrace_proc_facts *f, unsigned group)
{
	char path[64];

	if (f->loaded & group)
		return;
	f->loaded |= group;
	switch (group) {
	case G_STATUS:
		load_status(f);
		break;
	case G_STAT:
		load_stat(f);
		break;
	case G_LIMITS:
		load_limits(f);
		break;
	case G_LOGINUID:
		load_loginuid(f);
		break;
	case G_EXE:
		load_exe(f);
		break;
	case G_CMDLINE:
		load_cmdline(f);
		break;
	case G_ENV:
		task_path(f, "environ", path, sizeof(path));
		f->env = read_list(path, &f->env_len);
		break;
	case G_CGROUPS:
		load_cgroups(f);
		break;
	case G_CWD:
		task_path(f, "cwd", path, sizeof(path));
		f->strs[PTRACE_PROC_CWD] = read_link(path);
		break;
	case G_COMM:
		load_comm(f);
		break;
	case G_PIDNS:
		load_pidns(f);
		break;
	}
}

void ptrace_proc_begin(struct ptrace_proc_facts *f, const char *proc, pid_t tid)
{
	memset(f, 0, sizeof(*f));
	f->proc = proc;
	f->tid = tid;
	f->ints[PTRACE_PROC_TID] = (uint64_t)tid;
}

static unsigned int_group(enum ptrace_proc_int which)
{
	switch (which) {
	case PTRACE_PROC_TID:
		return 0;
	case PTRACE_PROC_PGID:
	case PTRACE_PROC_TTY:
	case PTRACE_PROC_PGFT_MAJ:
	case PTRACE_PROC_PGFT_MIN:
		return G_STAT;
	case PTRACE_PROC_LOGINUID:
		return G_LOGINUID;
	case PTRACE_PROC_FDLIMIT:
		return G_LIMITS;
	case PTRACE_PROC_EXE_INO:
	case PTRACE_PROC_EXE_INO_CTIME:
	case PTRACE_PROC_EXE_INO_MTIME:
	case PTRACE_PROC_EXE_WRITABLE:
	case PTRACE_PROC_EXE_FROM_MEMFD:
		return G_EXE;
	case PTRACE_PROC_PIDNS_INIT_START_TS:
		return G_PIDNS;
	default:
		return G_STATUS;
	}
}

uint64_t ptrace_proc_int(struct ptrace_proc_facts *f, enum ptrace_proc_int which)
{
	unsigned group = int_group(which);
	if (group)
		load(f, group);
	return f->ints[which];
}

const char *ptrace_proc_str(struct ptrace_proc_facts *f, enum ptrace_proc_str which)
{
	switch (which) {
	case PTRACE_PROC_EXE:
		load(f, G_CMDLINE);
		return f->cmdline;
	case PTRACE_PROC_CWD:
		load(f, G_CWD);
		break;
	case PTRACE_PROC_COMM:
		load(f, G_COMM);
		break;
	case PTRACE_PROC_TRUSTED_EXEPATH:
		load(f, G_EXE);
		break;
	default:
		return "";
	}
	return f->strs[which] ? f->strs[which] : "";
}

const char *ptrace_proc_list(struct ptrace_proc_facts *f, enum ptrace_proc_list which, size_t *len)
{
	*len = 0;
	switch (which) {
	case PTRACE_PROC_ARGS: {
		load(f, G_CMDLINE);
		size_t first = strnlen(f->cmdline, f->cmdline_len) + 1;
		if (first >= f->cmdline_len)
			return "";
		*len = f->cmdline_len - first;
		return f->cmdline + first;
	}
	case PTRACE_PROC_ENV:
		load(f, G_ENV);
		*len = f->env ? f->env_len : 0;
		return f->env ? f->env : "";
	case PTRACE_PROC_CGROUPS:
		load(f, G_CGROUPS);
		*len = f->cgroups ? f->cgroups_len : 0;
		return f->cgroups ? f->cgroups : "";
	default:
		return "";
	}
}

void ptrace_proc_end(struct ptrace_proc_facts *f)
{
	for (int i = 0; i < PTRACE_PROC_STR_COUNT; i++)
		free(f->strs[i]);
	free(f->env);
	free(f->cgroups);
	memset(f, 0, sizeof(*f));
}

pid_t ptrace_proc_tgid(const char *proc, pid_t tid)
{
	char path[64], buf[4096];
	uint64_t v;

	snprintf(path, sizeof(path), "%s/%d/status", proc, (int)tid);
	if (read_small(path, buf, sizeof(buf)) <= 0 || status_numbers(buf, "Tgid:", &v, 1, 10) != 1)
		return -1;
	return (pid_t)v;
}
