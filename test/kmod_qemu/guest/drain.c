#include "drain.h"

#include <stdio.h>

static void *drain_loop(void *arg)
{
	struct drain *d = arg;
	int idle = 0;
	/* After `stop`, keep reading until the rings have stayed empty a few times. */
	while (!atomic_load(&d->stop) || idle < 3) {
		struct scap_evt *evt;
		uint16_t cpu;
		uint32_t flags;
		int rc = scap_next(d->h, &evt, &cpu, &flags);
		if (rc == SCAP_OK) {
			d->events++;
			idle = 0;
		} else if (rc == SCAP_TIMEOUT) {
			idle++;
		} else {
			fprintf(stderr, "drain: %s\n", scap_last_error(d->h));
			break;
		}
	}
	return NULL;
}

int drain_start(struct drain *d, const char *step)
{
	char err[SCAP_ERRMSG_SIZE];
	struct scap_open_args args = {.size = sizeof(args), .engine = "kmod"};
	d->h = scap_open(&args, err);
	d->events = d->drops = 0;
	atomic_store(&d->stop, 0);
	if (!d->h) {
		printf("%s: error: %s\n", step, err);
		return -1;
	}
	if (pthread_create(&d->thread, NULL, drain_loop, d) != 0) {
		printf("%s: error: cannot start the reader thread\n", step);
		scap_close(d->h);
		return -1;
	}
	return 0;
}

void drain_stop(struct drain *d)
{
	atomic_store(&d->stop, 1);
	pthread_join(d->thread, NULL);
	struct scap_stats stats;
	if (scap_get_stats(d->h, &stats) == 0)
		d->drops = stats.n_drops;
	scap_close(d->h);
}
