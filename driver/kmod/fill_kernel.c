// SPDX-License-Identifier: GPL-2.0
/* The kernel module's fill: kmod_fill.h over the shared fill engine (driver/fill). The record in
 * the caller's buffer is the sink; the task (its memory, credentials, namespaces, mm, files and
 * sockets) is the source. Everything here runs in a tracepoint with preemption disabled: user
 * memory is read without faulting, locks are spinlocks, references are taken only where dropping
 * them cannot sleep (fget_raw/fput), and paths are resolved under RCU. */
#include <linux/capability.h>
#include <linux/cgroup.h>
#include <linux/cred.h>
#include <linux/dcache.h>
#include <linux/file.h>
#include <linux/fs.h>
#include <linux/fs_struct.h>
#include <linux/kernfs.h>
#include <linux/mm.h>
#include <linux/net.h>
#include <linux/pid_namespace.h>
#include <linux/rcupdate.h>
#include <linux/sched.h>
#include <linux/sched/mm.h>
#include <linux/sched/signal.h>
#include <linux/sched/task.h>
#include <linux/spinlock.h>
#include <linux/string.h>
#include <linux/tty.h>
#include <linux/uaccess.h>
#include <linux/uidgid.h>
#include <linux/version.h>
#include <net/af_unix.h>
#include <net/inet_sock.h>
#include <net/ipv6.h>
#include <net/sock.h>
#include <net/tcp_states.h>
#ifdef CONFIG_AUDIT
#include <linux/audit.h>
#endif

#include "driver_api/event_codes.h"
#include "driver_fill/fill_engine.h"
#include "kmod_fill.h"

/* The record header (driver_api layout): ts u64, tid u64, len u32, type u16, nparams u32. */
#define RECORD_HEADER 26u

/* One record being built in the caller's buffer, and what it is built from. */
struct kfill {
	u8 *buf;
	u32 cap;
	u32 used;    /* header, lengths and the values so far */
	u32 nparams; /* parameters the header announces */
	u32 next;    /* parameters written so far */
	u32 width;   /* bytes per length: 2 or 4 */
	u32 begun;   /* the room the open parameter asked for */
	struct task_struct *task;
	bool user; /* the task's memory may be read: it is current */
};

static void put_le(u8 *at, u64 value, unsigned int size)
{
	unsigned int i;

	for (i = 0; i < size; i++)
		at[i] = (u8)(value >> (8 * i));
}

/* Sink. */

static uint8_t *sink_begin(void *ctx, uint32_t max)
{
	struct kfill *k = ctx;

	if (k->next >= k->nparams || max > k->cap - k->used)
		return NULL;
	k->begun = max;
	return k->buf + k->used;
}

static void sink_end(void *ctx, uint32_t used)
{
	struct kfill *k = ctx;
	u32 most = k->width == 2 ? 0xffffu : 0xffffffffu;

	if (used > k->begun)
		used = k->begun;
	if (used > most)
		used = most;
	put_le(k->buf + RECORD_HEADER + k->width * k->next, used, k->width);
	k->next++;
	k->used += used;
}

/* Source: the task's memory. */

static uint32_t source_read_mem(void *ctx, uint64_t addr, void *out, uint32_t len)
{
	struct kfill *k = ctx;
	u32 done = 0;

	if (!k->user || !len)
		return 0;
	if (!copy_from_user_nofault(out, (const void __user *)(uintptr_t)addr, len))
		return len;
	/* Part of it faults: as much as reads from the start, a page at a time. */
	while (done < len) {
		u64 at = addr + done;
		u32 chunk = PAGE_SIZE - (u32)(at & (PAGE_SIZE - 1));

		if (chunk > len - done)
			chunk = len - done;
		if (copy_from_user_nofault((u8 *)out + done, (const void __user *)(uintptr_t)at,
		                           chunk))
			break;
		done += chunk;
	}
	return done;
}

static uint32_t source_read_str(void *ctx, uint64_t addr, char *out, uint32_t size)
{
	return fill_read_str_by_pages(source_read_mem, ctx, addr, out, size);
}

/* Source: process facts. */

static u64 ns_of(struct timespec64 t)
{
	return (u64)t.tv_sec * NSEC_PER_SEC + (u64)t.tv_nsec;
}

