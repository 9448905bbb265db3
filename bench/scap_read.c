/* bench/scap_read: how fast libscap reads captures, beside the real sysdig on the same file.
 *
 * Writes a capture of N events (default 2,000,000: open, read and close of one thread, enter and
 * exit, with realistic parameters) with our writer, plain and gzip. Then, each in a child process
 * so that peak RSS is the reader's own: reads every event and touches every parameter, for the
 * full file and for a quarter of it (memory must not grow with the file). Last, times
 * `sysdig -r FILE -p "%evt.num" > /dev/null` on the plain file.
 *
 *   bazel run //bench:scap_read -- [EVENTS]
 */
#include <errno.h>
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "driver_api/event_codes.h"
#include "scap/scap.h"
#include "scap/scap_dumper.h"

static double now(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

/* Builds one event record: header, u16 lengths, values. Returns its length. */
static uint32_t build_event(uint8_t *out, uint64_t ts, uint16_t type, const void *const *values,
                            const uint16_t *lengths, uint32_t n)
{
	uint32_t len = 26 + 2 * n;
	for (uint32_t i = 0; i < n; i++)
		len += lengths[i];
	struct scap_evt hdr = {.ts = ts, .tid = 1000, .len = len, .type = type, .nparams = n};
	memcpy(out, &hdr, sizeof(hdr));
	memcpy(out + 26, lengths, 2 * (size_t)n);
	uint8_t *p = out + 26 + 2 * n;
	for (uint32_t i = 0; i < n; i++) {
		memcpy(p, values[i], lengths[i]);
		p += lengths[i];
	}
	return len;
}

static int write_capture(const char *path, uint64_t events, int compress)
{
	char err[SCAP_ERRMSG_SIZE];
	struct scap_threadinfo thread = {.tid = 1000,
	                                 .pid = 1000,
	                                 .ptid = 1,
	                                 .comm = "bench",
	                                 .exe = "/usr/bin/bench",
	                                 .exepath = "/usr/bin/bench",
	                                 .cwd = "/",
	                                 .root = "/",
	                                 .args = "",
	                                 .env = "",
	                                 .cgroups = "",
	                                 .fdlimit = 1024,
	                                 .sid = -1,
	                                 .vpgid = -1,
	                                 .vtid = 1000,
	                                 .vpid = 1000,
	                                 .loginuid = 0};
	struct scap_metadata meta = {.nthreads = 1, .threads = &thread};
	snprintf(meta.machine.hostname, sizeof(meta.machine.hostname), "bench");
	meta.machine.num_cpus = 2;
	struct scap_dumper *d = scap_dumper_open(path, compress, err);
	if (!d) {
		fprintf(stderr, "scap_read: %s\n", err);
		return -1;
	}
	scap_dump_section(d, &meta);

	const char name[] = "/etc/hosts";
	uint32_t flags = 1, mode = 0, dev = 0x803, size = 4096;
	int64_t fd = 3, res = 4096, zero = 0;
	uint64_t ino = 1234567;
	char data[80];
	memset(data, 'x', sizeof(data));
	uint8_t buf[512];
	uint64_t ts = 1700000000000000000ull;
	for (uint64_t i = 0; i < events; i++, ts += 1000) {
		uint32_t len;
		switch (i % 6) {
		case 0: {
			const void *v[] = {name, &flags, &mode};
			const uint16_t l[] = {sizeof(name), 4, 4};
			len = build_event(buf, ts, SCAP_EV_SYSCALL_OPEN_E, v, l, 3);
			break;
		}
		case 1: {
			const void *v[] = {&fd, name, &flags, &mode, &dev, &ino};
			const uint16_t l[] = {8, sizeof(name), 4, 4, 4, 8};
			len = build_event(buf, ts, SCAP_EV_SYSCALL_OPEN_X, v, l, 6);
			break;
		}
		case 2: {
			const void *v[] = {&fd, &size};
			const uint16_t l[] = {8, 4};
			len = build_event(buf, ts, SCAP_EV_SYSCALL_READ_E, v, l, 2);
			break;
		}
		case 3: {
			const void *v[] = {&res, data, &fd, &size};
			const uint16_t l[] = {8, sizeof(data), 8, 4};
			len = build_event(buf, ts, SCAP_EV_SYSCALL_READ_X, v, l, 4);
			break;
		}
		case 4: {
			const void *v[] = {&fd};
			const uint16_t l[] = {8};
			len = build_event(buf, ts, SCAP_EV_SYSCALL_CLOSE_E, v, l, 1);
			break;
		}
		default: {
			const void *v[] = {&zero, &fd};
			const uint16_t l[] = {8, 8};
			len = build_event(buf, ts, SCAP_EV_SYSCALL_CLOSE_X, v, l, 2);
			break;
		}
		}
		(void)len;
		if (scap_dump_event(d, (const struct scap_evt *)buf, (uint16_t)(i & 1), 0) < 0)
			break;
	}
	if (scap_dumper_close(d, err) < 0) {
		fprintf(stderr, "scap_read: %s\n", err);
		return -1;
	}
	return 0;
}

struct read_result {
	uint64_t events, param_bytes;
	double seconds;
	long max_rss_kb;
	int ok;
};

/* Reads the file in a child process; the child's own peak RSS is the reader's. */
static struct read_result read_in_child(const char *path, uint64_t limit)
{
	struct read_result r = {0};
	int fds[2];

	if (pipe(fds) < 0)
		return r;
	pid_t pid = fork();
	if (pid == 0) {
		char err[SCAP_ERRMSG_SIZE];
		struct scap_open_args args = {
		    .size = sizeof(args), .engine = "savefile", .path = path};
		double start = now();
		struct scap *h = scap_open(&args, err);
		if (h) {
			struct scap_evt *evt;
			uint16_t cpu;
			uint32_t flags;
			while (r.events < limit && scap_next(h, &evt, &cpu, &flags) == SCAP_OK) {
				struct scap_param p;
				for (uint32_t i = 0; scap_event_param(evt, i, &p) == 0; i++)
					r.param_bytes += p.len;
				r.events++;
			}
			scap_close(h);
			r.ok = 1;
		} else {
			fprintf(stderr, "scap_read: %s\n", err);
		}
		r.seconds = now() - start;
		struct rusage ru;
		getrusage(RUSAGE_SELF, &ru);
		r.max_rss_kb = ru.ru_maxrss;
		if (write(fds[1], &r, sizeof(r)) != sizeof(r))
			_exit(1);
		_exit(0);
	}
	close(fds[1]);
	if (read(fds[0], &r, sizeof(r)) != sizeof(r))
		r.ok = 0;
	close(fds[0]);
	waitpid(pid, NULL, 0);
	return r;
}

static double file_mib(const char *path)
{
	struct stat st;
	return stat(path, &st) == 0 ? (double)st.st_size / 1048576.0 : 0;
}

static void report(const char *what, struct read_result r)
{
	if (!r.ok) {
		printf("  %-34s FAILED\n", what);
		return;
	}
	printf("  %-34s %10" PRIu64 " events in %6.3f s = %6.2f M events/s, peak RSS %5.1f MiB\n",
	       what, r.events, r.seconds, (double)r.events / r.seconds / 1e6,
	       (double)r.max_rss_kb / 1024.0);
}

int main(int argc, char **argv)
{
	uint64_t events = argc > 1 ? strtoull(argv[1], NULL, 10) : 2000000;
	const char *tmp = getenv("TMPDIR") ? getenv("TMPDIR") : "/tmp";
	char plain[512], gz[512], cmd[1200];

	if (events < 1000) {
		fprintf(stderr, "usage: scap_read [EVENTS >= 1000]\n");
		return 2;
	}
	snprintf(plain, sizeof(plain), "%s/scap_read_bench.scap", tmp);
	snprintf(gz, sizeof(gz), "%s/scap_read_bench.scap.gz", tmp);

	double t0 = now();
	if (write_capture(plain, events, 0) < 0)
		return 1;
	double t1 = now();
	if (write_capture(gz, events, 1) < 0)
		return 1;
	double t2 = now();
	printf("scap_read benchmark: %" PRIu64 " events (open/read/close, enter and exit)\n",
	       events);
	printf("  written plain: %.1f MiB in %.2f s (%.2f M events/s); gzip: %.1f MiB in %.2f s\n",
	       file_mib(plain), t1 - t0, (double)events / (t1 - t0) / 1e6, file_mib(gz), t2 - t1);

	report("libscap, plain file", read_in_child(plain, events));
	report("libscap, plain, first quarter", read_in_child(plain, events / 4));
	report("libscap, gzip file", read_in_child(gz, events));

	snprintf(cmd, sizeof(cmd), "sysdig -r '%s' -p '%%evt.num' > /dev/null 2>&1", plain);
	if (system("command -v sysdig > /dev/null") == 0) {
		double s0 = now();
		int rc = system(cmd);
		double s1 = now();
		struct read_result ours = read_in_child(plain, events);
		if (rc == 0 && ours.ok) {
			printf("  %-34s %10" PRIu64 " events in %6.3f s = %6.2f M events/s\n",
			       "sysdig -r FILE -p %evt.num", events, s1 - s0,
			       (double)events / (s1 - s0) / 1e6);
			printf("  libscap reads %.1fx as many events per second as sysdig\n",
			       (s1 - s0) / ours.seconds);
		} else {
			printf("  sysdig failed on the file (exit %d)\n", rc);
		}
	} else {
		printf("  sysdig is not installed: no peer figure\n");
	}
	unlink(plain);
	unlink(gz);
	return 0;
}
