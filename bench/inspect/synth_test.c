/* The synthetic capture of bench/inspect, read back with libscap: every event valid and of a
 * code sysdig 0.29.3 knows, with the schema's parameter count, in time order on two CPUs; the
 * count asked for; the process list and fd lists present; cat processes opening files under
 * /etc (what the benchmark's filter looks for); the same seed giving the same bytes. */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "bench/inspect/synth.h"
#include "driver_api/event_codes.h"
#include "driver_api/event_table.h"
#include "scap/scap.h"

enum { EVENTS = 20000, MAX_TID = 1 << 16 };

static int failures;

__attribute__((format(printf, 2, 3))) static void check(int ok, const char *fmt, ...)
{
	va_list ap;

	if (ok)
		return;
	va_start(ap, fmt);
	fputs("FAIL: ", stdout);
	vprintf(fmt, ap);
	putchar('\n');
	va_end(ap);
	failures++;
}

/* The index of parameter `name` of event `type` in the schema; -1 if there is none. */
static int param_index(uint16_t type, const char *name)
{
	const struct scap_event_info *info = &scap_event_table[type];

	for (int i = 0; i < info->nparams; i++)
		if (strcmp(info->params[i].name, name) == 0)
			return i;
	return -1;
}

/* Parameter `name` of `evt` as a string (the record keeps the NUL). */
static const char *param_str(const struct scap_evt *evt, const char *name)
{
	struct scap_param p;
	int i = param_index(evt->type, name);

	if (i < 0 || scap_event_param(evt, (uint32_t)i, &p) != 0 || !p.len ||
	    p.data[p.len - 1] != '\0')
		return "";
	return (const char *)p.data;
}

static char *slurp(const char *path, size_t *size)
{
	FILE *f = fopen(path, "rb");
	char *buf = NULL;

	if (!f)
		return NULL;
	fseek(f, 0, SEEK_END);
	*size = (size_t)ftell(f);
	fseek(f, 0, SEEK_SET);
	buf = malloc(*size ? *size : 1);
	if (buf && fread(buf, 1, *size, f) != *size) {
		free(buf);
		buf = NULL;
	}
	fclose(f);
	return buf;
}

static void check_metadata(const struct scap_metadata *m, const struct synth_result *res)
{
	check(m->nthreads == res->threads && m->nthreads >= 5, "%u threads in the process list",
	      m->nthreads);
	check(m->machine.num_cpus == 2, "%u CPUs", m->machine.num_cpus);
	const struct scap_threadinfo *bash = scap_metadata_find_thread(m, 1200);
	check(bash && strcmp(bash->comm, "bash") == 0, "no shell (1200) in the process list");
	check(bash && bash->fdlist && bash->fdlist->count == 3, "the shell's fds 0-2 are missing");
	int sockets = 0, fds = 0;
	for (uint32_t i = 0; i < m->nfdlists; i++) {
		for (uint32_t j = 0; j < m->fdlists[i].count; j++) {
			uint8_t type = m->fdlists[i].fds[j].type;
			sockets += type == SCAP_FD_IPV4_SOCK || type == SCAP_FD_IPV4_SERVSOCK;
			fds++;
		}
	}
	check(fds == (int)res->fd_entries, "%d fds in the fd lists, %u written", fds,
	      res->fd_entries);
	check(sockets >= 1, "no IPv4 socket in the fd lists");
	int alice = 0;
	for (uint32_t i = 0; i < m->nusers; i++)
		alice += strcmp(m->users[i].name, "alice") == 0;
	check(alice == 1, "the user list has no alice");
}

