/* The savefile engine: reads a capture file section by section, hands out its events. */
#include <stdarg.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../cursor.h"
#include "../engine.h"
#include "../event_internal.h"
#include "../metadata_store.h"
#include "blocks.h"
#include "input.h"
#include "metadata_parse.h"

struct scap_engine {
	struct scap_input input;
	char *path;
	struct scap_metadata_store store;
	struct scap_stats stats;
	bool in_events;   /* the current section's metadata is done; events follow */
	uint8_t *scratch; /* V1 events converted to the V2 layout */
	size_t scratch_cap;
};

static int savefile_fail(struct scap_engine *e, char *err, size_t errlen, int status,
                         uint64_t offset, const char *fmt, ...)
    __attribute__((format(printf, 6, 7)));

static int savefile_fail(struct scap_engine *e, char *err, size_t errlen, int status,
                         uint64_t offset, const char *fmt, ...)
{
	char what[SCAP_ERRMSG_SIZE];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(what, sizeof(what), fmt, ap);
	va_end(ap);
	snprintf(err, errlen, "%s: offset %llu: %s", e->path, (unsigned long long)offset, what);
	return status;
}

static bool is_event_block(uint32_t type)
{
	switch (type) {
	case SCAP_BT_EVENT_V1:
	case SCAP_BT_EVENT_V1_OLD:
	case SCAP_BT_EVENT_FLAGS_V1:
	case SCAP_BT_EVENT_V2:
	case SCAP_BT_EVENT_FLAGS_V2:
	case SCAP_BT_EVENT_V2_LARGE:
	case SCAP_BT_EVENT_FLAGS_V2_LARGE:
		return true;
	default:
		return false;
	}
}

static bool is_large_event_block(uint32_t type)
{
	return type == SCAP_BT_EVENT_V2_LARGE || type == SCAP_BT_EVENT_FLAGS_V2_LARGE;
}

/* A block in the window: its type, total length and body. */
struct block {
	uint32_t type, total;
	uint64_t offset;
	const uint8_t *body;
	size_t body_len; /* total - header - trailer: the body and its padding */
};

/* Reads the next whole block into the window. Returns 0, SCAP_EOF at a clean end, or an error. */
static int read_block(struct scap_engine *e, struct block *b, char *err, size_t errlen)
{
	const uint8_t *data;
	size_t avail;
	int rc = scap_input_peek(&e->input, SCAP_BLOCK_HEADER_SIZE, &data, &avail, err, errlen);

	b->offset = e->input.offset + e->input.start;
	if (rc < 0)
		return rc;
	if (rc == SCAP_EOF) {
		if (avail == 0)
			return SCAP_EOF;
		return savefile_fail(e, err, errlen, SCAP_ERR_FORMAT, b->offset,
		                     "the file ends inside a block header (%zu of 8 bytes)", avail);
	}
	memcpy(&b->type, data, 4);
	memcpy(&b->total, data + 4, 4);
	uint32_t limit = is_event_block(b->type) && !is_large_event_block(b->type)
	                     ? SCAP_MAX_SMALL_BLOCK + SCAP_BLOCK_TRAILER_SIZE + 3
	                     : SCAP_MAX_BLOCK;
	if (b->total < SCAP_BLOCK_HEADER_SIZE + SCAP_BLOCK_TRAILER_SIZE || b->total > limit)
		return savefile_fail(e, err, errlen, SCAP_ERR_FORMAT, b->offset,
		                     "block of type 0x%x has length %u, outside 12..%u", b->type,
		                     b->total, limit);
	rc = scap_input_peek(&e->input, b->total, &data, &avail, err, errlen);
	if (rc < 0)
		return rc;
	if (rc == SCAP_EOF)
		return savefile_fail(
		    e, err, errlen, SCAP_ERR_FORMAT, b->offset,
		    "block of type 0x%x says it is %u bytes but the file ends after %zu", b->type,
		    b->total, avail);
	b->body = data + SCAP_BLOCK_HEADER_SIZE;
	b->body_len = b->total - SCAP_BLOCK_HEADER_SIZE - SCAP_BLOCK_TRAILER_SIZE;
	e->stats.n_bytes += b->total;
	return 0;
}

