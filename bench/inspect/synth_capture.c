/* synth_capture: writes the synthetic capture of bench/inspect (see synth.h).
 *
 *   synth_capture [-n EVENTS] [-s SEED] [-z] [-a] OUT.scap
 *
 * EVENTS defaults to 2,000,000; -z compresses with gzip; -a adds the suspicious commands that
 * Falco's default rules flag (synth_options.suspicious). */
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "bench/inspect/synth.h"
#include "scap/scap.h"

static const char usage[] = "usage: synth_capture [-n EVENTS] [-s SEED] [-z] [-a] OUT.scap\n";

int main(int argc, char **argv)
{
	struct synth_options opt = {.events = 2000000, .seed = 1};
	struct synth_result res;
	char err[SCAP_ERRMSG_SIZE], *end;
	int c;

	while ((c = getopt(argc, argv, "n:s:zah")) != -1) {
		switch (c) {
		case 'n':
			opt.events = strtoull(optarg, &end, 10);
			if (*end || !opt.events) {
				fprintf(stderr, "synth_capture: bad event count %s\n", optarg);
				return 2;
			}
			break;
		case 's':
			opt.seed = strtoull(optarg, NULL, 0);
			break;
		case 'z':
			opt.compress = true;
			break;
		case 'a':
			opt.suspicious = true;
			break;
		default:
			fputs(usage, stderr);
			return c == 'h' ? 0 : 2;
		}
	}
	if (optind != argc - 1) {
		fputs(usage, stderr);
		return 2;
	}

	struct timespec t0, t1;
	clock_gettime(CLOCK_MONOTONIC, &t0);
	if (synth_write(argv[optind], &opt, &res, err) != 0) {
		fprintf(stderr, "synth_capture: %s\n", err);
		return 1;
	}
	clock_gettime(CLOCK_MONOTONIC, &t1);
	double secs = (double)(t1.tv_sec - t0.tv_sec) + (double)(t1.tv_nsec - t0.tv_nsec) / 1e9;
	struct stat st;
	double mib = stat(argv[optind], &st) == 0 ? (double)st.st_size / 1048576.0 : 0;
	printf("%s: %" PRIu64 " events, %.1f MiB, in %.2f s; %u threads and %u fds at the start, "
	       "%" PRIu64 " processes started, %" PRIu64 " of them cat (%" PRIu64
	       " on /etc), %" PRIu64 " suspicious\n",
	       argv[optind], res.events, mib, secs, res.threads, res.fd_entries, res.processes,
	       res.cats, res.cats_etc, res.suspicious);
	return 0;
}
