#include "kmod_rings.h"

#include <inttypes.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "../event_internal.h"
#include "falco_kmod/kmod_abi.h"
#include "scap/scap_status.h"

#define PREFIX_BYTES ((uint32_t)sizeof(struct falco_kmod_record_prefix))

_Static_assert(sizeof(struct falco_kmod_record_prefix) == 8, "records are 8-byte aligned");
_Static_assert(sizeof(struct falco_kmod_ring_header) <= FALCO_KMOD_HEADER_BYTES,
               "the header fits its page");

static uint64_t load_head(const struct kmod_ring *r)
{
	return __atomic_load_n(&r->header->head, __ATOMIC_ACQUIRE);
}

static void publish_tail(struct kmod_ring *r)
{
	__atomic_store_n(&r->header->tail, r->tail, __ATOMIC_RELEASE);
}

/* "kmod: ring of CPU n (/dev/falcon): " followed by the reason, into `out`. */
static void vformat(char *out, size_t outlen, uint16_t cpu, const char *fmt, va_list ap)
{
	char device[32], reason[192];
	snprintf(device, sizeof(device), FALCO_KMOD_DEVICE_FORMAT, (unsigned)cpu);
	vsnprintf(reason, sizeof(reason), fmt, ap);
	snprintf(out, outlen, "kmod: ring of CPU %u (%s): %s", (unsigned)cpu, device, reason);
}

static int setup_fail(uint16_t cpu, char *err, size_t errlen, const char *fmt, ...)
    __attribute__((format(printf, 4, 5)));

static int setup_fail(uint16_t cpu, char *err, size_t errlen, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	vformat(err, errlen, cpu, fmt, ap);
	va_end(ap);
	return SCAP_ERR_FORMAT;
}

/* A ring broke the layout at position `pos`: the message is kept for every later call. */
static int ring_fail(struct kmod_rings *rs, const struct kmod_ring *r, uint64_t pos, char *err,
                     size_t errlen, const char *fmt, ...) __attribute__((format(printf, 6, 7)));

static int ring_fail(struct kmod_rings *rs, const struct kmod_ring *r, uint64_t pos, char *err,
                     size_t errlen, const char *fmt, ...)
{
	char what[160];
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(what, sizeof(what), fmt, ap);
	va_end(ap);
	snprintf(rs->error, sizeof(rs->error),
	         "kmod: ring of CPU %u: record at position %" PRIu64 " (offset %" PRIu64 "): %s",
	         (unsigned)r->cpu, pos, pos & (r->size - 1), what);
	rs->failed = 1;
	snprintf(err, errlen, "%s", rs->error);
	return SCAP_ERR_FORMAT;
}

/* Whether head - tail is a window the ring can hold (a head behind the tail wraps to a huge one).
 */
static int window_ok(uint64_t head, uint64_t tail, uint64_t size)
{
	return head - tail <= size;
}

int kmod_ring_init(struct kmod_ring *r, void *mapping, size_t mapping_bytes, uint16_t cpu,
                   char *err, size_t errlen)
{
	memset(r, 0, sizeof(*r));
	r->cpu = cpu;
	if (mapping_bytes < FALCO_KMOD_HEADER_BYTES)
		return setup_fail(cpu, err, errlen,
		                  "the mapping (%zu bytes) is smaller than the header",
		                  mapping_bytes);
	r->header = mapping;
	r->data = (const uint8_t *)mapping + FALCO_KMOD_HEADER_BYTES;
	uint32_t size = __atomic_load_n(&r->header->size, __ATOMIC_RELAXED);
	uint32_t ring_cpu = __atomic_load_n(&r->header->cpu, __ATOMIC_RELAXED);
	if (size < KMOD_RING_MIN_SIZE || (size & (size - 1)) != 0)
		return setup_fail(
		    cpu, err, errlen,
		    "the data area's size %u is not a power of two of at least %u bytes", size,
		    KMOD_RING_MIN_SIZE);
	if (size > mapping_bytes - FALCO_KMOD_HEADER_BYTES)
		return setup_fail(
		    cpu, err, errlen,
		    "the data area's size %u is larger than the %zu bytes mapped after "
		    "the header",
		    size, mapping_bytes - FALCO_KMOD_HEADER_BYTES);
	if (ring_cpu != cpu)
		return setup_fail(cpu, err, errlen, "the ring's header says CPU %u", ring_cpu);
	r->size = size;
	uint64_t tail = __atomic_load_n(&r->header->tail, __ATOMIC_RELAXED);
	uint64_t head = load_head(r);
	if (tail % 8 != 0)
		return setup_fail(cpu, err, errlen, "the tail (%" PRIu64 ") is not a multiple of 8",
		                  tail);
	if (!window_ok(head, tail, size))
		return setup_fail(cpu, err, errlen,
		                  "the head (%" PRIu64
		                  ") is not within %u bytes after the tail (%" PRIu64 ")",
		                  head, size, tail);
	r->tail = tail;
	return 0;
}

