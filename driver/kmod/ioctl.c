// SPDX-License-Identifier: GPL-2.0
/* The ioctls of /dev/falco<cpu>: the capture switch, the session settings, the counters of the
 * device's CPU and the driver API version. */
#include <linux/uaccess.h>

#include "driver_api/event_codes.h"

#include "capture.h"
#include "device.h"

#define FALCO_API_VERSION                                                                          \
	((u64)SCAP_API_VERSION_MAJOR << 32 | (u64)SCAP_API_VERSION_MINOR << 16 |                   \
	 (u64)SCAP_API_VERSION_PATCH)

static long falco_ioctl_stats(struct falco_cpu *fc, void __user *arg)
{
	struct falco_kmod_stats stats;

	falco_capture_stats(fc, &stats);
	if (copy_to_user(arg, &stats, sizeof(stats)))
		return -EFAULT;
	return 0;
}

long falco_ioctl(struct file *file, unsigned int cmd, unsigned long arg)
{
	struct falco_cpu *fc = file->private_data;
	void __user *uarg = (void __user *)arg;
	u32 val;

	switch (cmd) {
	case FALCO_IOCTL_ENABLE:
		WRITE_ONCE(falco_settings.enabled, true);
		return 0;
	case FALCO_IOCTL_DISABLE:
		WRITE_ONCE(falco_settings.enabled, false);
		return 0;
	case FALCO_IOCTL_SET_SNAPLEN:
		if (get_user(val, (u32 __user *)uarg))
			return -EFAULT;
		if (val < 1 || val > FALCO_KMOD_MAX_SNAPLEN)
			return -EINVAL;
		WRITE_ONCE(falco_settings.snaplen, val);
		return 0;
	case FALCO_IOCTL_GET_STATS:
		return falco_ioctl_stats(fc, uarg);
	case FALCO_IOCTL_IGNORE_TGID:
		if (get_user(val, (u32 __user *)uarg))
			return -EFAULT;
		WRITE_ONCE(falco_settings.ignore_tgid, val);
		return 0;
	case FALCO_IOCTL_ONLY_TGID:
		if (get_user(val, (u32 __user *)uarg))
			return -EFAULT;
		WRITE_ONCE(falco_settings.only_tgid, val);
		return 0;
	case FALCO_IOCTL_GET_API_VERSION:
		return put_user(FALCO_API_VERSION, (u64 __user *)uarg);
	default:
		return -ENOTTY;
	}
}