static int check_trailer(struct scap_engine *e, const struct block *b, char *err, size_t errlen)
{
	uint32_t trailer;

	memcpy(&trailer, b->body + b->body_len, 4);
	if (trailer != b->total)
		return savefile_fail(e, err, errlen, SCAP_ERR_FORMAT, b->offset,
		                     "block of type 0x%x: trailer %u does not repeat its length %u",
		                     b->type, trailer, b->total);
	return 0;
}

static int parse_section_header(struct scap_engine *e, const struct block *b, char *err,
                                size_t errlen)
{
	struct scap_cursor c = scap_cursor_make(b->body, b->body_len);
	uint32_t magic = scap_cursor_u32(&c);
	uint16_t major = scap_cursor_u16(&c);

	if (!c.ok || b->body_len < SCAP_SECTION_BODY_SIZE)
		return savefile_fail(e, err, errlen, SCAP_ERR_FORMAT, b->offset,
		                     "section header is %zu bytes, shorter than 16", b->body_len);
	if (magic == 0x4D3C2B1Au)
		return savefile_fail(e, err, errlen, SCAP_ERR_UNSUPPORTED, b->offset,
		                     "the capture was written big-endian, which is not supported");
	if (magic != SCAP_SECTION_MAGIC)
		return savefile_fail(e, err, errlen, SCAP_ERR_FORMAT, b->offset,
		                     "section header magic is 0x%08x, not 0x%08x", magic,
		                     SCAP_SECTION_MAGIC);
	if (major > SCAP_SECTION_MAJOR)
		return savefile_fail(e, err, errlen, SCAP_ERR_UNSUPPORTED, b->offset,
		                     "format version %u.x is newer than this reader (1.x)", major);
	return check_trailer(e, b, err, errlen);
}

/* Adds one metadata block to the section's store; unknown block types are skipped. */
static int parse_metadata_block(struct scap_engine *e, const struct block *b, char *err,
                                size_t errlen)
{
	struct scap_parse_problem problem = {{0}};
	int rc = check_trailer(e, b, err, errlen);

	if (rc < 0)
		return rc;
	switch (b->type) {
	case SCAP_BT_MACHINE_INFO:
	case SCAP_BT_MACHINE_INFO_OLD:
		rc = scap_parse_machine_info(&e->store, b->body, b->body_len, &problem);
		break;
	case SCAP_BT_PROCLIST_V1:
	case SCAP_BT_PROCLIST_V1_OLD:
	case SCAP_BT_PROCLIST_V2:
	case SCAP_BT_PROCLIST_V2_OLD:
	case SCAP_BT_PROCLIST_V3:
	case SCAP_BT_PROCLIST_V3_OLD:
	case SCAP_BT_PROCLIST_V4:
	case SCAP_BT_PROCLIST_V5:
	case SCAP_BT_PROCLIST_V6:
	case SCAP_BT_PROCLIST_V7:
	case SCAP_BT_PROCLIST_V8:
	case SCAP_BT_PROCLIST_V9:
		rc = scap_parse_proclist(&e->store, b->type, b->body, b->body_len, &problem);
		break;
	case SCAP_BT_FDLIST_V1:
	case SCAP_BT_FDLIST_V1_OLD:
	case SCAP_BT_FDLIST_V2:
		rc = scap_parse_fdlist(&e->store, b->type, b->body, b->body_len, &problem);
		break;
	case SCAP_BT_IFLIST_V1:
	case SCAP_BT_IFLIST_V1_OLD:
	case SCAP_BT_IFLIST_V2:
		rc = scap_parse_iflist(&e->store, b->type, b->body, b->body_len, &problem);
		break;
	case SCAP_BT_USERLIST_V1:
	case SCAP_BT_USERLIST_V1_OLD:
	case SCAP_BT_USERLIST_V2:
		rc = scap_parse_userlist(&e->store, b->type, b->body, b->body_len, &problem);
		break;
	default:
		rc = 0; /* a block this reader does not know: skip it */
		break;
	}
	if (rc < 0)
		return savefile_fail(e, err, errlen, SCAP_ERR_FORMAT, b->offset, "%s",
		                     problem.text);
	return 0;
}

