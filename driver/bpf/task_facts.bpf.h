/* Facts about the current task and its open files, read from kernel structures through CO-RE:
 * the file behind an fd, its device and inode, and the process facts execve/clone events carry. */
#ifndef FALCO_BPF_TASK_FACTS_H
#define FALCO_BPF_TASK_FACTS_H

#include "kernel_types.h"

#include <bpf/bpf_core_read.h>
#include <bpf/bpf_helpers.h>

#include "driver_api/event_codes.h"
#include "driver_api/fill_table.h"
#include "event_builder.bpf.h"

#define RLIMIT_NOFILE 7
#define MAX_ARGS_BYTES 4096

/* The struct file of fd `fd` in the current task, or NULL. */
static __always_inline struct file *task_file(long fd)
{
	struct task_struct *task = (struct task_struct *)bpf_get_current_task();
	struct fdtable *fdt = BPF_CORE_READ(task, files, fdt);
	if (!fdt || fd < 0 || fd >= BPF_CORE_READ(fdt, max_fds))
		return 0;
	struct file **fds = BPF_CORE_READ(fdt, fd);
	struct file *file = 0;
	bpf_probe_read_kernel(&file, sizeof(file), &fds[fd & 0xfffff]);
	return file;
}

static __always_inline void put_file_fact(struct scratch *s, struct builder *b, long fd, __u8 field)
{
	struct file *file = task_file(fd);
	if (!file) {
		builder_put_empty(s, b);
		return;
	}
	if (field == SCAP_FILE_DEV)
		builder_put_int(s, b, BPF_CORE_READ(file, f_inode, i_sb, s_dev), 4);
	else if (field == SCAP_FILE_INO)
		builder_put_int(s, b, BPF_CORE_READ(file, f_inode, i_ino), 8);
	else
		builder_put_empty(s, b);
}

/* argv[1..] of the current process: the argument area after argv[0] and its NUL. */
static __always_inline void put_args(struct scratch *s, struct builder *b, struct task_struct *task)
{
	unsigned long start = BPF_CORE_READ(task, mm, arg_start);
	unsigned long end = BPF_CORE_READ(task, mm, arg_end);
	/* Measure argv[0] where the value will go; the read below overwrites it. */
	long n = bpf_probe_read_user_str(&s->data[b->values_at & SCRATCH_MASK], 256,
	                                 (const void *)start);
	start += n > 0 ? (unsigned long)n : 0;
	builder_put_user_bytes(s, b, (const void *)start, end > start ? end - start : 0,
	                       MAX_ARGS_BYTES);
}

#define MAX_PATH_DEPTH 32
#define PATH_AREA 8192

/* State of a walk from a dentry up to the root, one component per bpf_loop() step. */
struct path_walk {
	struct dentry *dentry;
	struct vfsmount *vfsmnt;
	struct mount *mnt;
	__u32 pos; /* where the next component ends, in the path area */
};

/* One step up: prepends "/name" of the current dentry, or crosses a mount point. Returns 1 at
 * the root (or when the area is full) to stop the loop. */
static long path_walk_step(__u32 index, void *ctx)
{
	struct path_walk *w = ctx;
	struct scratch *s = scratch_get();
	/* Plain copies: the CO-RE reads below must not relocate accesses to this local struct. */
	struct dentry *dentry = w->dentry;
	struct vfsmount *vfsmnt = w->vfsmnt;
	struct mount *mnt = w->mnt;

	(void)index;
	if (!s)
		return 1;
	struct dentry *root = BPF_CORE_READ(vfsmnt, mnt_root);
	struct dentry *parent = BPF_CORE_READ(dentry, d_parent);
	if (dentry == root) {
		struct mount *up = BPF_CORE_READ(mnt, mnt_parent);
		if (up == mnt)
			return 1; /* the root of the root mount */
		w->dentry = BPF_CORE_READ(mnt, mnt_mountpoint);
		w->mnt = up;
		w->vfsmnt = (void *)((char *)up + bpf_core_field_offset(struct mount, mnt));
		return 0;
	}
	if (dentry == parent)
		return 1;
	__u32 len = BPF_CORE_READ(dentry, d_name.len) & 255;
	__u32 pos = w->pos;
	if (len + 1 > pos)
		return 1;
	pos -= len + 1;
	w->pos = pos;
	__u32 at = SCRATCH_SIZE + (pos & (PATH_AREA - 1));
	s->data[at & (2 * SCRATCH_SIZE - 1)] = '/';
	bpf_probe_read_kernel(&s->data[(at + 1) & (2 * SCRATCH_SIZE - 1)], len,
	                      BPF_CORE_READ(dentry, d_name.name));
	w->dentry = parent;
	return 0;
}

