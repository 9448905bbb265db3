/*
 * An eBPF program that walks the driver tables the way a probe does: system-call number ->
 * exit event -> its fills in scap_fill_pool -> scap_convert() for each flags parameter. It is
 * only loaded (by fill_table_verifier_test), to prove that the kernel's verifier accepts the
 * pointer-free tables and the bounded loops over them.
 */
#include "driver_api/fill_table.h"
#include "driver_api/syscall_table.h"

#define SEC(name) __attribute__((section(name), used))

/* The context of the raw_syscalls/sys_enter tracepoint. */
struct sys_enter_args {
	unsigned long long common;
	long id;
	unsigned long args[6];
};

unsigned long long scap_probe_sink;

SEC("tracepoint/raw_syscalls/sys_enter")
int scap_fill_table_probe(struct sys_enter_args *ctx)
{
	unsigned long args[6];
	unsigned long long flags = 0;
	unsigned int event;
	unsigned int first;
	unsigned int count;
	unsigned int i;
	long nr = ctx->id;

	args[0] = ctx->args[0];
	args[1] = ctx->args[1];
	args[2] = ctx->args[2];
	args[3] = ctx->args[3];
	args[4] = ctx->args[4];
	args[5] = ctx->args[5];
	if (nr < 0 || nr >= SCAP_SYSCALL_NR_MAX) {
		return 0;
	}
	event = scap_syscall_table[nr].exit_event;
	SCAP_OPAQUE(event);
	if (event >= SCAP_EVENT_COUNT) {
		return 0;
	}
	first = scap_fill_index[event].first;
	count = scap_fill_index[event].nparams;
	for (i = 0; i < SCAP_FILL_MAX_PARAMS && i < count; i++) {
		unsigned int row = first + i;
		unsigned int arg;

		SCAP_OPAQUE(row);
		if (row >= SCAP_FILL_POOL_SIZE) {
			break;
		}
		arg = scap_fill_pool[row].arg;
		if (scap_fill_pool[row].kind != SCAP_FILL_FLAGS || arg > 5) {
			continue;
		}
		flags |= scap_convert(scap_fill_pool[row].detail, args[arg]);
	}
	scap_probe_sink = flags;
	return 0;
}

char scap_probe_license[] SEC("license") = "GPL";
