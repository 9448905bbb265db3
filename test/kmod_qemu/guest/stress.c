/* Many threads, a million system calls, one reader: the module must keep up or count its drops. */
#include <pthread.h>
#include <signal.h>
#include <stdio.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "drain.h"
#include "steps.h"

struct worker {
	pthread_t thread;
	long calls;
};

static void *work(void *arg)
{
	struct worker *w = arg;
	for (long i = 0; i < w->calls; i++)
		syscall(SYS_getppid);
	return NULL;
}

int step_stress(int threads, long calls)
{
	if (threads < 1 || threads > 64 || calls < threads)
		return 1;
	/* The workers run in a child (the reader does not capture its own process), and start once
	 * the reader is capturing: every call they make is then either read or counted as dropped.
	 */
	int go[2];
	if (pipe(go) < 0)
		return 1;
	pid_t child = fork();
	if (child == 0) {
		char c;
		close(go[1]);
		if (read(go[0], &c, 1) != 1)
			_exit(2);
		struct worker workers[64];
		for (int i = 0; i < threads; i++) {
			workers[i].calls = calls / threads;
			pthread_create(&workers[i].thread, NULL, work, &workers[i]);
		}
		for (int i = 0; i < threads; i++)
			pthread_join(workers[i].thread, NULL);
		_exit(0);
	}
	struct drain d;
	close(go[0]);
	if (drain_start(&d, "stress") < 0) {
		kill(child, SIGKILL);
		return 1;
	}
	if (write(go[1], "g", 1) != 1)
		return 1;
	close(go[1]);
	struct timespec t0, t1;
	clock_gettime(CLOCK_MONOTONIC, &t0);
	int status = 0;
	waitpid(child, &status, 0);
	clock_gettime(CLOCK_MONOTONIC, &t1);
	drain_stop(&d);
	double seconds = (double)(t1.tv_sec - t0.tv_sec) + (double)(t1.tv_nsec - t0.tv_nsec) / 1e9;
	long made = calls / threads * threads;
	printf("stress: threads=%d syscalls=%ld seconds=%.2f events=%llu drops=%llu\n", threads,
	       made, seconds, (unsigned long long)d.events, (unsigned long long)d.drops);
	/* Every call is an enter and an exit: what was not read must have been counted as dropped.
	 */
	int accounted = d.events + d.drops >= (unsigned long long)made * 2;
	printf("stress: %s\n",
	       accounted && status == 0 ? "ok" : "FAILED: events + drops < 2 x syscalls");
	return accounted && status == 0 ? 0 : 1;
}
