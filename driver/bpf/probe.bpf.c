/* The falco eBPF probe: on every system call's entry and exit, writes the event the schema gives
 * it (driver_api) into a ring buffer shared by all CPUs, filling each parameter from the place the
 * fill table names. Attached to the BTF-typed raw tracepoints, so it needs no tracefs. */
#include "kernel_types.h"

#include <bpf/bpf_core_read.h>
#include <bpf/bpf_helpers.h>
#include <bpf/bpf_tracing.h>

#include "driver_api/event_codes.h"
#include "driver_api/syscall_table.h"
#include "event_builder.bpf.h"
#include "falco_bpf/probe_abi.h"
#include "fillers.bpf.h"

char LICENSE[] SEC("license") = "GPL";

struct {
	__uint(type, BPF_MAP_TYPE_RINGBUF);
	__uint(max_entries, 8 << 20); /* the engine sets the real size before loading */
} events SEC(".maps");

struct {
	__uint(type, BPF_MAP_TYPE_ARRAY);
	__uint(max_entries, 1);
	__type(key, __u32);
	__type(value, struct falco_bpf_settings);
} settings SEC(".maps");

struct {
	__uint(type, BPF_MAP_TYPE_PERCPU_ARRAY);
	__uint(max_entries, 1);
	__type(key, __u32);
	__type(value, struct falco_bpf_counters);
} counters SEC(".maps");

/* The settings, when this task's system calls are to be captured; NULL otherwise. */
static __always_inline const struct falco_bpf_settings *capturing(void)
{
	__u32 zero = 0;
	const struct falco_bpf_settings *s = bpf_map_lookup_elem(&settings, &zero);
	if (!s || !s->capture)
		return 0;
	__u32 tgid = bpf_get_current_pid_tgid() >> 32;
	if (tgid == s->ignore_tgid || (s->only_tgid && tgid != s->only_tgid))
		return 0;
	return s;
}

/* Sends the finished record to the ring; a full ring counts a drop. */
static __always_inline void submit(struct scratch *scratch, struct builder *b)
{
	__u32 zero = 0;
	__u32 len = builder_finish(scratch, b);
	struct falco_bpf_counters *c = bpf_map_lookup_elem(&counters, &zero);
	__u32 size = (RECORD_PREFIX + len) & SCRATCH_MASK;

	if (size < RECORD_PREFIX + EVT_HEADER)
		return;
	/* Waking the reader costs more than writing the record: wake it only once the ring is a
	 * quarter full; otherwise it finds the records when its short poll times out. */
	__u64 wake = bpf_ringbuf_query(&events, BPF_RB_AVAIL_DATA) >
	                     bpf_ringbuf_query(&events, BPF_RB_RING_SIZE) / 4
	                 ? BPF_RB_FORCE_WAKEUP
	                 : BPF_RB_NO_WAKEUP;
	if (bpf_ringbuf_output(&events, scratch->data, size, wake) == 0) {
		if (c)
			c->events++;
	} else if (c) {
		c->drops++;
	}
}

/* The six system-call arguments, from the registers the x86_64 calling convention uses. */
static __always_inline void read_args(struct syscall_call *call, struct pt_regs *regs)
{
	/* tp_btf hands over a trusted pointer: plain loads, relocated by CO-RE, no helper calls. */
	call->args[0] = regs->di;
	call->args[1] = regs->si;
	call->args[2] = regs->dx;
	call->args[3] = regs->r10;
	call->args[4] = regs->r8;
	call->args[5] = regs->r9;
}

static __always_inline int emit(struct pt_regs *regs, long nr, long ret, int exit)
{
	const struct falco_bpf_settings *s = capturing();

	if (!s)
		return 0;
	struct scratch *scratch = scratch_get();
	if (!scratch)
		return 0;
	struct syscall_call call = {
	    .nr = nr,
	    .ret = ret,
	    .snaplen = s->snaplen,
	};
	read_args(&call, regs);
	struct builder b;
	__u16 type = exit ? SCAP_EV_GENERIC_X : SCAP_EV_GENERIC_E;
	__u32 index = (__u32)nr;
	SCAP_OPAQUE(index);
	if (nr >= 0 && index < SCAP_SYSCALL_NR_MAX) {
		call.ppm_sc = scap_syscall_table[index].ppm_sc;
		type = exit ? scap_syscall_table[index].exit_event
		            : scap_syscall_table[index].enter_event;
	}
	if (fill_event(scratch, &b, &call, type, bpf_ktime_get_boot_ns() + s->boot_epoch_ns,
	               bpf_get_current_pid_tgid() & 0xffffffff, bpf_get_smp_processor_id()) == 0)
		submit(scratch, &b);
	return 0;
}

SEC("tp_btf/sys_enter")
int BPF_PROG(falco_sys_enter, struct pt_regs *regs, long id)
{
	return emit(regs, id, 0, 0);
}

SEC("tp_btf/sys_exit")
int BPF_PROG(falco_sys_exit, struct pt_regs *regs, long ret)
{
	return emit(regs, (long)regs->orig_ax, ret, 1);
}

/* A thread ends: procexit with its exit status, split as wait() reports it. */
SEC("tp_btf/sched_process_exit")
int BPF_PROG(falco_sched_process_exit, struct task_struct *task)
{
	const struct falco_bpf_settings *s = capturing();
	struct scratch *scratch = scratch_get();
	struct builder b;

	if (!s || !scratch)
		return 0;
	int code = task->exit_code;
	builder_start(scratch, &b, SCAP_EV_PROCEXIT_1_E, 5, 2,
	              bpf_ktime_get_boot_ns() + s->boot_epoch_ns,
	              bpf_get_current_pid_tgid() & 0xffffffff, bpf_get_smp_processor_id());
	builder_put_int(scratch, &b, (__u64)(long)code, 8);                 /* status */
	builder_put_int(scratch, &b, (__u64)(long)((code >> 8) & 0xff), 8); /* ret */
	builder_put_int(scratch, &b, code & 0x7f, 1);                       /* sig */
	builder_put_int(scratch, &b, (code & 0x80) ? 1 : 0, 1);             /* core */
	builder_put_int(scratch, &b, 0, 8); /* reaper_tid: not known here */
	submit(scratch, &b);
	return 0;
}
