/* The driver benchmark's loop (bench/syscall_loop) in a child process, timed with the module
 * capturing (a reader draining every ring) or, when no module is loaded, without it. */
#include <stdio.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "bench/syscall_loop.h"
#include "drain.h"
#include "steps.h"

int step_bench(long calls)
{
	struct stat st;
	int with_module = stat("/dev/falco0", &st) == 0;
	int pipefd[2];
	if (pipe(pipefd) < 0)
		return 1;
	struct drain d;
	if (with_module && drain_start(&d, "bench") < 0)
		return 1;
	pid_t child = fork();
	if (child == 0) {
		struct syscall_loop_result r = syscall_loop_run(calls);
		_exit(write(pipefd[1], &r, sizeof(r)) == sizeof(r) ? 0 : 1);
	}
	close(pipefd[1]);
	struct syscall_loop_result r = {0, 0};
	ssize_t got = read(pipefd[0], &r, sizeof(r));
	close(pipefd[0]);
	waitpid(child, NULL, 0);
	if (with_module)
		drain_stop(&d);
	if (got != sizeof(r))
		return 1;
	printf("bench: %s open_close_ns=%.0f getpid_ns=%.0f", with_module ? "kmod" : "none",
	       r.open_close_ns, r.getpid_ns);
	if (with_module)
		printf(" events=%llu drops=%llu", (unsigned long long)d.events,
		       (unsigned long long)d.drops);
	printf("\n");
	return 0;
}
