#include "fill.h"

#include <limits.h>
#include <linux/sched.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <sys/sysmacros.h>
#include <sys/wait.h>

#include "driver_api/event_table.h"
#include "driver_api/fill_table.h"
#include "driver_api/param_width.h"
#include "driver_api/syscall_table.h"
#include "proc_facts.h"
#include "sockets.h"
#include "tracee_mem.h"

/* The most iovec entries read (the kernel's UIO_MAXIOV). */
#define MAX_IOV 1024u
/* The most ancillary-data bytes kept. */
#define MAX_CONTROL 4096u

struct fill_ctx {
	struct ptrace_record *r;
	const struct ptrace_call *call;
	const struct scap_event_info *event;
	bool exit;
	struct ptrace_proc_facts *facts;
	bool facts_begun;
};

/* Types that hold a C int: an argument gives its low 32 bits, sign-extended. */
static bool is_int_typed(uint8_t type)
{
	return type == SCAP_PT_FD || type == SCAP_PT_FD32 || type == SCAP_PT_PID ||
	       type == SCAP_PT_PID32 || type == SCAP_PT_INT32;
}

static void put_number(struct fill_ctx *c, uint8_t type, uint64_t value)
{
	unsigned width = scap_param_number_width(type);
	if (width)
		ptrace_record_put_int(c->r, value, width);
	else
		ptrace_record_put(c->r, NULL, 0);
}

static void put_empty(struct fill_ctx *c)
{
	ptrace_record_put(c->r, NULL, 0);
}

static struct ptrace_proc_facts *facts(struct fill_ctx *c)
{
	if (!c->facts_begun) {
		ptrace_proc_begin(c->facts, c->call->proc, c->call->tid);
		c->facts_begun = true;
	}
	return c->facts;
}

/* Argument `arg`, or the 64-bit word at user address argument + aux. */
static bool arg_value(struct fill_ctx *c, const struct scap_fill *f, uint64_t *out)
{
	if (f->arg >= 6)
		return false;
	uint64_t v = c->call->args[f->arg];
	if (f->aux != SCAP_FILL_NONE &&
	    ptrace_mem_read(c->call->tid, v + f->aux, &v, sizeof(v)) != sizeof(v))
		return false;
	*out = v;
	return true;
}

/* The length a fill's `arg2` names; false when it is a negative return value. */
static bool length_of(struct fill_ctx *c, uint8_t source, uint64_t *out)
{
	if (source == SCAP_FILL_FROM_RET) {
		if (!c->exit || c->call->ret < 0)
			return false;
		*out = (uint64_t)c->call->ret;
		return true;
	}
	if (source >= 6)
		return false;
	*out = c->call->args[source];
	return true;
}

/* The fd a socktuple or file fill names: an argument, the return value, or an int of a pair. */
static bool fd_of(struct fill_ctx *c, const struct scap_fill *f, int *fd)
{
	if (f->arg == SCAP_FILL_FROM_RET) {
		if (!c->exit || c->call->ret < 0)
			return false;
		*fd = (int)c->call->ret;
		return true;
	}
	if (f->arg >= 6)
		return false;
	if (f->aux == SCAP_FILL_NONE) {
		*fd = (int)(int32_t)c->call->args[f->arg];
		return *fd >= 0;
	}
	int32_t pair[2];
	if (f->aux > 1 || ptrace_mem_read(c->call->tid, c->call->args[f->arg], pair,
	                                  sizeof(pair)) != sizeof(pair))
		return false;
	*fd = pair[f->aux];
	return *fd >= 0;
}

static void fill_string(struct fill_ctx *c, uint64_t addr)
{
	char *buf = malloc(PATH_MAX);
	size_t n = buf ? ptrace_mem_read_str(c->call->tid, addr, buf, PATH_MAX) : 0;
	ptrace_record_put(c->r, buf, n);
	free(buf);
}

static void fill_data(struct fill_ctx *c, const struct scap_fill *f)
{
	uint64_t len;
	if (f->arg >= 6 || !length_of(c, f->arg2, &len)) {
		put_empty(c);
		return;
	}
	if (len > c->call->snaplen)
		len = c->call->snaplen;
	uint8_t *buf = malloc(len ? (size_t)len : 1);
	size_t got =
	    buf ? ptrace_mem_read(c->call->tid, c->call->args[f->arg], buf, (size_t)len) : 0;
	ptrace_record_put(c->r, buf, got);
	free(buf);
}