static u64 caps_of(kernel_cap_t c)
{
#if LINUX_VERSION_CODE >= KERNEL_VERSION(6, 3, 0)
	return c.val;
#else
	return (u64)c.cap[0] | ((u64)c.cap[1] << 32);
#endif
}

/* The task's mm, only for the current task (whose mm cannot go away under us). */
static struct mm_struct *mm_of(struct kfill *k)
{
	return k->user ? k->task->mm : NULL;
}

static u64 cred_fact(struct task_struct *task, uint8_t field)
{
	const struct cred *cred;
	u64 v = 0;

	rcu_read_lock();
	cred = __task_cred(task);
	switch (field) {
	case SCAP_PROC_UID:
		v = from_kuid_munged(&init_user_ns, cred->euid);
		break;
	case SCAP_PROC_GID:
		v = from_kgid_munged(&init_user_ns, cred->egid);
		break;
	case SCAP_PROC_CAP_INHERITABLE:
		v = caps_of(cred->cap_inheritable);
		break;
	case SCAP_PROC_CAP_PERMITTED:
		v = caps_of(cred->cap_permitted);
		break;
	case SCAP_PROC_CAP_EFFECTIVE:
		v = caps_of(cred->cap_effective);
		break;
	}
	rcu_read_unlock();
	return v;
}

/* Ids in the initial pid namespace, or in the task's own (`own`). */
static u64 pid_fact(struct task_struct *task, enum pid_type type, bool own)
{
	struct pid_namespace *ns = own ? task_active_pid_ns(task) : &init_pid_ns;

	return ns ? (u64)__task_pid_nr_ns(task, type, ns) : 0;
}

static u64 parent_tgid(struct task_struct *task)
{
	u64 v;

	rcu_read_lock();
	v = (u64)task_tgid_nr(rcu_dereference(task->real_parent));
	rcu_read_unlock();
	return v;
}

/* The controlling terminal, encoded as /proc/PID/stat gives it (tty_nr), read under the siglock
 * (the sighand is typesafe by RCU: the task still has it once locked). */
static u64 tty_of(struct task_struct *task)
{
	struct sighand_struct *sighand;
	unsigned long flags;
	u64 v = 0;

	rcu_read_lock();
	sighand = rcu_dereference(task->sighand);
	if (sighand) {
		spin_lock_irqsave(&sighand->siglock, flags);
		if (sighand == rcu_access_pointer(task->sighand) && task->signal->tty)
			v = new_encode_dev(tty_devnum(task->signal->tty));
		spin_unlock_irqrestore(&sighand->siglock, flags);
	}
	rcu_read_unlock();
	return v;
}

/* Page faults of the whole process: those of its gone threads, and of each live one. */
static u64 faults_of(struct task_struct *task, bool major)
{
	struct task_struct *t;
	u64 v;

	rcu_read_lock();
	v = major ? task->signal->maj_flt : task->signal->min_flt;
	for_each_thread(task, t) v += major ? t->maj_flt : t->min_flt;
	rcu_read_unlock();
	return v;
}

static u64 loginuid_of(struct task_struct *task)
{
#ifdef CONFIG_AUDIT
	return from_kuid(&init_user_ns, audit_get_loginuid(task));
#else
	return 0xffffffffu;
#endif
}

/* The start of the first process of the task's pid namespace, ns since boot. */
static u64 pidns_init_start(struct task_struct *task)
{
	struct pid_namespace *ns;
	struct task_struct *init;
	u64 v = 0;

	rcu_read_lock();
	ns = task_active_pid_ns(task);
	init = ns ? READ_ONCE(ns->child_reaper) : NULL;
	if (init)
		v = init->start_boottime;
	rcu_read_unlock();
	return v;
}

/* Facts of the executable file of the current task's mm. */
static u64 exe_fact(struct kfill *k, uint8_t field)
{
	struct mm_struct *mm = mm_of(k);
	struct file *exe;
	struct inode *inode;
	u64 v = 0;

	if (!mm)
		return 0;
	rcu_read_lock();
	exe = rcu_dereference(mm->exe_file);
	inode = exe ? file_inode(exe) : NULL;
	if (inode) {
		switch (field) {
		case SCAP_PROC_EXE_INO:
			v = inode->i_ino;
			break;
		case SCAP_PROC_EXE_INO_CTIME:
#if LINUX_VERSION_CODE >= KERNEL_VERSION(6, 6, 0)
			v = ns_of(inode_get_ctime(inode));
#else
			v = ns_of(inode->i_ctime);
#endif
			break;
		case SCAP_PROC_EXE_INO_MTIME:
#if LINUX_VERSION_CODE >= KERNEL_VERSION(6, 7, 0)
			v = ns_of(inode_get_mtime(inode));
#else
			v = ns_of(inode->i_mtime);
#endif
			break;
		case SCAP_PROC_EXE_FLAGS:
			if (exe->f_path.dentry && exe->f_path.dentry->d_name.name &&
			    strncmp(exe->f_path.dentry->d_name.name, "memfd:", 6) == 0)
				v |= SCAP_EXECVE_FLAGS_EXE_FROM_MEMFD;
			break;
		}
	}
	rcu_read_unlock();
	return v;
}

