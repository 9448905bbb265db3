/* The fill engine: see include/driver_fill/fill_engine.h. */
#include "driver_fill/fill_engine.h"

#include "driver_api/event_codes.h"
#include "driver_api/fill_table.h"
#include "driver_api/param_width.h"
#include "driver_api/syscall_table.h"

/* Linux's CLONE_VM | CLONE_VFORK (linux/sched.h): what vfork(2) creates a task with. */
#define LINUX_VFORK_FLAGS 0x4100ull
/* iovec entries read per step of a walk (16 bytes each), into the sink's buffer. */
#define IOV_CHUNK 32u
#define IOV_BYTES 16u

struct fill_state {
	const struct fill_call *call;
	const struct fill_ops *ops;
	void *ctx;
	uint16_t type;
	bool exit;
	bool failed;
};

static void put_le(uint8_t *at, uint64_t value, unsigned size)
{
	for (unsigned i = 0; i < size; i++)
		at[i] = (uint8_t)(value >> (8 * i));
}

static uint64_t get_le(const uint8_t *at, unsigned size)
{
	uint64_t v = 0;
	for (unsigned i = 0; i < size; i++)
		v |= (uint64_t)at[i] << (8 * i);
	return v;
}

/* Starts a parameter; NULL (and the fill fails) when the sink has no room. */
static uint8_t *begin(struct fill_state *s, uint32_t max)
{
	uint8_t *at = s->ops->begin(s->ctx, max);
	if (!at)
		s->failed = true;
	return at;
}

static void end(struct fill_state *s, uint32_t used)
{
	s->ops->end(s->ctx, used);
}

static void put_empty(struct fill_state *s)
{
	if (begin(s, 0))
		end(s, 0);
}

/* A number at the width of parameter type `type`; empty for types that hold no number. */
static void put_number(struct fill_state *s, uint8_t type, uint64_t value)
{
	unsigned width = scap_param_number_width(type);
	uint8_t *at = begin(s, width);
	if (!at)
		return;
	put_le(at, value, width);
	end(s, width);
}

static uint32_t read_mem(struct fill_state *s, uint64_t addr, void *out, uint32_t len)
{
	return len ? s->ops->read_mem(s->ctx, addr, out, len) : 0;
}

/* Types that hold a C int: an argument gives its low 32 bits, sign-extended. */
static bool is_int_typed(uint8_t type)
{
	return type == SCAP_PT_FD || type == SCAP_PT_FD32 || type == SCAP_PT_PID ||
	       type == SCAP_PT_PID32 || type == SCAP_PT_INT32;
}

/* Argument `arg`, or the 64-bit word at user address argument + aux. */
static bool arg_value(struct fill_state *s, const struct scap_fill *f, uint64_t *out)
{
	uint8_t word[8];

	if (f->arg >= 6)
		return false;
	uint64_t v = s->call->args[f->arg];
	if (f->aux != SCAP_FILL_NONE) {
		if (read_mem(s, v + f->aux, word, sizeof(word)) != sizeof(word))
			return false;
		v = get_le(word, 8);
	}
	*out = v;
	return true;
}

/* The length a fill's `arg2` names; false when it is a negative (or absent) return value. */
static bool length_of(struct fill_state *s, uint8_t source, uint64_t *out)
{
	if (source == SCAP_FILL_FROM_RET) {
		if (!s->exit || s->call->ret < 0)
			return false;
		*out = (uint64_t)s->call->ret;
		return true;
	}
	if (source >= 6)
		return false;
	*out = s->call->args[source];
	return true;
}

/* Int `index` (0 or 1) of the user int[2] at `addr`. */
static bool pair_element(struct fill_state *s, uint64_t addr, unsigned index, int32_t *out)
{
	uint8_t pair[8];

	if (index > 1 || read_mem(s, addr, pair, sizeof(pair)) != sizeof(pair))
		return false;
	*out = (int32_t)(uint32_t)get_le(pair + 4 * index, 4);
	return true;
}

