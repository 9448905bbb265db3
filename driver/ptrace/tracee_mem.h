/* Reading a stopped tracee's memory: process_vm_readv, or PTRACE_PEEKDATA word by word where
 * that is refused (kernels without it, or Yama and seccomp policies that block it). */
#ifndef PTRACE_TRACEE_MEM_H
#define PTRACE_TRACEE_MEM_H

#include <stddef.h>
#include <stdint.h>
#include <sys/types.h>

/* Copies up to `len` bytes at `addr` in `tid` into `out`. Returns how many bytes it could read
 * from the start (0 when the address is bad). */
size_t ptrace_mem_read(pid_t tid, uint64_t addr, void *out, size_t len);

/* Copies the NUL-terminated string at `addr` into `out` (at most `size` bytes, NUL included,
 * cut when longer). Returns its length with the NUL, or 0 when nothing could be read. */
size_t ptrace_mem_read_str(pid_t tid, uint64_t addr, char *out, size_t size);

#endif
