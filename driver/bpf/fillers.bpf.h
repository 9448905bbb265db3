/* Fills an event's parameters by interpreting driver_api's fill table: each parameter names where
 * its value comes from (the return value, an argument, user memory, the task, a file), and this
 * file knows how to fetch and encode each kind. One interpreter for every system call. */
#ifndef FALCO_BPF_FILLERS_H
#define FALCO_BPF_FILLERS_H

#include "kernel_types.h"

#include <bpf/bpf_core_read.h>
#include <bpf/bpf_helpers.h>

#include "driver_api/event_codes.h"
#include "driver_api/fill_table.h"
#include "driver_api/param_width.h"
#include "event_builder.bpf.h"
#include "task_facts.bpf.h"

/* What the fillers know of the call being recorded. */
struct syscall_call {
	__u64 args[6];
	long nr;
	long ret;
	__u32 snaplen;
	__u16 ppm_sc;
};

#define MAX_PATH 4096
#define MAX_IOVECS 8

/* PPM socket families (the capture format's encoding). */
#define PPM_AF_UNIX 1
#define PPM_AF_INET 2
#define PPM_AF_INET6 10

/* A value source: an argument (0-5) or the return value. */
static __always_inline __u64 source_value(const struct syscall_call *c, __u8 which)
{
	if (which == SCAP_FILL_FROM_RET)
		return (__u64)c->ret;
	return which < 6 ? c->args[which & 7] : 0;
}

/* A fixed-size value; variable-size types that arrive here get no value. */
static __always_inline void put_number(struct scratch *s, struct builder *b, __u64 value, __u8 type)
{
	__u32 width = scap_param_number_width(type);
	if (width)
		builder_put_int(s, b, value, width);
	else
		builder_put_empty(s, b);
}

/* PT_SOCKADDR from a user sockaddr: family, then address and port (host order) or path. */
static __always_inline void put_sockaddr(struct scratch *s, struct builder *b, const void *uaddr,
                                         __u64 ulen)
{
	__u8 raw[28] = {0};
	__u16 family = 0;
	__u8 *out = &s->data[b->values_at & SCRATCH_MASK];

	if (!uaddr || ulen < 2 || bpf_probe_read_user(&family, 2, uaddr) != 0) {
		builder_put_empty(s, b);
		return;
	}
	if (family == 2 /* AF_INET */ && ulen >= 8 && bpf_probe_read_user(raw, 8, uaddr) == 0) {
		__u16 port = (__u16)((raw[2] << 8) | raw[3]);
		out[0] = PPM_AF_INET;
		__builtin_memcpy(out + 1, raw + 4, 4);
		__builtin_memcpy(out + 5, &port, 2);
		builder_commit(s, b, 7);
	} else if (family == 10 /* AF_INET6 */ && ulen >= 24 &&
	           bpf_probe_read_user(raw, 24, uaddr) == 0) {
		__u16 port = (__u16)((raw[2] << 8) | raw[3]);
		out[0] = PPM_AF_INET6;
		__builtin_memcpy(out + 1, raw + 8, 16);
		__builtin_memcpy(out + 17, &port, 2);
		builder_commit(s, b, 19);
	} else if (family == 1 /* AF_UNIX */) {
		out[0] = PPM_AF_UNIX;
		long n = bpf_probe_read_user_str(out + 1, 108, (const char *)uaddr + 2);
		builder_commit(s, b, n > 0 ? 1 + (__u32)n : 1);
	} else {
		builder_put_empty(s, b);
	}
}

