/* The ptrace driver under the shared fill engine (driver/fill): the record is the sink; the
 * tracee's memory (ptrace_mem_read), /proc (proc_facts) and its sockets (sockets) are the source.
 */
#include "fill.h"

#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/sysmacros.h>

#include "driver_api/event_table.h"
#include "driver_api/fill_table.h"
#include "driver_fill/fill_engine.h"
#include "proc_facts.h"
#include "sockets.h"
#include "tracee_mem.h"

struct fill_ctx {
	struct ptrace_record *r;
	const struct ptrace_call *call;
	struct ptrace_proc_facts *facts;
	bool facts_begun;
};

static struct ptrace_proc_facts *facts(struct fill_ctx *c)
{
	if (!c->facts_begun) {
		ptrace_proc_begin(c->facts, c->call->proc, c->call->tid);
		c->facts_begun = true;
	}
	return c->facts;
}

/* The thread-group id whose /proc and fds hold the tracee's files. */
static pid_t tgid_of(struct fill_ctx *c)
{
	pid_t tgid = (pid_t)ptrace_proc_int(facts(c), PTRACE_PROC_PID);
	return tgid ? tgid : c->call->tid;
}

static uint8_t *sink_begin(void *ctx, uint32_t max)
{
	return ptrace_record_begin(((struct fill_ctx *)ctx)->r, max);
}

static void sink_end(void *ctx, uint32_t used)
{
	ptrace_record_end(((struct fill_ctx *)ctx)->r, used);
}

static uint32_t source_read_mem(void *ctx, uint64_t addr, void *out, uint32_t len)
{
	return (uint32_t)ptrace_mem_read(((struct fill_ctx *)ctx)->call->tid, addr, out, len);
}

/* Strings read at the entry of a call that replaced the tracee's memory stand for the memory at
 * the argument they were read from. */
