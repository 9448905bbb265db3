/* measure: runs one program and prints what it cost, for falco_engine_bench.sh.
 *
 *   measure OUT ERR PROGRAM [ARG...]
 *
 * Runs PROGRAM with its standard output in the file OUT and its standard error in ERR (both
 * truncated; /dev/null is fine), waits for it with wait4() and prints one line:
 *
 *   status=S wall=SECONDS user=SECONDS sys=SECONDS maxrss_kib=KIB
 *
 * S is the exit status, or 128 + the signal that ended it. The wall time runs from just before
 * fork() to the end of wait4(); the CPU times and the peak resident set are the child's own
 * (struct rusage of wait4, so none of this program's). Exits 0 once the line is printed, whatever
 * S is, and 2 when PROGRAM could not be run at all. */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

static double now(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static double seconds(struct timeval tv)
{
	return (double)tv.tv_sec + (double)tv.tv_usec / 1e6;
}

int main(int argc, char **argv)
{
	if (argc < 4) {
		fputs("usage: measure OUT ERR PROGRAM [ARG...]\n", stderr);
		return 2;
	}
	int out = open(argv[1], O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
	int err = open(argv[2], O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
	if (out < 0 || err < 0) {
		fprintf(stderr, "measure: cannot open %s: %s\n", out < 0 ? argv[1] : argv[2],
		        strerror(errno));
		return 2;
	}
	/* The child reports a failed exec through this pipe (closed on a successful exec). */
	int report[2];
	if (pipe2(report, O_CLOEXEC) < 0) {
		perror("measure: pipe");
		return 2;
	}
	fflush(NULL);
	double t0 = now();
	pid_t pid = fork();
	if (pid < 0) {
		perror("measure: fork");
		return 2;
	}
	if (pid == 0) {
		if (dup2(out, 1) < 0 || dup2(err, 2) < 0)
			_exit(127);
		execvp(argv[3], argv + 3);
		int e = errno;
		if (write(report[1], &e, sizeof(e)) < 0)
			_exit(127);
		_exit(127);
	}
	close(report[1]);
	int status;
	struct rusage ru;
	while (wait4(pid, &status, 0, &ru) < 0) {
		if (errno != EINTR) {
			perror("measure: wait4");
			return 2;
		}
	}
	double wall = now() - t0;
	int exec_errno = 0;
	if (read(report[0], &exec_errno, sizeof(exec_errno)) == (ssize_t)sizeof(exec_errno)) {
		fprintf(stderr, "measure: cannot run %s: %s\n", argv[3], strerror(exec_errno));
		return 2;
	}
	int code = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
	printf("status=%d wall=%.6f user=%.6f sys=%.6f maxrss_kib=%ld\n", code, wall,
	       seconds(ru.ru_utime), seconds(ru.ru_stime), ru.ru_maxrss);
	return 0;
}
