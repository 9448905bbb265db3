/* libscap: opens a source of system-call events (a capture file, live from the eBPF probe or the
 * kernel module, or a command traced with ptrace) and hands out its events one at a time.
 *
 *	char err[SCAP_ERRMSG_SIZE];
 *	struct scap_open_args args = {
 *		.size = sizeof(args), .engine = "savefile", .path = "x.scap"};
 *	struct scap *h = scap_open(&args, err);
 *	struct scap_evt *evt;
 *	uint16_t cpu;
 *	uint32_t flags;
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
	/* "savefile" (the default when NULL), "bpf" (the eBPF probe), "kmod" (the falco kernel
	 * module: its devices /dev/falco<cpu>, one reader at a time) or "ptrace" */
	const char *engine;
	const char *path; /* savefile: the capture file, plain or gzip-compressed */
	/* bpf: the probe object (falco.bpf.o); NULL for SCAP_DEFAULT_BPF_PROBE */
	const char *bpf_probe;
	/* bpf: ring buffer size in bytes, a power of two of at least one page; 0 for 8 MiB. kmod
	 * ignores it: the module sizes its rings itself. */
	uint32_t ring_bytes;
	/* live engines (bpf, kmod, ptrace): the most I/O data bytes kept per event; 0 for 80
	 * (kmod: at most 65536) */
	uint32_t snaplen;
	/* bpf, kmod: capture this process only (its threads, and what it execs); 0 for all. The
	 * reader's own process is never captured (kmod: unless it is this process). */
	uint32_t only_tgid;
	/* ptrace: the command to run and trace, NULL-terminated; argv[0] is looked up in PATH */
	const char *const *ptrace_argv;
	/* ptrace: instead of a command, the running process to attach to, with all its threads */
	int32_t ptrace_pid;
	/* ptrace: system calls to stop at besides those with dedicated events: names or numbers,
	 * comma-separated, or "all"; NULL for none */
	const char *ptrace_syscalls;
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
 * (SCAP_ERRMSG_SIZE bytes) naming the input (the file, the probe, the device) and, for files, the
 * offset; errno then holds the system's reason where there is one (ENOENT: no such file, command
 * or device (kmod: the module is not loaded), EACCES: not executable or not allowed, EPERM: not
 * allowed, ESRCH: no such process, EBUSY: kmod's devices are in use by another reader, EPROTO:
 * the module's driver API version differs). */
SCAP_API struct scap *scap_open(const struct scap_open_args *args, char *err);

/* Returns the next event. SCAP_OK: *evt points to a validated record that stays valid until the
 * next call; *cpu is the CPU it was recorded on and *flags its dump flags (enum scap_dump_flags).
 * SCAP_EOF at the end, SCAP_TIMEOUT when a live source had nothing yet (bpf and kmod wait about
 * 10 ms first; call again), a negative status on error (scap_last_error() says what and where).
 * kmod merges its per-CPU rings: events come in timestamp order across CPUs among those the module
 * has published. */
SCAP_API int scap_next(struct scap *h, struct scap_evt **evt, uint16_t *cpu, uint32_t *flags);

/* The metadata of the current section (machine, processes, fds, users, interfaces). */
SCAP_API const struct scap_metadata *scap_get_metadata(const struct scap *h);

/* Copies the counters into `out`. */
SCAP_API int scap_get_stats(const struct scap *h, struct scap_stats *out);

/* Sources that run a command (ptrace): once scap_next() has returned SCAP_EOF, the wait status
 * of the command (or of the attached process) as waitpid() reports it. Returns SCAP_OK, or
 * SCAP_ERR_UNSUPPORTED for other sources and when the process was not seen ending. */
SCAP_API int scap_get_exit_status(const struct scap *h, int *status);

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
