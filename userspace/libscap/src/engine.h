/* The interface every source of events implements; libscap's public calls dispatch to it. */
#ifndef SCAP_ENGINE_H
#define SCAP_ENGINE_H

#include <stddef.h>
#include <stdint.h>

#include "scap/scap.h"

struct scap_engine;

/* Whether the caller's open arguments have `field` (the caller was built against a version of
 * struct scap_open_args that had it). */
#define SCAP_HAS_ARG(args, field)                                                                  \
	((args)->size >= offsetof(struct scap_open_args, field) + sizeof((args)->field))

struct scap_engine_ops {
	const char *name;
	/* Opens the source; on failure returns a negative status with the reason in `err`. */
	int (*open)(struct scap_engine **out, const struct scap_open_args *args, char *err,
	            size_t errlen);
	/* As scap_next(). */
	int (*next)(struct scap_engine *engine, struct scap_evt **evt, uint16_t *cpu,
	            uint32_t *flags, char *err, size_t errlen);
	const struct scap_metadata *(*metadata)(const struct scap_engine *engine);
	void (*stats)(const struct scap_engine *engine, struct scap_stats *out);
	void (*close)(struct scap_engine *engine);
	/* Optional: as scap_get_exit_status(). */
	int (*exit_status)(const struct scap_engine *engine, int *status);
};

/* Formats an error into `err` (errlen bytes) and returns `status`: `return scap_engine_fail(...)`.
 */
int scap_engine_fail(char *err, size_t errlen, int status, const char *fmt, ...)
    __attribute__((format(printf, 4, 5)));

extern const struct scap_engine_ops scap_savefile_engine;
extern const struct scap_engine_ops scap_bpf_engine;
extern const struct scap_engine_ops scap_ptrace_engine;
extern const struct scap_engine_ops scap_kmod_engine;

#endif