static u64 mm_fact(struct kfill *k, uint8_t field)
{
	struct mm_struct *mm = mm_of(k);

	if (!mm)
		return 0;
	switch (field) {
	case SCAP_PROC_VM_SIZE:
		return (u64)mm->total_vm << (PAGE_SHIFT - 10);
	case SCAP_PROC_VM_RSS:
		return (u64)get_mm_rss(mm) << (PAGE_SHIFT - 10);
	case SCAP_PROC_VM_SWAP:
		return (u64)get_mm_counter(mm, MM_SWAPENTS) << (PAGE_SHIFT - 10);
	default:
		return 0;
	}
}

static uint64_t source_proc_number(void *ctx, uint8_t field)
{
	struct kfill *k = ctx;
	struct task_struct *task = k->task;

	switch (field) {
	case SCAP_PROC_TID:
		return pid_fact(task, PIDTYPE_PID, false);
	case SCAP_PROC_PID:
		return pid_fact(task, PIDTYPE_TGID, false);
	case SCAP_PROC_PTID:
		return parent_tgid(task);
	case SCAP_PROC_VTID:
		return pid_fact(task, PIDTYPE_PID, true);
	case SCAP_PROC_VPID:
		return pid_fact(task, PIDTYPE_TGID, true);
	case SCAP_PROC_PGID:
		return pid_fact(task, PIDTYPE_PGID, false);
	case SCAP_PROC_VPGID:
		return pid_fact(task, PIDTYPE_PGID, true);
	case SCAP_PROC_UID:
	case SCAP_PROC_GID:
	case SCAP_PROC_CAP_INHERITABLE:
	case SCAP_PROC_CAP_PERMITTED:
	case SCAP_PROC_CAP_EFFECTIVE:
		return cred_fact(task, field);
	case SCAP_PROC_LOGINUID:
		return loginuid_of(task);
	case SCAP_PROC_TTY:
		return tty_of(task);
	case SCAP_PROC_FDLIMIT:
		return task_rlimit(task, RLIMIT_NOFILE);
	case SCAP_PROC_PGFT_MAJ:
		return faults_of(task, true);
	case SCAP_PROC_PGFT_MIN:
		return faults_of(task, false);
	case SCAP_PROC_VM_SIZE:
	case SCAP_PROC_VM_RSS:
	case SCAP_PROC_VM_SWAP:
		return mm_fact(k, field);
	case SCAP_PROC_EXE_INO:
	case SCAP_PROC_EXE_INO_CTIME:
	case SCAP_PROC_EXE_INO_MTIME:
	case SCAP_PROC_EXE_FLAGS:
		return exe_fact(k, field);
	case SCAP_PROC_PIDNS_INIT_START_TS:
		return pidns_init_start(task);
	default:
		return 0;
	}
}

/* A path into `out` (cap bytes), with its NUL; 0 when it cannot be resolved. d_path writes at
 * the end of the buffer: the result is moved to its start. */
static u32 path_into(const struct path *path, u8 *out, u32 cap)
{
	char *p = d_path(path, (char *)out, cap);
	u32 n;

	if (IS_ERR(p))
		return 0;
	n = (u32)((char *)out + cap - p);
	memmove(out, p, n);
	return n;
}

/* The current directory. The task's fs is read under its lock (and the task's, for another
 * task); the path is resolved under RCU without taking references, whose release could sleep. */
