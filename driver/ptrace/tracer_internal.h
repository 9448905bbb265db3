/* The tracer's state, shared by the parts that start it (launch.c) and run it (tracer.c). */
#ifndef PTRACE_TRACER_INTERNAL_H
#define PTRACE_TRACER_INTERNAL_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <sys/ptrace.h>
#include <sys/types.h>

#include "falco_ptrace/tracer.h"
#include "record.h"
#include "syscall_set.h"
#include "threads.h"

#define PTRACE_BASE_OPTIONS                                                                        \
	(PTRACE_O_TRACESYSGOOD | PTRACE_O_TRACESECCOMP | PTRACE_O_TRACEFORK |                      \
	 PTRACE_O_TRACEVFORK | PTRACE_O_TRACECLONE | PTRACE_O_TRACEEXEC | PTRACE_O_TRACEEXIT)

/* Records waiting to be handed out, back to back, each at an 8-byte aligned offset. */
struct ptrace_queue {
	uint8_t *buf;
	size_t head, tail, cap;
};

struct ptrace_tracer {
	const char *proc;
	uint32_t snaplen;
	bool attached; /* no seccomp filter: every system call stops (PTRACE_SYSCALL) */
	pid_t root;    /* the command, or the attached process */
	bool root_execed, root_ended;
	int root_status;
	bool no_syscall_info; /* PTRACE_GET_SYSCALL_INFO is refused: track enter/exit ourselves */
	struct ptrace_syscall_set interest;
	struct ptrace_threads threads;
	struct ptrace_record rec;
	struct ptrace_queue queue;
};

/* Writes the message to `err` and returns `rc`. */
int ptrace_fail(char *err, size_t errlen, int rc, const char *fmt, ...)
    __attribute__((format(printf, 4, 5)));

/* Waits for one stop or exit of a tracee and handles it. Returns 0, PTRACE_NEXT_DONE when nothing
 * is left to wait for, PTRACE_NEXT_INTERRUPTED, or -errno. */
int ptrace_wait_one(struct ptrace_tracer *t);

/* Forks, traces and execs the command; returns once it has exec'd (0) or failed (-errno). */
int ptrace_start_command(struct ptrace_tracer *t, char *const *argv, char *err, size_t errlen);

/* Seizes every thread of process `pid`. */
int ptrace_attach_process(struct ptrace_tracer *t, pid_t pid, char *err, size_t errlen);

/* Finds `name` as execvp does: a name with a slash as it is, else the first executable entry of
 * PATH. Returns 0 with the path in `out`, -ENOENT when there is none, -EACCES when the only
 * matches are not executable. */
int ptrace_resolve_command(const char *name, char *out, size_t size);

#endif