/* The fd a socktuple or file fill names: an argument, the return value, or an int of a pair. */
static bool fd_of(struct fill_state *s, const struct scap_fill *f, int *fd)
{
	int32_t v;

	if (f->arg == SCAP_FILL_FROM_RET) {
		if (!s->exit || s->call->ret < 0)
			return false;
		*fd = (int)s->call->ret;
		return true;
	}
	if (f->arg >= 6)
		return false;
	if (f->aux == SCAP_FILL_NONE) {
		*fd = (int)(int32_t)s->call->args[f->arg];
		return *fd >= 0;
	}
	if (!pair_element(s, s->call->args[f->arg], f->aux, &v))
		return false;
	*fd = v;
	return *fd >= 0;
}

static void fill_string(struct fill_state *s, const struct scap_fill *f)
{
	if (f->arg >= 6) {
		put_empty(s);
		return;
	}
	uint8_t *at = begin(s, FILL_STR_MAX);
	if (!at)
		return;
	end(s, s->ops->read_str(s->ctx, s->call->args[f->arg], (char *)at, FILL_STR_MAX));
}

/* `len` bytes of user memory at `addr` (the caller has cut `len` to what it keeps). */
static void put_user_bytes(struct fill_state *s, uint64_t addr, uint64_t len)
{
	uint8_t *at = begin(s, (uint32_t)len);
	if (!at)
		return;
	end(s, read_mem(s, addr, at, (uint32_t)len));
}

static void fill_data(struct fill_state *s, const struct scap_fill *f)
{
	uint64_t len;

	if (f->arg >= 6 || !length_of(s, f->arg2, &len)) {
		put_empty(s);
		return;
	}
	if (len > s->call->snaplen)
		len = s->call->snaplen;
	put_user_bytes(s, s->call->args[f->arg], len);
}

/* The raw sockaddr is read behind the room of its encoding, in the same buffer. */
static void fill_sockaddr(struct fill_state *s, const struct scap_fill *f)
{
	uint64_t len;
	uint8_t *at = begin(s, FILL_SOCK_ENCODED_MAX + FILL_SOCKADDR_RAW_MAX);
	uint32_t n = 0;

	if (!at)
		return;
	if (f->arg < 6 && length_of(s, f->arg2, &len)) {
		uint8_t *raw = at + FILL_SOCK_ENCODED_MAX;
		if (len > FILL_SOCKADDR_RAW_MAX)
			len = FILL_SOCKADDR_RAW_MAX;
		uint32_t got = read_mem(s, s->call->args[f->arg], raw, (uint32_t)len);
		n = got ? fill_encode_sockaddr(raw, got, at) : 0;
	}
	end(s, n);
}

static void fill_socktuple(struct fill_state *s, const struct scap_fill *f)
{
	int fd;

	if (!fd_of(s, f, &fd)) {
		put_empty(s);
		return;
	}
	/* Accepted sockets and received data are seen from the remote end. */
	bool inbound = f->arg == SCAP_FILL_FROM_RET ||
	               (scap_fill_table[s->type].flags & SCAP_EF_READS_FROM_FD) != 0;
	uint8_t *at = begin(s, FILL_SOCK_ENCODED_MAX);
	if (!at)
		return;
	uint32_t n = s->ops->socktuple(s->ctx, fd, inbound, at);
	end(s, n <= FILL_SOCK_ENCODED_MAX ? n : 0);
}

static void fill_fdpair(struct fill_state *s, const struct scap_fill *f)
{
	int32_t fd;

	if (f->arg >= 6 || !pair_element(s, s->call->args[f->arg], f->detail, &fd)) {
		put_empty(s);
		return;
	}
	put_number(s, f->type, (uint64_t)(int64_t)fd);
}

/* proc(clone_flags): the flags the task was created with, as PPM bits. */
static uint64_t clone_flags(struct fill_state *s)
{
	const struct fill_call *call = s->call;
	uint64_t linux_flags = 0;
	uint16_t exit_event = call->nr >= 0 && call->nr < SCAP_SYSCALL_NR_MAX
	                          ? scap_syscall_table[call->nr].exit_event
	                          : SCAP_EV_GENERIC_X;
	uint8_t word[8];

	if (exit_event == SCAP_EV_SYSCALL_CLONE_20_X)
		linux_flags = call->args[0];
	else if (exit_event == SCAP_EV_SYSCALL_CLONE3_X) {
		/* struct clone_args starts with its u64 flags. */
		if (read_mem(s, call->args[0], word, sizeof(word)) == sizeof(word))
			linux_flags = get_le(word, 8);
	} else if (exit_event == SCAP_EV_SYSCALL_VFORK_20_X)
		linux_flags = LINUX_VFORK_FLAGS;
	uint64_t out = scap_convert(SCAP_CONV_CLONE_FLAGS, linux_flags);
	if (call->child)
		out |= SCAP_CLONE_FLAGS_CLONE_INVERTED;
	if (s->ops->proc_number(s->ctx, SCAP_PROC_VPID) !=
	    s->ops->proc_number(s->ctx, SCAP_PROC_PID))
		out |= SCAP_CLONE_FLAGS_CLONE_CHILD_IN_PIDNS;
	return out;
}