/* PT_SOCKTUPLE of a socket fd: family, local address and port, remote address and port. */
static __always_inline void put_socktuple(struct scratch *s, struct builder *b, long fd)
{
	struct file *file = task_file(fd);
	struct socket *sock = file ? (struct socket *)BPF_CORE_READ(file, private_data) : 0;
	struct sock *sk = sock ? BPF_CORE_READ(sock, sk) : 0;

	if (!sk) {
		builder_put_empty(s, b);
		return;
	}
	__u16 family = BPF_CORE_READ(sk, __sk_common.skc_family);
	__u16 lport = BPF_CORE_READ(sk, __sk_common.skc_num);
	__u16 rport = __builtin_bswap16(BPF_CORE_READ(sk, __sk_common.skc_dport));
	__u8 *out = &s->data[b->values_at & SCRATCH_MASK];
	if (family == 2) {
		__u32 laddr = BPF_CORE_READ(sk, __sk_common.skc_rcv_saddr);
		__u32 raddr = BPF_CORE_READ(sk, __sk_common.skc_daddr);
		out[0] = PPM_AF_INET;
		__builtin_memcpy(out + 1, &laddr, 4);
		__builtin_memcpy(out + 5, &lport, 2);
		__builtin_memcpy(out + 7, &raddr, 4);
		__builtin_memcpy(out + 11, &rport, 2);
		builder_commit(s, b, 13);
	} else if (family == 10) {
		out[0] = PPM_AF_INET6;
		/* 16 bytes each: BPF_CORE_READ_INTO would copy sizeof(*out), one byte. */
		bpf_core_read(out + 1, 16, &sk->__sk_common.skc_v6_rcv_saddr);
		__builtin_memcpy(out + 17, &lport, 2);
		bpf_core_read(out + 19, 16, &sk->__sk_common.skc_v6_daddr);
		__builtin_memcpy(out + 35, &rport, 2);
		builder_commit(s, b, 37);
	} else {
		builder_put_empty(s, b);
	}
}

/* I/O data gathered from a user iovec array, up to `limit` bytes; or its total size. */
static __always_inline void put_iovec(struct scratch *s, struct builder *b, const void *uiov,
                                      __u64 count, __u64 limit, int want_size)
{
	__u64 total = 0;
	__u32 copied = 0;
	__u32 at = b->values_at & SCRATCH_MASK;

	for (int i = 0; i < MAX_IOVECS; i++) {
		struct {
			const void *base;
			__u64 len;
		} iov;
		if (i >= count ||
		    bpf_probe_read_user(&iov, sizeof(iov), (const char *)uiov + 16 * i) != 0)
			break;
		total += iov.len;
		if (!want_size && copied < limit && iov.len) {
			__u32 room = (__u32)(limit - copied);
			__u32 n = iov.len < room ? (__u32)iov.len : room;
			n &= 4095;
			if (n && bpf_probe_read_user(&s->data[(at + copied) & SCRATCH_MASK], n,
			                             iov.base) == 0)
				copied += n;
		}
	}
	if (want_size)
		builder_put_int(s, b, total, 4);
	else
		builder_commit(s, b, copied & SCRATCH_MASK);
}

/* Fills one parameter from fill `index` of the pool. A global function, so the verifier checks
 * it once rather than once per parameter of every event. */
