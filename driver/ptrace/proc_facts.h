/* Facts of a traced task read from /proc: what execve and clone exit events report about the
 * process (its program, arguments, directory, ids, limits, memory, capabilities). Each group of
 * facts is read once per event, when the first fact of the group is asked for. */
#ifndef PTRACE_PROC_FACTS_H
#define PTRACE_PROC_FACTS_H

#include <stddef.h>
#include <stdint.h>
#include <sys/types.h>

/* The most bytes an argument or environment list keeps, as the kernel drivers do. */
#define PTRACE_PROC_LIST_MAX 4096u

enum ptrace_proc_int {
	PTRACE_PROC_TID,
	PTRACE_PROC_PID,
	PTRACE_PROC_PTID,
	PTRACE_PROC_VTID,
	PTRACE_PROC_VPID,
	PTRACE_PROC_PGID,
	PTRACE_PROC_VPGID,
	PTRACE_PROC_UID,
	PTRACE_PROC_GID,
	PTRACE_PROC_LOGINUID,
	PTRACE_PROC_TTY,
	PTRACE_PROC_FDLIMIT,
	PTRACE_PROC_PGFT_MAJ,
	PTRACE_PROC_PGFT_MIN,
	PTRACE_PROC_VM_SIZE,
	PTRACE_PROC_VM_RSS,
	PTRACE_PROC_VM_SWAP,
	PTRACE_PROC_CAP_INHERITABLE,
	PTRACE_PROC_CAP_PERMITTED,
	PTRACE_PROC_CAP_EFFECTIVE,
	PTRACE_PROC_EXE_INO,
	PTRACE_PROC_EXE_INO_CTIME,
	PTRACE_PROC_EXE_INO_MTIME,
	PTRACE_PROC_PIDNS_INIT_START_TS,
	PTRACE_PROC_EXE_WRITABLE, /* 1 when the task may write its executable */
	PTRACE_PROC_EXE_FROM_MEMFD,
	PTRACE_PROC_INT_COUNT,
};

enum ptrace_proc_str {
	PTRACE_PROC_EXE, /* argv[0] */
	PTRACE_PROC_CWD,
	PTRACE_PROC_COMM,
	PTRACE_PROC_TRUSTED_EXEPATH,
	PTRACE_PROC_STR_COUNT,
};

enum ptrace_proc_list {
	PTRACE_PROC_ARGS, /* after argv[0] */
	PTRACE_PROC_ENV,
	PTRACE_PROC_CGROUPS,
	PTRACE_PROC_LIST_COUNT,
};

struct ptrace_proc_facts {
	pid_t tid;
	const char *proc; /* procfs mount, "/proc" */
	unsigned loaded;  /* bit per group read so far */
	uint64_t ints[PTRACE_PROC_INT_COUNT];
	char cmdline[PTRACE_PROC_LIST_MAX + 1];
	size_t cmdline_len;
	char *strs[PTRACE_PROC_STR_COUNT];
	char *env, *cgroups;
	size_t env_len, cgroups_len;
};

/* Starts a fresh set of facts about `tid` (nothing is read yet). */
void ptrace_proc_begin(struct ptrace_proc_facts *f, const char *proc, pid_t tid);

/* A number; 0 (or the format's "none" value for ids) when /proc does not say. */
uint64_t ptrace_proc_int(struct ptrace_proc_facts *f, enum ptrace_proc_int which);

/* A string, never NULL ("" when unknown). */
const char *ptrace_proc_str(struct ptrace_proc_facts *f, enum ptrace_proc_str which);

/* A list of NUL-terminated items; *len is its size in bytes (0 when empty or unknown). */
const char *ptrace_proc_list(struct ptrace_proc_facts *f, enum ptrace_proc_list which, size_t *len);

/* Frees what the facts hold. */
void ptrace_proc_end(struct ptrace_proc_facts *f);

/* The thread-group id of `tid`, or -1 when it is gone. */
pid_t ptrace_proc_tgid(const char *proc, pid_t tid);

#endif
