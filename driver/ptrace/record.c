#include "record.h"

#include <stdlib.h>
#include <string.h>

#include "driver_api/event_table.h"

static int grow(struct ptrace_record *r, size_t need)
{
	if (r->failed)
		return -1;
	if (r->used + need <= r->cap)
		return 0;
	size_t cap = r->cap ? r->cap : 512;
	while (cap < r->used + need)
		cap *= 2;
	uint8_t *bigger = realloc(r->buf, cap);
	if (!bigger) {
		r->failed = 1;
		return -1;
	}
	r->buf = bigger;
	r->cap = cap;
	return 0;
}

static void put_le(uint8_t *at, uint64_t value, unsigned size)
{
	for (unsigned i = 0; i < size; i++)
		at[i] = (uint8_t)(value >> (8 * i));
}

void ptrace_record_start(struct ptrace_record *r, uint16_t type, uint64_t ts, uint64_t tid)
{
	const struct scap_event_info *info =
	    type < SCAP_EVENT_COUNT ? &scap_event_table[type] : NULL;

	r->used = 0;
	r->next = 0;
	r->failed = 0;
	r->nparams = info ? info->nparams : 0;
	r->width = info && (info->flags & SCAP_EF_LARGE_PAYLOAD) ? 4 : 2;
	r->max_len = r->width == 4 ? UINT32_MAX : UINT16_MAX;
	size_t head = PTRACE_RECORD_HEADER + (size_t)r->width * r->nparams;
	if (grow(r, head) < 0)
		return;
	memset(r->buf, 0, head);
	put_le(r->buf, ts, 8);
	put_le(r->buf + 8, tid, 8);
	put_le(r->buf + 20, type, 2);
	put_le(r->buf + 22, r->nparams, 4);
	r->used = head;
}

uint8_t *ptrace_record_begin(struct ptrace_record *r, size_t max)
{
	if (r->next >= r->nparams || grow(r, max) < 0)
		return NULL;
	return r->buf + r->used;
}

void ptrace_record_end(struct ptrace_record *r, size_t used)
{
	if (used > r->max_len)
		used = r->max_len;
	put_le(r->buf + PTRACE_RECORD_HEADER + (size_t)r->width * r->next, used, r->width);
	r->next++;
	r->used += used;
}

void ptrace_record_put(struct ptrace_record *r, const void *data, size_t len)
{
	if (len > r->max_len)
		len = r->max_len;
	uint8_t *at = ptrace_record_begin(r, len);
	if (!at)
		return;
	if (len)
		memcpy(at, data, len);
	ptrace_record_end(r, len);
}

void ptrace_record_put_int(struct ptrace_record *r, uint64_t value, unsigned size)
{
	uint8_t *at = ptrace_record_begin(r, size);
	if (!at)
		return;
	put_le(at, value, size);
	ptrace_record_end(r, size);
}

uint32_t ptrace_record_finish(struct ptrace_record *r)
{
	while (!r->failed && r->next < r->nparams)
		ptrace_record_put(r, NULL, 0);
	if (r->failed || r->used > UINT32_MAX)
		return 0;
	put_le(r->buf + 16, r->used, 4);
	return (uint32_t)r->used;
}

void ptrace_record_free(struct ptrace_record *r)
{
	free(r->buf);
	memset(r, 0, sizeof(*r));
}
