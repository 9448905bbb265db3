/* scap-dump: prints the events of a capture file one per line, counts them, or rewrites the file.
 *
 *   scap-dump FILE             <num> <rawtime-ns> <tid> <event-name> <dir>, num counting from 1
 *   scap-dump -s FILE          per-type counts and the file's statistics
 *   scap-dump -r IN -w OUT     rewrites IN in this library's format (-z: gzip-compressed)
 */
#include <errno.h>
#include <getopt.h>
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "driver_api/event_table.h"
#include "scap/scap.h"
#include "scap/scap_dumper.h"

static const char usage[] = "usage: scap-dump [-s] [-w OUT [-z]] [-r] FILE\n";

/* Names that sysdig 0.29 shows for two system-call codes that later releases renamed. */
static const struct {
	uint16_t code;
	const char *name;
} legacy_syscall_names[] = {
    {0, "<unknown>"},
    {298, "sigreturn"},
};

/* The name to show: generic system-call events are shown by the system call they carry. */
static const char *display_name(const struct scap_evt *evt)
{
	struct scap_param id;

	if ((evt->type == SCAP_EV_GENERIC_E || evt->type == SCAP_EV_GENERIC_X) &&
	    scap_event_param(evt, 0, &id) == 0 && id.len == 2) {
		uint16_t code;
		memcpy(&code, id.data, 2);
		for (size_t i = 0;
		     i < sizeof(legacy_syscall_names) / sizeof(legacy_syscall_names[0]); i++) {
			if (legacy_syscall_names[i].code == code)
				return legacy_syscall_names[i].name;
		}
		const struct scap_value_table *sc = &scap_value_tables[SCAP_VT_PPM_SC_CODES];
		for (uint32_t i = 0; i < sc->count; i++) {
			if (sc->values[i].value == code)
				return sc->values[i].name;
		}
	}
	return scap_event_name(evt->type);
}

static int print_events(struct scap *h)
{
	struct scap_evt *evt;
	uint16_t cpu;
	uint32_t flags;
	uint64_t num = 0;
	int rc;

	while ((rc = scap_next(h, &evt, &cpu, &flags)) == SCAP_OK) {
		printf("%" PRIu64 " %" PRIu64 " %" PRId64 " %s %c\n", ++num, evt->ts,
		       (int64_t)evt->tid, display_name(evt), scap_event_is_enter(evt) ? '>' : '<');
	}
	return rc;
}

struct type_count {
	uint16_t type;
	uint64_t count;
};

static int compare_counts(const void *a, const void *b)
{
	const struct type_count *x = a, *y = b;
	if (x->count != y->count)
		return x->count < y->count ? 1 : -1;
	return (int)x->type - (int)y->type;
}

static int print_summary(struct scap *h, const char *path)
{
	static struct type_count counts[SCAP_EVENT_COUNT];
	struct scap_evt *evt;
	uint16_t cpu;
	uint32_t flags;
	int rc;

	for (uint32_t i = 0; i < SCAP_EVENT_COUNT; i++)
		counts[i] = (struct type_count){(uint16_t)i, 0};
	while ((rc = scap_next(h, &evt, &cpu, &flags)) == SCAP_OK)
		counts[evt->type].count++;
	if (rc < 0)
		return rc;
	qsort(counts, SCAP_EVENT_COUNT, sizeof(counts[0]), compare_counts);
	for (uint32_t i = 0; i < SCAP_EVENT_COUNT && counts[i].count; i++) {
		printf("%10" PRIu64 " %s %c\n", counts[i].count, scap_event_name(counts[i].type),
		       (counts[i].type & 1) ? '<' : '>');
	}
	struct scap_stats stats;
	const struct scap_metadata *meta = scap_get_metadata(h);
	scap_get_stats(h, &stats);
	printf("file: %s\n", path);
	printf("events: %" PRIu64 "\n", stats.n_evts);
	printf("skipped (unknown codes): %" PRIu64 "\n", stats.n_skipped);
	printf("drops: %" PRIu64 "\n", stats.n_drops);
	printf("bytes: %" PRIu64 "\n", stats.n_bytes);
	printf("sections: %" PRIu64 "\n", stats.n_sections);
	printf("machine: %s, %u cpus, %" PRIu64 " bytes of memory\n", meta->machine.hostname,
	       meta->machine.num_cpus, meta->machine.memory_size_bytes);
	printf("processes: %u, fd lists: %u, users: %u, groups: %u, interfaces: %u\n",
	       meta->nthreads, meta->nfdlists, meta->nusers, meta->ngroups, meta->nifaces);
	return SCAP_EOF;
}

static int rewrite(struct scap *h, const char *out, int compress)
{
	char err[SCAP_ERRMSG_SIZE];
	struct scap_dumper *d = scap_dumper_open(out, compress, err);
	struct scap_stats stats = {0};
	uint64_t section = 0, written = 0;
	struct scap_evt *evt;
	uint16_t cpu;
	uint32_t flags;
	int rc;

	if (!d) {
		fprintf(stderr, "scap-dump: %s\n", err);
		return -1;
	}
	while ((rc = scap_next(h, &evt, &cpu, &flags)) == SCAP_OK) {
		scap_get_stats(h, &stats);
		if (stats.n_sections != section) {
			section = stats.n_sections;
			scap_dump_section(d, scap_get_metadata(h));
		}
		if (scap_dump_event(d, evt, cpu, flags) < 0)
			break;
		written++;
	}
	if (rc < 0) {
		scap_dumper_abort(d);
		return rc;
	}
	if (scap_dumper_close(d, err) < 0) {
		fprintf(stderr, "scap-dump: %s\n", err);
		return -1;
	}
	fprintf(stderr, "scap-dump: wrote %" PRIu64 " events to %s\n", written, out);
	return SCAP_EOF;
}

int main(int argc, char **argv)
{
	const char *in = NULL, *out = NULL;
	int summary = 0, compress = 0, opt;
	char err[SCAP_ERRMSG_SIZE];

	while ((opt = getopt(argc, argv, "r:w:szh")) != -1) {
		switch (opt) {
		case 'r':
			in = optarg;
			break;
		case 'w':
			out = optarg;
			break;
		case 's':
			summary = 1;
			break;
		case 'z':
			compress = 1;
			break;
		case 'h':
			fputs(usage, stdout);
			return 0;
		default:
			fputs(usage, stderr);
			return 2;
		}
	}
	if (!in && optind < argc)
		in = argv[optind++];
	if (!in || optind != argc) {
		fputs(usage, stderr);
		return 2;
	}
	static char stdout_buffer[1 << 16];
	setvbuf(stdout, stdout_buffer, _IOFBF, sizeof(stdout_buffer));

	struct scap_open_args args = {.size = sizeof(args), .engine = "savefile", .path = in};
	struct scap *h = scap_open(&args, err);
	if (!h) {
		fprintf(stderr, "scap-dump: %s\n", err);
		return 1;
	}
	int rc = out ? rewrite(h, out, compress) : summary ? print_summary(h, in) : print_events(h);
	if (rc < 0 && rc != -1)
		fprintf(stderr, "scap-dump: %s\n", scap_last_error(h));
	scap_close(h);
	if (fflush(stdout) != 0) {
		fprintf(stderr, "scap-dump: cannot write the output: %s\n", strerror(errno));
		return 1;
	}
	return rc < 0 ? 1 : 0;
}
