/* Inside the module: building one event record for a system call or a process event. The ring and
 * device code (main.c, ring.c) calls these; fill_kernel.c implements them over the shared fill
 * engine (driver/fill), reading the caller's memory without faulting. */
#ifndef FALCO_KMOD_FILL_H
#define FALCO_KMOD_FILL_H

#include <linux/sched.h>
#include <linux/types.h>

/* A system call as the tracepoints see it. */
struct kmod_call {
	long nr;               /* x86_64 system-call number */
	long ret;              /* return value (exit events) */
	unsigned long args[6]; /* arguments, as entered */
	u32 snaplen;           /* I/O data bytes kept */
	bool child;            /* a clone/fork exit seen in the new task */
};

/* Writes into buf (cap bytes) the record of event `type` for `call`, made by `task` (user memory is
 * read only when task == current), stamped `ts` (ns since the epoch) and the task's thread id.
 * Returns the record's length, or 0 when the type has no fills or the record does not fit. Never
 * sleeps or faults: safe in a tracepoint with preemption disabled. */
u32 kmod_fill_syscall(void *buf, u32 cap, u16 type, const struct kmod_call *call,
                      struct task_struct *task, u64 ts);

/* Writes into buf the procexit record of `task` (the exiting current task). Same contract. */
u32 kmod_fill_procexit(void *buf, u32 cap, struct task_struct *task, u64 ts);

#endif
