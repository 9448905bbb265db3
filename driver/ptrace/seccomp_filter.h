/* The seccomp filter the traced command runs under: SECCOMP_RET_TRACE for the system calls of
 * interest, so that only they stop the tracee, and SECCOMP_RET_ALLOW for every other one. */
#ifndef PTRACE_SECCOMP_FILTER_H
#define PTRACE_SECCOMP_FILTER_H

#include <linux/filter.h>

#include "syscall_set.h"

/* Builds the filter program into `prog` (at most `max` instructions). Returns the number of
 * instructions, or -1 when they do not fit. */
int ptrace_seccomp_build(const struct ptrace_syscall_set *set, struct sock_filter *prog,
                         unsigned max);

/* Installs the filter in the calling process (the child, before it execs the command). Without
 * CAP_SYS_ADMIN it sets no_new_privs first, as the kernel requires. Returns 0 or -errno. */
int ptrace_seccomp_install(const struct ptrace_syscall_set *set);

#endif