int kmod_ring_discard(struct kmod_ring *r, char *err, size_t errlen)
{
	uint64_t head = load_head(r);
	if (head % 8 != 0)
		return setup_fail(r->cpu, err, errlen,
		                  "the head (%" PRIu64 ") is not a multiple of 8", head);
	r->tail = head;
	r->evt = NULL;
	publish_tail(r);
	return 0;
}

void kmod_rings_init(struct kmod_rings *rs, struct kmod_ring *rings, uint32_t n)
{
	memset(rs, 0, sizeof(*rs));
	rs->ring = rings;
	rs->n = n;
	rs->pending = -1;
}

/* Finds the ring's next event, consuming padding and events of unknown codes on the way.
 * Returns 1 when r->evt is set, 0 when the ring holds no complete record, or an error. */
static int peek(struct kmod_rings *rs, struct kmod_ring *r, char *err, size_t errlen)
{
	if (r->evt)
		return 1;
	uint64_t head = load_head(r);
	for (;;) {
		uint64_t tail = r->tail;
		if (head == tail)
			return 0;
		uint64_t avail = head - tail;
		if (!window_ok(head, tail, r->size))
			return ring_fail(rs, r, tail, err, errlen,
			                 "the head (%" PRIu64 ") is not within %" PRIu64
			                 " bytes after the tail",
			                 head, r->size);
		if (avail < PREFIX_BYTES)
			return ring_fail(rs, r, tail, err, errlen,
			                 "only %" PRIu64
			                 " bytes are published, less than a record prefix",
			                 avail);
		/* The tail is a multiple of 8 and the size a power of two of at least 64: the
		 * prefix lies inside the data area. */
		uint64_t off = tail & (r->size - 1);
		uint64_t room = r->size - off;
		struct falco_kmod_record_prefix prefix;
		memcpy(&prefix, r->data + off, sizeof(prefix));
		uint32_t bytes = prefix.bytes;
		if (bytes < PREFIX_BYTES)
			return ring_fail(rs, r, tail, err, errlen,
			                 "record size %u is smaller than the %u-byte prefix", bytes,
			                 PREFIX_BYTES);
		if (bytes % 8 != 0)
			return ring_fail(rs, r, tail, err, errlen,
			                 "record size %u is not a multiple of 8", bytes);
		if (bytes > room)
			return ring_fail(
			    rs, r, tail, err, errlen,
			    "record size %u runs past the end of the data area (%" PRIu64
			    " bytes left)",
			    bytes, room);
		if (bytes > avail)
			return ring_fail(rs, r, tail, err, errlen,
			                 "record size %u is more than the %" PRIu64
			                 " bytes the head has published",
			                 bytes, avail);
		if (prefix.kind == FALCO_KMOD_RECORD_PADDING) {
			/* The rest of the data area is unused: the next record is at offset 0. */
			if (room > avail)
				return ring_fail(rs, r, tail, err, errlen,
				                 "padding to the end of the data area (%" PRIu64
				                 " bytes) is more than the %" PRIu64
				                 " bytes the head has published",
				                 room, avail);
			r->tail = tail + room;
			publish_tail(r);
			continue;
		}
		if (prefix.kind != FALCO_KMOD_RECORD_EVENT)
			return ring_fail(rs, r, tail, err, errlen, "unknown record kind %u",
			                 prefix.kind);
		if (bytes < PREFIX_BYTES + SCAP_EVT_HEADER_SIZE)
			return ring_fail(rs, r, tail, err, errlen,
			                 "an event record of %u bytes is too short for the %u-byte "
			                 "event header",
			                 bytes, SCAP_EVT_HEADER_SIZE);
		const struct scap_evt *evt = (const void *)(r->data + off + PREFIX_BYTES);
		struct scap_evt h;
		memcpy(&h, evt, sizeof(h));
		if (h.len < SCAP_EVT_HEADER_SIZE)
			return ring_fail(rs, r, tail, err, errlen,
			                 "event length %u is shorter than the %u-byte event header",
			                 h.len, SCAP_EVT_HEADER_SIZE);
		if (h.len > bytes - PREFIX_BYTES)
			return ring_fail(rs, r, tail, err, errlen,
			                 "event length %u does not fit its record of %u bytes",
			                 h.len, bytes);
		if (bytes - PREFIX_BYTES - h.len >= 8)
			return ring_fail(
			    rs, r, tail, err, errlen,
			    "record of %u bytes holds an event of only %u bytes (records "
			    "are padded to the next multiple of 8 only)",
			    bytes, h.len);
		if (!scap_event_known(h.type)) {
			/* A newer module's event: skipped, as in capture files. */
			rs->n_skipped++;
			r->tail = tail + bytes;
			publish_tail(r);
			continue;
		}
		if (scap_event_validate(evt, h.len) < 0)
			return ring_fail(
			    rs, r, tail, err, errlen,
			    "event of type %u: its %u parameter lengths do not fit its "
			    "length %u",
			    h.type, h.nparams, h.len);
		r->evt = evt;
		r->ts = h.ts;
		r->bytes = bytes;
		return 1;
	}
}

