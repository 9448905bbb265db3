/* The steps of the guest test, one per command of kmod-guest. Each prints lines that start with its
 * own name and returns 0 when everything it checks holds. */
#ifndef KMOD_GUEST_STEPS_H
#define KMOD_GUEST_STEPS_H

/* A child opens, writes and closes a file, connects a socket and execs; prints the events the
 * kmod engine delivered for it. */
int step_events(void);

/* Rejections: bad ioctls and mappings, a second open, unloading while open, a reader that stops
 * reading. */
int step_bad_input(void);

/* `threads` threads make `calls` system calls in all while a reader drains the rings; prints the
 * events read and the drops. */
int step_stress(int threads, long calls);

/* The driver benchmark's loop in a child, with a reader draining the rings when the module is
 * loaded; prints ns per system call. */
int step_bench(long calls);

#endif
