/* The system-call loop the driver benchmarks time: open/close pairs on /dev/null, then getpid
 * calls. The eBPF/ptrace benchmark (driver_overhead) and the kernel-module benchmark run in the
 * qemu guest (test/kmod_qemu) use it, so their figures compare. */
#ifndef BENCH_SYSCALL_LOOP_H
#define BENCH_SYSCALL_LOOP_H

/* Nanoseconds per system call, for each half of the loop. */
struct syscall_loop_result {
	double open_close_ns; /* per system call (each pair is two) */
	double getpid_ns;
};

/* Runs `calls` open/close pairs, then `calls` getpid calls, and times each half. */
struct syscall_loop_result syscall_loop_run(long calls);

#endif
