// SPDX-License-Identifier: GPL-2.0
/* The capture state: per-CPU rings and scratch buffers, the session settings, and ending a
 * session. */
#include <linux/cpumask.h>
#include <linux/slab.h>
#include <linux/topology.h>
#include <linux/tracepoint.h>
#include <linux/vmalloc.h>

#include "capture.h"

struct falco_settings falco_settings = {
    .snaplen = FALCO_KMOD_DEFAULT_SNAPLEN,
};

static struct falco_cpu *falco_cpus;

struct falco_cpu *falco_cpu(unsigned int cpu)
{
	return &falco_cpus[cpu];
}

int falco_capture_init(u32 ring_bytes)
{
	unsigned int cpu;
	int ret;

	falco_cpus = kcalloc(nr_cpu_ids, sizeof(*falco_cpus), GFP_KERNEL);
	if (!falco_cpus)
		return -ENOMEM;
	for_each_possible_cpu(cpu) {
		struct falco_cpu *fc = &falco_cpus[cpu];

		ret = falco_ring_alloc(&fc->ring, ring_bytes, cpu);
		if (ret)
			goto fail;
		fc->scratch = vmalloc_node(FALCO_SCRATCH_BYTES, cpu_to_node(cpu));
		if (!fc->scratch) {
			ret = -ENOMEM;
			goto fail;
		}
	}
	return 0;

fail:
	falco_capture_exit();
	return ret;
}

void falco_capture_exit(void)
{
	unsigned int cpu;

	if (!falco_cpus)
		return;
	for_each_possible_cpu(cpu) {
		falco_ring_free(&falco_cpus[cpu].ring);
		vfree(falco_cpus[cpu].scratch);
	}
	kfree(falco_cpus);
	falco_cpus = NULL;
}

void falco_capture_stop(void)
{
	unsigned int cpu;

	WRITE_ONCE(falco_settings.enabled, false);
	/* The probes check the switch and write with preemption disabled: once every probe that
	 * may have seen it on has returned, nothing touches the rings. */
	tracepoint_synchronize_unregister();
	for_each_possible_cpu(cpu) {
		falco_ring_reset(&falco_cpus[cpu].ring);
		falco_cpus[cpu].syscalls = 0;
	}
	WRITE_ONCE(falco_settings.snaplen, FALCO_KMOD_DEFAULT_SNAPLEN);
	WRITE_ONCE(falco_settings.ignore_tgid, 0);
	WRITE_ONCE(falco_settings.only_tgid, 0);
}

void falco_capture_stats(const struct falco_cpu *fc, struct falco_kmod_stats *stats)
{
	stats->events = READ_ONCE(fc->ring.events);
	stats->drops = READ_ONCE(fc->ring.drops);
	stats->drops_large = READ_ONCE(fc->ring.drops_large);
	stats->syscalls = READ_ONCE(fc->syscalls);
}
