/* The character devices, /dev/falco<cpu>: one per possible CPU, each one reader at a time. */
#ifndef FALCO_DEVICE_H
#define FALCO_DEVICE_H

#include <linux/fs.h>

/* Registers the devices and creates their nodes. */
int falco_devices_init(void);

/* Removes the devices; none is open (the module is not in use). */
void falco_devices_exit(void);

/* A device's ioctls, FALCO_IOCTL_* of kmod_abi.h (ioctl.c). */
long falco_ioctl(struct file *file, unsigned int cmd, unsigned long arg);

#endif
