#include <string.h>

#include "driver_api/event_table.h"
#include "event_internal.h"
#include "savefile/blocks.h"
#include "scap/scap_event.h"

_Static_assert(sizeof(struct scap_evt) == SCAP_EVT_HEADER_SIZE, "event header is packed");
_Static_assert(__BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__, "libscap reads little-endian records");

/* Events whose length fields are off by 3 bytes in captures of old producers. */
#define SCAP_EV_V1_LENGTH_QUIRK_A 280
#define SCAP_EV_V1_LENGTH_QUIRK_B 286

bool scap_event_known(uint16_t type)
{
	return type < SCAP_EVENT_COUNT;
}

unsigned scap_event_length_width(uint16_t type)
{
	if (type < SCAP_EVENT_COUNT && (scap_event_table[type].flags & SCAP_EF_LARGE_PAYLOAD))
		return 4;
	return 2;
}

const char *scap_event_name(uint16_t type)
{
	return type < SCAP_EVENT_COUNT ? scap_event_table[type].name : NULL;
}

/* Parameter `i`'s length from the length array that starts at `lengths`. */
static uint32_t param_length(const uint8_t *lengths, unsigned width, uint32_t i)
{
	if (width == 4) {
		uint32_t v;
		memcpy(&v, lengths + 4 * (size_t)i, 4);
		return v;
	}
	uint16_t v;
	memcpy(&v, lengths + 2 * (size_t)i, 2);
	return v;
}

int scap_event_validate(const struct scap_evt *evt, size_t available)
{
	uint32_t len = evt->len, nparams = evt->nparams;
	unsigned width = scap_event_length_width(evt->type);
	const uint8_t *lengths = (const uint8_t *)evt + SCAP_EVT_HEADER_SIZE;

	if (len < SCAP_EVT_HEADER_SIZE || len > available)
		return -1;
	uint64_t room = len - SCAP_EVT_HEADER_SIZE;
	if ((uint64_t)width * nparams > room)
		return -1;
	room -= (uint64_t)width * nparams;
	uint64_t sum = 0;
	for (uint32_t i = 0; i < nparams; i++) {
		sum += param_length(lengths, width, i);
		if (sum > room)
			return -1;
	}
	return 0;
}

int scap_event_param(const struct scap_evt *evt, uint32_t index, struct scap_param *out)
{
	uint32_t nparams = evt->nparams;
	unsigned width = scap_event_length_width(evt->type);
	const uint8_t *lengths = (const uint8_t *)evt + SCAP_EVT_HEADER_SIZE;
	const uint8_t *data = lengths + (size_t)width * nparams;

	if (index >= nparams)
		return -1;
	for (uint32_t i = 0; i < index; i++)
		data += param_length(lengths, width, i);
	out->data = data;
	out->len = param_length(lengths, width, index);
	return 0;
}

int scap_event_v1_nparams(const uint8_t *rec, size_t available, uint32_t *len, uint32_t *nparams)
{
	uint32_t recorded;
	uint16_t type;

	memcpy(&recorded, rec + 16, 4);
	memcpy(&type, rec + 20, 2);
	if (recorded < SCAP_EVT_V1_HEADER_SIZE || recorded > available || type >= SCAP_EVENT_COUNT)
		return -1;
	uint32_t end = recorded;
	if ((type == SCAP_EV_V1_LENGTH_QUIRK_A || type == SCAP_EV_V1_LENGTH_QUIRK_B) &&
	    end >= 3 + SCAP_EVT_V1_HEADER_SIZE)
		end -= 3;
	/* Try the table's count first, then fewer: old producers wrote fewer parameters. */
	for (int64_t n = scap_event_table[type].nparams; n >= 0; n--) {
		uint64_t size = SCAP_EVT_V1_HEADER_SIZE + 2 * (uint64_t)n;
		if (size > end)
			continue;
		for (int64_t i = 0; i < n; i++)
			size += param_length(rec + SCAP_EVT_V1_HEADER_SIZE, 2, (uint32_t)i);
		if (size == end) {
			*len = end;
			*nparams = (uint32_t)n;
			return 0;
		}
		if (size < end)
			return -1;
	}
	return -1;
}

void scap_event_v1_to_v2(const uint8_t *rec, uint32_t len, uint32_t nparams, uint8_t *out)
{
	uint32_t v2_len = len + 4;

	memcpy(out, rec, 16); /* ts, tid */
	memcpy(out + 16, &v2_len, 4);
	memcpy(out + 20, rec + 20, 2); /* type */
	memcpy(out + 22, &nparams, 4);
	memcpy(out + SCAP_EVT_HEADER_SIZE, rec + SCAP_EVT_V1_HEADER_SIZE,
	       len - SCAP_EVT_V1_HEADER_SIZE);
}
