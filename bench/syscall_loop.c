#include "syscall_loop.h"

#include <fcntl.h>
#include <sys/syscall.h>
#include <time.h>
#include <unistd.h>

static double now_ns(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec * 1e9 + (double)ts.tv_nsec;
}

struct syscall_loop_result syscall_loop_run(long calls)
{
	struct syscall_loop_result r = {0, 0};
	if (calls <= 0)
		return r;
	double t0 = now_ns();
	for (long i = 0; i < calls; i++) {
		int fd = open("/dev/null", O_RDONLY);
		close(fd);
	}
	double t1 = now_ns();
	for (long i = 0; i < calls; i++)
		syscall(SYS_getpid);
	double t2 = now_ns();
	r.open_close_ns = (t1 - t0) / (2.0 * (double)calls);
	r.getpid_ns = (t2 - t1) / (double)calls;
	return r;
}