/* The current directory of `task`, walked up from its dentry to the root, crossing mount points.
 * The components are gathered backwards in the upper half of the scratch buffer, then copied to
 * the value's place. */
static __always_inline void put_cwd(struct scratch *s, struct builder *b, struct task_struct *task)
{
	struct vfsmount *vfsmnt = BPF_CORE_READ(task, fs, pwd.mnt);
	struct path_walk w = {
	    .dentry = BPF_CORE_READ(task, fs, pwd.dentry),
	    .vfsmnt = vfsmnt,
	    .mnt = (void *)((char *)vfsmnt - bpf_core_field_offset(struct mount, mnt)),
	    .pos = PATH_AREA - 1,
	};
	__u32 end = PATH_AREA - 1;

	s->data[SCRATCH_SIZE + end] = '\0';
	bpf_loop(MAX_PATH_DEPTH, path_walk_step, &w, 0);
	__u32 pos = w.pos & (PATH_AREA - 1);
	if (pos == end) {
		pos--;
		s->data[SCRATCH_SIZE + pos] = '/';
	}
	__u32 n = (end - pos + 1) & (PATH_AREA - 1);
	if (n == 0 || bpf_probe_read_kernel(&s->data[b->values_at & SCRATCH_MASK], n,
	                                    &s->data[SCRATCH_SIZE + pos]) != 0) {
		builder_put_empty(s, b);
		return;
	}
	builder_commit(s, b, n);
}

static __always_inline void put_proc_fact(struct scratch *s, struct builder *b, __u8 field)
{
	struct task_struct *task = (struct task_struct *)bpf_get_current_task();
	__u64 uid_gid = bpf_get_current_uid_gid();

	switch (field) {
	case SCAP_PROC_TID:
		builder_put_int(s, b, (__u64)(long)BPF_CORE_READ(task, pid), 8);
		return;
	case SCAP_PROC_PID:
		builder_put_int(s, b, (__u64)(long)BPF_CORE_READ(task, tgid), 8);
		return;
	case SCAP_PROC_PTID:
		builder_put_int(s, b, (__u64)(long)BPF_CORE_READ(task, real_parent, pid), 8);
		return;
	case SCAP_PROC_UID:
		builder_put_int(s, b, uid_gid & 0xffffffff, 4);
		return;
	case SCAP_PROC_GID:
		builder_put_int(s, b, uid_gid >> 32, 4);
		return;
	case SCAP_PROC_LOGINUID:
		builder_put_int(s, b,
		                bpf_core_field_exists(task->loginuid)
		                    ? BPF_CORE_READ(task, loginuid.val)
		                    : 0xffffffff,
		                4);
		return;
	case SCAP_PROC_FDLIMIT:
		builder_put_int(s, b, BPF_CORE_READ(task, signal, rlim[RLIMIT_NOFILE].rlim_cur), 8);
		return;
	case SCAP_PROC_PGFT_MAJ:
		builder_put_int(s, b, BPF_CORE_READ(task, maj_flt), 8);
		return;
	case SCAP_PROC_PGFT_MIN:
		builder_put_int(s, b, BPF_CORE_READ(task, min_flt), 8);
		return;
	case SCAP_PROC_COMM: {
		__u32 at = b->values_at & SCRATCH_MASK;
		bpf_get_current_comm(&s->data[at], 16);
		long n = bpf_probe_read_kernel_str(&s->data[at], 16, &s->data[at]);
		builder_commit(s, b, n > 0 ? (__u32)n : 0);
		return;
	}
	case SCAP_PROC_EXE:
		builder_put_user_str(s, b, (const void *)BPF_CORE_READ(task, mm, arg_start),
		                     MAX_ARGS_BYTES);
		return;
	case SCAP_PROC_ARGS:
		put_args(s, b, task);
		return;
	case SCAP_PROC_CWD:
		put_cwd(s, b, task);
		return;
	case SCAP_PROC_ENV: {
		unsigned long start = BPF_CORE_READ(task, mm, env_start);
		unsigned long end = BPF_CORE_READ(task, mm, env_end);
		builder_put_user_bytes(s, b, (const void *)start, end > start ? end - start : 0,
		                       MAX_ARGS_BYTES);
		return;
	}
	default:
		/* Facts this probe does not gather yet are recorded as not available. */
		builder_put_empty(s, b);
		return;
	}
}

#endif