static void fill_proc(struct fill_state *s, const struct scap_fill *f)
{
	switch (f->detail) {
	case SCAP_PROC_EXE:
	case SCAP_PROC_ARGS:
	case SCAP_PROC_ENV:
	case SCAP_PROC_CWD:
	case SCAP_PROC_COMM:
	case SCAP_PROC_CGROUPS:
	case SCAP_PROC_TRUSTED_EXEPATH: {
		uint8_t *at = begin(s, FILL_FACT_MAX);
		if (!at)
			return;
		uint32_t n = s->ops->proc_bytes(s->ctx, f->detail, at, FILL_FACT_MAX);
		end(s, n <= FILL_FACT_MAX ? n : FILL_FACT_MAX);
		return;
	}
	case SCAP_PROC_CLONE_FLAGS:
		put_number(s, f->type, clone_flags(s));
		return;
	default:
		if (f->detail < SCAP_PROC_FIELD_COUNT)
			put_number(s, f->type, s->ops->proc_number(s->ctx, f->detail));
		else
			put_empty(s);
		return;
	}
}

static void fill_file(struct fill_state *s, const struct scap_fill *f)
{
	int fd;

	/* Facts of no file (a failed call, a closed fd) are 0, as the kernel drivers give them. */
	if (!fd_of(s, f, &fd) || f->detail >= SCAP_FILE_FIELD_COUNT) {
		put_number(s, f->type, 0);
		return;
	}
	if (f->detail == SCAP_FILE_QUEUEPCT) {
		uint64_t len = s->ops->file_fact(s->ctx, fd, SCAP_FILE_QUEUELEN);
		uint64_t max = s->ops->file_fact(s->ctx, fd, SCAP_FILE_QUEUEMAX);
		put_number(s, f->type, max ? len * 100 / max : 0);
		return;
	}
	put_number(s, f->type, s->ops->file_fact(s->ctx, fd, f->detail));
}

/* The buffers of the user iovec array at `iov_addr` with `count` entries: their total size
 * (SCAP_PART_SIZE), or their bytes up to the snap length and, when `cut_to_ret`, the return
 * value (SCAP_PART_DATA). The entries are read IOV_CHUNK at a time behind the value's room. */
static void fill_iov(struct fill_state *s, uint64_t iov_addr, uint64_t count, uint8_t part,
                     uint8_t type, bool cut_to_ret)
{
	uint64_t limit = s->call->snaplen, total = 0;
	uint32_t used = 0;
	unsigned width = scap_param_number_width(type);

	if (count > FILL_MAX_IOV)
		count = FILL_MAX_IOV;
	if (part == SCAP_PART_DATA && cut_to_ret) {
		if (!s->exit || s->call->ret < 0) {
			put_empty(s);
			return;
		}
		if ((uint64_t)s->call->ret < limit)
			limit = (uint64_t)s->call->ret;
	}
	if (part != SCAP_PART_DATA)
		limit = part == SCAP_PART_SIZE ? width : 0;
	uint8_t *at = begin(s, (uint32_t)limit + IOV_CHUNK * IOV_BYTES);
	if (!at)
		return;
	uint8_t *iov = at + limit;
	for (uint64_t i = 0; i < count; i += IOV_CHUNK) {
		uint32_t n = count - i < IOV_CHUNK ? (uint32_t)(count - i) : IOV_CHUNK;
		uint32_t got =
		    read_mem(s, iov_addr + i * IOV_BYTES, iov, n * IOV_BYTES) / IOV_BYTES;
		for (uint32_t k = 0; k < got; k++) {
			uint64_t base = get_le(iov + k * IOV_BYTES, 8);
			uint64_t len = get_le(iov + k * IOV_BYTES + 8, 8);
			total += len;
			if (part == SCAP_PART_DATA && used < limit) {
				uint64_t take = len < limit - used ? len : limit - used;
				used += read_mem(s, base, at + used, (uint32_t)take);
			}
		}
		if (got < n)
			break;
	}
	if (part == SCAP_PART_SIZE) {
		put_le(at, total, width);
		end(s, width);
	} else {
		end(s, used);
	}
}

