/* What the eBPF probe and libscap's bpf engine agree on: map names, the settings the engine writes,
 * the counters the probe keeps, and the layout of a ring record. Kernel- and eBPF-safe. */
#ifndef FALCO_BPF_PROBE_ABI_H
#define FALCO_BPF_PROBE_ABI_H

/* The ring buffer of event records. */
#define FALCO_BPF_RING_MAP "events"
/* One struct falco_bpf_settings, written by the engine after loading. */
#define FALCO_BPF_SETTINGS_MAP "settings"
/* Per-CPU struct falco_bpf_counters. */
#define FALCO_BPF_COUNTERS_MAP "counters"

struct falco_bpf_settings {
	unsigned long long
	    boot_epoch_ns;        /* wall-clock time of boot: event time = boot time + this */
	unsigned int capture;     /* 0: the probe is attached but emits nothing */
	unsigned int ignore_tgid; /* the reading process, whose own system calls are not captured */
	unsigned int snaplen;     /* I/O data bytes kept per event */
	unsigned int only_tgid;   /* if not 0, capture this process (and no other) only */
};

struct falco_bpf_counters {
	unsigned long long events; /* records written to the ring */
	unsigned long long drops;  /* records lost because the ring was full */
};

/* A ring record: this prefix, then the event record (driver_api layout, 26-byte header first). */
struct falco_bpf_record_prefix {
	unsigned int cpu;
	unsigned int reserved;
};

#endif
