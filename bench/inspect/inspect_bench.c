/* bench/inspect: our inspector beside the real sysdig on one capture of churning processes.
 *
 *   bazel run -c opt //bench/inspect:inspect_bench -- [EVENTS]
 *   inspect_bench [-i SINSP_INSPECT] [-s SYSDIG] [-f FILE] [-r RUNS] [-e FILTER] [-k] [EVENTS]
 *
 * Synthesises a capture of EVENTS events (default 2,000,000; see synth.h) into a temporary
 * directory, or takes FILE. Then runs each inspector as `TOOL -r FILE FILTER` (by default
 * "proc.name=cat and fd.name contains /etc"), once with its output in a pipe to count the lines
 * it prints, and RUNS times (default 3) with its output in /dev/null, each in a child process
 * measured with wait4(): wall time, CPU time and peak RSS. Prints every run, the best of each
 * tool (shortest time, least CPU time, largest peak RSS of its runs), and ours/sysdig for speed
 * and memory. Without -i, or without sysdig, that tool's figures are skipped. */
#include <errno.h>
#include <fcntl.h>
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "bench/inspect/synth.h"
#include "scap/scap.h"

static const char usage[] =
    "usage: inspect_bench [-i SINSP_INSPECT] [-s SYSDIG] [-f FILE] [-r RUNS] [-e FILTER] [-k] "
    "[EVENTS]\n";

static const char default_filter[] = "proc.name=cat and fd.name contains /etc";

