/* kmod-guest: the program the qemu test runs inside Debian's kernel, one step per command.
 *
 *   kmod-guest load MODULE.ko [PARAMS]   kmod-guest unload
 *   kmod-guest events                    kmod-guest bad-input
 *   kmod-guest stress THREADS CALLS      kmod-guest bench CALLS
 *
 * Output lines start with the step's name; the host test reads them from the serial console. */
#include <execinfo.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "module_ctl.h"
#include "steps.h"

static int report(const char *step, int rc)
{
	if (rc == 0)
		printf("%s: ok\n", step);
	else
		printf("%s: error: %s\n", step, strerror(-rc));
	return rc == 0 ? 0 : 1;
}

/* A crash prints its stack (addresses: `addr2line -e kmod-guest` on the host names them). */
static void on_crash(int sig)
{
	void *frames[32];
	int n = backtrace(frames, 32);
	dprintf(STDOUT_FILENO, "guest: kmod-guest crashed with signal %d; stack:\n", sig);
	backtrace_symbols_fd(frames, n, STDOUT_FILENO);
	_exit(128 + sig);
}

int main(int argc, char **argv)
{
	setvbuf(stdout, NULL, _IOLBF, 0);
	signal(SIGSEGV, on_crash);
	signal(SIGBUS, on_crash);
	signal(SIGABRT, on_crash);
	const char *cmd = argc > 1 ? argv[1] : "";
	if (strcmp(cmd, "load") == 0 && argc >= 3)
		return report("load", module_load(argv[2], argc > 3 ? argv[3] : ""));
	if (strcmp(cmd, "unload") == 0)
		return report("unload", module_unload(0));
	if (strcmp(cmd, "events") == 0)
		return step_events();
	if (strcmp(cmd, "bad-input") == 0)
		return step_bad_input();
	if (strcmp(cmd, "stress") == 0 && argc == 4)
		return step_stress(atoi(argv[2]), atol(argv[3]));
	if (strcmp(cmd, "bench") == 0 && argc == 3)
		return step_bench(atol(argv[2]));
	fprintf(stderr, "usage: kmod-guest load KO [PARAMS] | unload | events | bad-input | "
	                "stress THREADS CALLS | bench CALLS\n");
	return 2;
}