__noinline int fill_param(struct builder *b, const struct syscall_call *c, __u32 index)
{
	struct scratch *s = scratch_get();

	if (!b || !c || !s)
		return 0;
	SCAP_OPAQUE(index);
	if (index >= SCAP_FILL_POOL_SIZE) {
		builder_put_empty(s, b);
		return 0;
	}
	const struct scap_fill *f = &scap_fill_pool[index];
	__u8 kind = f->kind, arg = f->arg, arg2 = f->arg2, detail = f->detail, type = f->type,
	     aux = f->aux;
	__u64 value = source_value(c, arg);

	switch (kind) {
	case SCAP_FILL_RET:
		put_number(s, b, value, type);
		break;
	case SCAP_FILL_ARG:
		/* fd and pid arguments are C ints: the register's upper half is not theirs. */
		if (type == SCAP_PT_FD || type == SCAP_PT_PID || type == SCAP_PT_INT32 ||
		    type == SCAP_PT_FD32 || type == SCAP_PT_PID32)
			value = (__u64)(long)(int)value;
		put_number(s, b, value, type);
		break;
	case SCAP_FILL_CONST:
		put_number(s, b, (__u64)f->value, type);
		break;
	case SCAP_FILL_SYSCALL:
		put_number(s, b, detail == SCAP_SYSCALL_PPM_SC ? c->ppm_sc : (__u64)c->nr, type);
		break;
	case SCAP_FILL_PATH:
	case SCAP_FILL_STR:
		builder_put_user_str(s, b, (const void *)value, MAX_PATH);
		break;
	case SCAP_FILL_DATA: {
		long len = (long)source_value(c, arg2);
		builder_put_user_bytes(s, b, (const void *)value, len > 0 ? (__u64)len : 0,
		                       c->snaplen);
		break;
	}
	case SCAP_FILL_SOCKADDR:
		put_sockaddr(s, b, (const void *)value, source_value(c, arg2));
		break;
	case SCAP_FILL_FLAGS: {
		__u64 raw = value;
		if (aux != SCAP_FILL_NONE)
			bpf_probe_read_user(&raw, 8, (const char *)value + aux);
		put_number(s, b, scap_convert(detail, raw), type);
		break;
	}
	case SCAP_FILL_SOCKTUPLE:
		put_socktuple(s, b, (long)value);
		break;
	case SCAP_FILL_FDPAIR: {
		int fds[2] = {-1, -1};
		if ((long)c->ret < 0 ||
		    bpf_probe_read_user(fds, sizeof(fds), (const void *)value) != 0) {
			builder_put_empty(s, b);
			break;
		}
		long chosen = fds[0];
		if (aux & 1)
			chosen = fds[1];
		put_number(s, b, (__u64)chosen, type);
		break;
	}
	case SCAP_FILL_FILE:
		put_file_fact(s, b, (long)value, detail);
		break;
	case SCAP_FILL_PROC:
		put_proc_fact(s, b, detail);
		break;
	case SCAP_FILL_IOVEC: {
		__u64 count = source_value(c, aux);
		long len = (long)source_value(c, arg2);
		__u64 limit = len > 0 && (__u64)len < c->snaplen ? (__u64)len : c->snaplen;
		put_iovec(s, b, (const void *)value, count, limit, detail == SCAP_PART_SIZE);
		break;
	}
	case SCAP_FILL_MSGHDR: {
		/* struct user_msghdr: name, namelen, iov, iovlen, control, controllen, flags. */
		struct {
			const void *name;
			__u64 namelen;
			const void *iov;
			__u64 iovlen;
			const void *control;
			__u64 controllen;
		} msg;
		if (bpf_probe_read_user(&msg, sizeof(msg), (const void *)value) != 0) {
			builder_put_empty(s, b);
			break;
		}
		if (detail == SCAP_PART_CONTROL) {
			builder_put_user_bytes(s, b, msg.control, msg.controllen, c->snaplen);
			break;
		}
		long len = arg2 == SCAP_FILL_NONE ? (long)c->snaplen : (long)source_value(c, arg2);
		__u64 limit = len > 0 && (__u64)len < c->snaplen ? (__u64)len : c->snaplen;
		put_iovec(s, b, msg.iov, msg.iovlen, len > 0 ? limit : 0, detail == SCAP_PART_SIZE);
		break;
	}
	case SCAP_FILL_DYN:
		/* The variant index, then the value: ptrace's addr and data use variant 0, a u64.
		 */
		if (detail != 0) {
			builder_put_empty(s, b);
			break;
		}
		s->data[b->values_at & SCRATCH_MASK] = 0;
		__builtin_memcpy(&s->data[(b->values_at + 1) & SCRATCH_MASK], &value, 8);
		builder_commit(s, b, 9);
		break;
	default:
		builder_put_empty(s, b);
		break;
	}
	return 0;
}

/* Starts the record of event `type` and fills every parameter the fill table describes.
 * Returns -1, writing nothing, for a code outside the table. */
static __always_inline int fill_event(struct scratch *s, struct builder *b,
                                      const struct syscall_call *c, __u16 type, __u64 ts, __u64 tid,
                                      __u32 cpu)
{
	__u32 t = type;
	SCAP_OPAQUE(t);
	if (t >= SCAP_EVENT_COUNT)
		return -1;
	__u32 first = scap_fill_index[t].first;
	__u32 nparams = scap_fill_index[t].nparams;
	builder_start(s, b, (__u16)t, nparams, 2, ts, tid, cpu);
	for (__u32 i = 0; i < SCAP_FILL_MAX_PARAMS; i++) {
		if (i >= nparams)
			break;
		fill_param(b, c, first + i);
	}
	return 0;
}

#endif