static double now(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static double mib(long kib)
{
	return (double)kib / 1024.0;
}

/* This process's resident set now, from /proc/self/statm; 0 if unknown. */
static long current_rss_kb(void)
{
	FILE *f = fopen("/proc/self/statm", "r");
	long size = 0, resident = 0;

	if (!f)
		return 0;
	if (fscanf(f, "%ld %ld", &size, &resident) != 2)
		resident = 0;
	fclose(f);
	return resident * (sysconf(_SC_PAGESIZE) / 1024);
}

/* Runs fn in a child process (so that its memory is not the runner's) and copies its result
 * of `size` bytes back. Returns 0, or -1 when the child failed. */
static int in_child(int (*fn)(void *arg, void *out), void *arg, void *out, size_t size)
{
	int fds[2];

	if (pipe(fds) < 0)
		return -1;
	fflush(NULL);
	pid_t pid = fork();
	if (pid < 0)
		return -1;
	if (pid == 0) {
		close(fds[0]);
		int rc = fn(arg, out);
		if (rc == 0 && write(fds[1], out, size) != (ssize_t)size)
			rc = -1;
		_exit(rc == 0 ? 0 : 1);
	}
	close(fds[1]);
	ssize_t got = read(fds[0], out, size);
	close(fds[0]);
	int status;
	waitpid(pid, &status, 0);
	return got == (ssize_t)size && WIFEXITED(status) && WEXITSTATUS(status) == 0 ? 0 : -1;
}

struct synth_job {
	const char *path;
	struct synth_options opt;
};

struct synth_out {
	struct synth_result res;
	double seconds;
};

static int synth_fn(void *arg, void *out)
{
	const struct synth_job *job = arg;
	struct synth_out *o = out;
	char err[SCAP_ERRMSG_SIZE];
	double t0 = now();

	if (synth_write(job->path, &job->opt, &o->res, err) != 0) {
		fprintf(stderr, "inspect_bench: %s\n", err);
		return -1;
	}
	o->seconds = now() - t0;
	return 0;
}

struct count_out {
	uint64_t events, skipped;
	double seconds;
	long max_rss_kb;
};

/* How many events the file holds, as libscap reads them (and how fast it does alone). */
static int count_fn(void *arg, void *out)
{
	struct count_out *o = out;
	char err[SCAP_ERRMSG_SIZE];
	struct scap_open_args args = {.size = sizeof(args), .engine = "savefile", .path = arg};
	double t0 = now();
	struct scap *h = scap_open(&args, err);

	if (!h) {
		fprintf(stderr, "inspect_bench: %s\n", err);
		return -1;
	}
	struct scap_evt *evt;
	uint16_t cpu;
	uint32_t flags;
	int rc;
	while ((rc = scap_next(h, &evt, &cpu, &flags)) == SCAP_OK)
		;
	struct scap_stats st;
	scap_get_stats(h, &st);
	if (rc != SCAP_EOF)
		fprintf(stderr, "inspect_bench: %s\n", scap_last_error(h));
	scap_close(h);
	o->seconds = now() - t0;
	o->events = st.n_evts;
	o->skipped = st.n_skipped;
	struct rusage ru;
	getrusage(RUSAGE_SELF, &ru);
	o->max_rss_kb = ru.ru_maxrss;
	return rc == SCAP_EOF ? 0 : -1;
}

struct run {
	int ok;
	double seconds, user, sys;
	long max_rss_kb;
	uint64_t lines;
};

/* Runs `argv` with stdout to /dev/null, or to a pipe whose lines are counted; stderr goes to
 * `errpath`. */
static struct run run_tool(char *const argv[], int count_lines, const char *errpath)
{
	struct run r = {0};
	int fds[2] = {-1, -1};

	if (count_lines && pipe(fds) < 0)
		return r;
	fflush(NULL);
	double t0 = now();
	pid_t pid = fork();
	if (pid < 0)
		return r;
	if (pid == 0) {
		int out = count_lines ? fds[1] : open("/dev/null", O_WRONLY);
		int err = open(errpath, O_WRONLY | O_CREAT | O_TRUNC, 0644);
		if (out < 0 || err < 0 || dup2(out, 1) < 0 || dup2(err, 2) < 0)
			_exit(126);
		if (count_lines) {
			close(fds[0]);
			close(fds[1]);
		}
		execvp(argv[0], argv);
		fprintf(stderr, "cannot run %s: %s\n", argv[0], strerror(errno));
		_exit(127);
	}
	if (count_lines) {
		char buf[65536];
		ssize_t n;
		close(fds[1]);
		while ((n = read(fds[0], buf, sizeof(buf))) > 0 || (n < 0 && errno == EINTR))
			for (ssize_t i = 0; i < n; i++)
				r.lines += buf[i] == '\n';
		close(fds[0]);
	}
	int status;
	struct rusage ru;
	while (wait4(pid, &status, 0, &ru) < 0)
		if (errno != EINTR)
			return r;
	r.seconds = now() - t0;
	r.user = (double)ru.ru_utime.tv_sec + (double)ru.ru_utime.tv_usec / 1e6;
	r.sys = (double)ru.ru_stime.tv_sec + (double)ru.ru_stime.tv_usec / 1e6;
	r.max_rss_kb = ru.ru_maxrss;
	r.ok = WIFEXITED(status) && WEXITSTATUS(status) == 0;
	if (!r.ok) {
		fprintf(stderr, "  %s failed (%s %d); its stderr:\n", argv[0],
		        WIFEXITED(status) ? "exit status" : "signal",
		        WIFEXITED(status) ? WEXITSTATUS(status) : WTERMSIG(status));
		FILE *f = fopen(errpath, "r");
		char line[512];
		for (int i = 0; f && i < 10 && fgets(line, sizeof(line), f); i++)
			fprintf(stderr, "    %s", line);
		if (f)
			fclose(f);
	}
	return r;
}

struct tool {
	const char *label, *path;
	int present, failed;
	struct run best; /* shortest time; the largest peak RSS of all runs */
	double best_cpu; /* the least user + system time of all runs */
	uint64_t lines;
};

static void measure(struct tool *t, const char *file, const char *filter, int runs, uint64_t events,
                    const char *errpath)
{
	char *argv[] = {(char *)t->path, "-r", (char *)file, (char *)filter, NULL};

	printf("\n%s: %s -r FILE \"%s\"\n", t->label, t->path, filter);
	struct run c = run_tool(argv, 1, errpath);
	if (!c.ok) {
		t->present = 0;
		t->failed = 1;
		return;
	}
	t->lines = c.lines;
	printf("  matching lines: %" PRIu64 "\n", c.lines);
	for (int i = 0; i < runs; i++) {
		struct run r = run_tool(argv, 0, errpath);
		if (!r.ok) {
			t->present = 0;
			t->failed = 1;
			return;
		}
		printf("  run %d: %7.3f s  %6.2f M events/s  peak RSS %7.1f MiB  (user %.2f s, sys "
		       "%.2f s)\n",
		       i + 1, r.seconds, (double)events / r.seconds / 1e6, mib(r.max_rss_kb),
		       r.user, r.sys);
		long rss = t->best.max_rss_kb > r.max_rss_kb ? t->best.max_rss_kb : r.max_rss_kb;
		if (!t->best.ok || r.user + r.sys < t->best_cpu)
			t->best_cpu = r.user + r.sys;
		if (!t->best.ok || r.seconds < t->best.seconds)
			t->best = r;
		t->best.max_rss_kb = rss;
	}
}

/* The directory of PATH that holds an executable `name`, or NULL. */
static const char *find_in_path(const char *name, char *buf, size_t size)
{
	const char *path = getenv("PATH");

	if (strchr(name, '/'))
		return access(name, X_OK) == 0 ? name : NULL;
	for (const char *p = path ? path : "/usr/bin:/bin"; *p;) {
		const char *colon = strchr(p, ':');
		size_t n = colon ? (size_t)(colon - p) : strlen(p);
		snprintf(buf, size, "%.*s/%s", (int)n, p, name);
		if (access(buf, X_OK) == 0)
			return buf;
		p += n + (colon ? 1 : 0);
	}
	return NULL;
}

int main(int argc, char **argv)
{
	const char *ours = NULL, *sysdig = "sysdig", *file = NULL, *filter = default_filter;
	uint64_t events = 2000000;
	int runs = 3, keep = 0, c;
	char filebuf[4096], dir[4096] = "", synth_path[4200], errpath[4200], sysdig_buf[4096];

	while ((c = getopt(argc, argv, "i:s:f:r:e:kh")) != -1) {
		switch (c) {
		case 'i':
			ours = optarg;
			break;
		case 's':
			sysdig = optarg;
			break;
		case 'f':
			file = optarg;
			break;
		case 'r':
			runs = atoi(optarg);
			break;
		case 'e':
			filter = optarg;
			break;
		case 'k':
			keep = 1;
			break;
		default:
			fputs(usage, stderr);
			return c == 'h' ? 0 : 2;
		}
	}
	if (optind < argc)
		events = strtoull(argv[optind++], NULL, 10);
	if (optind != argc || runs < 1 || (!file && events < 1000)) {
		fputs(usage, stderr);
		return 2;
	}
	/* Under `bazel run`, relative paths given by hand are the caller's. */
	const char *cwd = getenv("BUILD_WORKING_DIRECTORY");
	if (file && file[0] != '/' && cwd) {
		snprintf(filebuf, sizeof(filebuf), "%s/%s", cwd, file);
		file = filebuf;
	}

	const char *tmp = getenv("TMPDIR") ? getenv("TMPDIR") : "/tmp";
	snprintf(dir, sizeof(dir), "%s/inspect_bench.XXXXXX", tmp);
	if (!mkdtemp(dir)) {
		fprintf(stderr, "inspect_bench: cannot make a directory in %s: %s\n", tmp,
		        strerror(errno));
		return 1;
	}
	snprintf(errpath, sizeof(errpath), "%s/stderr.txt", dir);

	printf("inspect benchmark\n");
	if (!file) {
		struct synth_job job = {.path = synth_path, .opt = {.events = events, .seed = 1}};
		struct synth_out so;
		snprintf(synth_path, sizeof(synth_path), "%s/capture.scap", dir);
		if (in_child(synth_fn, &job, &so, sizeof(so)) != 0) {
			fprintf(stderr, "inspect_bench: synthesis failed\n");
			rmdir(dir);
			return 1;
		}
		file = synth_path;
		printf("synthesised %s in %.2f s: %" PRIu64 " processes started, %" PRIu64
		       " of them cat (%" PRIu64 " on /etc)\n",
		       file, so.seconds, so.res.processes, so.res.cats, so.res.cats_etc);
	}
	struct stat st;
	struct count_out co;
	if (stat(file, &st) != 0 || in_child(count_fn, (void *)file, &co, sizeof(co)) != 0) {
		fprintf(stderr, "inspect_bench: cannot read %s\n", file);
		return 1;
	}
	events = co.events;
	printf("capture: %" PRIu64 " events (%" PRIu64 " of codes libscap skips), %.1f MiB\n",
	       events, co.skipped, (double)st.st_size / 1048576.0);
	printf("libscap alone reads it in %.3f s (%.2f M events/s, peak RSS %.1f MiB): the floor\n",
	       co.seconds, (double)events / co.seconds / 1e6, mib(co.max_rss_kb));
	printf("runner's RSS %.1f MiB (a forked child starts with it: its peak cannot be lower)\n",
	       mib(current_rss_kb()));

	struct tool tools[2] = {{.label = "sinsp-inspect (ours)", .path = ours},
	                        {.label = "sysdig", .path = sysdig}};
	tools[0].present = ours && find_in_path(ours, sysdig_buf, sizeof(sysdig_buf)) != NULL;
	if (ours && !tools[0].present)
		printf("\nsinsp-inspect: %s is not an executable: its figures are skipped\n", ours);
	else if (!ours)
		printf("\nsinsp-inspect: no path given (-i PATH): its figures are skipped\n");
	tools[1].present = find_in_path(sysdig, sysdig_buf, sizeof(sysdig_buf)) != NULL;
	if (!tools[1].present)
		printf("\nsysdig: %s not found: its figures are skipped\n", sysdig);

	for (int i = 0; i < 2; i++)
		if (tools[i].present)
			measure(&tools[i], file, filter, runs, events, errpath);

	printf("\nbest of %d, %" PRIu64 " events:\n", runs, events);
	for (int i = 0; i < 2; i++) {
		const struct tool *t = &tools[i];
		if (!t->present) {
			printf("  %-22s %s\n", t->label, t->failed ? "FAILED" : "skipped");
			continue;
		}
		printf("  %-22s %7.3f s  %6.2f M events/s  peak RSS %7.1f MiB  CPU %.2f s  %" PRIu64
		       " matching lines\n",
		       t->label, t->best.seconds, (double)events / t->best.seconds / 1e6,
		       mib(t->best.max_rss_kb), t->best_cpu, t->lines);
	}
	int rc = 0;
	if (tools[0].present && tools[1].present) {
		double speed = tools[1].best.seconds / tools[0].best.seconds;
		double mem = (double)tools[0].best.max_rss_kb / (double)tools[1].best.max_rss_kb;
		printf(
		    "  ours/sysdig: %.2fx the events/s (goal >= 2x), %.2fx the peak RSS (goal <= "
		    "1x): goal %s\n",
		    speed, mem, speed >= 2.0 && mem <= 1.0 ? "met" : "NOT met");
		printf(
		    "  CPU time (user + system), steadier on a busy machine: sysdig/ours %.2fx\n",
		    tools[1].best_cpu / tools[0].best_cpu);
		if (tools[0].lines != tools[1].lines)
			printf("WARNING: the matching lines differ: ours %" PRIu64
			       ", sysdig %" PRIu64 "\n",
			       tools[0].lines, tools[1].lines);
		else
			printf("  both print the same number of matching lines (%" PRIu64 ")\n",
			       tools[0].lines);
	}
	for (int i = 0; i < 2; i++)
		if (tools[i].failed)
			rc = 1;

	unlink(errpath);
	if (file == synth_path && !keep)
		unlink(synth_path);
	else if (file == synth_path)
		printf("capture kept: %s\n", synth_path);
	if (file != synth_path || !keep)
		rmdir(dir);
	return rc;
}