static void fill_iovec(struct fill_state *s, const struct scap_fill *f)
{
	if (f->arg >= 6 || f->aux >= 6) {
		put_empty(s);
		return;
	}
	fill_iov(s, s->call->args[f->arg], s->call->args[f->aux], f->detail, f->type,
	         f->arg2 == SCAP_FILL_FROM_RET);
}

/* struct user_msghdr on x86_64: name, namelen (+pad), iov, iovlen, control, controllen, flags
 * (+pad): 56 bytes. */
#define MSGHDR_BYTES 56u
#define MSGHDR_IOV 16u
#define MSGHDR_IOVLEN 24u
#define MSGHDR_CONTROL 32u
#define MSGHDR_CONTROLLEN 40u

static void fill_msghdr(struct fill_state *s, const struct scap_fill *f)
{
	uint8_t m[MSGHDR_BYTES];

	if (f->arg >= 6 || read_mem(s, s->call->args[f->arg], m, sizeof(m)) != sizeof(m)) {
		put_empty(s);
		return;
	}
	if (f->detail != SCAP_PART_CONTROL) {
		fill_iov(s, get_le(m + MSGHDR_IOV, 8), get_le(m + MSGHDR_IOVLEN, 8), f->detail,
		         f->type, f->arg2 == SCAP_FILL_FROM_RET);
		return;
	}
	uint64_t len = get_le(m + MSGHDR_CONTROLLEN, 8);
	put_user_bytes(s, get_le(m + MSGHDR_CONTROL, 8),
	               len < FILL_MAX_CONTROL ? len : FILL_MAX_CONTROL);
}

/* A PT_DYN parameter: the variant's index byte, then the argument as that variant's type (which
 * the fill's `aux` gives). */
static void fill_dyn(struct fill_state *s, const struct scap_fill *f)
{
	if (f->arg >= 6 || f->aux == SCAP_FILL_NONE) {
		put_empty(s);
		return;
	}
	unsigned width = scap_param_number_width(f->aux);
	uint8_t *at = begin(s, 1 + width);
	if (!at)
		return;
	at[0] = f->detail;
	put_le(at + 1, s->call->args[f->arg], width);
	end(s, 1 + width);
}

static void fill_syscall(struct fill_state *s, const struct scap_fill *f)
{
	long nr = s->call->nr;
	uint64_t v;

	if (f->detail == SCAP_SYSCALL_PPM_SC)
		v = nr >= 0 && nr < SCAP_SYSCALL_NR_MAX ? scap_syscall_table[nr].ppm_sc : 0;
	else
		v = (uint64_t)nr;
	put_number(s, f->type, v);
}

static void fill_param(struct fill_state *s, const struct scap_fill *f)
{
	uint64_t v;

	switch (f->kind) {
	case SCAP_FILL_RET:
		if (s->exit)
			put_number(s, f->type, (uint64_t)s->call->ret);
		else
			put_empty(s);
		return;
	case SCAP_FILL_ARG:
		if (!arg_value(s, f, &v)) {
			put_empty(s);
			return;
		}
		put_number(s, f->type, is_int_typed(f->type) ? (uint64_t)(int64_t)(int32_t)v : v);
		return;
	case SCAP_FILL_PATH:
	case SCAP_FILL_STR:
		fill_string(s, f);
		return;
	case SCAP_FILL_DATA:
		fill_data(s, f);
		return;
	case SCAP_FILL_SOCKADDR:
		fill_sockaddr(s, f);
		return;
	case SCAP_FILL_FLAGS:
		if (!arg_value(s, f, &v)) {
			put_empty(s);
			return;
		}
		put_number(s, f->type, scap_convert(f->detail, v));
		return;
	case SCAP_FILL_SOCKTUPLE:
		fill_socktuple(s, f);
		return;
	case SCAP_FILL_FDPAIR:
		fill_fdpair(s, f);
		return;
	case SCAP_FILL_PROC:
		fill_proc(s, f);
		return;
	case SCAP_FILL_FILE:
		fill_file(s, f);
		return;
	case SCAP_FILL_CONST:
		put_number(s, f->type, (uint64_t)f->value);
		return;
	case SCAP_FILL_IOVEC:
		fill_iovec(s, f);
		return;
	case SCAP_FILL_MSGHDR:
		fill_msghdr(s, f);
		return;
	case SCAP_FILL_DYN:
		fill_dyn(s, f);
		return;
	case SCAP_FILL_SYSCALL:
		fill_syscall(s, f);
		return;
	case SCAP_FILL_EMPTY:
	default:
		put_empty(s);
		return;
	}
}