/* Starts a section at its header block: a fresh store, then metadata until the first event. */
static int start_section(struct scap_engine *e, const struct block *header, char *err,
                         size_t errlen)
{
	int rc = parse_section_header(e, header, err, errlen);

	if (rc < 0)
		return rc;
	scap_store_clear(&e->store);
	e->stats.n_sections++;
	e->in_events = false;
	scap_input_consume(&e->input, header->total);
	for (;;) {
		struct block b;
		rc = read_block(e, &b, err, errlen);
		if (rc == SCAP_EOF)
			return savefile_fail(e, err, errlen, SCAP_ERR_FORMAT, b.offset,
			                     "the section has no events");
		if (rc < 0)
			return rc;
		if (is_event_block(b.type) || b.type == SCAP_BT_SECTION_HEADER) {
			/* Leave the block in the window for next(). */
			e->stats.n_bytes -= b.total;
			break;
		}
		rc = parse_metadata_block(e, &b, err, errlen);
		if (rc < 0)
			return rc;
		scap_input_consume(&e->input, b.total);
	}
	scap_store_finish(&e->store);
	e->in_events = true;
	return 0;
}

/* Converts an event V1 record (no nparams) into the V2 layout in the scratch buffer. */
static int convert_v1_event(struct scap_engine *e, const struct block *b, const uint8_t *rec,
                            size_t available, struct scap_evt **out, char *err, size_t errlen)
{
	uint32_t len, nparams;

	if (scap_event_v1_nparams(rec, available, &len, &nparams) < 0)
		return savefile_fail(
		    e, err, errlen, SCAP_ERR_FORMAT, b->offset,
		    "event V1 record does not add up: no parameter count matches its length");
	size_t need = (size_t)len + 4;
	if (need > e->scratch_cap) {
		uint8_t *grown = realloc(e->scratch, need);
		if (!grown)
			return savefile_fail(e, err, errlen, SCAP_ERR_NOMEM, b->offset,
			                     "out of memory");
		e->scratch = grown;
		e->scratch_cap = need;
	}
	scap_event_v1_to_v2(rec, len, nparams, e->scratch);
	*out = (struct scap_evt *)e->scratch;
	return 0;
}

static int savefile_next(struct scap_engine *e, struct scap_evt **evt, uint16_t *cpu,
                         uint32_t *flags, char *err, size_t errlen)
{
	for (;;) {
		struct block b;
		int rc = read_block(e, &b, err, errlen);
		if (rc != 0)
			return rc;
		if (b.type == SCAP_BT_SECTION_HEADER) {
			rc = start_section(e, &b, err, errlen);
			if (rc < 0)
				return rc;
			continue;
		}
		if (!is_event_block(b.type))
			return savefile_fail(e, err, errlen, SCAP_ERR_FORMAT, b.offset,
			                     "unexpected block of type 0x%x among the events",
			                     b.type);
		/* The window keeps the block until the next read; the event points into it. */
		scap_input_consume(&e->input, b.total);

		struct scap_cursor c = scap_cursor_make(b.body, b.body_len);
		*cpu = scap_cursor_u16(&c);
		bool has_flags = b.type == SCAP_BT_EVENT_FLAGS_V1 ||
		                 b.type == SCAP_BT_EVENT_FLAGS_V2 ||
		                 b.type == SCAP_BT_EVENT_FLAGS_V2_LARGE;
		*flags = has_flags ? scap_cursor_u32(&c) : 0;
		const uint8_t *rec = c.pos;
		size_t available = scap_cursor_left(&c);
		if (!c.ok)
			return savefile_fail(e, err, errlen, SCAP_ERR_FORMAT, b.offset,
			                     "event block is too short for its cpu field");
		bool v1 = b.type == SCAP_BT_EVENT_V1 || b.type == SCAP_BT_EVENT_V1_OLD ||
		          b.type == SCAP_BT_EVENT_FLAGS_V1;
		if (v1) {
			if (available < SCAP_EVT_V1_HEADER_SIZE)
				return savefile_fail(e, err, errlen, SCAP_ERR_FORMAT, b.offset,
				                     "event record is shorter than its header");
			uint16_t type;
			memcpy(&type, rec + 20, 2);
			if (!scap_event_known(type)) {
				e->stats.n_skipped++;
				continue;
			}
			rc = convert_v1_event(e, &b, rec, available, evt, err, errlen);
			if (rc < 0)
				return rc;
		} else {
			struct scap_evt *candidate = (struct scap_evt *)rec;
			if (available < SCAP_EVT_HEADER_SIZE)
				return savefile_fail(e, err, errlen, SCAP_ERR_FORMAT, b.offset,
				                     "event record is shorter than its header");
			if (!scap_event_known(candidate->type)) {
				e->stats.n_skipped++;
				continue;
			}
			if (scap_event_validate(candidate, available) < 0)
				return savefile_fail(e, err, errlen, SCAP_ERR_FORMAT, b.offset,
				                     "event of type %u: its lengths (len %u, %u "
				                     "parameters) do not fit its block",
				                     candidate->type, candidate->len,
				                     candidate->nparams);
			*evt = candidate;
		}
		e->stats.n_evts++;
		return SCAP_OK;
	}
}