static u32 cwd_of(struct kfill *k, u8 *out, u32 cap)
{
	struct task_struct *task = k->task;
	struct fs_struct *fs;
	struct path pwd = {};
	u32 n = 0;

	rcu_read_lock();
	if (!k->user)
		task_lock(task);
	fs = task->fs;
	if (fs) {
		spin_lock(&fs->lock);
		pwd = fs->pwd;
		spin_unlock(&fs->lock);
	}
	if (!k->user)
		task_unlock(task);
	if (pwd.dentry && pwd.mnt)
		n = path_into(&pwd, out, cap);
	rcu_read_unlock();
	return n;
}

static u32 exepath_of(struct kfill *k, u8 *out, u32 cap)
{
	struct mm_struct *mm = mm_of(k);
	struct file *exe;
	struct path path;
	u32 n = 0;

	if (!mm)
		return 0;
	rcu_read_lock();
	exe = rcu_dereference(mm->exe_file);
	if (exe) {
		path = exe->f_path;
		n = path_into(&path, out, cap);
	}
	rcu_read_unlock();
	return n;
}

/* The bytes of the user area [start, end) of the current task, up to cap, as a list of
 * NUL-terminated strings (the last one terminated, cut when the area is longer). */
static u32 area_of(struct kfill *k, bool env, u8 *out, u32 cap)
{
	struct mm_struct *mm = mm_of(k);
	unsigned long start, end;
	u32 len, got;

	if (!mm || cap < 2)
		return 0;
	spin_lock(&mm->arg_lock);
	start = env ? mm->env_start : mm->arg_start;
	end = env ? mm->env_end : mm->arg_end;
	spin_unlock(&mm->arg_lock);
	if (end <= start)
		return 0;
	len = end - start < cap ? (u32)(end - start) : cap;
	got = source_read_mem(k, start, out, len);
	if (got && out[got - 1] != '\0') {
		if (got == cap)
			out[got - 1] = '\0';
		else
			out[got++] = '\0';
	}
	return got;
}

/* argv[0], or argv[1..] (what follows argv[0] and its NUL). */
static u32 args_of(struct kfill *k, bool exe, u8 *out, u32 cap)
{
	u32 got = area_of(k, false, out, cap);
	u32 first;

	if (!got)
		return 0;
	first = strnlen((const char *)out, got) + 1;
	if (exe)
		return first <= got ? first : got;
	if (first >= got)
		return 0;
	memmove(out, out + first, got - first);
	return got - first;
}

static u32 comm_of(struct task_struct *task, u8 *out, u32 cap)
{
	char comm[TASK_COMM_LEN];
	u32 n;

	/* A copy first: the name may change while it is read. */
	memcpy(comm, task->comm, sizeof(comm));
	comm[sizeof(comm) - 1] = '\0';
	n = strnlen(comm, sizeof(comm)) + 1;
	if (n > cap)
		return 0;
	memcpy(out, comm, n);
	return n;
}

/* "controller=path" for every controller of the task's css_set: the path of the task's cgroup
 * on the default (v2) hierarchy for the controllers there, the controller's own cgroup on a v1
 * hierarchy. Paths are from the hierarchy's root. kernfs_path takes only a rwlock. */
static u32 cgroups_of(struct kfill *k, u8 *out, u32 cap)
{
#ifdef CONFIG_CGROUPS
	struct css_set *cset;
	u32 used = 0;
	int i;

	rcu_read_lock();
	cset = task_css_set(k->task);
	for (i = 0; cset && i < CGROUP_SUBSYS_COUNT; i++) {
		struct cgroup_subsys_state *css = cset->subsys[i];
		struct cgroup *cgrp;
		size_t name_len;
		int n;

		if (!css || !css->ss || !css->ss->name || !css->cgroup)
			continue;
		cgrp = css->cgroup;
		if (cset->dfl_cgrp && cgrp->root == cset->dfl_cgrp->root)
			cgrp = cset->dfl_cgrp;
		name_len = strlen(css->ss->name);
		if (!cgrp->kn || used + name_len + 3 > cap)
			break;
		memcpy(out + used, css->ss->name, name_len);
		out[used + name_len] = '=';
		n = kernfs_path(cgrp->kn, (char *)out + used + name_len + 1,
		                cap - used - name_len - 1);
		if (n < 0 || used + name_len + 1 + n + 1 > cap)
			break;
		used += name_len + 1 + n + 1;
	}
	rcu_read_unlock();
	return used;
#else
	return 0;
#endif
}

