/* The few C types and functions the fill engine uses, from the kernel's headers inside the Linux
 * kernel and from the C library elsewhere: fixed-width integers, bool, size_t, memcpy/memset. */
#ifndef DRIVER_FILL_ENV_H
#define DRIVER_FILL_ENV_H

#ifdef __KERNEL__
#include <linux/string.h>
#include <linux/types.h>
#else
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>
#endif

#endif
