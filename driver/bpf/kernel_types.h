/* The few kernel types the probe reads, declared with only the fields it uses. Thanks to
 * preserve_access_index, clang records each field access as a BTF relocation, and libbpf fixes the
 * offsets up against the running kernel's BTF when the probe loads (CO-RE): no generated copy of
 * every kernel type is needed, and the probe loads on any kernel with BTF. */
#ifndef FALCO_BPF_KERNEL_TYPES_H
#define FALCO_BPF_KERNEL_TYPES_H

typedef unsigned char __u8;
typedef unsigned short __u16;
typedef unsigned int __u32;
typedef unsigned long long __u64;
typedef signed char __s8;
typedef short __s16;
typedef int __s32;
typedef long long __s64;
typedef __u16 __be16;
typedef __u32 __be32;
typedef __u32 __wsum;
typedef int pid_t;

enum bpf_map_type {
	BPF_MAP_TYPE_ARRAY = 2,
	BPF_MAP_TYPE_PERCPU_ARRAY = 6,
	BPF_MAP_TYPE_RINGBUF = 27,
};

enum {
	BPF_ANY = 0,
};

#pragma clang attribute push(__attribute__((preserve_access_index)), apply_to = record)

/* x86_64 registers at system-call entry: arguments in di, si, dx, r10, r8, r9. */
struct pt_regs {
	unsigned long r15, r14, r13, r12, bp, bx, r11, r10, r9, r8;
	unsigned long ax, cx, dx, si, di, orig_ax, ip, cs, flags, sp, ss;
};

struct task_struct {
	pid_t pid;
	pid_t tgid;
	struct task_struct *real_parent;
};

#pragma clang attribute pop

#endif
