/* The fill interpreter: builds the record of one event from a stopped system call, taking every
 * parameter from where driver_api/fill_table.h says it comes from (the return value, an argument,
 * user memory, a socket, /proc, ...) and encoding it as the schema's type says (scap-format §11).
 * The eBPF probe interprets the same table in the kernel. */
#ifndef PTRACE_FILL_H
#define PTRACE_FILL_H

#include <stdbool.h>
#include <stdint.h>
#include <sys/types.h>

#include "record.h"

/* One system call of a tracee, as the tracer saw it. */
struct ptrace_call {
	pid_t tid;
	pid_t tgid;
	long nr;          /* x86_64 system-call number */
	uint64_t args[6]; /* as they were at entry */
	/* Strings read at entry, used instead of the memory at args[i] where not NULL. */
	char *const *saved_str;
	int64_t ret;      /* exit events only */
	bool child;       /* the exit of a clone-style call, seen in the new task */
	uint32_t snaplen; /* the most I/O data bytes kept */
	const char *proc; /* procfs mount, "/proc" */
};

/* Reads, at the entry of a call that replaces the tracee's memory (execve, execveat), the
 * strings that exit event `exit_type` takes from the call's arguments, into saved[]. */
void ptrace_fill_save_strings(uint16_t exit_type, const struct ptrace_call *call, char *saved[6]);

/* Builds event `type` (an enter or exit event the syscall table names for call->nr) into `r`.
 * Returns the record's length, 0 when it could not be built. */
uint32_t ptrace_fill_syscall(struct ptrace_record *r, uint16_t type, const struct ptrace_call *call,
                             uint64_t ts);

/* Builds the procexit event of thread `tid`, which ended with wait status `status`. */
uint32_t ptrace_fill_procexit(struct ptrace_record *r, pid_t tid, int status, uint64_t ts);

#endif