static void check_events(const char *path, const struct synth_result *res)
{
	char err[SCAP_ERRMSG_SIZE];
	struct scap_open_args args = {.size = sizeof(args), .engine = "savefile", .path = path};
	struct scap *h = scap_open(&args, err);

	check(h != NULL, "scap_open: %s", err);
	if (!h)
		return;
	check_metadata(scap_get_metadata(h), res);

	/* The comm of each thread, as its last execve said. */
	static char comm[MAX_TID][16];
	memset(comm, 0, sizeof(comm));
	const struct scap_metadata *m = scap_get_metadata(h);
	for (uint32_t i = 0; i < m->nthreads; i++)
		snprintf(comm[m->threads[i].tid % MAX_TID], 16, "%s", m->threads[i].comm);

	uint64_t n = 0, last_ts = 0, cat_etc_opens = 0, per_type[SCAP_EVENT_COUNT] = {0};
	struct scap_evt *evt;
	uint16_t cpu;
	uint32_t flags;
	int rc;
	while ((rc = scap_next(h, &evt, &cpu, &flags)) == SCAP_OK) {
		n++;
		check(evt->type < 336, "event %lu: code %u, unknown to sysdig 0.29.3",
		      (unsigned long)n, evt->type);
		check(scap_event_validate(evt, evt->len) == 0, "event %lu is not valid",
		      (unsigned long)n);
		check(evt->nparams == scap_event_table[evt->type].nparams,
		      "event %lu (%s): %u parameters, the schema has %u", (unsigned long)n,
		      scap_event_table[evt->type].name, evt->nparams,
		      scap_event_table[evt->type].nparams);
		check(evt->ts >= last_ts, "event %lu goes back in time", (unsigned long)n);
		check(cpu < 2 && flags == 0, "event %lu: cpu %u, flags %u", (unsigned long)n, cpu,
		      flags);
		last_ts = evt->ts;
		per_type[evt->type]++;
		if (failures > 20)
			break;
		if (evt->type == SCAP_EV_SYSCALL_EXECVE_19_X)
			snprintf(comm[evt->tid % MAX_TID], 16, "%s", param_str(evt, "comm"));
		if (evt->type == SCAP_EV_SYSCALL_OPENAT_2_X &&
		    strcmp(comm[evt->tid % MAX_TID], "cat") == 0 &&
		    strncmp(param_str(evt, "name"), "/etc/", 5) == 0)
			cat_etc_opens++;
	}
	check(rc == SCAP_EOF, "scap_next: %s", scap_last_error(h));
	check(n == EVENTS, "%lu events read, %d written", (unsigned long)n, EVENTS);
	struct scap_stats st;
	scap_get_stats(h, &st);
	check(st.n_skipped == 0, "%lu events skipped", (unsigned long)st.n_skipped);
	scap_close(h);

	static const uint16_t expected[] = {
	    SCAP_EV_SYSCALL_CLONE_20_X, SCAP_EV_SYSCALL_EXECVE_19_E, SCAP_EV_SYSCALL_EXECVE_19_X,
	    SCAP_EV_SYSCALL_OPENAT_2_X, SCAP_EV_SYSCALL_READ_X,      SCAP_EV_SYSCALL_WRITE_X,
	    SCAP_EV_SYSCALL_CLOSE_X,    SCAP_EV_SYSCALL_MMAP_X,      SCAP_EV_SOCKET_SOCKET_X,
	    SCAP_EV_SOCKET_CONNECT_X,   SCAP_EV_SOCKET_SENDTO_X,     SCAP_EV_SOCKET_RECVFROM_X,
	    SCAP_EV_PROCEXIT_1_E,       SCAP_EV_GENERIC_E,
	};
	for (size_t i = 0; i < sizeof(expected) / sizeof(expected[0]); i++)
		check(per_type[expected[i]] > 0, "no %s event (%u)",
		      scap_event_table[expected[i]].name, expected[i]);
	check(per_type[SCAP_EV_PROCEXIT_1_E] > 20, "only %lu processes ended",
	      (unsigned long)per_type[SCAP_EV_PROCEXIT_1_E]);
	check(cat_etc_opens > 0 && cat_etc_opens < n / 20,
	      "%lu opens of /etc files by cat in %lu events", (unsigned long)cat_etc_opens,
	      (unsigned long)n);
	printf("%lu events, %lu processes ended, %lu opens of /etc files by cat\n",
	       (unsigned long)n, (unsigned long)per_type[SCAP_EV_PROCEXIT_1_E],
	       (unsigned long)cat_etc_opens);
}

int main(void)
{
	const char *tmp = getenv("TEST_TMPDIR") ? getenv("TEST_TMPDIR") : "/tmp";
	char a[4096], b[4096], gz[4096], err[SCAP_ERRMSG_SIZE];
	struct synth_options opt = {.events = EVENTS, .seed = 7};
	struct synth_result res, res2;

	snprintf(a, sizeof(a), "%s/synth_a.scap", tmp);
	snprintf(b, sizeof(b), "%s/synth_b.scap", tmp);
	snprintf(gz, sizeof(gz), "%s/synth_c.scap.gz", tmp);
	if (synth_write(a, &opt, &res, err) != 0) {
		printf("FAIL: synth_write: %s\n", err);
		return 1;
	}
	check(res.events == EVENTS, "synth_write says %lu events", (unsigned long)res.events);
	check(res.processes > 20 && res.cats > 0 && res.cats_etc > 0,
	      "%lu processes, %lu cat, %lu on /etc", (unsigned long)res.processes,
	      (unsigned long)res.cats, (unsigned long)res.cats_etc);
	check_events(a, &res);

	/* The same seed gives the same file; compressed, the same events. */
	check(synth_write(b, &opt, &res2, err) == 0, "synth_write: %s", err);
	size_t na = 0, nb = 0;
	char *da = slurp(a, &na), *db = slurp(b, &nb);
	check(da && db && na == nb && memcmp(da, db, na) == 0, "two files of one seed differ");
	free(da);
	free(db);
	opt.compress = true;
	check(synth_write(gz, &opt, &res2, err) == 0, "synth_write (gzip): %s", err);
	check_events(gz, &res2);

	if (failures) {
		printf("%d failures\n", failures);
		return 1;
	}
	printf("ok\n");
	return 0;
}