static void fill_sockaddr(struct fill_ctx *c, const struct scap_fill *f)
{
	uint8_t raw[128], out[PTRACE_SOCK_ENCODED_MAX];
	uint64_t len;
	size_t n = 0;

	if (f->arg < 6 && length_of(c, f->arg2, &len)) {
		if (len > sizeof(raw))
			len = sizeof(raw);
		size_t got = ptrace_mem_read(c->call->tid, c->call->args[f->arg], raw, (size_t)len);
		n = got ? ptrace_encode_sockaddr(raw, got, out) : 0;
	}
	ptrace_record_put(c->r, out, n);
}

static void fill_socktuple(struct fill_ctx *c, const struct scap_fill *f)
{
	uint8_t out[PTRACE_SOCK_ENCODED_MAX];
	size_t n = 0;
	int fd;

	if (fd_of(c, f, &fd)) {
		/* Accepted sockets and received data are seen from the remote end. */
		bool inbound =
		    f->arg == SCAP_FILL_FROM_RET || (c->event->flags & SCAP_EF_READS_FROM_FD) != 0;
		pid_t tgid = (pid_t)ptrace_proc_int(facts(c), PTRACE_PROC_PID);
		n = ptrace_socktuple(c->call->proc, tgid ? tgid : c->call->tid, fd, inbound, out);
	}
	ptrace_record_put(c->r, out, n);
}

static void fill_fdpair(struct fill_ctx *c, const struct scap_fill *f)
{
	int32_t pair[2];
	if (f->arg >= 6 || f->detail > 1 ||
	    ptrace_mem_read(c->call->tid, c->call->args[f->arg], pair, sizeof(pair)) !=
	        sizeof(pair)) {
		put_empty(c);
		return;
	}
	put_number(c, f->type, (uint64_t)(int64_t)pair[f->detail]);
}

/* The value of `name` in value table `table`, 0 when it has none. */
static uint64_t ppm_value(int table, const char *name)
{
	if (table < 0 || table >= SCAP_VALUE_TABLE_COUNT)
		return 0;
	const struct scap_value_table *t = &scap_value_tables[table];
	for (uint32_t i = 0; i < t->count; i++) {
		if (strcmp(t->values[i].name, name) == 0)
			return (uint64_t)t->values[i].value;
	}
	return 0;
}

/* Linux clone bits (linux/sched.h) and the names clone_flags gives them. */
static const struct {
	uint64_t linux_bit;
	const char *name;
} clone_bits[] = {
    {CLONE_FILES, "CLONE_FILES"},
    {CLONE_FS, "CLONE_FS"},
    {CLONE_IO, "CLONE_IO"},
    {CLONE_NEWIPC, "CLONE_NEWIPC"},
    {CLONE_NEWNET, "CLONE_NEWNET"},
    {CLONE_NEWNS, "CLONE_NEWNS"},
    {CLONE_NEWPID, "CLONE_NEWPID"},
    {CLONE_NEWUTS, "CLONE_NEWUTS"},
    {CLONE_PARENT, "CLONE_PARENT"},
    {CLONE_PARENT_SETTID, "CLONE_PARENT_SETTID"},
    {CLONE_PTRACE, "CLONE_PTRACE"},
    {CLONE_SIGHAND, "CLONE_SIGHAND"},
    {CLONE_SYSVSEM, "CLONE_SYSVSEM"},
    {CLONE_THREAD, "CLONE_THREAD"},
    {CLONE_UNTRACED, "CLONE_UNTRACED"},
    {CLONE_VM, "CLONE_VM"},
    {CLONE_NEWUSER, "CLONE_NEWUSER"},
    {CLONE_CHILD_CLEARTID, "CLONE_CHILD_CLEARTID"},
    {CLONE_CHILD_SETTID, "CLONE_CHILD_SETTID"},
    {CLONE_SETTLS, "CLONE_SETTLS"},
    {CLONE_VFORK, "CLONE_VFORK"},
    {CLONE_NEWCGROUP, "CLONE_NEWCGROUP"},
};

