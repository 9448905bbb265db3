/* Writes capture files: blocks go to a temporary file, which replaces the target on close. */
#include "scap/scap_dumper.h"

#include <errno.h>
#include <fcntl.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <zlib.h>

#include "bytes.h"
#include "dumper_blocks.h"
#include "savefile/blocks.h"

#define DUMPER_BUFFER (1u << 20)

struct scap_dumper {
	char *path, *temp_path;
	int fd;
	gzFile gz;    /* set when compressing */
	uint8_t *buf; /* plain output waiting to be written */
	size_t buf_len;
	struct scap_bytes body;
	int status; /* the first error, sticky */
	char error[SCAP_ERRMSG_SIZE];
};

static int dumper_fail(struct scap_dumper *d, int status, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

static int dumper_fail(struct scap_dumper *d, int status, const char *fmt, ...)
{
	va_list ap;
	char what[SCAP_ERRMSG_SIZE];

	if (d->status < 0)
		return d->status;
	va_start(ap, fmt);
	vsnprintf(what, sizeof(what), fmt, ap);
	va_end(ap);
	snprintf(d->error, sizeof(d->error), "%s: %s", d->path, what);
	d->status = status;
	return status;
}

static int flush_plain(struct scap_dumper *d)
{
	size_t done = 0;

	while (done < d->buf_len) {
		ssize_t n = write(d->fd, d->buf + done, d->buf_len - done);
		if (n < 0 && errno == EINTR)
			continue;
		if (n <= 0)
			return dumper_fail(d, SCAP_ERR_IO, "cannot write: %s", strerror(errno));
		done += (size_t)n;
	}
	d->buf_len = 0;
	return SCAP_OK;
}

static int out_write(struct scap_dumper *d, const void *data, size_t len)
{
	if (d->status < 0)
		return d->status;
	if (len == 0)
		return SCAP_OK; /* empty lists may come with a NULL pointer */
	if (d->gz) {
		if (gzwrite(d->gz, data, (unsigned)len) != (int)len)
			return dumper_fail(d, SCAP_ERR_IO, "cannot write compressed data");
		return SCAP_OK;
	}
	if (d->buf_len + len > DUMPER_BUFFER && flush_plain(d) < 0)
		return d->status;
	if (len > DUMPER_BUFFER) {
		d->buf_len = 0;
		const uint8_t *p = data;
		while (len) {
			size_t n = len < DUMPER_BUFFER ? len : DUMPER_BUFFER;
			memcpy(d->buf, p, n);
			d->buf_len = n;
			if (flush_plain(d) < 0)
				return d->status;
			p += n;
			len -= n;
		}
		return SCAP_OK;
	}
	memcpy(d->buf + d->buf_len, data, len);
	d->buf_len += len;
	return SCAP_OK;
}

/* Frames `body_parts` (up to three pieces) as one block: header, body, zero padding, trailer. */
static int write_block(struct scap_dumper *d, uint32_t type, const void *a, size_t alen,
                       const void *b, size_t blen, const void *c, size_t clen)
{
	static const uint8_t zeros[4];
	uint64_t body = (uint64_t)alen + blen + clen;

	if (body > UINT32_MAX - 16)
		return dumper_fail(d, SCAP_ERR_ARGS, "a block of %llu bytes is too large",
		                   (unsigned long long)body);
	uint32_t total = scap_block_padded_length((uint32_t)body);
	uint32_t header[2] = {type, total};
	size_t pad = total - SCAP_BLOCK_HEADER_SIZE - SCAP_BLOCK_TRAILER_SIZE - body;

	out_write(d, header, sizeof(header));
	out_write(d, a, alen);
	out_write(d, b, blen);
	out_write(d, c, clen);
	out_write(d, zeros, pad);
	return out_write(d, &total, sizeof(total));
}

static int write_body_block(struct scap_dumper *d, uint32_t type)
{
	if (d->body.failed)
		return dumper_fail(d, SCAP_ERR_NOMEM, "out of memory");
	int rc = write_block(d, type, d->body.data, d->body.len, NULL, 0, NULL, 0);
	d->body.len = 0;
	return rc;
}

SCAP_API struct scap_dumper *scap_dumper_open(const char *path, bool compress, char *err)
{
	struct scap_dumper *d = calloc(1, sizeof(*d));
	size_t n = path ? strlen(path) + 32 : 0;

	if (!path) {
		snprintf(err, SCAP_ERRMSG_SIZE, "scap_dumper_open: no path given");
		free(d);
		return NULL;
	}
	if (!d || !(d->path = strdup(path)) || !(d->temp_path = malloc(n)) ||
	    !(d->buf = malloc(DUMPER_BUFFER))) {
		snprintf(err, SCAP_ERRMSG_SIZE, "%s: out of memory", path);
		if (d) {
			free(d->path);
			free(d->temp_path);
			free(d);
		}
		return NULL;
	}
	snprintf(d->temp_path, n, "%s.tmp.%ld", path, (long)getpid());
	d->fd = open(d->temp_path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
	if (d->fd < 0) {
		snprintf(err, SCAP_ERRMSG_SIZE, "%s: cannot create %s: %s", path, d->temp_path,
		         strerror(errno));
		free(d->buf);
		free(d->path);
		free(d->temp_path);
		free(d);
		return NULL;
	}
	if (compress) {
		/* zlib owns a duplicate so that close() below stays ours to do. */
		int gzfd = dup(d->fd);
		d->gz = gzfd >= 0 ? gzdopen(gzfd, "wb6") : NULL;
		if (!d->gz) {
			if (gzfd >= 0)
				close(gzfd);
			snprintf(err, SCAP_ERRMSG_SIZE, "%s: cannot start compressing", path);
			scap_dumper_abort(d);
			return NULL;
		}
		gzbuffer(d->gz, DUMPER_BUFFER);
	}
	return d;
}

SCAP_API int scap_dump_section(struct scap_dumper *d, const struct scap_metadata *meta)
{
	scap_encode_section_header(&d->body);
	write_body_block(d, SCAP_BT_SECTION_HEADER);
	scap_encode_machine_info(&d->body, &meta->machine);
	write_body_block(d, SCAP_BT_MACHINE_INFO);
	if (meta->nifaces) {
		scap_encode_iflist(&d->body, meta);
		write_body_block(d, SCAP_BT_IFLIST_V2);
	}
	if (meta->nusers || meta->ngroups) {
		scap_encode_userlist(&d->body, meta);
		write_body_block(d, SCAP_BT_USERLIST_V2);
	}
	scap_encode_proclist(&d->body, meta);
	write_body_block(d, SCAP_BT_PROCLIST_V9);
	for (uint32_t i = 0; i < meta->nfdlists; i++) {
		scap_encode_fdlist(&d->body, &meta->fdlists[i]);
		write_body_block(d, SCAP_BT_FDLIST_V2);
	}
	return d->status;
}

SCAP_API int scap_dump_event(struct scap_dumper *d, const struct scap_evt *evt, uint16_t cpu,
                             uint32_t flags)
{
	bool large = scap_event_length_width(evt->type) == 4;
	uint8_t prefix[6];

	memcpy(prefix, &cpu, 2);
	memcpy(prefix + 2, &flags, 4);
	if (flags)
		return write_block(d, large ? SCAP_BT_EVENT_FLAGS_V2_LARGE : SCAP_BT_EVENT_FLAGS_V2,
		                   prefix, 6, evt, evt->len, NULL, 0);
	return write_block(d, large ? SCAP_BT_EVENT_V2_LARGE : SCAP_BT_EVENT_V2, prefix, 2, evt,
	                   evt->len, NULL, 0);
}

static void dumper_free(struct scap_dumper *d)
{
	free(d->body.data);
	free(d->buf);
	free(d->path);
	free(d->temp_path);
	free(d);
}

SCAP_API int scap_dumper_close(struct scap_dumper *d, char *err)
{
	if (d->gz) {
		if (gzclose(d->gz) != Z_OK)
			dumper_fail(d, SCAP_ERR_IO, "cannot finish the compressed stream");
		d->gz = NULL;
	} else {
		flush_plain(d);
	}
	if (d->status == SCAP_OK && fsync(d->fd) < 0)
		dumper_fail(d, SCAP_ERR_IO, "cannot sync: %s", strerror(errno));
	if (close(d->fd) < 0)
		dumper_fail(d, SCAP_ERR_IO, "cannot close: %s", strerror(errno));
	d->fd = -1;
	if (d->status == SCAP_OK && rename(d->temp_path, d->path) < 0)
		dumper_fail(d, SCAP_ERR_IO, "cannot move %s into place: %s", d->temp_path,
		            strerror(errno));
	int status = d->status;
	if (status < 0) {
		unlink(d->temp_path);
		snprintf(err, SCAP_ERRMSG_SIZE, "%s", d->error);
	}
	dumper_free(d);
	return status;
}

SCAP_API void scap_dumper_abort(struct scap_dumper *d)
{
	if (!d)
		return;
	if (d->gz)
		gzclose(d->gz);
	if (d->fd >= 0)
		close(d->fd);
	unlink(d->temp_path);
	dumper_free(d);
}
