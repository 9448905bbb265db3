/* A synthetic capture with the process and fd churn of a small Linux host: an interactive shell
 * starting cat, ls, grep, curl, bash scripts and python3 (several alive at once, on two CPUs),
 * each with a dynamic loader's opens and maps, its own files and sockets, and its exit; beside
 * them daemons (sshd, rsyslogd, cron, journald) with long-lived files and sockets. Every event is
 * the one our drivers emit for its system call (driver_api/syscall_table.h), built parameter by
 * parameter against the schema (driver_api/event_table.h), and only codes that sysdig 0.29.3
 * knows are used, so that sysdig can read the file as the peer of our inspector. */
#ifndef BENCH_INSPECT_SYNTH_H
#define BENCH_INSPECT_SYNTH_H

#include <stdbool.h>
#include <stdint.h>

struct synth_options {
	uint64_t events; /* exactly this many events are written */
	uint64_t seed;   /* the same seed and count give the same file */
	bool compress;   /* gzip */
	/* Now and then the shell runs what Falco's default rules flag: `cat /etc/shadow`,
	 * `cat /home/alice/.ssh/id_rsa` and `grep -l "BEGIN RSA PRIVATE KEY" FILE`. Off, the file
	 * is the same as without this option. */
	bool suspicious;
};

struct synth_result {
	uint64_t events;     /* events written */
	uint64_t processes;  /* processes started (clone and execve) during the capture */
	uint64_t cats;       /* of which cat */
	uint64_t cats_etc;   /* of which cat on a file under /etc */
	uint64_t suspicious; /* processes started that run a command of .suspicious */
	uint32_t threads;    /* threads in the metadata's process list */
	uint32_t fd_entries; /* fds in its fd lists */
};

/* Writes the capture to `path`. Returns 0, or -1 with a one-line reason in `err`
 * (SCAP_ERRMSG_SIZE bytes). An event that does not match the schema is a bug of the generator:
 * it stops the program with a message naming the event and the parameter. */
int synth_write(const char *path, const struct synth_options *opt, struct synth_result *out,
                char *err);

#endif
