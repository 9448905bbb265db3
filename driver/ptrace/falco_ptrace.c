/* falco-ptrace: traces a command, or a running process, with libscap's ptrace engine.
 *
 *   falco-ptrace [OPTIONS] -- CMD [ARGS...]   runs CMD and traces it, its threads and children
 *   falco-ptrace [OPTIONS] -p PID             attaches to a running process and its threads
 *
 * Prints one line per event (<num> <rawtime-ns> <tid> <event-name> <dir>, as scap-dump does),
 * or writes a capture file with -w. Exits with CMD's status (128+N when a signal N killed it);
 * 127 when CMD is not found, 126 when it cannot be executed, 1 on other errors, 2 on bad usage.
 */
#include <errno.h>
#include <getopt.h>
#include <inttypes.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>

#include "driver_api/event_codes.h"
#include "driver_api/event_table.h"
#include "scap/scap.h"
#include "scap/scap_dumper.h"

static const char usage[] =
    "usage: falco-ptrace [-w FILE [-z]] [-s SNAPLEN] [-e SYSCALLS] -- CMD [ARGS...]\n"
    "       falco-ptrace [-w FILE [-z]] [-s SNAPLEN] [-e SYSCALLS] -p PID\n"
    "  -w FILE      write the events to a capture file instead of printing them\n"
    "  -z           gzip the capture file\n"
    "  -p PID       attach to a running process and its threads (detached on exit)\n"
    "  -s SNAPLEN   I/O data bytes kept per event (default 80)\n"
    "  -e SYSCALLS  also trace these system calls (names or numbers, comma-separated, or all)\n";

enum exit_code {
	EXIT_ERROR = 1,
	EXIT_USAGE = 2,
	EXIT_CANNOT_EXECUTE = 126,
	EXIT_NOT_FOUND = 127,
};

static volatile sig_atomic_t stop_signal;

static void on_signal(int sig)
{
	stop_signal = sig;
}

/* SIGINT, SIGTERM and SIGHUP end the capture cleanly: they interrupt the engine's wait (no
 * SA_RESTART), and the file is finished. */
static void catch_signals(void)
{
	struct sigaction sa;
	memset(&sa, 0, sizeof(sa));
	sa.sa_handler = on_signal;
	sigemptyset(&sa.sa_mask);
	sigaction(SIGINT, &sa, NULL);
	sigaction(SIGTERM, &sa, NULL);
	sigaction(SIGHUP, &sa, NULL);
}

/* Generic system-call events are shown by the system call they carry. */
static const char *display_name(const struct scap_evt *evt)
{
	struct scap_param id;

	if ((evt->type == SCAP_EV_GENERIC_E || evt->type == SCAP_EV_GENERIC_X) &&
	    scap_event_param(evt, 0, &id) == 0 && id.len == 2) {
		uint16_t code;
		memcpy(&code, id.data, 2);
		const struct scap_value_table *sc = &scap_value_tables[SCAP_VT_PPM_SC_CODES];
		for (uint32_t i = 0; i < sc->count; i++) {
			if (sc->values[i].value == code)
				return sc->values[i].name;
		}
	}
	const char *name = scap_event_name(evt->type);
	return name ? name : "?";
}

static int exit_code_of(int status)
{
	if (WIFEXITED(status))
		return WEXITSTATUS(status);
	if (WIFSIGNALED(status))
		return 128 + WTERMSIG(status);
	return 0;
}

static int parse_number(const char *text, const char *what, long max, long *out)
{
	char *end;
	errno = 0;
	long v = strtol(text, &end, 10);
	if (errno || *end || end == text || v <= 0 || v > max) {
		fprintf(stderr, "falco-ptrace: %s '%s' is not a number from 1 to %ld\n", what, text,
		        max);
		return -1;
	}
	*out = v;
	return 0;
}

struct options {
	const char *write_path;
	int compress;
	long pid;
	long snaplen;
	const char *syscalls;
	char **argv;
};

