// SPDX-License-Identifier: GPL-2.0
/* /dev/falco<cpu>: open (one reader per device), release (the last one ends the session) and mmap
 * of the CPU's ring. */
#define pr_fmt(fmt) KBUILD_MODNAME ": " fmt

#include <linux/cdev.h>
#include <linux/cpumask.h>
#include <linux/device.h>
#include <linux/err.h>
#include <linux/module.h>
#include <linux/mutex.h>
#include <linux/version.h>

#include "capture.h"
#include "device.h"

static dev_t falco_devt;
static struct cdev falco_cdev;
static struct class *falco_class;

/* Guards falco_cpu.open and falco_open_count. */
static DEFINE_MUTEX(falco_open_lock);
static unsigned int falco_open_count;

static int falco_open(struct inode *inode, struct file *file)
{
	unsigned int cpu = iminor(inode);
	struct falco_cpu *fc;
	int ret = 0;

	if (cpu >= nr_cpu_ids || !cpu_possible(cpu))
		return -ENODEV;
	fc = falco_cpu(cpu);
	mutex_lock(&falco_open_lock);
	if (fc->open) {
		ret = -EBUSY;
	} else {
		fc->open = true;
		falco_open_count++;
		file->private_data = fc;
	}
	mutex_unlock(&falco_open_lock);
	if (ret)
		return ret;
	return nonseekable_open(inode, file);
}

/* Runs once the file is closed and no mapping of it is left. */
static int falco_release(struct inode *inode, struct file *file)
{
	struct falco_cpu *fc = file->private_data;

	mutex_lock(&falco_open_lock);
	fc->open = false;
	if (--falco_open_count == 0)
		falco_capture_stop();
	mutex_unlock(&falco_open_lock);
	return 0;
}

static int falco_mmap(struct file *file, struct vm_area_struct *vma)
{
	struct falco_cpu *fc = file->private_data;

	return falco_ring_mmap(&fc->ring, vma);
}

static const struct file_operations falco_fops = {
    .owner = THIS_MODULE,
    .open = falco_open,
    .release = falco_release,
    .mmap = falco_mmap,
    .unlocked_ioctl = falco_ioctl,
    .compat_ioctl = compat_ptr_ioctl,
};

static struct class *falco_class_create(void)
{
#if LINUX_VERSION_CODE >= KERNEL_VERSION(6, 4, 0)
	return class_create(FALCO_KMOD_NAME);
#else
	return class_create(THIS_MODULE, FALCO_KMOD_NAME);
#endif
}

static void falco_devices_destroy(void)
{
	unsigned int cpu;

	for_each_possible_cpu(cpu)
		device_destroy(falco_class, MKDEV(MAJOR(falco_devt), cpu));
}

int falco_devices_init(void)
{
	struct device *dev;
	unsigned int cpu;
	int ret;

	ret = alloc_chrdev_region(&falco_devt, 0, nr_cpu_ids, FALCO_KMOD_NAME);
	if (ret)
		return ret;
	cdev_init(&falco_cdev, &falco_fops);
	falco_cdev.owner = THIS_MODULE;
	ret = cdev_add(&falco_cdev, falco_devt, nr_cpu_ids);
	if (ret)
		goto unregister;
	falco_class = falco_class_create();
	if (IS_ERR(falco_class)) {
		ret = PTR_ERR(falco_class);
		goto del;
	}
	for_each_possible_cpu(cpu) {
		dev = device_create(falco_class, NULL, MKDEV(MAJOR(falco_devt), cpu), NULL,
		                    FALCO_KMOD_NAME "%u", cpu);
		if (IS_ERR(dev)) {
			ret = PTR_ERR(dev);
			pr_err("cannot create device %s%u: %d\n", FALCO_KMOD_NAME, cpu, ret);
			goto destroy;
		}
	}
	return 0;

destroy:
	falco_devices_destroy();
	class_destroy(falco_class);
del:
	cdev_del(&falco_cdev);
unregister:
	unregister_chrdev_region(falco_devt, nr_cpu_ids);
	return ret;
}

void falco_devices_exit(void)
{
	falco_devices_destroy();
	class_destroy(falco_class);
	cdev_del(&falco_cdev);
	unregister_chrdev_region(falco_devt, nr_cpu_ids);
}
