/* Event helpers the engines share but the public API does not offer. */
#ifndef SCAP_EVENT_INTERNAL_H
#define SCAP_EVENT_INTERNAL_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "scap/scap_event.h"

/* Whether libscap's event table has this code (others are skipped, as newer producers' events). */
bool scap_event_known(uint16_t type);

/* For an event V1 record of `available` bytes: works out how many parameters it holds (V1 does not
 * store the count) and its effective length. Returns 0 or -1 when no count fits. */
int scap_event_v1_nparams(const uint8_t *rec, size_t available, uint32_t *len, uint32_t *nparams);

/* Writes the V2 form of a V1 record (`len` bytes, `nparams` parameters) to `out`, which must hold
 * len + 4 bytes. */
void scap_event_v1_to_v2(const uint8_t *rec, uint32_t len, uint32_t nparams, uint8_t *out);

#endif
