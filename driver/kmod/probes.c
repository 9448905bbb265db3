// SPDX-License-Identifier: GPL-2.0
/* The probes: each builds one event record in its CPU's scratch buffer (kmod_fill.h) and copies it
 * into the CPU's ring, with preemption disabled from the capture check to the copy. */
#define pr_fmt(fmt) KBUILD_MODNAME ": " fmt

#include <asm/syscall.h>
#include <asm/unistd.h>
#include <linux/compat.h>
#include <linux/kernel.h>
#include <linux/pid.h>
#include <linux/preempt.h>
#include <linux/printk.h>
#include <linux/ptrace.h>
#include <linux/sched.h>
#include <linux/smp.h>
#include <linux/string.h>
#include <linux/tracepoint.h>

#include "driver_api/syscall_table.h"

#include "capture.h"
#include "kmod_fill.h"
#include "probes.h"

#ifndef CONFIG_X86_64
#error "the falco module records x86_64 system calls only"
#endif

/* Whether events of `task` are recorded now. Preemption disabled. */
static bool falco_wants(struct task_struct *task)
{
	u32 tgid = task_tgid_nr(task);
	u32 ignore = READ_ONCE(falco_settings.ignore_tgid);
	u32 only = READ_ONCE(falco_settings.only_tgid);

	if (ignore && tgid == ignore)
		return false;
	return !only || tgid == only;
}

/* Copies the record the fill left in the scratch buffer (len 0: it did not fit) into the ring. */
static void falco_commit(struct falco_cpu *fc, u32 len)
{
	if (len == 0 || len > FALCO_SCRATCH_BYTES)
		falco_ring_drop_large(&fc->ring);
	else
		falco_ring_append(&fc->ring, fc->scratch, len);
}

/* Records event `type` of `call`, made by `task`, on this CPU. Preemption disabled. */
static void falco_record_call(struct falco_cpu *fc, u16 type, const struct kmod_call *call,
                              struct task_struct *task)
{
	u64 ts = falco_now();

	falco_commit(fc, kmod_fill_syscall(fc->scratch, FALCO_SCRATCH_BYTES, type, call, task, ts));
}

static u16 falco_syscall_event(long nr, bool exit)
{
	if (nr < 0 || nr >= SCAP_SYSCALL_NR_MAX)
		return exit ? SCAP_EV_GENERIC_X : SCAP_EV_GENERIC_E;
	return exit ? scap_syscall_table[nr].exit_event : scap_syscall_table[nr].enter_event;
}

static bool falco_is_clone(long nr)
{
	return nr == __NR_clone || nr == __NR_fork || nr == __NR_vfork || nr == __NR_clone3;
}

/* An entry (exit false) or exit of system call `nr` by current. */
static void falco_syscall(struct pt_regs *regs, long nr, long ret, bool exit)
{
	struct kmod_call call;
	struct falco_cpu *fc;

	/* The event table describes x86_64 calls; ia32 and x32 numbers mean other calls. */
	if (in_compat_syscall())
		return;
	preempt_disable();
	if (!READ_ONCE(falco_settings.enabled))
		goto out;
	fc = falco_cpu(smp_processor_id());
	fc->syscalls++;
	if (!falco_wants(current))
		goto out;
	call.nr = nr;
	call.ret = exit ? ret : 0;
	syscall_get_arguments(current, regs, call.args);
	call.snaplen = READ_ONCE(falco_settings.snaplen);
	call.child = exit && ret == 0 && falco_is_clone(nr);
	falco_record_call(fc, falco_syscall_event(nr, exit), &call, current);
out:
	preempt_enable();
}

static void falco_sys_enter(void *data, struct pt_regs *regs, long id)
{
	falco_syscall(regs, id, 0, false);
}

static void falco_sys_exit(void *data, struct pt_regs *regs, long ret)
{
	falco_syscall(regs, syscall_get_nr(current, regs), ret, true);
}

/* A system call that nobody made (ret 0, no arguments), of `task`: how execs and forks the
 * system-call probes cannot see are reported. */