static uint32_t source_proc_bytes(void *ctx, uint8_t field, uint8_t *out, uint32_t cap)
{
	struct kfill *k = ctx;

	switch (field) {
	case SCAP_PROC_EXE:
		return args_of(k, true, out, cap);
	case SCAP_PROC_ARGS:
		return args_of(k, false, out, cap);
	case SCAP_PROC_ENV:
		return area_of(k, true, out, cap);
	case SCAP_PROC_CWD:
		return cwd_of(k, out, cap);
	case SCAP_PROC_COMM:
		return comm_of(k->task, out, cap);
	case SCAP_PROC_CGROUPS:
		return cgroups_of(k, out, cap);
	case SCAP_PROC_TRUSTED_EXEPATH:
		return exepath_of(k, out, cap);
	default:
		return 0;
	}
}

/* Source: sockets and files of the current task. */

/* The file behind fd in the current task, with a reference (fput drops it without sleeping). */
static struct file *file_of(struct kfill *k, int fd)
{
	return k->user && fd >= 0 ? fget_raw(fd) : NULL;
}

static u32 unix_tuple(struct sock *sk, u8 *out)
{
	struct unix_address *addr, *peer_addr = NULL;
	struct sock *peer;
	u64 src = (u64)(uintptr_t)sk, dst;
	u32 n;

	/* The peer is held by sk while it is sk's peer, which the state lock keeps it. */
	unix_state_lock(sk);
	peer = unix_peer(sk);
	dst = (u64)(uintptr_t)peer;
	addr = smp_load_acquire(&unix_sk(sk)->addr);
	if (peer)
		peer_addr = smp_load_acquire(&unix_sk(peer)->addr);
	/* The path of the remote end when it has one, else the local one. */
	if (peer_addr && peer_addr->len > (int)offsetof(struct sockaddr_un, sun_path))
		addr = peer_addr;
	if (addr && addr->len > (int)offsetof(struct sockaddr_un, sun_path))
		n = fill_encode_unix_tuple(out, src, dst, (const u8 *)addr->name->sun_path,
		                           addr->len - offsetof(struct sockaddr_un, sun_path));
	else
		n = fill_encode_unix_tuple(out, src, dst, NULL, 0);
	unix_state_unlock(sk);
	return n;
}

/* The two ends of an inet or inet6 socket (the local address as getsockname gives it); 0 for
 * other families, whose socks are no inet_sock. */
static u32 inet_tuple(struct sock *sk, bool inbound, u8 *out)
{
	u16 family = READ_ONCE(sk->sk_family);
	struct inet_sock *inet;
	u16 lport, rport;

	if (family != AF_INET && family != AF_INET6)
		return 0;
	inet = inet_sk(sk);
	lport = ntohs(READ_ONCE(inet->inet_sport));
	rport = ntohs(READ_ONCE(sk->sk_dport));
	if (family == AF_INET) {
		__be32 laddr = READ_ONCE(sk->sk_rcv_saddr), raddr = READ_ONCE(sk->sk_daddr);

		if (!laddr)
			laddr = READ_ONCE(inet->inet_saddr);
		if (inbound)
			return fill_encode_inet_tuple(out, (const u8 *)&raddr, rport,
			                              (const u8 *)&laddr, lport);
		return fill_encode_inet_tuple(out, (const u8 *)&laddr, lport, (const u8 *)&raddr,
		                              rport);
	}
#if IS_ENABLED(CONFIG_IPV6)
	{
		struct in6_addr laddr = sk->sk_v6_rcv_saddr, raddr = sk->sk_v6_daddr;
		struct ipv6_pinfo *np = inet6_sk(sk);

		if (ipv6_addr_any(&laddr) && np)
			laddr = np->saddr;
		if (inbound)
			return fill_encode_inet6_tuple(out, raddr.s6_addr, rport, laddr.s6_addr,
			                               lport);
		return fill_encode_inet6_tuple(out, laddr.s6_addr, lport, raddr.s6_addr, rport);
	}
#else
	return 0;
#endif
}

static uint32_t source_socktuple(void *ctx, int fd, bool inbound, uint8_t *out)
{
	struct file *file = file_of(ctx, fd);
	struct socket *sock;
	u32 n = 0;

	if (!file)
		return 0;
	sock = sock_from_file(file);
	if (sock && sock->sk) {
		if (sock->sk->sk_family == AF_UNIX)
			n = unix_tuple(sock->sk, out);
		else
			n = inet_tuple(sock->sk, inbound, out);
	}
	fput(file);
	return n;
}

