/* The fill engine every driver shares: it interprets driver_api/fill_table.h for one event and
 * writes the event's parameters, in record order, through a small interface the driver gives it.
 *
 * The driver is the sink (where parameter values go: its record) and the source (what only it can
 * reach: the caller's memory, facts of the process, of its sockets and files). The engine holds
 * everything else: which argument or return value a parameter takes and at what width, snap
 * lengths, strings, sockaddr decoding, fd pairs, iovec and msghdr walks, flag conversions, dynamic
 * parameters, the clone flags, the procexit status.
 *
 * Compiles in userspace and in the Linux kernel: no allocation, small stack frames (large values
 * are built in the sink's buffer), and only the kernel-safe driver_api headers. */
#ifndef DRIVER_FILL_ENGINE_H
#define DRIVER_FILL_ENGINE_H

#include "driver_api/event_codes.h"
#include "driver_api/fill_table.h"
#include "fill_env.h"
#include "fill_sockaddr.h"

#ifdef __cplusplus
extern "C" {
#endif

/* The most bytes a user string (path, str) keeps, its NUL included (PATH_MAX). */
#define FILL_STR_MAX 4096u
/* The most bytes a process fact given as bytes (proc_bytes) may take: strings with their NUL,
 * and the argument, environment and cgroup lists. */
#define FILL_FACT_MAX 4096u
/* The most iovec entries walked (the kernel's UIO_MAXIOV). */
#define FILL_MAX_IOV 1024u
/* The most ancillary-data bytes (msg_control) kept. */
#define FILL_MAX_CONTROL 4096u

/* One system call, as the driver saw it. */
struct fill_call {
	long nr;          /* x86_64 system-call number */
	int64_t ret;      /* the return value (exit events only) */
	uint64_t args[6]; /* the arguments, as the call was entered */
	uint32_t snaplen; /* the most I/O data bytes kept */
	bool child;       /* the exit of a clone-style call, seen in the new task */
};

/* What the driver gives the engine. `ctx` is passed back to every function. */
struct fill_ops {
	/* Sink. Starts the next parameter: returns where its value goes, with room for `max`
	 * bytes (the engine may also use them as scratch), or NULL when the record has no room
	 * for them, which ends the fill. */
	uint8_t *(*begin)(void *ctx, uint32_t max);
	/* Ends the parameter begun last: its value is the first `used` bytes (used <= max). */
	void (*end)(void *ctx, uint32_t used);

	/* Source. Copies up to `len` bytes of the caller's memory at `addr` into `out`; returns
	 * how many it could copy from the start (0 when the address cannot be read). */
	uint32_t (*read_mem)(void *ctx, uint64_t addr, void *out, uint32_t len);
	/* Copies the NUL-terminated string at `addr` into `out` (at most `size` bytes with its
	 * NUL, cut when longer). Returns its length with the NUL, 0 when it cannot be read. */
	uint32_t (*read_str)(void *ctx, uint64_t addr, char *out, uint32_t size);
	/* A numeric process fact, enum scap_proc_field (not EXE_FLAGS's bits: see below). For
	 * SCAP_PROC_EXE_FLAGS, the execve_flags bits (SCAP_EXECVE_FLAGS_*) the driver knows. */
	uint64_t (*proc_number)(void *ctx, uint8_t field);
	/* A process fact given as bytes (exe, args, env, cwd, comm, cgroups, trusted_exepath),
	 * written to `out` (at most `cap` bytes: strings with their NUL, lists of NUL-terminated
	 * items). Returns the bytes written, 0 when unknown. */
	uint32_t (*proc_bytes)(void *ctx, uint8_t field, uint8_t *out, uint32_t cap);
	/* The PT_SOCKTUPLE of socket `fd` (fill_sockaddr.h encodes it), remote end first when
	 * `inbound`, into `out` (FILL_SOCK_ENCODED_MAX bytes). Returns its bytes, 0 when fd is no
	 * inet or Unix socket. */
	uint32_t (*socktuple)(void *ctx, int fd, bool inbound, uint8_t *out);
	/* Fact `field` (enum scap_file_field) of the file behind `fd`; 0 when unknown. The engine
	 * works SCAP_FILE_QUEUEPCT out from QUEUELEN and QUEUEMAX. */
	uint64_t (*file_fact)(void *ctx, int fd, uint8_t field);
};

/* Whether event `type` has fills, and how many parameters they write (0 when none). */
uint32_t fill_event_nparams(uint16_t type);

/* Bytes per parameter length in the record of event `type`: 4 for SCAP_EF_LARGE_PAYLOAD events,
 * else 2. */
uint32_t fill_event_length_width(uint16_t type);

/* A driver's way to copy caller memory, as fill_ops.read_mem. */
typedef uint32_t (*fill_read_mem_fn)(void *ctx, uint64_t addr, void *out, uint32_t len);

/* A fill_ops.read_str built on `read_page` (a fill_ops.read_mem): copies the NUL-terminated string
 * at `addr` into `out` (at most `size` bytes with its NUL, cut and terminated when longer), one
 * page at a time, so a string that ends just before an unreadable page still reads. Returns its
 * length with the NUL, 0 when nothing at `addr` can be read. */
uint32_t fill_read_str_by_pages(fill_read_mem_fn read_page, void *ctx, uint64_t addr, char *out,
                                uint32_t size);

/* Writes every parameter of event `type` (an enter or exit event of `call`), in order, through
 * `ops`. Returns how many were written: fill_event_nparams(type), 0 for an event without fills,
 * or -1 when the sink refused one (the record is then unusable). */
int fill_event(uint16_t type, const struct fill_call *call, const struct fill_ops *ops, void *ctx);

/* The procexit event's parameters (SCAP_EV_PROCEXIT_1_E) have these types, in order. */
#define FILL_PROCEXIT_NPARAMS 5u
extern const uint8_t fill_procexit_types[FILL_PROCEXIT_NPARAMS];

/* Writes the `nparams` (at most FILL_PROCEXIT_NPARAMS) first parameters of procexit through the
 * sink of `ops`: the wait status `status` (as wait(2) gives it), the exit code, the terminating
 * signal, whether it dumped core, and the reaper's thread id. Returns the parameters written or
 * -1 as fill_event. */
int fill_procexit(int status, int64_t reaper_tid, uint32_t nparams, const struct fill_ops *ops,
                  void *ctx);

#ifdef __cplusplus
}
#endif

#endif
