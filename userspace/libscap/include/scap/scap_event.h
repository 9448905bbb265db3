/* Events as libscap hands them out, and access to their parameters. */
#ifndef SCAP_EVENT_H
#define SCAP_EVENT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "scap/scap_api.h"

#ifdef __cplusplus
extern "C" {
#endif

/* The header of an event record (capture format "event V2"), followed by `nparams` lengths
 * (u16, or u32 for event types flagged large-payload) and the parameter values. Every integer
 * is little-endian. The record is packed: read fields through this struct only. */
struct __attribute__((packed)) scap_evt {
	uint64_t ts;      /* nanoseconds since the Unix epoch */
	uint64_t tid;     /* thread id; all ones means none */
	uint32_t len;     /* whole record: header, length array and values */
	uint16_t type;    /* event code (driver_api/event_codes.h); even = enter, odd = exit */
	uint32_t nparams; /* number of parameters recorded */
};

/* Size of struct scap_evt in bytes. */
#define SCAP_EVT_HEADER_SIZE 26u

/* Dump flags an event can carry in a capture file. */
enum scap_dump_flags {
	SCAP_DF_STATE_ONLY = 1u << 0, /* applies to state only: inspectors do not show it */
	SCAP_DF_TRACER = 1u << 1,     /* obsolete tracer marker */
};

/* One parameter's value, pointing into the event record. A zero length means "not available". */
struct scap_param {
	const uint8_t *data;
	uint32_t len;
};

/* Whether the event is an enter event ('>') rather than an exit event ('<'). */
static inline bool scap_event_is_enter(const struct scap_evt *evt)
{
	return (evt->type & 1u) == 0;
}

/* Width in bytes (2 or 4) of the parameter lengths of events of this type. */
SCAP_API unsigned scap_event_length_width(uint16_t type);

/* Fills `out` with parameter `index` of `evt`. Returns 0, or -1 when the event has fewer
 * parameters. The event must have come from scap_next() (which validates it) or be well formed. */
SCAP_API int scap_event_param(const struct scap_evt *evt, uint32_t index, struct scap_param *out);

/* Checks that a record of `available` bytes is a well-formed event: its length fits, its length
 * array fits and its parameter lengths add up within it. Returns 0 or -1. */
SCAP_API int scap_event_validate(const struct scap_evt *evt, size_t available);

/* The event type's name ("open", "execve", ...), or NULL for a code libscap does not know. */
SCAP_API const char *scap_event_name(uint16_t type);

#ifdef __cplusplus
}
#endif

#endif
