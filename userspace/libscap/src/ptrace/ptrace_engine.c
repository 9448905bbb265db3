/* The ptrace engine: runs a command (or attaches to a process) under the ptrace+seccomp tracer of
 * driver/ptrace and hands out the events it builds. Metadata comes from /proc once tracing has
 * started, so the traced process is in it. Nothing is ever dropped: a tracee waits in its stop
 * until its event is built. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../engine.h"
#include "../metadata_store.h"
#include "../proc/proc_scan.h"
#include "falco_ptrace/tracer.h"

struct scap_engine {
	struct ptrace_tracer *tracer;
	struct scap_metadata_store store;
	uint64_t n_evts, n_bytes;
};

static int status_of(int neg_errno)
{
	switch (-neg_errno) {
	case ENOMEM:
		return SCAP_ERR_NOMEM;
	case EINVAL:
		return SCAP_ERR_ARGS;
	case ENOSYS:
		return SCAP_ERR_UNSUPPORTED;
	default:
		return SCAP_ERR_IO;
	}
}

static void ptrace_close(struct scap_engine *e)
{
	if (!e)
		return;
	ptrace_tracer_close(e->tracer);
	scap_store_clear(&e->store);
	free(e);
}

static int ptrace_open(struct scap_engine **out, const struct scap_open_args *args, char *err,
                       size_t errlen)
{
	struct ptrace_tracer_options opts = {
	    .argv = SCAP_HAS_ARG(args, ptrace_argv) ? (char *const *)args->ptrace_argv : NULL,
	    .pid = SCAP_HAS_ARG(args, ptrace_pid) ? args->ptrace_pid : 0,
	    .snaplen = SCAP_HAS_ARG(args, snaplen) ? args->snaplen : 0,
	    .extra_syscalls = SCAP_HAS_ARG(args, ptrace_syscalls) ? args->ptrace_syscalls : NULL,
	    .proc = "/proc",
	};
	struct scap_engine *e = calloc(1, sizeof(*e));
	if (!e) {
		snprintf(err, errlen, "ptrace: out of memory");
		errno = ENOMEM;
		return SCAP_ERR_NOMEM;
	}
	int rc = ptrace_tracer_open(&e->tracer, &opts, err, errlen);
	if (rc < 0) {
		free(e);
		errno = -rc;
		return status_of(rc);
	}
	rc = scap_proc_scan(&e->store, "/proc", err, errlen);
	if (rc < 0) {
		ptrace_close(e);
		return rc;
	}
	*out = e;
	return SCAP_OK;
}

static int ptrace_next(struct scap_engine *e, struct scap_evt **evt, uint16_t *cpu, uint32_t *flags,
                       char *err, size_t errlen)
{
	const uint8_t *rec;
	uint32_t len;

	int rc = ptrace_tracer_next(e->tracer, &rec, &len, err, errlen);
	switch (rc) {
	case PTRACE_NEXT_EVENT:
		*evt = (struct scap_evt *)rec;
		*cpu = 0;
		*flags = 0;
		e->n_evts++;
		e->n_bytes += len;
		return SCAP_OK;
	case PTRACE_NEXT_DONE:
		return SCAP_EOF;
	case PTRACE_NEXT_INTERRUPTED:
		return SCAP_TIMEOUT;
	default:
		return SCAP_ERR_IO;
	}
}

static const struct scap_metadata *ptrace_metadata(const struct scap_engine *e)
{
	return &e->store.meta;
}

static void ptrace_stats(const struct scap_engine *e, struct scap_stats *out)
{
	out->n_evts = e->n_evts;
	out->n_bytes = e->n_bytes;
	out->n_sections = 1;
}

static int ptrace_exit_status(const struct scap_engine *e, int *status)
{
	return ptrace_tracer_exit_status(e->tracer, status) ? SCAP_OK : SCAP_ERR_UNSUPPORTED;
}

const struct scap_engine_ops scap_ptrace_engine = {
    .name = "ptrace",
    .open = ptrace_open,
    .next = ptrace_next,
    .metadata = ptrace_metadata,
    .stats = ptrace_stats,
    .close = ptrace_close,
    .exit_status = ptrace_exit_status,
};