/* proc(clone_flags): the flags the task was created with, in PPM bits. */
static uint64_t clone_flags(struct fill_ctx *c, int table)
{
	uint64_t linux_flags = 0, out = 0;
	const struct ptrace_call *call = c->call;

	if (call->nr == SYS_clone)
		linux_flags = call->args[0];
	else if (call->nr == SYS_clone3)
		ptrace_mem_read(call->tid, call->args[0], &linux_flags, sizeof(linux_flags));
	else if (call->nr == SYS_vfork)
		linux_flags = CLONE_VM | CLONE_VFORK;
	for (size_t i = 0; i < sizeof(clone_bits) / sizeof(clone_bits[0]); i++) {
		if (linux_flags & clone_bits[i].linux_bit)
			out |= ppm_value(table, clone_bits[i].name);
	}
	if (call->child)
		out |= ppm_value(table, "CLONE_INVERTED");
	struct ptrace_proc_facts *f = facts(c);
	if (ptrace_proc_int(f, PTRACE_PROC_VPID) != ptrace_proc_int(f, PTRACE_PROC_PID))
		out |= ppm_value(table, "CLONE_CHILD_IN_PIDNS");
	return out;
}

static uint64_t exe_flags(struct fill_ctx *c, int table)
{
	uint64_t out = 0;
	if (ptrace_proc_int(facts(c), PTRACE_PROC_EXE_WRITABLE))
		out |= ppm_value(table, "EXE_WRITABLE");
	if (ptrace_proc_int(facts(c), PTRACE_PROC_EXE_FROM_MEMFD))
		out |= ppm_value(table, "EXE_FROM_MEMFD");
	return out;
}

/* SCAP_PROC_* -> the fact's number, for the numeric ones. */
static const struct {
	uint8_t field;
	enum ptrace_proc_int fact;
} proc_ints[] = {
    {SCAP_PROC_TID, PTRACE_PROC_TID},
    {SCAP_PROC_PID, PTRACE_PROC_PID},
    {SCAP_PROC_PTID, PTRACE_PROC_PTID},
    {SCAP_PROC_VTID, PTRACE_PROC_VTID},
    {SCAP_PROC_VPID, PTRACE_PROC_VPID},
    {SCAP_PROC_PGID, PTRACE_PROC_PGID},
    {SCAP_PROC_VPGID, PTRACE_PROC_VPGID},
    {SCAP_PROC_UID, PTRACE_PROC_UID},
    {SCAP_PROC_GID, PTRACE_PROC_GID},
    {SCAP_PROC_LOGINUID, PTRACE_PROC_LOGINUID},
    {SCAP_PROC_TTY, PTRACE_PROC_TTY},
    {SCAP_PROC_FDLIMIT, PTRACE_PROC_FDLIMIT},
    {SCAP_PROC_PGFT_MAJ, PTRACE_PROC_PGFT_MAJ},
    {SCAP_PROC_PGFT_MIN, PTRACE_PROC_PGFT_MIN},
    {SCAP_PROC_VM_SIZE, PTRACE_PROC_VM_SIZE},
    {SCAP_PROC_VM_RSS, PTRACE_PROC_VM_RSS},
    {SCAP_PROC_VM_SWAP, PTRACE_PROC_VM_SWAP},
    {SCAP_PROC_CAP_INHERITABLE, PTRACE_PROC_CAP_INHERITABLE},
    {SCAP_PROC_CAP_PERMITTED, PTRACE_PROC_CAP_PERMITTED},
    {SCAP_PROC_CAP_EFFECTIVE, PTRACE_PROC_CAP_EFFECTIVE},
    {SCAP_PROC_EXE_INO, PTRACE_PROC_EXE_INO},
    {SCAP_PROC_EXE_INO_CTIME, PTRACE_PROC_EXE_INO_CTIME},
    {SCAP_PROC_EXE_INO_MTIME, PTRACE_PROC_EXE_INO_MTIME},
    {SCAP_PROC_PIDNS_INIT_START_TS, PTRACE_PROC_PIDNS_INIT_START_TS},
};

