/* The bytes of a capture file, plain or gzip-compressed (one or several members), read through a
 * window that grows to hold the largest block asked for. Offsets count uncompressed bytes. */
#ifndef SCAP_SAVEFILE_INPUT_H
#define SCAP_SAVEFILE_INPUT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <zlib.h>

struct scap_input {
	const char *path;
	int fd;
	bool compressed;
	bool source_done; /* the file (and, compressed, the stream) has no more bytes */
	z_stream zs;
	uint8_t *raw; /* compressed bytes read from the file, not yet inflated */
	size_t raw_cap;
	uint8_t *buf; /* uncompressed window: valid bytes are [start, end) */
	size_t cap, start, end;
	uint64_t offset; /* stream offset of buf[start] */
};

/* Opens `path`. Returns 0, or a negative scap_status with the reason in `err`. */
int scap_input_open(struct scap_input *in, const char *path, char *err, size_t errlen);

/* Makes `want` bytes available at *data. Returns 0 when they are; SCAP_EOF (1) when the stream
 * ends first, with *avail the bytes that remain; a negative status with `err` filled on failure. */
int scap_input_peek(struct scap_input *in, size_t want, const uint8_t **data, size_t *avail,
                    char *err, size_t errlen);

/* Moves past `n` bytes that peek made available. */
void scap_input_consume(struct scap_input *in, size_t n);

void scap_input_close(struct scap_input *in);

#endif
