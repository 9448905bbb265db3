/* The bpf engine: loads the eBPF probe with libbpf, attaches it, and hands out the events it
 * writes to its ring buffer, in place. Metadata comes from /proc at start. */
#include <bpf/bpf.h>
#include <bpf/libbpf.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "../engine.h"
#include "../metadata_store.h"
#include "../proc/proc_scan.h"
#include "falco_bpf/probe_abi.h"
#include "ring_reader.h"

#define DEFAULT_RING_BYTES (8u << 20)
#define DEFAULT_SNAPLEN 80u
#define MAX_LINKS 16

struct scap_engine {
	struct bpf_object *obj;
	struct bpf_link *links[MAX_LINKS];
	int nlinks;
	int counters_fd;
	int ncpus;
	struct scap_ring_reader ring;
	struct scap_metadata_store store;
	uint64_t n_evts;
};

/* Wall-clock time at boot, in ns: what the probe adds to its boot-based timestamps. */
static uint64_t boot_epoch_ns(void)
{
	struct timespec real, boot;
	clock_gettime(CLOCK_REALTIME, &real);
	clock_gettime(CLOCK_BOOTTIME, &boot);
	return ((uint64_t)real.tv_sec * 1000000000ull + (uint64_t)real.tv_nsec) -
	       ((uint64_t)boot.tv_sec * 1000000000ull + (uint64_t)boot.tv_nsec);
}

static void bpf_close(struct scap_engine *e)
{
	if (!e)
		return;
	scap_ring_reader_close(&e->ring);
	for (int i = 0; i < e->nlinks; i++)
		bpf_link__destroy(e->links[i]);
	bpf_object__close(e->obj);
	scap_store_clear(&e->store);
	free(e);
}

static int bpf_open(struct scap_engine **out, const struct scap_open_args *args, char *err,
                    size_t errlen)
{
	const char *probe = SCAP_HAS_ARG(args, bpf_probe) && args->bpf_probe
	                        ? args->bpf_probe
	                        : SCAP_DEFAULT_BPF_PROBE;
	uint32_t ring_bytes = SCAP_HAS_ARG(args, ring_bytes) && args->ring_bytes
	                          ? args->ring_bytes
	                          : DEFAULT_RING_BYTES;
	uint32_t snaplen =
	    SCAP_HAS_ARG(args, snaplen) && args->snaplen ? args->snaplen : DEFAULT_SNAPLEN;
	if (ring_bytes & (ring_bytes - 1))
		return scap_engine_fail(err, errlen, SCAP_ERR_ARGS,
		                        "bpf: ring size %u is not a power of two", ring_bytes);

	struct scap_engine *e = calloc(1, sizeof(*e));
	if (!e)
		return scap_engine_fail(err, errlen, SCAP_ERR_NOMEM, "bpf: out of memory");
	e->ncpus = libbpf_num_possible_cpus();
	int rc = scap_proc_scan(&e->store, "/proc", err, errlen);
	if (rc < 0)
		goto fail;

	e->obj = bpf_object__open_file(probe, NULL);
	if (!e->obj) {
		rc = scap_engine_fail(err, errlen, SCAP_ERR_IO,
		                      "%s: cannot open the eBPF probe: %s", probe, strerror(errno));
		goto fail;
	}
	struct bpf_map *ring = bpf_object__find_map_by_name(e->obj, FALCO_BPF_RING_MAP);
	struct bpf_map *settings = bpf_object__find_map_by_name(e->obj, FALCO_BPF_SETTINGS_MAP);
	struct bpf_map *counters = bpf_object__find_map_by_name(e->obj, FALCO_BPF_COUNTERS_MAP);
	if (!ring || !settings || !counters) {
		rc = scap_engine_fail(err, errlen, SCAP_ERR_FORMAT,
		                      "%s: not a falco probe (maps missing)", probe);
		goto fail;
	}
	bpf_map__set_max_entries(ring, ring_bytes);
	if (bpf_object__load(e->obj) != 0) {
		rc = scap_engine_fail(
		    err, errlen, SCAP_ERR_UNSUPPORTED,
		    "%s: the kernel refused the eBPF probe: %s (run as root, on a kernel with BTF)",
		    probe, strerror(errno));
		goto fail;
	}
	struct falco_bpf_settings s = {
	    .boot_epoch_ns = boot_epoch_ns(),
	    .capture = 1,
	    .ignore_tgid = (unsigned)getpid(),
	    .snaplen = snaplen,
	    .only_tgid = SCAP_HAS_ARG(args, only_tgid) ? args->only_tgid : 0,
	};
	uint32_t zero = 0;
	if (bpf_map_update_elem(bpf_map__fd(settings), &zero, &s, BPF_ANY) != 0) {
		rc = scap_engine_fail(err, errlen, SCAP_ERR_IO,
		                      "bpf: cannot configure the probe: %s", strerror(errno));
		goto fail;
	}
	e->counters_fd = bpf_map__fd(counters);
	rc = scap_ring_reader_open(&e->ring, bpf_map__fd(ring), ring_bytes);
	if (rc < 0) {
		rc = scap_engine_fail(err, errlen, SCAP_ERR_IO,
		                      "bpf: cannot map the ring buffer: %s", strerror(-rc));
		goto fail;
	}
	struct bpf_program *prog;
	bpf_object__for_each_program(prog, e->obj)
	{
		if (e->nlinks == MAX_LINKS)
			break;
		struct bpf_link *link = bpf_program__attach(prog);
		if (!link) {
			rc = scap_engine_fail(err, errlen, SCAP_ERR_UNSUPPORTED,
			                      "%s: cannot attach %s: %s", probe,
			                      bpf_program__name(prog), strerror(errno));
			goto fail;
		}
		e->links[e->nlinks++] = link;
	}
	*out = e;
	return 0;
fail:
	bpf_close(e);
	return rc;
}

static int bpf_next(struct scap_engine *e, struct scap_evt **evt, uint16_t *cpu, uint32_t *flags,
                    char *err, size_t errlen)
{
	const uint8_t *data;
	uint32_t len;

	(void)err;
	(void)errlen;
	if (scap_ring_reader_next(&e->ring, &data, &len) != 0) {
		scap_ring_reader_wait(&e->ring, 10);
		if (scap_ring_reader_next(&e->ring, &data, &len) != 0)
			return SCAP_TIMEOUT;
	}
	const struct falco_bpf_record_prefix *prefix = (const void *)data;
	*cpu = (uint16_t)prefix->cpu;
	*flags = 0;
	*evt = (struct scap_evt *)(data + sizeof(*prefix));
	e->n_evts++;
	return SCAP_OK;
}

static const struct scap_metadata *bpf_metadata(const struct scap_engine *e)
{
	return &e->store.meta;
}

static void bpf_stats(const struct scap_engine *e, struct scap_stats *out)
{
	struct falco_bpf_counters per_cpu[e->ncpus > 0 ? e->ncpus : 1];
	uint32_t zero = 0;

	out->n_evts = e->n_evts;
	out->n_sections = 1;
	if (bpf_map_lookup_elem(e->counters_fd, &zero, per_cpu) == 0) {
		for (int i = 0; i < e->ncpus; i++)
			out->n_drops += per_cpu[i].drops;
	}
}

const struct scap_engine_ops scap_bpf_engine = {
    .name = "bpf",
    .open = bpf_open,
    .next = bpf_next,
    .metadata = bpf_metadata,
    .stats = bpf_stats,
    .close = bpf_close,
};