static void fill_proc(struct fill_ctx *c, const struct scap_fill *f,
                      const struct scap_param_info *p)
{
	struct ptrace_proc_facts *pf = facts(c);
	size_t len;
	const char *list;

	switch (f->detail) {
	case SCAP_PROC_EXE:
		ptrace_record_put_str(c->r, ptrace_proc_str(pf, PTRACE_PROC_EXE));
		return;
	case SCAP_PROC_CWD:
		ptrace_record_put_str(c->r, ptrace_proc_str(pf, PTRACE_PROC_CWD));
		return;
	case SCAP_PROC_COMM:
		ptrace_record_put_str(c->r, ptrace_proc_str(pf, PTRACE_PROC_COMM));
		return;
	case SCAP_PROC_TRUSTED_EXEPATH:
		ptrace_record_put_str(c->r, ptrace_proc_str(pf, PTRACE_PROC_TRUSTED_EXEPATH));
		return;
	case SCAP_PROC_ARGS:
		list = ptrace_proc_list(pf, PTRACE_PROC_ARGS, &len);
		ptrace_record_put(c->r, list, len);
		return;
	case SCAP_PROC_ENV:
		list = ptrace_proc_list(pf, PTRACE_PROC_ENV, &len);
		ptrace_record_put(c->r, list, len);
		return;
	case SCAP_PROC_CGROUPS:
		list = ptrace_proc_list(pf, PTRACE_PROC_CGROUPS, &len);
		ptrace_record_put(c->r, list, len);
		return;
	case SCAP_PROC_EXE_FLAGS:
		put_number(c, f->type, exe_flags(c, p->value_table));
		return;
	case SCAP_PROC_CLONE_FLAGS:
		put_number(c, f->type, clone_flags(c, p->value_table));
		return;
	default:
		break;
	}
	for (size_t i = 0; i < sizeof(proc_ints) / sizeof(proc_ints[0]); i++) {
		if (proc_ints[i].field == f->detail) {
			put_number(c, f->type, ptrace_proc_int(pf, proc_ints[i].fact));
			return;
		}
	}
	put_empty(c);
}

static void fill_file(struct fill_ctx *c, const struct scap_fill *f)
{
	char path[96];
	struct stat st;
	struct ptrace_sock_queue q;
	int fd;

	/* Facts of no file (a failed call, a closed fd) are 0, as the kernel drivers give them. */
	if (!fd_of(c, f, &fd)) {
		put_number(c, f->type, 0);
		return;
	}
	snprintf(path, sizeof(path), "%s/%d/fd/%d", c->call->proc, (int)c->call->tid, fd);
	switch (f->detail) {
	case SCAP_FILE_DEV:
	case SCAP_FILE_INO:
		if (stat(path, &st) != 0) {
			put_number(c, f->type, 0);
			return;
		}
		put_number(c, f->type,
		           f->detail == SCAP_FILE_INO
		               ? (uint64_t)st.st_ino
		               : ((uint64_t)major(st.st_dev) << 20) | minor(st.st_dev));
		return;
	case SCAP_FILE_QUEUELEN:
	case SCAP_FILE_QUEUEMAX:
	case SCAP_FILE_QUEUEPCT:
	case SCAP_FILE_SOCK: {
		pid_t tgid = (pid_t)ptrace_proc_int(facts(c), PTRACE_PROC_PID);
		ptrace_sock_queue_of(c->call->proc, tgid ? tgid : c->call->tid, fd, &q);
		uint64_t v = f->detail == SCAP_FILE_QUEUELEN   ? q.len
		             : f->detail == SCAP_FILE_QUEUEMAX ? q.max
		             : f->detail == SCAP_FILE_SOCK     ? q.sock
		             : q.max                           ? q.len * 100 / q.max
		                                               : 0;
		put_number(c, f->type, v);
		return;
	}
	default:
		/* The overlay layer and the peer's kernel address are not visible from userspace.
		 */
		put_number(c, f->type, 0);
		return;
	}
}

struct user_iovec {
	uint64_t base, len;
};

/* The buffers of an iovec array: their total size, or their bytes up to `limit`. */
static void fill_iov(struct fill_ctx *c, uint64_t iov_addr, uint64_t count, uint8_t part,
                     uint8_t type, bool cut_to_ret)
{
	struct user_iovec iov[64];
	uint64_t limit = c->call->snaplen, total = 0;

	if (count > MAX_IOV)
		count = MAX_IOV;
	if (part == SCAP_PART_DATA && cut_to_ret) {
		if (!c->exit || c->call->ret < 0) {
			put_empty(c);
			return;
		}
		if ((uint64_t)c->call->ret < limit)
			limit = (uint64_t)c->call->ret;
	}
	uint8_t *out = part == SCAP_PART_DATA ? malloc(limit ? limit : 1) : NULL;
	uint64_t used = 0;
	for (uint64_t i = 0; i < count; i += 64) {
		size_t n = count - i < 64 ? (size_t)(count - i) : 64;
		size_t got = ptrace_mem_read(c->call->tid, iov_addr + i * sizeof(iov[0]), iov,
		                             n * sizeof(iov[0])) /
		             sizeof(iov[0]);
		for (size_t k = 0; k < got; k++) {
			total += iov[k].len;
			if (out && used < limit) {
				uint64_t take =
				    iov[k].len < limit - used ? iov[k].len : limit - used;
				used += ptrace_mem_read(c->call->tid, iov[k].base, out + used,
				                        (size_t)take);
			}
		}
		if (got < n)
			break;
	}
	if (part == SCAP_PART_SIZE)
		put_number(c, type, total);
	else
		ptrace_record_put(c->r, out, (size_t)used);
	free(out);
}

