/* A reader that drains the kmod engine in a thread until told to stop, counting what it read. */
#ifndef KMOD_GUEST_DRAIN_H
#define KMOD_GUEST_DRAIN_H

#include <pthread.h>
#include <stdatomic.h>
#include <stdint.h>

#include "scap/scap.h"

struct drain {
	struct scap *h;
	pthread_t thread;
	atomic_int stop;
	uint64_t events;
	uint64_t drops;
};

/* Opens the kmod engine (every process but this one) and starts draining; prints the error with
 * `step` as prefix and returns -1 when it cannot. */
int drain_start(struct drain *d, const char *step);

/* Reads what is left, stops the thread, fills events/drops and closes the engine. */
void drain_stop(struct drain *d);

#endif
