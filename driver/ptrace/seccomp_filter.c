#include "seccomp_filter.h"

#include <errno.h>
#include <linux/audit.h>
#include <linux/seccomp.h>
#include <stddef.h>
#include <sys/prctl.h>
#include <sys/syscall.h>
#include <unistd.h>

/* x32 system calls carry this bit in their number; they are let through untraced. */
#define X32_SYSCALL_BIT 0x40000000u

#define STMT(code, k) ((struct sock_filter){(uint16_t)(code), 0, 0, (uint32_t)(k)})
#define JUMP(code, k, jt, jf) ((struct sock_filter){(uint16_t)(code), (jt), (jf), (uint32_t)(k)})

int ptrace_seccomp_build(const struct ptrace_syscall_set *set, struct sock_filter *prog,
                         unsigned max)
{
	unsigned n = 0;

#define EMIT(insn)                                                                                 \
	do {                                                                                       \
		if (n == max)                                                                      \
			return -1;                                                                 \
		prog[n++] = (insn);                                                                \
	} while (0)

	/* Other architectures (i386 through int 0x80) and x32 are not traced. */
	EMIT(STMT(BPF_LD | BPF_W | BPF_ABS, offsetof(struct seccomp_data, arch)));
	EMIT(JUMP(BPF_JMP | BPF_JEQ | BPF_K, AUDIT_ARCH_X86_64, 1, 0));
	EMIT(STMT(BPF_RET | BPF_K, SECCOMP_RET_ALLOW));
	EMIT(STMT(BPF_LD | BPF_W | BPF_ABS, offsetof(struct seccomp_data, nr)));
	EMIT(JUMP(BPF_JMP | BPF_JGE | BPF_K, X32_SYSCALL_BIT, 0, 1));
	EMIT(STMT(BPF_RET | BPF_K, SECCOMP_RET_ALLOW));

	/* One test per run of consecutive numbers: nr in [lo, hi] traces. Three instructions each,
	 * with short jumps only, so any number of runs fits the 8-bit jump offsets. */
	for (uint32_t lo = 0; lo < PTRACE_NR_MAX; lo++) {
		if (!ptrace_set_has(set, lo))
			continue;
		uint32_t hi = lo;
		while (hi + 1 < PTRACE_NR_MAX && ptrace_set_has(set, hi + 1))
			hi++;
		EMIT(JUMP(BPF_JMP | BPF_JGE | BPF_K, lo, 0, 2));
		EMIT(JUMP(BPF_JMP | BPF_JGT | BPF_K, hi, 1, 0));
		EMIT(STMT(BPF_RET | BPF_K, SECCOMP_RET_TRACE));
		lo = hi;
	}
	EMIT(STMT(BPF_RET | BPF_K, SECCOMP_RET_ALLOW));
#undef EMIT
	return (int)n;
}

int ptrace_seccomp_install(const struct ptrace_syscall_set *set)
{
	struct sock_filter prog[3 * PTRACE_NR_MAX / 2 + 8];
	int n = ptrace_seccomp_build(set, prog, sizeof(prog) / sizeof(prog[0]));
	if (n < 0)
		return -E2BIG;
	struct sock_fprog fprog = {.len = (unsigned short)n, .filter = prog};
	if (syscall(SYS_seccomp, SECCOMP_SET_MODE_FILTER, 0, &fprog) == 0)
		return 0;
	if (errno != EACCES)
		return -errno;
	if (prctl(PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0) != 0)
		return -errno;
	if (syscall(SYS_seccomp, SECCOMP_SET_MODE_FILTER, 0, &fprog) != 0)
		return -errno;
	return 0;
}