int kmod_rings_next(struct kmod_rings *rs, const struct scap_evt **evt, uint16_t *cpu, char *err,
                    size_t errlen)
{
	if (rs->pending >= 0) {
		struct kmod_ring *done = &rs->ring[rs->pending];
		done->tail += done->bytes;
		done->evt = NULL;
		publish_tail(done);
		rs->pending = -1;
	}
	if (rs->failed) {
		snprintf(err, errlen, "%s", rs->error);
		return SCAP_ERR_FORMAT;
	}
	int best = -1;
	for (uint32_t i = 0; i < rs->n; i++) {
		struct kmod_ring *r = &rs->ring[i];
		int rc = peek(rs, r, err, errlen);
		if (rc < 0)
			return rc;
		if (rc == 0)
			continue;
		const struct kmod_ring *b = best >= 0 ? &rs->ring[best] : NULL;
		if (!b || r->ts < b->ts || (r->ts == b->ts && r->cpu < b->cpu))
			best = (int)i;
	}
	if (best < 0)
		return KMOD_RINGS_EMPTY;
	rs->pending = best;
	*evt = rs->ring[best].evt;
	*cpu = rs->ring[best].cpu;
	return KMOD_RINGS_EVENT;
}

uint64_t kmod_rings_drops(const struct kmod_rings *rs)
{
	uint64_t drops = 0;
	for (uint32_t i = 0; i < rs->n; i++) {
		const struct falco_kmod_ring_header *h = rs->ring[i].header;
		drops += __atomic_load_n(&h->drops, __ATOMIC_RELAXED) +
		         __atomic_load_n(&h->drops_large, __ATOMIC_RELAXED);
	}
	return drops;
}