static void fill_iovec(struct fill_ctx *c, const struct scap_fill *f)
{
	if (f->arg >= 6 || f->aux >= 6) {
		put_empty(c);
		return;
	}
	fill_iov(c, c->call->args[f->arg], c->call->args[f->aux], f->detail, f->type,
	         f->arg2 == SCAP_FILL_FROM_RET);
}

/* struct msghdr on x86_64: name, namelen, iov, iovlen, control, controllen, flags. */
struct user_msghdr {
	uint64_t name;
	uint32_t namelen, pad;
	uint64_t iov, iovlen, control, controllen;
	int32_t flags, pad2;
};

static void fill_msghdr(struct fill_ctx *c, const struct scap_fill *f)
{
	struct user_msghdr m;
	if (f->arg >= 6 ||
	    ptrace_mem_read(c->call->tid, c->call->args[f->arg], &m, sizeof(m)) != sizeof(m)) {
		put_empty(c);
		return;
	}
	if (f->detail != SCAP_PART_CONTROL) {
		fill_iov(c, m.iov, m.iovlen, f->detail, f->type, f->arg2 == SCAP_FILL_FROM_RET);
		return;
	}
	size_t len = m.controllen < MAX_CONTROL ? (size_t)m.controllen : MAX_CONTROL;
	uint8_t *buf = malloc(len ? len : 1);
	size_t got = buf ? ptrace_mem_read(c->call->tid, m.control, buf, len) : 0;
	ptrace_record_put(c->r, buf, got);
	free(buf);
}

/* A PT_DYN parameter: the variant's index byte, then the argument as that variant's type. */
static void fill_dyn(struct fill_ctx *c, const struct scap_fill *f, const struct scap_param_info *p)
{
	if (f->arg >= 6 || p->dynamic_table < 0 || p->dynamic_table >= SCAP_DYNAMIC_TABLE_COUNT ||
	    f->detail >= scap_dynamic_tables[p->dynamic_table].count) {
		put_empty(c);
		return;
	}
	uint8_t type = scap_dynamic_tables[p->dynamic_table].variants[f->detail].type;
	unsigned width = scap_param_number_width(type);
	uint8_t *at = ptrace_record_reserve(c->r, 1 + width);
	if (!at)
		return;
	uint64_t v = c->call->args[f->arg];
	at[0] = f->detail;
	for (unsigned i = 0; i < width; i++)
		at[1 + i] = (uint8_t)(v >> (8 * i));
}

