// SPDX-License-Identifier: GPL-2.0
/* falco.ko: records system calls and process events into per-CPU rings that a reader maps from
 * /dev/falco<cpu> (kmod_abi.h). Loading allocates the rings, creates the devices and attaches the
 * probes; capture starts when the reader turns it on. */
#define pr_fmt(fmt) KBUILD_MODNAME ": " fmt

#include <linux/init.h>
#include <linux/log2.h>
#include <linux/module.h>
#include <linux/moduleparam.h>
#include <linux/sizes.h>
#include <linux/timekeeping.h>

#include "driver_api/event_codes.h"

#include "capture.h"
#include "device.h"
#include "probes.h"

static unsigned int ring_bytes = SZ_8M;
module_param(ring_bytes, uint, 0444);
MODULE_PARM_DESC(ring_bytes, "Bytes of each CPU's ring data area, a power of two (default 8 MiB)");

u64 falco_boot_to_epoch;

static int __init falco_init(void)
{
	int ret;

	if (!is_power_of_2(ring_bytes) || ring_bytes < FALCO_RING_MIN_BYTES ||
	    ring_bytes > FALCO_RING_MAX_BYTES) {
		pr_err("ring_bytes=%u: must be a power of two from %lu to %u\n", ring_bytes,
		       FALCO_RING_MIN_BYTES, FALCO_RING_MAX_BYTES);
		return -EINVAL;
	}
	/* The boot clock never goes back and counts suspend; anchored once to the epoch. */
	falco_boot_to_epoch = ktime_get_real_ns() - ktime_get_boottime_ns();

	ret = falco_capture_init(ring_bytes);
	if (ret)
		return ret;
	/* The probes record nothing until a reader turns capture on; the devices come last, so no
	 * one can open one while a later step may still fail. */
	ret = falco_probes_register();
	if (ret)
		goto free_capture;
	ret = falco_devices_init();
	if (ret)
		goto unregister_probes;
	pr_info("loaded: %u CPUs, %u-byte rings, driver API %s\n", num_possible_cpus(), ring_bytes,
	        SCAP_API_VERSION);
	return 0;

unregister_probes:
	falco_probes_unregister();
free_capture:
	falco_capture_exit();
	return ret;
}

static void __exit falco_exit(void)
{
	falco_devices_exit();
	falco_probes_unregister();
	falco_capture_exit();
	pr_info("unloaded\n");
}

module_init(falco_init);
module_exit(falco_exit);

MODULE_LICENSE("GPL");
MODULE_DESCRIPTION("Falco system-call capture: per-CPU rings of event records");
MODULE_VERSION(SCAP_API_VERSION);
MODULE_INFO(schema_version, SCAP_SCHEMA_VERSION);