static int savefile_open(struct scap_engine **out, const struct scap_open_args *args, char *err,
                         size_t errlen)
{
	if (!args->path) {
		snprintf(err, errlen, "savefile: no path given");
		return SCAP_ERR_ARGS;
	}
	struct scap_engine *e = calloc(1, sizeof(*e));
	if (!e || !(e->path = strdup(args->path))) {
		free(e);
		snprintf(err, errlen, "%s: out of memory", args->path);
		return SCAP_ERR_NOMEM;
	}
	int rc = scap_input_open(&e->input, e->path, err, errlen);
	if (rc < 0) {
		free(e->path);
		free(e);
		return rc;
	}
	/* Look at the first block's type before trusting its length. */
	const uint8_t *head;
	size_t avail;
	uint32_t first_type = 0;
	rc = scap_input_peek(&e->input, 4, &head, &avail, err, errlen);
	if (rc == 0)
		memcpy(&first_type, head, 4);
	struct block b;
	if (rc == SCAP_EOF && avail == 0)
		rc = savefile_fail(e, err, errlen, SCAP_ERR_FORMAT, 0, "the file is empty");
	else if (rc >= 0 && first_type != SCAP_BT_SECTION_HEADER)
		rc = savefile_fail(
		    e, err, errlen, SCAP_ERR_FORMAT, 0,
		    "not a capture file: it does not start with a section header block");
	else if (rc == 0 && (rc = read_block(e, &b, err, errlen)) == 0)
		rc = start_section(e, &b, err, errlen);
	else if (rc == SCAP_EOF)
		rc = savefile_fail(e, err, errlen, SCAP_ERR_FORMAT, 0,
		                   "the file ends inside its first block");
	if (rc < 0) {
		scap_savefile_engine.close(e);
		return rc;
	}
	*out = e;
	return 0;
}

static const struct scap_metadata *savefile_metadata(const struct scap_engine *e)
{
	return &e->store.meta;
}

static void savefile_stats(const struct scap_engine *e, struct scap_stats *out)
{
	*out = e->stats;
}

static void savefile_close(struct scap_engine *e)
{
	if (!e)
		return;
	scap_input_close(&e->input);
	scap_store_clear(&e->store);
	free(e->scratch);
	free(e->path);
	free(e);
}

const struct scap_engine_ops scap_savefile_engine = {
    .name = "savefile",
    .open = savefile_open,
    .next = savefile_next,
    .metadata = savefile_metadata,
    .stats = savefile_stats,
    .close = savefile_close,
};
