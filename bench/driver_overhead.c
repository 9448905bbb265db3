/* bench/driver_overhead: what capturing costs a process that makes system calls.
 *
 * A workload (this program with --workload) runs a fixed loop: open/close pairs on /dev/null and
 * getpid calls, and reports ns per system call. It runs with no driver, under our eBPF probe (all
 * processes captured, the ring drained by libscap as a consumer would), under the ptrace driver
 * (falco-ptrace), and under a minimal bpftrace program on the same raw_syscalls tracepoints that
 * only counts. Prints one row per setup, with events captured and drops.
 *
 *   bazel run -c opt //bench:driver_overhead -- [CALLS]   (as root)
 */
#include <fcntl.h>
#include <inttypes.h>
#include <pthread.h>
#include <signal.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "scap/scap.h"
#include "syscall_loop.h"

/* The workload's figures, as it prints them on stderr. */
struct workload_result {
	double open_close_ns; /* per system call (each pair is two) */
	double getpid_ns;
};

static int run_workload(long calls)
{
	struct syscall_loop_result r = syscall_loop_run(calls);
	fprintf(stderr, "workload %.2f %.2f\n", r.open_close_ns, r.getpid_ns);
	return 0;
}

/* Runs `argv` (which ends in the workload) and reads the figures the workload prints on stderr. */
static int run_and_measure(char *const argv[], struct workload_result *out)
{
	int pipefd[2];
	if (pipe(pipefd) < 0)
		return -1;
	pid_t pid = fork();
	if (pid == 0) {
		dup2(pipefd[1], STDERR_FILENO);
		int null = open("/dev/null", O_WRONLY);
		dup2(null, STDOUT_FILENO);
		close(pipefd[0]);
		execv(argv[0], argv);
		_exit(127);
	}
	close(pipefd[1]);
	char buf[4096] = "";
	size_t used = 0;
	ssize_t n;
	while ((n = read(pipefd[0], buf + used, sizeof(buf) - 1 - used)) > 0)
		used += (size_t)n;
	buf[used] = '\0';
	close(pipefd[0]);
	int status;
	waitpid(pid, &status, 0);
	const char *line = strstr(buf, "workload ");
	if (!line || sscanf(line, "workload %lf %lf", &out->open_close_ns, &out->getpid_ns) != 2)
		return -1;
	return 0;
}

struct consumer {
	struct scap *h;
	atomic_bool stop;
	uint64_t events;
};

static void *consume(void *arg)
{
	struct consumer *c = arg;
	struct scap_evt *evt;
	uint16_t cpu;
	uint32_t flags;
	while (!atomic_load(&c->stop)) {
		int rc = scap_next(c->h, &evt, &cpu, &flags);
		if (rc == SCAP_OK)
			c->events++;
		else if (rc < 0)
			break;
	}
	/* Drain what the workload left in the ring. */
	while (scap_next(c->h, &evt, &cpu, &flags) == SCAP_OK)
		c->events++;
	return NULL;
}

static void row(const char *name, const struct workload_result *r,
                const struct workload_result *base, const char *extra)
{
	printf("  %-28s %9.1f %9.1f %9.2fx %9.2fx  %s\n", name, r->open_close_ns, r->getpid_ns,
	       r->open_close_ns / base->open_close_ns, r->getpid_ns / base->getpid_ns, extra);
}

int main(int argc, char **argv)
{
	const char *probe = NULL, *ptrace_tool = NULL;
	long calls = 1000000;
	int opt;
	while ((opt = getopt(argc, argv, "w:p:t:")) != -1) {
		if (opt == 'w')
			return run_workload(strtol(optarg, NULL, 10));
		if (opt == 'p')
			probe = optarg;
		else if (opt == 't')
			ptrace_tool = optarg;
		else {
			fprintf(stderr,
			        "usage: driver_overhead [-p PROBE] [-t FALCO_PTRACE] [CALLS]\n");
			return 2;
		}
	}
	if (optind < argc)
		calls = strtol(argv[optind], NULL, 10);
	char self[4096], count[32];
	ssize_t n = readlink("/proc/self/exe", self, sizeof(self) - 1);
	if (n <= 0)
		return 1;
	self[n] = '\0';
	snprintf(count, sizeof(count), "%ld", calls);
	char *workload[] = {self, "-w", count, NULL};

	printf("driver_overhead: %ld open/close pairs and %ld getpid calls per setup\n", calls,
	       calls);
	printf("  %-28s %9s %9s %10s %10s  %s\n", "setup", "open/close", "getpid", "vs none",
	       "vs none", "captured");
	printf("  %-28s %9s %9s\n", "", "ns/call", "ns/call");
	struct workload_result base, r;
	if (run_and_measure(workload, &base) < 0) {
		fprintf(stderr, "driver_overhead: the workload failed\n");
		return 1;
	}
	row("no driver", &base, &base, "-");

	char err[SCAP_ERRMSG_SIZE], extra[160];
	struct scap_open_args args = {
	    .size = sizeof(args), .engine = "bpf", .bpf_probe = probe, .ring_bytes = 64u << 20};
	struct consumer c = {.h = scap_open(&args, err)};
	if (!c.h) {
		printf("  %-28s skipped: %s\n", "eBPF probe (libscap)", err);
	} else {
		pthread_t thread;
		pthread_create(&thread, NULL, consume, &c);
		int rc = run_and_measure(workload, &r);
		atomic_store(&c.stop, true);
		pthread_join(thread, NULL);
		struct scap_stats stats;
		scap_get_stats(c.h, &stats);
		snprintf(extra, sizeof(extra), "%" PRIu64 " events, %" PRIu64 " drops", c.events,
		         stats.n_drops);
		if (rc == 0)
			row("eBPF probe (libscap)", &r, &base, extra);
		scap_close(c.h);
	}

	if (ptrace_tool) {
		char *traced[] = {(char *)ptrace_tool, "--", self, "-w", count, NULL};
		if (run_and_measure(traced, &r) == 0)
			row("ptrace driver", &r, &base,
			    "open and close stop the tracee, getpid runs free");
		else
			printf("  %-28s failed\n", "ptrace driver");
	}

	if (system("command -v bpftrace >/dev/null 2>&1") == 0) {
		int ready[2];
		if (pipe(ready) == 0) {
			pid_t bt = fork();
			if (bt == 0) {
				dup2(ready[1], STDOUT_FILENO);
				execlp("bpftrace", "bpftrace", "-e",
				       "tracepoint:raw_syscalls:sys_enter { @enter = count(); } "
				       "tracepoint:raw_syscalls:sys_exit { @exit = count(); }",
				       (char *)NULL);
				_exit(127);
			}
			close(ready[1]);
			char line[256];
			FILE *f = fdopen(ready[0], "r");
			while (f && fgets(line, sizeof(line), f) && !strstr(line, "Attaching"))
				;
			int rc = run_and_measure(workload, &r);
			kill(bt, SIGINT);
			waitpid(bt, NULL, 0);
			if (f)
				fclose(f);
			if (rc == 0)
				row("bpftrace (count only)", &r, &base, "counts, no parameters");
		}
	}
	return 0;
}
