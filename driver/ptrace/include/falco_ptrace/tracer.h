/* The tracer: runs a command (or attaches to a running process) under ptrace, follows its forks,
 * vforks, clones and threads, and turns the system calls of interest into event records.
 *
 * A command runs under a seccomp filter that stops it only at the system calls of interest
 * (SECCOMP_RET_TRACE); everything else runs at full speed. An attached process cannot be given a
 * filter, so it stops at every system call (PTRACE_SYSCALL) and the tracer skips the others.
 * Enter events come from the seccomp (or syscall-enter) stop, exit events from the syscall-exit
 * stop that follows. All calls on a tracer must come from the thread that opened it. */
#ifndef FALCO_PTRACE_TRACER_H
#define FALCO_PTRACE_TRACER_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <sys/types.h>

/* The API is visible to libscap across shared objects (Bazel's test builds link each library as
 * one); libscap.so's export list keeps it inside libscap. */
#define PTRACE_API __attribute__((visibility("default")))

struct ptrace_tracer_options {
	/* Run this command (argv[0] looked up in PATH as a shell does), or ... */
	char *const *argv;
	/* ... attach to this running process and all its threads. */
	pid_t pid;
	/* The most I/O data bytes kept per event; 0 for 80. */
	uint32_t snaplen;
	/* More system calls to stop at than those with dedicated events: names or numbers, comma
	 * separated, or "all"; NULL or "" for none. */
	const char *extra_syscalls;
	/* The procfs mount; NULL for "/proc". */
	const char *proc;
};

struct ptrace_tracer;

/* Starts tracing. For a command, returns once it has exec'd (the events so far are queued).
 * Returns 0, or -errno with a one-line reason in `err`: -ENOENT (command not found), -EACCES
 * (not executable), -EPERM (may not trace the process), -ESRCH (no such process), ... */
PTRACE_API int ptrace_tracer_open(struct ptrace_tracer **out,
                                  const struct ptrace_tracer_options *opts, char *err,
                                  size_t errlen);

enum ptrace_next {
	PTRACE_NEXT_EVENT = 0,       /* *rec holds the next record until the next call */
	PTRACE_NEXT_DONE = 1,        /* every traced task has exited */
	PTRACE_NEXT_INTERRUPTED = 2, /* a signal interrupted the wait; call again */
};

/* Waits for the next event. Returns an enum ptrace_next, or -errno with the reason in `err`. */
PTRACE_API int ptrace_tracer_next(struct ptrace_tracer *t, const uint8_t **rec, uint32_t *len,
                                  char *err, size_t errlen);

/* The wait status of the command (or of the attached process) once it has ended; false before,
 * and when the tracer never saw it end. */
PTRACE_API bool ptrace_tracer_exit_status(const struct ptrace_tracer *t, int *status);

/* Stops tracing: a command still running is killed (its seccomp filter would fail its system
 * calls without a tracer); an attached process is detached and keeps running. */
PTRACE_API void ptrace_tracer_close(struct ptrace_tracer *t);

#endif
