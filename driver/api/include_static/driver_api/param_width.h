/* How many bytes a parameter that holds one number (an integer, flags, an id, a time) takes in an
 * event record; 0 for every other type (strings, buffers, addresses). Kernel- and eBPF-safe: the
 * drivers size the numbers they write with it. */
#ifndef SCAP_DRIVER_API_PARAM_WIDTH_H
#define SCAP_DRIVER_API_PARAM_WIDTH_H

#include "driver_api/event_codes.h"

static inline unsigned int scap_param_number_width(unsigned int type)
{
	switch (type) {
	case SCAP_PT_INT8:
	case SCAP_PT_UINT8:
	case SCAP_PT_SIGTYPE:
	case SCAP_PT_L4PROTO:
	case SCAP_PT_SOCKFAMILY:
	case SCAP_PT_FLAGS8:
	case SCAP_PT_ENUMFLAGS8:
		return 1;
	case SCAP_PT_INT16:
	case SCAP_PT_UINT16:
	case SCAP_PT_SYSCALLID:
	case SCAP_PT_PORT:
	case SCAP_PT_FLAGS16:
	case SCAP_PT_ENUMFLAGS16:
		return 2;
	case SCAP_PT_INT32:
	case SCAP_PT_UINT32:
	case SCAP_PT_BOOL:
	case SCAP_PT_IPV4ADDR:
	case SCAP_PT_FLAGS32:
	case SCAP_PT_ENUMFLAGS32:
	case SCAP_PT_UID:
	case SCAP_PT_GID:
	case SCAP_PT_SIGSET:
	case SCAP_PT_MODE:
	case SCAP_PT_FD32:
	case SCAP_PT_PID32:
		return 4;
	case SCAP_PT_INT64:
	case SCAP_PT_UINT64:
	case SCAP_PT_ERRNO:
	case SCAP_PT_FD:
	case SCAP_PT_PID:
	case SCAP_PT_RELTIME:
	case SCAP_PT_ABSTIME:
	case SCAP_PT_DOUBLE:
		return 8;
	default:
		return 0;
	}
}

/* Whether a number of this type is signed (sign-extended from its width when read). */
static inline int scap_param_is_signed(unsigned int type)
{
	switch (type) {
	case SCAP_PT_INT8:
	case SCAP_PT_INT16:
	case SCAP_PT_INT32:
	case SCAP_PT_INT64:
	case SCAP_PT_ERRNO:
	case SCAP_PT_FD:
	case SCAP_PT_PID:
	case SCAP_PT_FD32:
	case SCAP_PT_PID32:
		return 1;
	default:
		return 0;
	}
}

#endif
