/* What the tracer remembers about each traced thread, by thread id. */
#ifndef PTRACE_THREADS_H
#define PTRACE_THREADS_H

#include <stdbool.h>
#include <stdint.h>
#include <sys/types.h>

struct ptrace_thread {
	pid_t tid;          /* 0 marks a free slot */
	bool in_syscall;    /* between a system call's enter and exit events */
	bool birth_pending; /* created by a traced clone: its first stop emits its clone exit */
	bool exit_seen;     /* its procexit has been emitted */
	bool emit_exit;     /* the system call in progress emitted an enter event */
	long nr;            /* the system call in progress */
	uint64_t args[6];   /* its arguments, as they were at entry */
	/* Strings an exec's exit event needs, read at entry (the exec replaces the memory they
	 * were in); NULL elsewhere. Owned by the table. */
	char *saved_str[6];
};

struct ptrace_threads {
	struct ptrace_thread *slots;
	uint32_t cap;   /* a power of two */
	uint32_t count; /* slots in use */
};

/* The thread, or NULL. */
struct ptrace_thread *ptrace_threads_find(struct ptrace_threads *t, pid_t tid);

/* The thread, added (zeroed, with `tid`) when absent; NULL when memory runs out. */
struct ptrace_thread *ptrace_threads_add(struct ptrace_threads *t, pid_t tid);

/* Frees the thread's saved strings. */
void ptrace_thread_forget_strings(struct ptrace_thread *th);

/* Forgets the thread and frees its saved strings (no-op when absent). Adding or removing moves
 * entries: pointers into the table are stale afterwards. */
void ptrace_threads_remove(struct ptrace_threads *t, pid_t tid);

void ptrace_threads_free(struct ptrace_threads *t);

#endif