static void falco_record_synthetic(struct task_struct *task, long nr, bool child)
{
	struct kmod_call call = {
	    .nr = nr,
	    .child = child,
	};
	struct falco_cpu *fc;

	preempt_disable();
	if (!READ_ONCE(falco_settings.enabled) || !falco_wants(task))
		goto out;
	fc = falco_cpu(smp_processor_id());
	call.snaplen = READ_ONCE(falco_settings.snaplen);
	falco_record_call(fc, falco_syscall_event(nr, true), &call, task);
out:
	preempt_enable();
}

static void falco_sched_process_exit(void *data, struct task_struct *p)
{
	struct falco_cpu *fc;
	u32 len;

	preempt_disable();
	if (!READ_ONCE(falco_settings.enabled) || !falco_wants(p))
		goto out;
	fc = falco_cpu(smp_processor_id());
	len = kmod_fill_procexit(fc->scratch, FALCO_SCRATCH_BYTES, p, falco_now());
	falco_commit(fc, len);
out:
	preempt_enable();
}

/* An exec reported by no execve exit (a usermode helper started by the kernel, say): the execve
 * exit event makes the new program known. */
static void falco_sched_process_exec(void *data, struct task_struct *p, pid_t old_pid,
                                     struct linux_binprm *bprm)
{
	long nr = syscall_get_nr(current, task_pt_regs(current));

	if (!in_compat_syscall() && (nr == __NR_execve || nr == __NR_execveat))
		return;
	falco_record_synthetic(p, __NR_execve, false);
}

/* A user process forked by a kernel thread: no clone exit describes it, so one is made up for the
 * child. Kernel threads forking kernel threads are not reported. */
static void falco_sched_process_fork(void *data, struct task_struct *parent,
                                     struct task_struct *child)
{
	if (!(parent->flags & PF_KTHREAD) || (child->flags & PF_KTHREAD))
		return;
	falco_record_synthetic(child, __NR_clone, true);
}

struct falco_tracepoint {
	const char *name;
	void *probe;
	struct tracepoint *tp;
	bool registered;
};

static struct falco_tracepoint falco_tracepoints[] = {
    {.name = "sys_enter", .probe = falco_sys_enter},
    {.name = "sys_exit", .probe = falco_sys_exit},
    {.name = "sched_process_exit", .probe = falco_sched_process_exit},
    {.name = "sched_process_fork", .probe = falco_sched_process_fork},
    {.name = "sched_process_exec", .probe = falco_sched_process_exec},
};

static void falco_find_tracepoint(struct tracepoint *tp, void *priv)
{
	unsigned int i;

	for (i = 0; i < ARRAY_SIZE(falco_tracepoints); i++)
		if (!strcmp(tp->name, falco_tracepoints[i].name))
			falco_tracepoints[i].tp = tp;
}

int falco_probes_register(void)
{
	unsigned int i;
	int ret;

	for_each_kernel_tracepoint(falco_find_tracepoint, NULL);
	for (i = 0; i < ARRAY_SIZE(falco_tracepoints); i++) {
		struct falco_tracepoint *t = &falco_tracepoints[i];

		if (!t->tp) {
			pr_err("tracepoint %s not found\n", t->name);
			ret = -ENOENT;
			goto fail;
		}
		ret = tracepoint_probe_register(t->tp, t->probe, NULL);
		if (ret) {
			pr_err("cannot attach to tracepoint %s: %d\n", t->name, ret);
			goto fail;
		}
		t->registered = true;
	}
	return 0;

fail:
	falco_probes_unregister();
	return ret;
}

void falco_probes_unregister(void)
{
	unsigned int i;

	for (i = 0; i < ARRAY_SIZE(falco_tracepoints); i++) {
		struct falco_tracepoint *t = &falco_tracepoints[i];

		if (t->registered)
			tracepoint_probe_unregister(t->tp, t->probe, NULL);
		t->registered = false;
	}
	tracepoint_synchronize_unregister();
}