static void fill_param(struct fill_ctx *c, const struct scap_fill *f,
                       const struct scap_param_info *p)
{
	uint64_t v;

	switch (f->kind) {
	case SCAP_FILL_RET:
		if (c->exit)
			put_number(c, f->type, (uint64_t)c->call->ret);
		else
			put_empty(c);
		return;
	case SCAP_FILL_ARG:
		if (!arg_value(c, f, &v)) {
			put_empty(c);
			return;
		}
		put_number(c, f->type, is_int_typed(f->type) ? (uint64_t)(int64_t)(int32_t)v : v);
		return;
	case SCAP_FILL_PATH:
	case SCAP_FILL_STR:
		if (f->arg < 6 && c->call->saved_str && c->call->saved_str[f->arg])
			ptrace_record_put_str(c->r, c->call->saved_str[f->arg]);
		else if (f->arg < 6)
			fill_string(c, c->call->args[f->arg]);
		else
			put_empty(c);
		return;
	case SCAP_FILL_DATA:
		fill_data(c, f);
		return;
	case SCAP_FILL_SOCKADDR:
		fill_sockaddr(c, f);
		return;
	case SCAP_FILL_FLAGS:
		if (!arg_value(c, f, &v)) {
			put_empty(c);
			return;
		}
		put_number(c, f->type, scap_convert(f->detail, v));
		return;
	case SCAP_FILL_SOCKTUPLE:
		fill_socktuple(c, f);
		return;
	case SCAP_FILL_FDPAIR:
		fill_fdpair(c, f);
		return;
	case SCAP_FILL_PROC:
		fill_proc(c, f, p);
		return;
	case SCAP_FILL_FILE:
		fill_file(c, f);
		return;
	case SCAP_FILL_CONST:
		put_number(c, f->type, (uint64_t)f->value);
		return;
	case SCAP_FILL_IOVEC:
		fill_iovec(c, f);
		return;
	case SCAP_FILL_MSGHDR:
		fill_msghdr(c, f);
		return;
	case SCAP_FILL_DYN:
		fill_dyn(c, f, p);
		return;
	case SCAP_FILL_SYSCALL:
		if (f->detail == SCAP_SYSCALL_PPM_SC)
			v = c->call->nr >= 0 && c->call->nr < SCAP_SYSCALL_NR_MAX
			        ? scap_syscall_table[c->call->nr].ppm_sc
			        : 0;
		else
			v = (uint64_t)c->call->nr;
		put_number(c, f->type, v);
		return;
	case SCAP_FILL_EMPTY:
	default:
		put_empty(c);
		return;
	}
}

void ptrace_fill_save_strings(uint16_t exit_type, const struct ptrace_call *call, char *saved[6])
{
	if (exit_type >= SCAP_EVENT_COUNT)
		return;
	const struct scap_event_fills *fills = &scap_fill_table[exit_type];
	for (uint32_t i = 0; i < fills->nparams; i++) {
		const struct scap_fill *f = &fills->fills[i];
		if ((f->kind != SCAP_FILL_PATH && f->kind != SCAP_FILL_STR) || f->arg >= 6 ||
		    saved[f->arg])
			continue;
		char *buf = malloc(PATH_MAX);
		if (buf && ptrace_mem_read_str(call->tid, call->args[f->arg], buf, PATH_MAX))
			saved[f->arg] = buf;
		else
			free(buf);
	}
}

uint32_t ptrace_fill_syscall(struct ptrace_record *r, uint16_t type, const struct ptrace_call *call,
                             uint64_t ts)
{
	if (type >= SCAP_EVENT_COUNT)
		return 0;
	struct ptrace_proc_facts *pf = malloc(sizeof(*pf));
	if (!pf)
		return 0;
	struct fill_ctx c = {
	    .r = r,
	    .call = call,
	    .event = &scap_event_table[type],
	    .exit = (type & 1u) != 0,
	    .facts = pf,
	};
	ptrace_record_start(r, type, ts, (uint64_t)call->tid);
	const struct scap_event_fills *fills = &scap_fill_table[type];
	uint32_t n = fills->nparams < c.event->nparams ? fills->nparams : c.event->nparams;
	for (uint32_t i = 0; i < n; i++)
		fill_param(&c, &fills->fills[i], &c.event->params[i]);
	if (c.facts_begun)
		ptrace_proc_end(pf);
	free(pf);
	return ptrace_record_finish(r);
}

uint32_t ptrace_fill_procexit(struct ptrace_record *r, pid_t tid, int status, uint64_t ts)
{
	const struct scap_event_info *info = &scap_event_table[SCAP_EV_PROCEXIT_1_E];
	/* status, ret, sig, core, reaper_tid: the raw wait status, then its parts. The reaper is
	 * not known from userspace. */
	const uint64_t values[] = {
	    (uint64_t)(int64_t)status,
	    WIFEXITED(status) ? (uint64_t)WEXITSTATUS(status) : 0,
	    WIFSIGNALED(status) ? (uint64_t)WTERMSIG(status) : 0,
	    WIFSIGNALED(status) && WCOREDUMP(status) ? 1 : 0,
	    0,
	};

	ptrace_record_start(r, SCAP_EV_PROCEXIT_1_E, ts, (uint64_t)tid);
	for (uint32_t i = 0; i < info->nparams && i < sizeof(values) / sizeof(values[0]); i++) {
		unsigned width = scap_param_number_width(info->params[i].type);
		if (width)
			ptrace_record_put_int(r, values[i], width);
		else
			ptrace_record_put(r, NULL, 0);
	}
	return ptrace_record_finish(r);
}
