/* Assembling one event record (driver_api's layout: a 26-byte header, the parameter lengths, then
 * the values) in a per-CPU scratch buffer, bounded at every step so the verifier can follow. */
#ifndef FALCO_BPF_EVENT_BUILDER_H
#define FALCO_BPF_EVENT_BUILDER_H

#include "kernel_types.h"
#include <bpf/bpf_helpers.h>

/* Room for one event; larger I/O data is cut to fit (after the snap length). */
#define SCRATCH_SIZE 16384
#define SCRATCH_MASK (SCRATCH_SIZE - 1)
#define MAX_PARAMS 32
/* Bytes before the event record in a ring record: the CPU number, padded. */
#define RECORD_PREFIX 8
#define EVT_HEADER 26

struct scratch {
	__u8 data[SCRATCH_SIZE * 2]; /* doubled so that a bounded offset plus a bounded copy fits */
};

/* One scratch buffer per CPU: an event is built on the CPU that records it. */
struct {
	__uint(type, BPF_MAP_TYPE_PERCPU_ARRAY);
	__uint(max_entries, 1);
	__type(key, __u32);
	__type(value, struct scratch);
} scratch_map SEC(".maps");

static __always_inline struct scratch *scratch_get(void)
{
	__u32 zero = 0;
	return bpf_map_lookup_elem(&scratch_map, &zero);
}

/* A record under construction in a scratch buffer: where the next parameter's length and value
 * go. It holds no pointer, so that it can be handed to global (separately verified) functions. */
struct builder {
	__u32 nparams;
	__u32 lengths_at; /* offset of the length array */
	__u32 values_at;  /* offset where the next value goes */
	__u32 index;      /* next parameter */
	__u32 width;      /* 2 or 4 bytes per length */
};

static __always_inline void builder_start(struct scratch *s, struct builder *b, __u16 type,
                                          __u32 nparams, __u32 width, __u64 ts, __u64 tid,
                                          __u32 cpu)
{
	b->nparams = nparams & (MAX_PARAMS - 1);
	b->width = width;
	b->lengths_at = RECORD_PREFIX + EVT_HEADER;
	b->values_at = b->lengths_at + b->nparams * width;
	b->index = 0;
	*(__u32 *)&s->data[0] = cpu;
	*(__u32 *)&s->data[4] = 0;
	__builtin_memcpy(&s->data[RECORD_PREFIX + 0], &ts, 8);
	__builtin_memcpy(&s->data[RECORD_PREFIX + 8], &tid, 8);
	__builtin_memcpy(&s->data[RECORD_PREFIX + 20], &type, 2);
	__builtin_memcpy(&s->data[RECORD_PREFIX + 22], &b->nparams, 4);
}

/* Records that the current parameter took `len` bytes (already written at values_at). */
static __always_inline void builder_commit(struct scratch *s, struct builder *b, __u32 len)
{
	__u32 at = (b->lengths_at + b->index * b->width) & SCRATCH_MASK;

	if (b->width == 4)
		__builtin_memcpy(&s->data[at], &len, 4);
	else {
		__u16 short_len = (__u16)len;
		__builtin_memcpy(&s->data[at], &short_len, 2);
	}
	b->values_at = (b->values_at + len) & SCRATCH_MASK;
	b->index++;
}

/* Appends a fixed-size value of `size` (1, 2, 4 or 8) bytes from `value`'s low end. */
static __always_inline void builder_put_int(struct scratch *s, struct builder *b, __u64 value,
                                            __u32 size)
{
	__u32 at = b->values_at & SCRATCH_MASK;

	switch (size) {
	case 1:
		s->data[at] = (__u8)value;
		break;
	case 2: {
		__u16 v = (__u16)value;
		__builtin_memcpy(&s->data[at], &v, 2);
		break;
	}
	case 4: {
		__u32 v = (__u32)value;
		__builtin_memcpy(&s->data[at], &v, 4);
		break;
	}
	default:
		__builtin_memcpy(&s->data[at], &value, 8);
		size = 8;
		break;
	}
	builder_commit(s, b, size);
}

/* Appends a parameter with no value ("not available"). */
static __always_inline void builder_put_empty(struct scratch *s, struct builder *b)
{
	builder_commit(s, b, 0);
}

/* Appends a NUL-terminated user string of at most `max` bytes; empty when unreadable. */
static __always_inline void builder_put_user_str(struct scratch *s, struct builder *b,
                                                 const void *ptr, __u32 max)
{
	__u32 at = b->values_at & SCRATCH_MASK;
	long n = bpf_probe_read_user_str(&s->data[at], max & SCRATCH_MASK, ptr);

	builder_commit(s, b, n > 0 ? (__u32)n : 0);
}

/* Appends `len` user bytes (cut to `max`); empty when unreadable. */
static __always_inline void builder_put_user_bytes(struct scratch *s, struct builder *b,
                                                   const void *ptr, __u64 len, __u32 max)
{
	__u32 at = b->values_at & SCRATCH_MASK;
	__u32 n = len > max ? max : (__u32)len;

	n &= SCRATCH_MASK;
	if (n == 0 || bpf_probe_read_user(&s->data[at], n, ptr) != 0) {
		builder_commit(s, b, 0);
		return;
	}
	builder_commit(s, b, n);
}

/* Total length of the event record (without the ring prefix), and writes it into the header. */
static __always_inline __u32 builder_finish(struct scratch *s, struct builder *b)
{
	__u32 len = (b->values_at - RECORD_PREFIX) & SCRATCH_MASK;

	__builtin_memcpy(&s->data[RECORD_PREFIX + 16], &len, 4);
	return len;
}

#endif