static uint32_t source_read_str(void *ctx, uint64_t addr, char *out, uint32_t size)
{
	const struct ptrace_call *call = ((struct fill_ctx *)ctx)->call;

	for (int i = 0; call->saved_str && i < 6; i++) {
		if (call->saved_str[i] && call->args[i] == addr) {
			size_t n = strlen(call->saved_str[i]) + 1;
			if (n > size)
				n = size;
			memcpy(out, call->saved_str[i], n);
			if (n)
				out[n - 1] = '\0';
			return (uint32_t)n;
		}
	}
	return (uint32_t)ptrace_mem_read_str(call->tid, addr, out, size);
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

static uint64_t source_proc_number(void *ctx, uint8_t field)
{
	struct ptrace_proc_facts *pf = facts(ctx);

	if (field == SCAP_PROC_EXE_FLAGS) {
		uint64_t out = 0;
		if (ptrace_proc_int(pf, PTRACE_PROC_EXE_WRITABLE))
			out |= SCAP_EXECVE_FLAGS_EXE_WRITABLE;
		if (ptrace_proc_int(pf, PTRACE_PROC_EXE_FROM_MEMFD))
			out |= SCAP_EXECVE_FLAGS_EXE_FROM_MEMFD;
		return out;
	}
	for (size_t i = 0; i < sizeof(proc_ints) / sizeof(proc_ints[0]); i++) {
		if (proc_ints[i].field == field)
			return ptrace_proc_int(pf, proc_ints[i].fact);
	}
	return 0;
}

static uint32_t copy_out(uint8_t *out, uint32_t cap, const void *data, size_t len)
{
	if (len > cap)
		len = cap;
	memcpy(out, data, len);
	return (uint32_t)len;
}

static uint32_t source_proc_bytes(void *ctx, uint8_t field, uint8_t *out, uint32_t cap)
{
	struct ptrace_proc_facts *pf = facts(ctx);
	enum ptrace_proc_str str;
	enum ptrace_proc_list list;
	size_t len;

	switch (field) {
	case SCAP_PROC_EXE:
		str = PTRACE_PROC_EXE;
		break;
	case SCAP_PROC_CWD:
		str = PTRACE_PROC_CWD;
		break;
	case SCAP_PROC_COMM:
		str = PTRACE_PROC_COMM;
		break;
	case SCAP_PROC_TRUSTED_EXEPATH:
		str = PTRACE_PROC_TRUSTED_EXEPATH;
		break;
	case SCAP_PROC_ARGS:
	case SCAP_PROC_ENV:
	case SCAP_PROC_CGROUPS:
		list = field == SCAP_PROC_ARGS  ? PTRACE_PROC_ARGS
		       : field == SCAP_PROC_ENV ? PTRACE_PROC_ENV
		                                : PTRACE_PROC_CGROUPS;
		const char *items = ptrace_proc_list(pf, list, &len);
		return copy_out(out, cap, items, len);
	default:
		return 0;
	}
	const char *s = ptrace_proc_str(pf, str);
	return copy_out(out, cap, s, strlen(s) + 1);
}

static uint32_t source_socktuple(void *ctx, int fd, bool inbound, uint8_t *out)
{
	struct fill_ctx *c = ctx;
	return (uint32_t)ptrace_socktuple(c->call->proc, tgid_of(c), fd, inbound, out);
}

static uint64_t source_file_fact(void *ctx, int fd, uint8_t field)
{
	struct fill_ctx *c = ctx;
	char path[96];
	struct stat st;
	struct ptrace_sock_queue q;

	switch (field) {
	case SCAP_FILE_DEV:
	case SCAP_FILE_INO:
		snprintf(path, sizeof(path), "%s/%d/fd/%d", c->call->proc, (int)c->call->tid, fd);
		if (stat(path, &st) != 0)
			return 0;
		return field == SCAP_FILE_INO
		           ? (uint64_t)st.st_ino
		           : ((uint64_t)major(st.st_dev) << 20) | minor(st.st_dev);
	case SCAP_FILE_QUEUELEN:
	case SCAP_FILE_QUEUEMAX:
	case SCAP_FILE_SOCK:
		ptrace_sock_queue_of(c->call->proc, tgid_of(c), fd, &q);
		return field == SCAP_FILE_QUEUELEN   ? q.len
		       : field == SCAP_FILE_QUEUEMAX ? q.max
		                                     : q.sock;
	default:
		/* The overlay layer and the peer's kernel address are not visible from userspace.
		 */
		return 0;
	}
}

static const struct fill_ops ptrace_fill_ops = {
    .begin = sink_begin,
    .end = sink_end,
    .read_mem = source_read_mem,
    .read_str = source_read_str,
    .proc_number = source_proc_number,
    .proc_bytes = source_proc_bytes,
    .socktuple = source_socktuple,
    .file_fact = source_file_fact,
};

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
	struct fill_ctx c = {.r = r, .call = call, .facts = pf};
	struct fill_call fc = {
	    .nr = call->nr,
	    .ret = call->ret,
	    .snaplen = call->snaplen,
	    .child = call->child,
	};
	memcpy(fc.args, call->args, sizeof(fc.args));
	ptrace_record_start(r, type, ts, (uint64_t)call->tid);
	/* Parameters the engine does not write (an event without fills) are left empty. */
	fill_event(type, &fc, &ptrace_fill_ops, &c);
	if (c.facts_begun)
		ptrace_proc_end(pf);
	free(pf);
	return ptrace_record_finish(r);
}

uint32_t ptrace_fill_procexit(struct ptrace_record *r, pid_t tid, int status, uint64_t ts)
{
	struct fill_ctx c = {.r = r};

	/* The reaper is not known from userspace. */
	ptrace_record_start(r, SCAP_EV_PROCEXIT_1_E, ts, (uint64_t)tid);
	fill_procexit(status, 0, scap_event_table[SCAP_EV_PROCEXIT_1_E].nparams, &ptrace_fill_ops,
	              &c);
	return ptrace_record_finish(r);
}