uint32_t fill_event_nparams(uint16_t type)
{
	if (type >= SCAP_EVENT_COUNT || !scap_fill_table[type].fills)
		return 0;
	return scap_fill_table[type].nparams;
}

/* Pages of the caller's memory: a read that fails stops at one of their boundaries. */
#define FILL_PAGE_BYTES 4096u

uint32_t fill_read_str_by_pages(fill_read_mem_fn read_page, void *ctx, uint64_t addr, char *out,
                                uint32_t size)
{
	uint32_t done = 0;

	if (!addr || !size)
		return 0;
	while (done < size - 1) {
		uint64_t at = addr + done;
		uint32_t chunk = FILL_PAGE_BYTES - (uint32_t)(at & (FILL_PAGE_BYTES - 1));
		if (chunk > size - 1 - done)
			chunk = size - 1 - done;
		uint32_t n = read_page(ctx, at, out + done, chunk);
		const char *nul = memchr(out + done, '\0', n);
		if (nul)
			return (uint32_t)(nul - out) + 1;
		done += n;
		if (n < chunk)
			break;
	}
	if (!done)
		return 0;
	out[done] = '\0';
	return done + 1;
}

uint32_t fill_event_length_width(uint16_t type)
{
	if (type >= SCAP_EVENT_COUNT)
		return 2;
	return (scap_fill_table[type].flags & SCAP_EF_LARGE_PAYLOAD) ? 4 : 2;
}

int fill_event(uint16_t type, const struct fill_call *call, const struct fill_ops *ops, void *ctx)
{
	struct fill_state s = {
	    .call = call,
	    .ops = ops,
	    .ctx = ctx,
	    .type = type,
	    .exit = (type & 1u) != 0,
	    .failed = false,
	};
	uint32_t n = fill_event_nparams(type);

	for (uint32_t i = 0; i < n && !s.failed; i++)
		fill_param(&s, &scap_fill_table[type].fills[i]);
	return s.failed ? -1 : (int)n;
}

const uint8_t fill_procexit_types[FILL_PROCEXIT_NPARAMS] = {
    SCAP_PT_ERRNO,   /* status */
    SCAP_PT_ERRNO,   /* ret */
    SCAP_PT_SIGTYPE, /* sig */
    SCAP_PT_UINT8,   /* core */
    SCAP_PT_PID,     /* reaper_tid */
};

int fill_procexit(int status, int64_t reaper_tid, uint32_t nparams, const struct fill_ops *ops,
                  void *ctx)
{
	struct fill_state s = {.ops = ops, .ctx = ctx};
	/* The wait status: the low 7 bits are the signal (0: exited), bit 7 a core dump, bits
	 * 8-15 the exit code. */
	unsigned sig = (unsigned)status & 0x7f;
	bool exited = sig == 0;
	bool signaled = sig != 0 && sig != 0x7f;
	const uint64_t values[FILL_PROCEXIT_NPARAMS] = {
	    (uint64_t)(int64_t)status, exited ? ((unsigned)status >> 8) & 0xff : 0,
	    signaled ? sig : 0,        signaled && (status & 0x80) ? 1 : 0,
	    (uint64_t)reaper_tid,
	};

	if (nparams > FILL_PROCEXIT_NPARAMS)
		nparams = FILL_PROCEXIT_NPARAMS;
	for (uint32_t i = 0; i < nparams && !s.failed; i++)
		put_number(&s, fill_procexit_types[i], values[i]);
	return s.failed ? -1 : (int)nparams;
}
