/* The public handle: picks the engine named in the open arguments and forwards every call. */
#include "scap/scap.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "engine.h"

#define SCAP_VERSION_STRING "0.1.0"

struct scap {
	const struct scap_engine_ops *ops;
	struct scap_engine *engine;
	char error[SCAP_ERRMSG_SIZE];
};

static const struct scap_engine_ops *const engines[] = {
    &scap_savefile_engine,
    &scap_bpf_engine,
    &scap_ptrace_engine,
    &scap_kmod_engine,
};

SCAP_API struct scap *scap_open(const struct scap_open_args *args, char *err)
{
	const struct scap_engine_ops *ops = NULL;

	if (!args || args->size < offsetof(struct scap_open_args, path) + sizeof(args->path)) {
		snprintf(err, SCAP_ERRMSG_SIZE, "scap_open: open arguments missing or too old");
		return NULL;
	}
	const char *name = args->engine ? args->engine : "savefile";
	for (size_t i = 0; i < sizeof(engines) / sizeof(engines[0]); i++) {
		if (strcmp(engines[i]->name, name) == 0)
			ops = engines[i];
	}
	if (!ops) {
		snprintf(err, SCAP_ERRMSG_SIZE, "scap_open: no engine named '%s'", name);
		return NULL;
	}
	struct scap *h = calloc(1, sizeof(*h));
	if (!h) {
		snprintf(err, SCAP_ERRMSG_SIZE, "scap_open: out of memory");
		return NULL;
	}
	h->ops = ops;
	if (ops->open(&h->engine, args, err, SCAP_ERRMSG_SIZE) < 0) {
		int saved = errno; /* the engine's reason, for the caller */
		free(h);
		errno = saved;
		return NULL;
	}
	return h;
}

SCAP_API int scap_next(struct scap *h, struct scap_evt **evt, uint16_t *cpu, uint32_t *flags)
{
	return h->ops->next(h->engine, evt, cpu, flags, h->error, sizeof(h->error));
}

SCAP_API const struct scap_metadata *scap_get_metadata(const struct scap *h)
{
	return h->ops->metadata(h->engine);
}

SCAP_API int scap_get_stats(const struct scap *h, struct scap_stats *out)
{
	memset(out, 0, sizeof(*out));
	h->ops->stats(h->engine, out);
	return SCAP_OK;
}

SCAP_API int scap_get_exit_status(const struct scap *h, int *status)
{
	if (!h->ops->exit_status)
		return SCAP_ERR_UNSUPPORTED;
	return h->ops->exit_status(h->engine, status);
}

SCAP_API const char *scap_last_error(const struct scap *h)
{
	return h->error;
}

SCAP_API void scap_close(struct scap *h)
{
	if (!h)
		return;
	h->ops->close(h->engine);
	free(h);
}

SCAP_API const char *scap_version(void)
{
	return SCAP_VERSION_STRING;
}
