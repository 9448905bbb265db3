/* The system calls the tracer stops at, by x86_64 number: those with dedicated events in
 * driver_api/syscall_table.h, plus any the user names. */
#ifndef PTRACE_SYSCALL_SET_H
#define PTRACE_SYSCALL_SET_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#define PTRACE_NR_MAX 1024u

struct ptrace_syscall_set {
	uint64_t bits[PTRACE_NR_MAX / 64];
};

static inline void ptrace_set_add(struct ptrace_syscall_set *s, uint64_t nr)
{
	if (nr < PTRACE_NR_MAX)
		s->bits[nr / 64] |= 1ull << (nr % 64);
}

static inline bool ptrace_set_has(const struct ptrace_syscall_set *s, uint64_t nr)
{
	return nr < PTRACE_NR_MAX && (s->bits[nr / 64] >> (nr % 64)) & 1;
}

/* Adds every system call whose events are not the generic pair. */
void ptrace_set_add_dedicated(struct ptrace_syscall_set *s);

/* Adds the system calls named in `list`: comma-separated names (of the ppm_sc_codes table),
 * numbers, or "all". Returns 0, or -EINVAL with the unknown name in `err`. */
int ptrace_set_parse(struct ptrace_syscall_set *s, const char *list, char *err, size_t errlen);

#endif
