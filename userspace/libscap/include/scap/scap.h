/* libscap: opens a source of system-call events (a capture file, or live from the eBPF probe; the
 * kernel module and the ptrace tracer as their engines land) and hands out its events one at a time.
 *
 *	char err[SCAP_ERRMSG_SIZE];
 *	struct scap_open_args args = { .size = sizeof(args), .engine = "savefile", .path = "x.scap"
 *}; struct scap *h = scap_open(&args, err); struct scap_evt *evt; uint16_t cpu; uint32_t flags;
 *	while (scap_next(h, &evt, &cpu, &flags) == SCAP_OK) { ... }
 *	scap_close(h);
 */
#ifndef SCAP_SCAP_H
#define SCAP_SCAP_H

#include <stddef.h>
#include <stdint.h>

#include "scap/scap_api.h"
#include "scap/scap_event.h"
#include "scap/scap_metadata.h"
#include "scap/scap_status.h"

#ifdef __cplusplus
extern "C" {
#endif

/* An open source of events. */
struct scap;

/* How to open a source. Set `size` to sizeof(struct scap_open_args): fields added later are
 * then known to be absent in callers built against this version. */
struct scap_open_args {
	size_t size;
	const char *engine; /* "savefile" or "bpf" */
	const char *path;   /* savefile: the capture file, plain or gzip-compressed */
	/* bpf: the probe object (falco.bpf.o); NULL for SCAP_DEFAULT_BPF_PROBE */
	const char *bpf_probe;
	/* bpf: ring buffer size in bytes, a power of two of at least one page; 0 for 8 MiB */
	uint32_t ring_bytes;
	/* live engines: the most I/O data bytes kept per event; 0 for 80 */
	uint32_t snaplen;
};

/* Where packages install the eBPF probe. */
#define SCAP_DEFAULT_BPF_PROBE "/usr/share/falco/bpf/falco.bpf.o"

/* Counters of what a source has delivered so far. */
struct scap_stats {
	uint64_t n_evts;     /* events handed out by scap_next() */
	uint64_t n_drops;    /* events the source lost (live engines) */
	uint64_t n_skipped;  /* events of codes this library does not know, skipped */
	uint64_t n_bytes;    /* bytes read from the source (uncompressed) */
	uint64_t n_sections; /* sections started (a file can hold several) */
};

/* Opens a source. On failure returns NULL and writes a one-line reason to `err`
 * (SCAP_ERRMSG_SIZE bytes) naming the input and, for files, the offset. */
SCAP_API struct scap *scap_open(const struct scap_open_args *args, char *err);

/* Returns the next event. SCAP_OK: *evt points to a validated record that stays valid until the
 * next call; *cpu is the CPU it was recorded on and *flags its dump flags (enum scap_dump_flags).
 * SCAP_EOF at the end, a negative status on error (scap_last_error() says what and where). */
SCAP_API int scap_next(struct scap *h, struct scap_evt **evt, uint16_t *cpu, uint32_t *flags);

/* The metadata of the current section (machine, processes, fds, users, interfaces). */
SCAP_API const struct scap_metadata *scap_get_metadata(const struct scap *h);

/* Copies the counters into `out`. */
SCAP_API int scap_get_stats(const struct scap *h, struct scap_stats *out);

/* The message of the last error. */
SCAP_API const char *scap_last_error(const struct scap *h);

/* Closes the source and frees everything the handle owns. NULL is allowed. */
SCAP_API void scap_close(struct scap *h);

/* The library's version, "MAJOR.MINOR.PATCH". */
SCAP_API const char *scap_version(void);

#ifdef __cplusplus
}
#endif

#endif