static int parse_options(int argc, char **argv, struct options *o)
{
	int opt;

	while ((opt = getopt(argc, argv, "+w:zp:s:e:h")) != -1) {
		switch (opt) {
		case 'w':
			o->write_path = optarg;
			break;
		case 'z':
			o->compress = 1;
			break;
		case 'p':
			if (parse_number(optarg, "process id", INT32_MAX, &o->pid) < 0)
				return -1;
			break;
		case 's':
			if (parse_number(optarg, "snap length", UINT16_MAX, &o->snaplen) < 0)
				return -1;
			break;
		case 'e':
			o->syscalls = optarg;
			break;
		case 'h':
			fputs(usage, stdout);
			exit(0);
		default:
			fputs(usage, stderr);
			return -1;
		}
	}
	if (optind < argc)
		o->argv = argv + optind;
	if (!o->argv == !o->pid) {
		fprintf(stderr, "falco-ptrace: give either -- CMD [ARGS...] or -p PID\n%s", usage);
		return -1;
	}
	if (o->compress && !o->write_path) {
		fprintf(stderr, "falco-ptrace: -z needs -w FILE\n%s", usage);
		return -1;
	}
	return 0;
}

static int open_error_code(const struct options *o, int err)
{
	if (o->argv && err == ENOENT)
		return EXIT_NOT_FOUND;
	if (o->argv && (err == EACCES || err == ENOEXEC || err == EISDIR))
		return EXIT_CANNOT_EXECUTE;
	return EXIT_ERROR;
}

/* Hands every event to the dumper, or prints it. Returns the final scap_next() status. */
static int run(struct scap *h, struct scap_dumper *d)
{
	struct scap_evt *evt;
	uint16_t cpu;
	uint32_t flags;
	uint64_t num = 0;
	int rc;

	while (!stop_signal) {
		rc = scap_next(h, &evt, &cpu, &flags);
		if (rc == SCAP_TIMEOUT)
			continue;
		if (rc != SCAP_OK)
			return rc;
		if (d) {
			if (scap_dump_event(d, evt, cpu, flags) != SCAP_OK)
				return SCAP_ERR_IO;
			continue;
		}
		printf("%" PRIu64 " %" PRIu64 " %" PRId64 " %s %c\n", ++num, evt->ts,
		       (int64_t)evt->tid, display_name(evt), scap_event_is_enter(evt) ? '>' : '<');
	}
	return SCAP_EOF;
}

int main(int argc, char **argv)
{
	struct options o = {0};
	char err[SCAP_ERRMSG_SIZE];

	if (parse_options(argc, argv, &o) < 0)
		return EXIT_USAGE;
	catch_signals();
	struct scap_open_args args = {
	    .size = sizeof(args),
	    .engine = "ptrace",
	    .snaplen = (uint32_t)o.snaplen,
	    .ptrace_argv = (const char *const *)o.argv,
	    .ptrace_pid = (int32_t)o.pid,
	    .ptrace_syscalls = o.syscalls,
	};
	struct scap *h = scap_open(&args, err);
	if (!h) {
		int code = open_error_code(&o, errno);
		fprintf(stderr, "falco-ptrace: %s\n", err);
		return code;
	}
	struct scap_dumper *d = NULL;
	if (o.write_path) {
		d = scap_dumper_open(o.write_path, o.compress, err);
		if (!d || scap_dump_section(d, scap_get_metadata(h)) != SCAP_OK) {
			fprintf(stderr, "falco-ptrace: %s: %s\n", o.write_path,
			        d ? "cannot write the capture header" : err);
			if (d)
				scap_dumper_abort(d);
			scap_close(h);
			return EXIT_ERROR;
		}
	}
	int rc = run(h, d);
	int status = 0, code = 0;
	if (rc == SCAP_EOF && scap_get_exit_status(h, &status) == SCAP_OK)
		code = exit_code_of(status);
	if (rc < 0) {
		fprintf(stderr, "falco-ptrace: %s\n",
		        d && rc == SCAP_ERR_IO ? "cannot write the capture file"
		                               : scap_last_error(h));
		code = EXIT_ERROR;
	}
	/* Ends the tracing first: a command still running is killed, a process detached. */
	scap_close(h);
	if (stop_signal && !code)
		code = 128 + stop_signal;
	if (d && scap_dumper_close(d, err) != SCAP_OK) {
		fprintf(stderr, "falco-ptrace: %s\n", err);
		code = EXIT_ERROR;
	}
	if (fflush(stdout) != 0) {
		fprintf(stderr, "falco-ptrace: cannot write the output: %s\n", strerror(errno));
		code = EXIT_ERROR;
	}
	return code;
}