static uint64_t source_file_fact(void *ctx, int fd, uint8_t field)
{
	struct file *file = file_of(ctx, fd);
	struct inode *inode;
	struct socket *sock;
	struct sock *sk;
	u64 v = 0;

	if (!file)
		return 0;
	inode = file_inode(file);
	sock = sock_from_file(file);
	sk = sock ? sock->sk : NULL;
	switch (field) {
	case SCAP_FILE_DEV:
		v = inode && inode->i_sb ? (u64)inode->i_sb->s_dev : 0;
		break;
	case SCAP_FILE_INO:
		v = inode ? inode->i_ino : 0;
		break;
	case SCAP_FILE_QUEUELEN:
		if (sk && READ_ONCE(sk->sk_state) == TCP_LISTEN)
			v = READ_ONCE(sk->sk_ack_backlog);
		break;
	case SCAP_FILE_QUEUEMAX:
		if (sk && READ_ONCE(sk->sk_state) == TCP_LISTEN)
			v = READ_ONCE(sk->sk_max_ack_backlog);
		break;
	case SCAP_FILE_SOCK:
		v = (u64)(uintptr_t)sk;
		break;
	case SCAP_FILE_PEER:
		if (sk && sk->sk_family == AF_UNIX)
			v = (u64)(uintptr_t)READ_ONCE(unix_peer(sk));
		break;
	default:
		/* The overlay layer (file(layer)) is not worked out. */
		break;
	}
	fput(file);
	return v;
}

static const struct fill_ops kmod_fill_ops = {
    .begin = sink_begin,
    .end = sink_end,
    .read_mem = source_read_mem,
    .read_str = source_read_str,
    .proc_number = source_proc_number,
    .proc_bytes = source_proc_bytes,
    .socktuple = source_socktuple,
    .file_fact = source_file_fact,
};

/* Writes the header and zeroed lengths; false when they do not fit. */
static bool start_record(struct kfill *k, u16 type, u32 nparams, u32 width, u64 ts)
{
	u32 head = RECORD_HEADER + width * nparams;

	if (k->cap < head)
		return false;
	k->nparams = nparams;
	k->width = width;
	k->next = 0;
	memset(k->buf, 0, head);
	put_le(k->buf, ts, 8);
	put_le(k->buf + 8, (u64)task_pid_nr(k->task), 8);
	put_le(k->buf + 20, type, 2);
	put_le(k->buf + 22, nparams, 4);
	k->used = head;
	return true;
}

static u32 finish_record(struct kfill *k)
{
	if (k->next != k->nparams)
		return 0;
	put_le(k->buf + 16, k->used, 4);
	return k->used;
}

u32 kmod_fill_syscall(void *buf, u32 cap, u16 type, const struct kmod_call *call,
                      struct task_struct *task, u64 ts)
{
	struct kfill k = {.buf = buf, .cap = cap, .task = task, .user = task == current};
	struct fill_call fc = {
	    .nr = call->nr,
	    .ret = call->ret,
	    .snaplen = call->snaplen,
	    .child = call->child,
	};
	u32 nparams = fill_event_nparams(type);
	int i;

	if (!nparams || !start_record(&k, type, nparams, fill_event_length_width(type), ts))
		return 0;
	for (i = 0; i < 6; i++)
		fc.args[i] = call->args[i];
	if (fill_event(type, &fc, &kmod_fill_ops, &k) != (int)nparams)
		return 0;
	return finish_record(&k);
}

u32 kmod_fill_procexit(void *buf, u32 cap, struct task_struct *task, u64 ts)
{
	struct kfill k = {.buf = buf, .cap = cap, .task = task, .user = task == current};

	if (!start_record(&k, SCAP_EV_PROCEXIT_1_E, FILL_PROCEXIT_NPARAMS,
	                  fill_event_length_width(SCAP_EV_PROCEXIT_1_E), ts))
		return 0;
	/* exit_code is in wait-status form: the signal (and the core bit), or the code << 8. The
	 * reaper of the children is chosen after this tracepoint: not known here. */
	if (fill_procexit(READ_ONCE(task->exit_code), 0, FILL_PROCEXIT_NPARAMS, &kmod_fill_ops,
	                  &k) != (int)FILL_PROCEXIT_NPARAMS)
		return 0;
	return finish_record(&k);
}
