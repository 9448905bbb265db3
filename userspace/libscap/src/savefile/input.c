#include "input.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "scap/scap_status.h"

#define INPUT_WINDOW (4u << 20)
#define INPUT_RAW_CHUNK (1u << 20)

static int input_fail(struct scap_input *in, char *err, size_t errlen, int status, const char *what)
{
	snprintf(err, errlen, "%s: offset %llu: %s", in->path,
	         (unsigned long long)(in->offset + (in->end - in->start)), what);
	return status;
}

/* Reads more raw bytes from the file; returns bytes read, 0 at end of file, -1 on error. */
static ssize_t input_read_raw(struct scap_input *in, uint8_t *into, size_t room)
{
	ssize_t got;

	do {
		got = read(in->fd, into, room);
	} while (got < 0 && errno == EINTR);
	return got;
}

int scap_input_open(struct scap_input *in, const char *path, char *err, size_t errlen)
{
	memset(in, 0, sizeof(*in));
	in->path = path;
	in->fd = open(path, O_RDONLY | O_CLOEXEC);
	if (in->fd < 0) {
		snprintf(err, errlen, "%s: cannot open: %s", path, strerror(errno));
		return SCAP_ERR_IO;
	}
	in->cap = INPUT_WINDOW;
	in->buf = malloc(in->cap);
	in->raw_cap = INPUT_RAW_CHUNK;
	in->raw = malloc(in->raw_cap);
	if (!in->buf || !in->raw) {
		scap_input_close(in);
		snprintf(err, errlen, "%s: out of memory", path);
		return SCAP_ERR_NOMEM;
	}

	/* Sniff the gzip magic from the first bytes; they stay in `raw` for either path. */
	ssize_t got = input_read_raw(in, in->raw, in->raw_cap);
	if (got < 0) {
		snprintf(err, errlen, "%s: cannot read: %s", path, strerror(errno));
		scap_input_close(in);
		return SCAP_ERR_IO;
	}
	in->compressed = got >= 2 && in->raw[0] == 0x1f && in->raw[1] == 0x8b;
	if (in->compressed) {
		if (inflateInit2(&in->zs, 16 + MAX_WBITS) != Z_OK) {
			snprintf(err, errlen, "%s: cannot start decompressing", path);
			scap_input_close(in);
			return SCAP_ERR_NOMEM;
		}
		in->zs.next_in = in->raw;
		in->zs.avail_in = (uInt)got;
	} else {
		memcpy(in->buf, in->raw, (size_t)got);
		in->end = (size_t)got;
		in->source_done = got == 0;
	}
	return 0;
}

/* Inflates into the free space of the window. Returns 0 or a negative status. */
static int input_fill_compressed(struct scap_input *in, char *err, size_t errlen)
{
	in->zs.next_out = in->buf + in->end;
	in->zs.avail_out = (uInt)(in->cap - in->end);
	while (in->zs.avail_out > 0 && !in->source_done) {
		if (in->zs.avail_in == 0) {
			ssize_t got = input_read_raw(in, in->raw, in->raw_cap);
			if (got < 0)
				return input_fail(in, err, errlen, SCAP_ERR_IO, strerror(errno));
			if (got == 0) {
				return input_fail(in, err, errlen, SCAP_ERR_FORMAT,
				                  "the gzip stream is cut short");
			}
			in->zs.next_in = in->raw;
			in->zs.avail_in = (uInt)got;
		}
		int rc = inflate(&in->zs, Z_NO_FLUSH);
		if (rc == Z_STREAM_END) {
			/* Another gzip member may follow; anything else ends the stream. */
			if (in->zs.avail_in == 0) {
				ssize_t got = input_read_raw(in, in->raw, in->raw_cap);
				if (got < 0)
					return input_fail(in, err, errlen, SCAP_ERR_IO,
					                  strerror(errno));
				in->zs.next_in = in->raw;
				in->zs.avail_in = (uInt)got;
			}
			if (in->zs.avail_in >= 2 && in->zs.next_in[0] == 0x1f &&
			    in->zs.next_in[1] == 0x8b) {
				inflateReset(&in->zs);
			} else {
				in->source_done = true;
			}
		} else if (rc != Z_OK && rc != Z_BUF_ERROR) {
			return input_fail(in, err, errlen, SCAP_ERR_FORMAT,
			                  in->zs.msg ? in->zs.msg : "corrupt gzip data");
		}
		if (in->zs.next_out != in->buf + in->end)
			break; /* some output: let the caller decide whether it needs more */
	}
	in->end = (size_t)(in->zs.next_out - in->buf);
	return 0;
}

static int input_fill_plain(struct scap_input *in, char *err, size_t errlen)
{
	ssize_t got = input_read_raw(in, in->buf + in->end, in->cap - in->end);

	if (got < 0)
		return input_fail(in, err, errlen, SCAP_ERR_IO, strerror(errno));
	if (got == 0)
		in->source_done = true;
	in->end += (size_t)got;
	return 0;
}

int scap_input_peek(struct scap_input *in, size_t want, const uint8_t **data, size_t *avail,
                    char *err, size_t errlen)
{
	while (in->end - in->start < want && !in->source_done) {
		/* Make room: slide the unread bytes to the front, grow if the window is too small.
		 */
		if (in->start > 0 && in->cap - in->start < want + INPUT_RAW_CHUNK) {
			memmove(in->buf, in->buf + in->start, in->end - in->start);
			in->end -= in->start;
			in->offset += in->start;
			in->start = 0;
		}
		if (in->cap - in->start < want) {
			size_t cap = in->cap;
			while (cap - in->start < want)
				cap *= 2;
			uint8_t *grown = realloc(in->buf, cap);
			if (!grown)
				return input_fail(in, err, errlen, SCAP_ERR_NOMEM, "out of memory");
			in->buf = grown;
			in->cap = cap;
		}
		if (in->end == in->cap)
			continue;
		int rc = in->compressed ? input_fill_compressed(in, err, errlen)
		                        : input_fill_plain(in, err, errlen);
		if (rc < 0)
			return rc;
	}
	*data = in->buf + in->start;
	*avail = in->end - in->start;
	return *avail >= want ? 0 : SCAP_EOF;
}

void scap_input_consume(struct scap_input *in, size_t n)
{
	in->start += n;
	if (in->start == in->end) {
		in->offset += in->start;
		in->start = in->end = 0;
	}
}

void scap_input_close(struct scap_input *in)
{
	if (in->compressed)
		inflateEnd(&in->zs);
	if (in->fd >= 0)
		close(in->fd);
	free(in->buf);
	free(in->raw);
	in->fd = -1;
	in->buf = in->raw = NULL;
}
