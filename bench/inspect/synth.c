/* The synthetic capture of bench/inspect (see synth.h).
 *
 * The world is a set of tasks (processes). Each has a list of operations, one per system call,
 * that an interpreter turns into the events our drivers emit: the enter event when the task
 * runs the operation, the exit event the next time it runs (at once, unless the call blocks).
 * Two CPUs take turns at random, each running one task at a time until it blocks, exits or is
 * preempted, so the events of several processes interleave as on a real machine. */
#include "synth.h"

#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "driver_api/event_codes.h"
#include "driver_api/event_table.h"
#include "driver_api/param_width.h"
#include "driver_api/syscall_table.h"
#include "scap/scap.h"
#include "scap/scap_dumper.h"

_Static_assert(__BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__, "event records are little-endian");

enum {
	SYSDIG_CODES = 336,  /* sysdig 0.29.3 skips event codes from here on */
	SYSDIG_PPM_SC = 334, /* and crashes on generic events with a PPM_SC code from here on */
	SNAPLEN = 80,        /* I/O bytes the drivers keep per event */
	EV_MAX = 4096,       /* the largest record built */
	MAX_TASKS = 64,
	MAX_OPS = 256,
	SLOTS = 4, /* fds an operation list refers to by slot rather than by number */
	NCPUS = 2,
	AT_FDCWD_ = -100,
};

/* An operation's fd: a number (>= 0), none (-1), or the fd an earlier operation put in slot n. */
#define SLOT(n) ((int16_t)(-2 - (n)))
#define SLOT_INDEX(ref) (-2 - (ref))

__attribute__((noreturn, format(printf, 1, 2))) static void die(const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	fputs("synth: ", stderr);
	vfprintf(stderr, fmt, ap);
	fputc('\n', stderr);
	va_end(ap);
	abort();
}

/* ---- The schema: value tables and the events our drivers emit per system call ---- */

static int64_t value_of(enum scap_value_table_id id, const char *name)
{
	const struct scap_value_table *t = &scap_value_tables[id];

	for (uint32_t i = 0; i < t->count; i++)
		if (strcmp(t->values[i].name, name) == 0)
			return t->values[i].value;
	die("value table %s has no %s", t->name, name);
}

/* "A|B|C" -> the OR of their values. */
static uint32_t flags_of(enum scap_value_table_id id, const char *names)
{
	char buf[160], *save = NULL;
	uint32_t v = 0;

	snprintf(buf, sizeof(buf), "%s", names);
	for (char *s = strtok_r(buf, "|", &save); s; s = strtok_r(NULL, "|", &save))
		v |= (uint32_t)value_of(id, s);
	return v;
}

enum sc {
	SC_READ,
	SC_WRITE,
	SC_CLOSE,
	SC_FSTAT,
	SC_STAT,
	SC_OPENAT,
	SC_ACCESS,
	SC_MMAP,
	SC_MPROTECT,
	SC_SOCKET,
	SC_CONNECT,
	SC_SENDTO,
	SC_RECVFROM,
	SC_CLONE,
	SC_EXECVE,
	/* generic events today (no fillers yet) */
	SC_MUNMAP,
	SC_BRK,
	SC_GETDENTS64,
	SC_POLL,
	SC_EPOLL_WAIT,
	SC_NANOSLEEP,
	SC_WAIT4,
	SC_EXIT_GROUP,
	SC_ARCH_PRCTL,
	SC_SET_TID_ADDRESS,
	SC_SET_ROBUST_LIST,
	SC_PRLIMIT64,
	SC_GETRANDOM,
	SC_RT_SIGACTION,
	SC_COUNT,
	/* not system calls: the child's side of clone, and the end of a process */
	OP_CLONE_CHILD = SC_COUNT,
	OP_PROCEXIT,
};

static const struct {
	const char *name;
	uint16_t enter; /* the event this generator builds; SCAP_EV_GENERIC_E: generic */
} sc_spec[SC_COUNT] = {
    [SC_READ] = {"read", SCAP_EV_SYSCALL_READ_E},
    [SC_WRITE] = {"write", SCAP_EV_SYSCALL_WRITE_E},
    [SC_CLOSE] = {"close", SCAP_EV_SYSCALL_CLOSE_E},
    [SC_FSTAT] = {"fstat", SCAP_EV_SYSCALL_FSTAT_E},
    [SC_STAT] = {"stat", SCAP_EV_SYSCALL_STAT_E},
    [SC_OPENAT] = {"openat", SCAP_EV_SYSCALL_OPENAT_2_E},
    [SC_ACCESS] = {"access", SCAP_EV_SYSCALL_ACCESS_E},
    [SC_MMAP] = {"mmap", SCAP_EV_SYSCALL_MMAP_E},
    [SC_MPROTECT] = {"mprotect", SCAP_EV_SYSCALL_MPROTECT_E},
    [SC_SOCKET] = {"socket", SCAP_EV_SOCKET_SOCKET_E},
    [SC_CONNECT] = {"connect", SCAP_EV_SOCKET_CONNECT_E},
    [SC_SENDTO] = {"sendto", SCAP_EV_SOCKET_SENDTO_E},
    [SC_RECVFROM] = {"recvfrom", SCAP_EV_SOCKET_RECVFROM_E},
    [SC_CLONE] = {"clone", SCAP_EV_SYSCALL_CLONE_20_E},
    [SC_EXECVE] = {"execve", SCAP_EV_SYSCALL_EXECVE_19_E},
    [SC_MUNMAP] = {"munmap", SCAP_EV_GENERIC_E},
    [SC_BRK] = {"brk", SCAP_EV_GENERIC_E},
    [SC_GETDENTS64] = {"getdents64", SCAP_EV_GENERIC_E},
    [SC_POLL] = {"poll", SCAP_EV_GENERIC_E},
    [SC_EPOLL_WAIT] = {"epoll_wait", SCAP_EV_GENERIC_E},
    [SC_NANOSLEEP] = {"nanosleep", SCAP_EV_GENERIC_E},
    [SC_WAIT4] = {"wait4", SCAP_EV_GENERIC_E},
    [SC_EXIT_GROUP] = {"exit_group", SCAP_EV_GENERIC_E},
    [SC_ARCH_PRCTL] = {"arch_prctl", SCAP_EV_GENERIC_E},
    [SC_SET_TID_ADDRESS] = {"set_tid_address", SCAP_EV_GENERIC_E},
    [SC_SET_ROBUST_LIST] = {"set_robust_list", SCAP_EV_GENERIC_E},
    [SC_PRLIMIT64] = {"prlimit64", SCAP_EV_GENERIC_E},
    [SC_GETRANDOM] = {"getrandom", SCAP_EV_GENERIC_E},
    [SC_RT_SIGACTION] = {"rt_sigaction", SCAP_EV_GENERIC_E},
};

/* Per system call: its PPM_SC code and x86_64 number (the parameters of generic events). */
static struct {
	uint16_t ppm_sc, nr;
} sc_info[SC_COUNT];

/* Flag and enum values, looked up by name in the schema's value tables. */
static struct {
	uint32_t o_rdonly, o_rd_cloexec, o_dir, o_wr_create, o_wr_append, o_rdwr, o_rdwr_cloexec;
	uint32_t prot_r, prot_rw, prot_rx;
	uint32_t map_priv, map_anon, map_priv_deny, map_fixed_deny;
	uint32_t clone_fork, r_ok;
	uint8_t af_unix, af_inet, tcp, udp;
	int64_t enoent;
} K;

/* Resolves, once, what our drivers emit for each system call used here, and checks that it is
 * what this generator builds: when the drivers change (a system call gets dedicated events), the
 * generator must learn the new events, and its test says so. */
static void schema_init(void)
{
	static int done;

	if (done)
		return;
	for (int i = 0; i < SC_COUNT; i++) {
		const char *name = sc_spec[i].name;
		int64_t code = value_of(SCAP_VT_PPM_SC_CODES, name);
		int nr = -1;

		for (int n = 0; n < SCAP_SYSCALL_NR_MAX && nr < 0; n++)
			if (scap_syscall_table[n].ppm_sc == code)
				nr = n;
		if (nr < 0)
			die("no x86_64 system call has the PPM_SC code of %s", name);
		const struct scap_syscall_info *s = &scap_syscall_table[nr];
		if (s->enter_event != sc_spec[i].enter || s->exit_event != s->enter_event + 1)
			die("%s: our drivers emit events %u/%u, this generator builds %u/%u: teach "
			    "bench/inspect/synth.c the new events",
			    name, s->enter_event, s->exit_event, sc_spec[i].enter,
			    sc_spec[i].enter + 1);
		if (s->exit_event >= SYSDIG_CODES)
			die("%s: event %u is unknown to sysdig 0.29.3", name, s->exit_event);
		if (s->enter_event == SCAP_EV_GENERIC_E && code >= SYSDIG_PPM_SC)
			die("%s: generic event with PPM_SC code %ld crashes sysdig 0.29.3", name,
			    (long)code);
		sc_info[i].ppm_sc = (uint16_t)code;
		sc_info[i].nr = (uint16_t)nr;
	}
	K.o_rdonly = flags_of(SCAP_VT_FILE_FLAGS, "O_RDONLY");
	K.o_rd_cloexec = flags_of(SCAP_VT_FILE_FLAGS, "O_RDONLY|O_CLOEXEC");
	K.o_dir = flags_of(SCAP_VT_FILE_FLAGS, "O_RDONLY|O_NONBLOCK|O_CLOEXEC|O_DIRECTORY");
	K.o_wr_create = flags_of(SCAP_VT_FILE_FLAGS, "O_WRONLY|O_CREAT|O_TRUNC|O_CLOEXEC");
	K.o_wr_append = flags_of(SCAP_VT_FILE_FLAGS, "O_WRONLY|O_APPEND|O_CLOEXEC");
	K.o_rdwr = flags_of(SCAP_VT_FILE_FLAGS, "O_RDWR");
	K.o_rdwr_cloexec = flags_of(SCAP_VT_FILE_FLAGS, "O_RDWR|O_CLOEXEC");
	K.prot_r = flags_of(SCAP_VT_PROT_FLAGS, "PROT_READ");
	K.prot_rw = flags_of(SCAP_VT_PROT_FLAGS, "PROT_READ|PROT_WRITE");
	K.prot_rx = flags_of(SCAP_VT_PROT_FLAGS, "PROT_READ|PROT_EXEC");
	K.map_priv = flags_of(SCAP_VT_MMAP_FLAGS, "MAP_PRIVATE");
	K.map_anon = flags_of(SCAP_VT_MMAP_FLAGS, "MAP_PRIVATE|MAP_ANONYMOUS");
	K.map_priv_deny = flags_of(SCAP_VT_MMAP_FLAGS, "MAP_PRIVATE|MAP_DENYWRITE");
	K.map_fixed_deny = flags_of(SCAP_VT_MMAP_FLAGS, "MAP_PRIVATE|MAP_FIXED|MAP_DENYWRITE");
	K.clone_fork = flags_of(SCAP_VT_CLONE_FLAGS, "CLONE_CHILD_CLEARTID|CLONE_CHILD_SETTID");
	K.r_ok = flags_of(SCAP_VT_ACCESS_FLAGS, "R_OK");
	K.af_unix = (uint8_t)value_of(SCAP_VT_SOCKET_FAMILIES, "AF_UNIX");
	K.af_inet = (uint8_t)value_of(SCAP_VT_SOCKET_FAMILIES, "AF_INET");
	K.tcp = (uint8_t)value_of(SCAP_VT_SCAP_L4_PROTO, "SCAP_L4_TCP");
	K.udp = (uint8_t)value_of(SCAP_VT_SCAP_L4_PROTO, "SCAP_L4_UDP");
	K.enoent = value_of(SCAP_VT_ERRNO_NAMES, "ENOENT");
	done = 1;
}

/* ---- Building one event record, parameter by parameter, against the schema ---- */

struct evb {
	uint8_t *rec;
	const struct scap_event_info *info;
	uint16_t type;
	uint32_t n;    /* parameters so far */
	uint32_t used; /* bytes so far: header, length array, values */
	uint32_t lw;   /* width of a parameter length */
};

static void evb_begin(struct evb *b, uint8_t *rec, uint16_t type, int64_t tid)
{
	if (type >= SYSDIG_CODES)
		die("event %u is unknown to sysdig 0.29.3", type);
	b->rec = rec;
	b->type = type;
	b->info = &scap_event_table[type];
	b->n = 0;
	b->lw = (b->info->flags & SCAP_EF_LARGE_PAYLOAD) ? 4 : 2;
	b->used = SCAP_EVT_HEADER_SIZE + b->lw * b->info->nparams;
	struct scap_evt hdr = {
	    .ts = 0, .tid = (uint64_t)tid, .len = 0, .type = type, .nparams = b->info->nparams};
	memcpy(rec, &hdr, sizeof(hdr));
}

/* The schema's next parameter, which must be called `name`. */
static const struct scap_param_info *evb_param(struct evb *b, const char *name)
{
	if (b->n >= b->info->nparams)
		die("%s (event %u): parameter %s beyond the schema's %u", b->info->name, b->type,
		    name, b->info->nparams);
	const struct scap_param_info *p = &b->info->params[b->n];
	if (strcmp(p->name, name) != 0)
		die("%s (event %u): parameter %u is %s, not %s", b->info->name, b->type, b->n,
		    p->name, name);
	return p;
}

static void evb_put(struct evb *b, const void *data, uint32_t len)
{
	uint8_t *l = b->rec + SCAP_EVT_HEADER_SIZE + b->lw * b->n;

	if (b->used + len > EV_MAX || (b->lw == 2 && len > 0xffff))
		die("%s (event %u): parameter %u too large", b->info->name, b->type, b->n);
	if (b->lw == 2) {
		uint16_t v = (uint16_t)len;
		memcpy(l, &v, 2);
	} else {
		memcpy(l, &len, 4);
	}
	if (len)
		memcpy(b->rec + b->used, data, len);
	b->used += len;
	b->n++;
}

/* A number, as wide as the parameter's type says. */
static void evb_num(struct evb *b, const char *name, int64_t v)
{
	const struct scap_param_info *p = evb_param(b, name);
	unsigned w = scap_param_number_width(p->type);

	if (!w)
		die("%s: parameter %s is not a number", b->info->name, name);
	evb_put(b, &v, w);
}

static void evb_str(struct evb *b, const char *name, const char *s)
{
	const struct scap_param_info *p = evb_param(b, name);

	if (p->type != SCAP_PT_CHARBUF && p->type != SCAP_PT_FSPATH && p->type != SCAP_PT_FSRELPATH)
		die("%s: parameter %s is not a string", b->info->name, name);
	evb_put(b, s, (uint32_t)strlen(s) + 1);
}

/* Bytes: buffers, lists of strings, socket addresses and tuples, fd lists. */
static void evb_mem(struct evb *b, const char *name, const void *data, uint32_t len)
{
	const struct scap_param_info *p = evb_param(b, name);

	if (p->type != SCAP_PT_BYTEBUF && p->type != SCAP_PT_SOCKADDR &&
	    p->type != SCAP_PT_SOCKTUPLE && p->type != SCAP_PT_FDLIST)
		die("%s: parameter %s is not a buffer", b->info->name, name);
	evb_put(b, data, len);
}

static void evb_end(struct evb *b)
{
	if (b->n != b->info->nparams)
		die("%s (event %u): %u parameters, the schema has %u", b->info->name, b->type, b->n,
		    b->info->nparams);
	memcpy(b->rec + offsetof(struct scap_evt, len), &b->used, 4);
	if (scap_event_validate((const struct scap_evt *)b->rec, b->used) != 0)
		die("%s (event %u): scap_event_validate rejects the record", b->info->name,
		    b->type);
}

/* ---- The world's files, peers and programs ---- */

struct file {
	const char *path;
	const char *text; /* how it begins */
	uint32_t textlen;
	uint32_t size; /* what read() returns */
	uint64_t ino;
};

#define TEXT(s) s, sizeof(s) - 1

static const char elf_head[] =
    "\177ELF\2\1\1\3\0\0\0\0\0\0\0\0\3\0>\0\1\0\0\0\120\062\2\0\0\0\0\0@\0\0\0\0\0\0\0"
    "\250\237\36\0\0\0\0\0\0\0\0\0@\0008\0\16\0@\0B\0A\0\6\0\0\0\4\0\0\0@\0\0\0\0\0\0\0";

static const struct file f_passwd = {
    "/etc/passwd",
    TEXT("root:x:0:0:root:/root:/bin/bash\ndaemon:x:1:1:daemon:/usr/sbin:/usr/sbin/nologin\n"
         "bin:x:2:2:bin:/bin:/usr/sbin/nologin\n"),
    1784, 1311020};
static const struct file f_hosts = {
    "/etc/hosts",
    TEXT("127.0.0.1\tlocalhost\n127.0.1.1\tbench-host\n\n# The following lines are desirable "
         "for IPv6 capable hosts\n"),
    221, 1310851};
static const struct file f_os_release = {
    "/etc/os-release",
    TEXT("PRETTY_NAME=\"Debian GNU/Linux 12 (bookworm)\"\nNAME=\"Debian GNU/Linux\"\n"
         "VERSION_ID=\"12\"\n"),
    267, 1318452};
static const struct file f_resolv = {
    "/etc/resolv.conf",
    TEXT("# This is /run/systemd/resolve/stub-resolv.conf managed by man:systemd-resolved(8)."
         "\nnameserver 127.0.0.53\n"),
    920, 1310777};
static const struct file f_nsswitch = {
    "/etc/nsswitch.conf",
    TEXT("# /etc/nsswitch.conf\n#\n# Example configuration of GNU Name Service Switch "
         "functionality.\npasswd:         files\n"),
    542, 1310790};
/* Read only by the commands of synth_options.suspicious. */
static const struct file f_shadow = {
    "/etc/shadow",
    TEXT("root:*:19793:0:99999:7:::\ndaemon:*:19793:0:99999:7:::\nbin:*:19793:0:99999:7:::\n"),
    1012, 1311093};
static const struct file f_id_rsa = {
    "/home/alice/.ssh/id_rsa",
    TEXT("-----BEGIN OPENSSH PRIVATE KEY-----\nb3BlbnNzaC1rZXktdjEAAAAABG5vbmUAAAAEbm9uZQAAAAAAAAAB"
         "AAABlwAAAAdzc2gtcn\n"),
    2602, 2883649};
static const struct file f_ldcache = {
    "/etc/ld.so.cache", TEXT("glibc-ld.so.cache1.1\0\0\0\0\0\0\0\0\0\0\0"), 23541, 1311377};
static const struct file f_crontab = {
    "/etc/crontab",
    TEXT("# /etc/crontab: system-wide crontab\n# Unlike any other crontab you don't have to "
         "run the `crontab'\n"),
    1042, 1310860};
static const struct file f_notes = {
    "/home/alice/notes.txt",
    TEXT("TODO: rotate the build logs\nTODO: check the backup of /srv\nmeeting notes, 14 May:"
         " the cache hit rate is down\n"),
    3127, 2883604};
static const struct file f_syslog = {
    "/var/log/syslog",
    TEXT("May 14 10:00:01 bench-host CRON[2391]: (root) CMD (command -v debian-sa1 > /dev/null"
         " && debian-sa1 1 1)\n"),
    482113, 2359318};
static const struct file f_job = {
    "/home/alice/bin/job.sh",
    TEXT("#!/bin/bash\nset -euo pipefail\nout=/tmp/job-$$.out\nls /tmp > \"$out\"\ncat "
         "\"$out\"\ngrep -c build \"$out\"\n"),
    96, 2883611};
static const struct file f_report = {
    "/home/alice/bin/report.py",
    TEXT("#!/usr/bin/env python3\nimport csv, sys\nrows = list(csv.reader(open('/home/alice/"
         "data.csv')))\n"),
    1404, 2883620};
static const struct file f_csv = {
    "/home/alice/data.csv",
    TEXT("date,host,requests,errors\n2024-05-13,web-1,128301,17\n2024-05-13,web-2,127110,9\n"
         "2024-05-13,web-3,130022,21\n"),
    61952, 2883625};
/* Contents whose name varies (/tmp/build-N.log, /tmp/report-N.txt, ...). */
static const struct file f_buildlog = {
    NULL,
    TEXT("[  1/412] Building C object userspace/libscap/CMakeFiles/scap.dir/scap.c.o\n[  2/41"
         "2] Building C object ...\n"),
    18811, 0};
static const struct file f_report_out = {
    NULL, TEXT("web-1 128301 17\nweb-2 127110 9\nweb-3 130022 21\ntotal 385433 47 0.012%\n"), 68,
    0};
static const struct file f_pyc = {
    NULL,
    TEXT("\247\r\r\n\0\0\0\0\213\216\25f\2444\0\0\343\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\5\0\0"
         "\0\0\0\0\0\363\246\1\0\0\227\0d\0Z\0d\1d\2l\1Z\1d\1d\2l\2Z\2d\1d\3l\3m\4Z\4\1\0"),
    31254, 0};
static const struct file f_elf = {NULL, elf_head, sizeof(elf_head) - 1, 832, 0};
static const struct file f_listing = {
    NULL,
    TEXT("bin\ndata.csv\nnotes.txt\nprojects\nbuild-2391.log\njob-4410.out\nreport-5521.txt"
         "\nsystemd-private-5c1d\n"),
    96, 0};
static const struct file f_dirents = {NULL, TEXT(""), 1216, 0};
static const struct file f_grep_out = {NULL, TEXT("root:x:0:0:root:/root:/bin/bash\n"), 32, 0};
static const struct file f_prompt = {NULL, TEXT("alice@bench-host:~$ "), 20, 0};
static const struct file f_enoent = {NULL, TEXT("cat: /tmp/missing: No such file or directory\n"),
                                     45, 0};
static const struct file f_dns_query = {
    NULL, TEXT("\x1c\x3e\1\0\0\1\0\0\0\0\0\1\7example\3com\0\0\1\0\1\0\0)\4\260\0\0\0\0\0\0"), 40,
    0};
static const struct file f_dns_answer = {
    NULL,
    TEXT("\x1c\x3e\201\200\0\1\0\1\0\0\0\1\7example\3com\0\0\1\0\1\300\14\0\1\0\1\0\0\16\20"
         "\0\4]\270\327\16\0\0)\377\326\0\0\0\0\0\0"),
    56, 0};
static const struct file f_http_req = {
    NULL,
    TEXT("GET / HTTP/1.1\r\nHost: example.com\r\nUser-Agent: curl/7.88.1\r\nAccept: */*\r\n\r"
         "\n"),
    75, 0};
static const struct file f_http_resp = {
    NULL,
    TEXT("HTTP/1.1 200 OK\r\nAge: 412201\r\nCache-Control: max-age=604800\r\nContent-Type: text"
         "/html; charset=UTF-8\r\n"),
    1591, 0};
static const struct file f_redis_req = {NULL, TEXT("*2\r\n$3\r\nGET\r\n$12\r\nreport:count\r\n"),
                                        35, 0};
static const struct file f_redis_resp = {NULL, TEXT("$4\r\n4410\r\n"), 10, 0};
static const struct file f_tty_out = {
    NULL, TEXT("web-1 128301 17\r\nweb-2 127110 9\r\nalice@bench-host:~$ "), 52, 0};
static const struct file f_ssh_packet = {
    NULL,
    TEXT("\0\0\0\x5c\x8a\xd3\x11\xf0\x1e\x4c\x92\x07\xbd\x55\x31\xc8\x0b\x6e\xe2\x47\x19\xa0"
         "\x3f\x81\xd4\x66\x2c\x90\x17\xfe\x08\xb3\x5a\x71\xce\x24\x9b\x43"),
    88, 0};
static const struct file f_syslog_msg = {
    NULL,
    TEXT("<86>May 14 10:00:01 sshd[1190]: pam_unix(sshd:session): session opened for user ali"
         "ce(uid=1000)"),
    96, 0};
static const struct file f_journal_msg = {
    NULL,
    TEXT("PRIORITY=6\nSYSLOG_FACILITY=3\nSYSLOG_IDENTIFIER=systemd\nMESSAGE=Started session-3."
         "scope\n"),
    83, 0};
static const struct file f_journal_rec = {NULL, TEXT("LPKSHHRH\0\0\0\0\0\0\0\0"), 512, 0};

static const char *const python_modules[] = {
    "encodings/__init__",
    "codecs",
    "io",
    "abc",
    "site",
    "os",
    "stat",
    "posixpath",
    "genericpath",
    "_collections_abc",
    "_sitebuiltins",
    "csv",
    "re/__init__",
    "enum",
};
#define N_PYMODULES (sizeof(python_modules) / sizeof(python_modules[0]))

struct peer {
	bool unix_sock;
	bool udp;
	uint8_t ip[4];
	uint16_t port;
	const char *path;  /* unix sockets */
	uint64_t sock_id;  /* unix sockets: the kernel's id of the sender */
	const uint8_t *lo; /* the local address used to reach it */
};

static const uint8_t ip_lo[4] = {127, 0, 0, 1};
static const uint8_t ip_eth0[4] = {10, 0, 2, 15};

enum { PEER_DNS, PEER_WEB, PEER_API, PEER_REDIS, PEER_DEVLOG, PEER_JOURNAL };
static const struct peer peers[] = {
    [PEER_DNS] = {.udp = true, .ip = {127, 0, 0, 53}, .port = 53, .lo = ip_lo},
    [PEER_WEB] = {.ip = {93, 184, 215, 14}, .port = 80, .lo = ip_eth0},
    [PEER_API] = {.ip = {140, 82, 112, 5}, .port = 443, .lo = ip_eth0},
    [PEER_REDIS] = {.ip = {127, 0, 0, 1}, .port = 6379, .lo = ip_lo},
    [PEER_DEVLOG] = {.unix_sock = true, .path = "/dev/log", .sock_id = 0xffff8f0a41a2c000ull},
    [PEER_JOURNAL] = {.unix_sock = true,
                      .path = "/run/systemd/journal/socket",
                      .sock_id = 0xffff8f0a43b18800ull},
};

#define LIB(name) "/lib/x86_64-linux-gnu/" name
static const char *const libs_cat[] = {LIB("libc.so.6"), NULL};
static const char *const libs_ls[] = {LIB("libselinux.so.1"), LIB("libc.so.6"),
                                      LIB("libpcre2-8.so.0"), NULL};
static const char *const libs_grep[] = {LIB("libpcre2-8.so.0"), LIB("libc.so.6"), NULL};
static const char *const libs_curl[] = {LIB("libcurl.so.4"),   LIB("libz.so.1"), LIB("libssl.so.3"),
                                        LIB("libcrypto.so.3"), LIB("libc.so.6"), NULL};
static const char *const libs_bash[] = {LIB("libtinfo.so.6"), LIB("libc.so.6"), NULL};
static const char *const libs_python[] = {LIB("libm.so.6"), LIB("libz.so.1"), LIB("libexpat.so.1"),
                                          LIB("libc.so.6"), NULL};

enum prog { PR_CAT, PR_LS, PR_GREP, PR_CURL, PR_BASH, PR_PYTHON, PR_COUNT };
static const struct program {
	const char *comm, *exepath;
	uint64_t exe_ino;
	uint32_t vm_size, vm_rss; /* KiB, after the loader */
	const char *const *libs;
	unsigned weight; /* how often the shell starts it (of 100) */
} programs[PR_COUNT] = {
    [PR_CAT] = {"cat", "/usr/bin/cat", 1835123, 5480, 1012, libs_cat, 26},
    [PR_LS] = {"ls", "/usr/bin/ls", 1835170, 6860, 1904, libs_ls, 16},
    [PR_GREP] = {"grep", "/usr/bin/grep", 1835150, 6732, 2100, libs_grep, 16},
    [PR_CURL] = {"curl", "/usr/bin/curl", 1837001, 80120, 9840, libs_curl, 10},
    [PR_BASH] = {"bash", "/usr/bin/bash", 1835100, 8740, 3624, libs_bash, 14},
    [PR_PYTHON] = {"python3", "/usr/bin/python3.11", 1838420, 26912, 9200, libs_python, 18},
};

static const char user_env[] = "SHELL=/bin/bash\0PWD=/home/alice\0LOGNAME=alice\0HOME=/home/"
                               "alice\0LANG=C.UTF-8\0TERM=xterm-256color\0USER=alice\0SHLVL=1\0"
                               "PATH=/usr/local/bin:/usr/bin:/bin\0";
static const char user_cgroups[] = "cpuset=/\0cpu=/user.slice/user-1000.slice/session-3.scope\0"
                                   "memory=/user.slice/user-1000.slice/session-3.scope\0pids=/"
                                   "user.slice/user-1000.slice/session-3.scope\0";
static const char system_env[] = "LANG=C.UTF-8\0PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:"
                                 "/usr/bin:/sbin:/bin\0";

/* ---- Tasks and their operations ---- */

struct op {
	uint8_t sc;     /* enum sc */
	uint8_t aux;    /* connect/sendto/recvfrom: the peer; clone: the program */
	int16_t fd;     /* the fd it uses, or the slot it fills (SLOT(n)) */
	int32_t res;    /* the result: 0, a byte count, or a negative errno */
	uint32_t flags; /* open, mmap, access flags; clone: the program's variant */
	uint32_t mode;
	uint32_t sleep;          /* blocks: returns after this many events of others */
	uint64_t len;            /* sizes asked for, lengths mapped */
	const char *path;        /* file names */
	const struct file *file; /* the file opened, or the bytes read or written */
};

struct ident {
	const char *exe, *exepath, *comm, *cwd;
	char args[160];
	uint32_t args_len;
	const char *env, *cgroups;
	uint32_t env_len, cgroups_len;
	uint32_t uid, gid, loginuid, tty;
	int64_t pgid, sid;
	uint32_t vm_size, vm_rss;
	uint64_t pgft_min, exe_ino, caps;
};

struct conn {
	const struct peer *peer;
	uint16_t lport;
};

enum role { R_CHILD, R_SHELL, R_SSHD, R_RSYSLOGD, R_CRON, R_JOURNALD, R_INIT, R_IDLE };

struct task {
	bool used, born, on_cpu, waiting, has_pend, pend_reaps;
	uint8_t role, target;
	uint16_t cpu;
	int64_t tid, pid, ptid;
	struct task *parent, *hatch;
	struct task *prepared; /* shell: the child of the command line it has read */
	struct ident id, next; /* who it is; who it becomes at execve */
	uint64_t fds;          /* open fds below 64, a bit each */
	int64_t slot_fd[SLOTS];
	struct conn conn[64];
	uint64_t map_addr, wake_at, rounds;
	uint32_t children, exited; /* started and not reaped; exited and not reaped */
	uint32_t nops, pc;
	char names[3][64]; /* file names of its own */
	struct file line;  /* shell: the command line it reads */
	char line_text[192];
	struct op ops[MAX_OPS];
	uint8_t pend[EV_MAX]; /* the exit event it emits next */
};

struct gen {
	struct scap_dumper *d;
	uint64_t rng, ts, tick, nevents, limit;
	int64_t next_pid;
	uint16_t next_port;
	uint32_t serial;
	bool failed;
	struct synth_result *res;
	bool suspicious; /* synth_options.suspicious */
	struct task *cpu[NCPUS];
	struct task tasks[MAX_TASKS];
	uint8_t rec[EV_MAX];
};

static uint64_t rnd(struct gen *g)
{
	/* xorshift64* */
	g->rng ^= g->rng >> 12;
	g->rng ^= g->rng << 25;
	g->rng ^= g->rng >> 27;
	return g->rng * 2685821657736338717ull;
}

static uint32_t below(struct gen *g, uint32_t n)
{
	return (uint32_t)((rnd(g) >> 32) % n);
}

static uint32_t between(struct gen *g, uint32_t lo, uint32_t hi)
{
	return lo + below(g, hi - lo + 1);
}

static struct op *push(struct task *t, uint8_t sc)
{
	if (t->nops == MAX_OPS)
		die("more than %d operations for %s", MAX_OPS, t->next.comm);
	struct op *op = &t->ops[t->nops++];
	memset(op, 0, sizeof(*op));
	op->sc = sc;
	return op;
}

static void op_generic(struct task *t, uint8_t sc, uint32_t sleep)
{
	push(t, sc)->sleep = sleep;
}

static void op_openat(struct task *t, int slot, const char *path, const struct file *f,
                      uint32_t flags, uint32_t mode)
{
	struct op *op = push(t, SC_OPENAT);
	op->fd = SLOT(slot);
	op->path = path;
	op->file = f;
	op->flags = flags;
	op->mode = mode;
}

static void op_openat_fail(struct task *t, const char *path, uint32_t flags, int32_t res)
{
	struct op *op = push(t, SC_OPENAT);
	op->fd = SLOT(0);
	op->path = path;
	op->flags = flags;
	op->res = res;
}

static void op_io(struct task *t, uint8_t sc, int16_t fd, const struct file *f, uint64_t asked,
                  int32_t res)
{
	struct op *op = push(t, sc);
	op->fd = fd;
	op->file = f;
	op->len = asked;
	op->res = res;
}

static void op_fd(struct task *t, uint8_t sc, int16_t fd)
{
	push(t, sc)->fd = fd;
}

static void op_mmap(struct task *t, int16_t fd, uint64_t len, uint32_t prot, uint32_t flags)
{
	struct op *op = push(t, SC_MMAP);
	op->fd = fd;
	op->len = len;
	op->mode = prot;
	op->flags = flags;
}

static void op_path(struct task *t, uint8_t sc, const char *path, uint32_t mode, int32_t res)
{
	struct op *op = push(t, sc);
	op->path = path;
	op->mode = mode;
	op->res = res;
}

static void op_socket(struct task *t, int slot, int peer)
{
	struct op *op = push(t, SC_SOCKET);
	op->fd = SLOT(slot);
	op->aux = (uint8_t)peer;
}

static void op_net(struct task *t, uint8_t sc, int16_t fd, int peer, const struct file *f,
                   uint64_t asked, int32_t res, uint32_t sleep)
{
	struct op *op = push(t, sc);
	op->fd = fd;
	op->aux = (uint8_t)peer;
	op->file = f;
	op->len = asked;
	op->res = res;
	op->sleep = sleep;
}

/* A child of `t` that runs program `prog` (variant `variant`). */
static void op_spawn(struct task *t, enum prog prog, uint32_t variant)
{
	struct op *op = push(t, SC_CLONE);
	op->aux = (uint8_t)prog;
	op->flags = variant;
}

static void op_wait(struct task *t)
{
	push(t, SC_WAIT4);
}

/* What ld.so does before main(): the cache, then each library. */
static void push_loader(struct gen *g, struct task *t, const struct program *p)
{
	op_generic(t, SC_BRK, 0);
	op_generic(t, SC_ARCH_PRCTL, 0);
	op_mmap(t, -1, 8192, K.prot_rw, K.map_anon);
	op_path(t, SC_ACCESS, "/etc/ld.so.preload", K.r_ok, (int32_t)K.enoent);
	op_openat(t, 0, f_ldcache.path, &f_ldcache, K.o_rd_cloexec, 0);
	op_fd(t, SC_FSTAT, SLOT(0));
	op_mmap(t, SLOT(0), f_ldcache.size, K.prot_r, K.map_priv);
	op_fd(t, SC_CLOSE, SLOT(0));
	for (const char *const *lib = p->libs; *lib; lib++) {
		op_openat(t, 0, *lib, &f_elf, K.o_rd_cloexec, 0);
		op_io(t, SC_READ, SLOT(0), &f_elf, 832, 832);
		op_fd(t, SC_FSTAT, SLOT(0));
		op_mmap(t, SLOT(0), 2 << 20 | (below(g, 64) << 12), K.prot_r, K.map_priv_deny);
		op_mmap(t, SLOT(0), 1 << 20 | (below(g, 64) << 12), K.prot_rx, K.map_fixed_deny);
		op_fd(t, SC_CLOSE, SLOT(0));
	}
	op_mmap(t, -1, 12288, K.prot_rw, K.map_anon);
	op_generic(t, SC_ARCH_PRCTL, 0);
	op_generic(t, SC_SET_TID_ADDRESS, 0);
	op_generic(t, SC_SET_ROBUST_LIST, 0);
	for (int i = 0; i < 3; i++) {
		struct op *op = push(t, SC_MPROTECT);
		op->len = 4096u << i;
		op->mode = K.prot_r;
	}
	op_generic(t, SC_PRLIMIT64, 0);
	op_generic(t, SC_MUNMAP, 0);
	op_generic(t, SC_GETRANDOM, 0);
	op_generic(t, SC_BRK, 0);
	op_generic(t, SC_BRK, 0);
}

static void push_exit(struct task *t)
{
	op_fd(t, SC_CLOSE, 1);
	op_fd(t, SC_CLOSE, 2);
	op_generic(t, SC_EXIT_GROUP, 0);
	push(t, OP_PROCEXIT);
}

/* The files cat reads, by variant: one without a path is /tmp/build-N.log; NULL, a missing file.
 * The last two, only with synth_options.suspicious. */
static const struct file *const cat_files[] = {&f_passwd, &f_hosts,    &f_os_release,
                                               &f_resolv, &f_buildlog, &f_notes,
                                               NULL,      &f_shadow,   &f_id_rsa};
enum { CAT_SHADOW = 7, CAT_ID_RSA = 8, GREP_PRIVATE_KEY = 3 };

/* With synth_options.suspicious, one cat in 50 reads /etc/shadow or alice's ssh key and one grep
 * in 30 looks for private keys; the extra draws leave the file unchanged without the option. */
static uint32_t choose_variant(struct gen *g, enum prog prog)
{
	switch (prog) {
	case PR_CAT: {
		if (g->suspicious && below(g, 50) == 0)
			return below(g, 2) ? CAT_SHADOW : CAT_ID_RSA;
		uint32_t r = below(g, 100);
		return r < 22   ? 0
		       : r < 34 ? 1
		       : r < 40 ? 2
		       : r < 44 ? 3
		       : r < 78 ? 4
		       : r < 95 ? 5
		                : 6;
	}
	case PR_LS:
		return below(g, 4);
	case PR_GREP:
		if (g->suspicious && below(g, 30) == 0)
			return GREP_PRIVATE_KEY;
		return below(g, 3);
	case PR_CURL:
	case PR_PYTHON:
		return below(g, 2);
	default:
		return 0;
	}
}

static void args_add(struct ident *id, const char *s)
{
	size_t n = strlen(s) + 1;

	if (id->args_len + n > sizeof(id->args))
		die("arguments too long");
	memcpy(id->args + id->args_len, s, n);
	id->args_len += (uint32_t)n;
}

/* The operations of a child from its clone to its exit; `t->next` is who it becomes. */
static void build_child(struct gen *g, struct task *t, enum prog prog, uint32_t variant)
{
	const struct program *p = &programs[prog];
	struct ident *id = &t->next;
	uint32_t n = ++g->serial;

	*id = t->id;
	id->exe = p->comm;
	id->exepath = p->exepath;
	id->comm = p->comm;
	id->args_len = 0;
	id->vm_size = p->vm_size + below(g, 256) * 4;
	id->vm_rss = p->vm_rss + below(g, 128) * 4;
	id->pgft_min = 60 + below(g, 400);
	id->exe_ino = p->exe_ino;
	if (t->parent->role == R_SHELL)
		id->pgid = t->pid; /* a job of its own */

	t->nops = t->pc = 0;
	push(t, OP_CLONE_CHILD);
	push(t, SC_EXECVE);
	push_loader(g, t, p);
	g->res->processes++;

	switch (prog) {
	case PR_CAT: {
		const struct file *f = cat_files[variant];
		const char *path;
		if (!f) {
			snprintf(t->names[0], sizeof(t->names[0]), "/tmp/missing-%u", n);
			args_add(id, t->names[0]);
			op_openat_fail(t, t->names[0], K.o_rdonly, (int32_t)K.enoent);
			op_io(t, SC_WRITE, 2, &f_enoent, f_enoent.size, (int32_t)f_enoent.size);
			g->res->cats++;
			break;
		}
		if (f->path) {
			path = f->path;
		} else {
			snprintf(t->names[0], sizeof(t->names[0]), "/tmp/build-%u.log", n);
			path = t->names[0];
		}
		args_add(id, path);
		g->res->cats++;
		if (variant >= CAT_SHADOW)
			g->res->suspicious++;
		if (strncmp(path, "/etc/", 5) == 0)
			g->res->cats_etc++;
		op_openat(t, 1, path, f, K.o_rdonly, 0);
		op_fd(t, SC_FSTAT, SLOT(1));
		op_mmap(t, -1, 139264, K.prot_rw, K.map_anon);
		for (uint32_t left = f->size; left;) {
			uint32_t chunk = left < 131072 ? left : 131072;
			op_io(t, SC_READ, SLOT(1), f, 131072, (int32_t)chunk);
			op_io(t, SC_WRITE, 1, f, chunk, (int32_t)chunk);
			left -= chunk;
		}
		op_io(t, SC_READ, SLOT(1), f, 131072, 0);
		op_generic(t, SC_MUNMAP, 0);
		op_fd(t, SC_CLOSE, SLOT(1));
		break;
	}
	case PR_LS: {
		static const char *const dirs[] = {"/home/alice", "/tmp", "/etc", "/var/log"};
		args_add(id, "--color=auto");
		args_add(id, dirs[variant]);
		op_openat(t, 1, dirs[variant], &f_dirents, K.o_dir, 0);
		op_fd(t, SC_FSTAT, SLOT(1));
		op_generic(t, SC_GETDENTS64, 0);
		op_generic(t, SC_GETDENTS64, 0);
		op_fd(t, SC_CLOSE, SLOT(1));
		op_io(t, SC_WRITE, 1, &f_listing, f_listing.size, (int32_t)f_listing.size);
		break;
	}
	case PR_GREP: {
		const struct file *f = variant == 0   ? &f_passwd
		                       : variant == 1 ? &f_syslog
		                                      : &f_notes;
		if (variant == 1)
			args_add(id, "-i");
		if (variant == GREP_PRIVATE_KEY) {
			args_add(id, "-l");
			args_add(id, "BEGIN RSA PRIVATE KEY");
			g->res->suspicious++;
		} else {
			args_add(id, variant == 0 ? "root" : variant == 1 ? "error" : "TODO");
		}
		args_add(id, f->path);
		op_openat(t, 1, f->path, f, K.o_rdonly, 0);
		op_fd(t, SC_FSTAT, SLOT(1));
		uint32_t left = f->size < 3 * 98304 ? f->size : 3 * 98304;
		while (left) {
			uint32_t chunk = left < 98304 ? left : 98304;
			op_io(t, SC_READ, SLOT(1), f, 98304, (int32_t)chunk);
			left -= chunk;
		}
		if (variant != GREP_PRIVATE_KEY) /* no key in the notes: nothing to print */
			op_io(t, SC_WRITE, 1, &f_grep_out, f_grep_out.size,
			      (int32_t)f_grep_out.size);
		op_io(t, SC_READ, SLOT(1), f, 98304, 0);
		op_fd(t, SC_CLOSE, SLOT(1));
		break;
	}
	case PR_CURL: {
		int peer = variant ? PEER_API : PEER_WEB;
		args_add(id, "-s");
		args_add(id, variant ? "https://api.github.com/zen" : "http://example.com/");
		for (const struct file *const *f =
		         (const struct file *const[]){&f_nsswitch, &f_resolv, &f_hosts, NULL};
		     *f; f++) {
			op_openat(t, 1, (*f)->path, *f, K.o_rd_cloexec, 0);
			op_fd(t, SC_FSTAT, SLOT(1));
			op_io(t, SC_READ, SLOT(1), *f, 4096, (int32_t)(*f)->size);
			op_io(t, SC_READ, SLOT(1), *f, 4096, 0);
			op_fd(t, SC_CLOSE, SLOT(1));
		}
		op_socket(t, 2, PEER_DNS);
		op_net(t, SC_CONNECT, SLOT(2), PEER_DNS, NULL, 0, 0, 0);
		op_net(t, SC_SENDTO, SLOT(2), PEER_DNS, &f_dns_query, f_dns_query.size,
		       (int32_t)f_dns_query.size, 0);
		op_generic(t, SC_POLL, between(g, 20, 200));
		op_net(t, SC_RECVFROM, SLOT(2), PEER_DNS, &f_dns_answer, 2048,
		       (int32_t)f_dns_answer.size, 0);
		op_fd(t, SC_CLOSE, SLOT(2));
		op_socket(t, 2, peer);
		op_net(t, SC_CONNECT, SLOT(2), peer, NULL, 0, 0, between(g, 50, 400));
		op_net(t, SC_SENDTO, SLOT(2), peer, &f_http_req, f_http_req.size,
		       (int32_t)f_http_req.size, 0);
		for (uint32_t i = between(g, 1, 4); i; i--) {
			op_generic(t, SC_POLL, between(g, 30, 300));
			op_net(t, SC_RECVFROM, SLOT(2), peer, &f_http_resp, 102400,
			       (int32_t)f_http_resp.size, 0);
		}
		op_io(t, SC_WRITE, 1, &f_http_resp, 1256, 1256);
		op_fd(t, SC_CLOSE, SLOT(2));
		break;
	}
	case PR_BASH: {
		args_add(id, f_job.path);
		op_openat(t, 1, f_job.path, &f_job, K.o_rdonly, 0);
		op_fd(t, SC_FSTAT, SLOT(1));
		op_io(t, SC_READ, SLOT(1), &f_job, 80, 80);
		for (int i = 0; i < 3; i++)
			op_generic(t, SC_RT_SIGACTION, 0);
		/* Its own children: ls, cat and grep of its output file. */
		op_spawn(t, PR_LS, 1);
		op_wait(t);
		op_spawn(t, PR_CAT, 4);
		op_wait(t);
		if (below(g, 2)) {
			op_spawn(t, PR_GREP, 1);
			op_wait(t);
		}
		op_io(t, SC_READ, SLOT(1), &f_job, 80, 0);
		op_fd(t, SC_CLOSE, SLOT(1));
		break;
	}
	case PR_PYTHON: {
		args_add(id, f_report.path);
		for (size_t i = 0; i < N_PYMODULES; i++) {
			/* The path strings are made once and kept. */
			static char py[N_PYMODULES][96], pyc[N_PYMODULES][112];
			if (!py[i][0]) {
				const char *m = python_modules[i];
				const char *slash = strchr(m, '/');
				snprintf(py[i], sizeof(py[i]), "/usr/lib/python3.11/%s.py", m);
				if (slash)
					snprintf(pyc[i], sizeof(pyc[i]),
					         "/usr/lib/python3.11/%.*s/__pycache__/"
					         "%s.cpython-311.pyc",
					         (int)(slash - m), m, slash + 1);
				else
					snprintf(
					    pyc[i], sizeof(pyc[i]),
					    "/usr/lib/python3.11/__pycache__/%s.cpython-311.pyc",
					    m);
			}
			op_path(t, SC_STAT, py[i], 0, 0);
			op_openat(t, 1, pyc[i], &f_pyc, K.o_rd_cloexec, 0);
			op_fd(t, SC_FSTAT, SLOT(1));
			op_io(t, SC_READ, SLOT(1), &f_pyc, f_pyc.size + 1, (int32_t)f_pyc.size);
			op_io(t, SC_READ, SLOT(1), &f_pyc, 1, 0);
			op_fd(t, SC_CLOSE, SLOT(1));
		}
		op_openat(t, 1, f_report.path, &f_report, K.o_rd_cloexec, 0);
		op_io(t, SC_READ, SLOT(1), &f_report, 4096, (int32_t)f_report.size);
		op_fd(t, SC_CLOSE, SLOT(1));
		op_openat(t, 1, f_csv.path, &f_csv, K.o_rd_cloexec, 0);
		op_io(t, SC_READ, SLOT(1), &f_csv, 65536, (int32_t)f_csv.size);
		op_io(t, SC_READ, SLOT(1), &f_csv, 65536, 0);
		op_fd(t, SC_CLOSE, SLOT(1));
		if (variant) {
			op_socket(t, 2, PEER_REDIS);
			op_net(t, SC_CONNECT, SLOT(2), PEER_REDIS, NULL, 0, 0, 0);
			op_net(t, SC_SENDTO, SLOT(2), PEER_REDIS, &f_redis_req, f_redis_req.size,
			       (int32_t)f_redis_req.size, 0);
			op_net(t, SC_RECVFROM, SLOT(2), PEER_REDIS, &f_redis_resp, 65536,
			       (int32_t)f_redis_resp.size, between(g, 10, 80));
			op_fd(t, SC_CLOSE, SLOT(2));
		}
		snprintf(t->names[0], sizeof(t->names[0]), "/tmp/report-%u.txt", n);
		op_openat(t, 1, t->names[0], &f_report_out, K.o_wr_create, 0666);
		op_io(t, SC_WRITE, SLOT(1), &f_report_out, f_report_out.size,
		      (int32_t)f_report_out.size);
		op_fd(t, SC_CLOSE, SLOT(1));
		op_io(t, SC_WRITE, 1, &f_report_out, f_report_out.size, (int32_t)f_report_out.size);
		break;
	}
	case PR_COUNT:
		break;
	}
	push_exit(t);
}

static struct task *child_new(struct gen *g, struct task *t, enum prog prog, uint32_t variant);

/* The shell's command line for the child it has prepared: "comm arg...\n". */
static void command_line(struct task *t)
{
	const struct ident *id = &t->prepared->next;
	size_t n = (size_t)snprintf(t->line_text, sizeof(t->line_text), "%s ", id->comm);

	for (uint32_t i = 0; i < id->args_len && n + 2 < sizeof(t->line_text); i++)
		t->line_text[n++] = id->args[i] ? id->args[i] : ' ';
	if (n && t->line_text[n - 1] == ' ')
		n--;
	t->line_text[n++] = '\n';
	t->line = (struct file){.text = t->line_text, .textlen = (uint32_t)n, .size = (uint32_t)n};
}

/* The next round of a long-lived task. */
static void refill(struct gen *g, struct task *t)
{
	t->nops = t->pc = 0;
	t->rounds++;
	switch (t->role) {
	case R_SHELL:
		if (t->exited || t->children >= t->target) {
			op_wait(t);
			if (!below(g, 4))
				t->target = (uint8_t)between(g, 1, 4);
		} else {
			uint32_t r = below(g, 100), prog = 0;
			while (r >= programs[prog].weight) {
				r -= programs[prog].weight;
				prog++;
			}
			t->prepared =
			    child_new(g, t, (enum prog)prog, choose_variant(g, (enum prog)prog));
			command_line(t);
			op_io(t, SC_WRITE, 2, &f_prompt, f_prompt.size, (int32_t)f_prompt.size);
			op_io(t, SC_READ, 0, &t->line, 1024, (int32_t)t->line.size);
			t->ops[t->nops - 1].sleep = between(g, 20, 600);
			op_generic(t, SC_RT_SIGACTION, 0);
			op_spawn(t, (enum prog)prog, 0);
		}
		break;
	case R_SSHD:
		op_generic(t, SC_POLL, between(g, 100, 1500));
		op_io(t, SC_READ, 9, &f_tty_out, 16384, (int32_t)f_tty_out.size);
		op_io(t, SC_WRITE, 3, &f_ssh_packet, f_ssh_packet.size, (int32_t)f_ssh_packet.size);
		break;
	case R_RSYSLOGD:
		op_net(t, SC_RECVFROM, 3, PEER_DEVLOG, &f_syslog_msg, 8096,
		       (int32_t)f_syslog_msg.size, between(g, 200, 3000));
		op_io(t, SC_WRITE, 7, &f_syslog_msg, f_syslog_msg.size, (int32_t)f_syslog_msg.size);
		break;
	case R_CRON:
		op_generic(t, SC_NANOSLEEP, between(g, 3000, 15000));
		if (t->rounds % 4 == 0) {
			op_path(t, SC_STAT, f_crontab.path, 0, 0);
			op_openat(t, 1, f_crontab.path, &f_crontab, K.o_rd_cloexec, 0);
			op_fd(t, SC_FSTAT, SLOT(1));
			op_io(t, SC_READ, SLOT(1), &f_crontab, 4096, (int32_t)f_crontab.size);
			op_io(t, SC_READ, SLOT(1), &f_crontab, 4096, 0);
			op_fd(t, SC_CLOSE, SLOT(1));
		}
		break;
	case R_JOURNALD:
		op_generic(t, SC_EPOLL_WAIT, between(g, 300, 3000));
		op_net(t, SC_RECVFROM, 3, PEER_JOURNAL, &f_journal_msg, 16384,
		       (int32_t)f_journal_msg.size, 0);
		op_io(t, SC_WRITE, 10, &f_journal_rec, f_journal_rec.size,
		      (int32_t)f_journal_rec.size);
		break;
	case R_INIT:
		op_generic(t, SC_EPOLL_WAIT, between(g, 20000, 80000));
		break;
	default:
		die("task %ld has nothing to do", (long)t->tid);
	}
}

/* ---- The interpreter: operations to events ---- */

static int64_t fd_of(const struct task *t, int16_t ref)
{
	return ref >= -1 ? ref : t->slot_fd[SLOT_INDEX(ref)];
}

static int64_t fd_alloc(struct task *t)
{
	for (int fd = 0; fd < 64; fd++) {
		if (!(t->fds & (1ull << fd))) {
			t->fds |= 1ull << fd;
			return fd;
		}
	}
	die("%s (%ld) has no fd left", t->id.comm, (long)t->tid);
}

static void fd_free(struct task *t, int64_t fd)
{
	if (fd >= 0 && fd < 64)
		t->fds &= ~(1ull << fd);
}

static uint32_t data_len(const struct file *f, int32_t res)
{
	uint32_t n = res > 0 ? (uint32_t)res : 0;

	if (!f)
		return n < SNAPLEN ? n : SNAPLEN;
	if (n > f->textlen)
		n = f->textlen;
	return n < SNAPLEN ? n : SNAPLEN;
}

static const char *data_of(const struct file *f)
{
	return f ? f->text : "";
}

static uint32_t sockaddr_of(const struct peer *p, uint8_t *out)
{
	if (p->unix_sock) {
		out[0] = K.af_unix;
		size_t n = strlen(p->path) + 1;
		memcpy(out + 1, p->path, n);
		return 1 + (uint32_t)n;
	}
	out[0] = K.af_inet;
	memcpy(out + 1, p->ip, 4);
	memcpy(out + 5, &p->port, 2);
	return 7;
}

/* Local end first, as the drivers write it. */
static uint32_t tuple_of(const struct task *t, int64_t fd, const struct peer *p, uint8_t *out)
{
	if (p->unix_sock) {
		uint64_t dest = 0;
		out[0] = K.af_unix;
		memcpy(out + 1, &p->sock_id, 8);
		memcpy(out + 9, &dest, 8);
		size_t n = strlen(p->path) + 1;
		memcpy(out + 17, p->path, n);
		return 17 + (uint32_t)n;
	}
	uint16_t lport = (fd >= 0 && fd < 64) ? t->conn[fd].lport : 0;
	out[0] = K.af_inet;
	memcpy(out + 1, p->lo, 4);
	memcpy(out + 5, &lport, 2);
	memcpy(out + 7, p->ip, 4);
	memcpy(out + 11, &p->port, 2);
	return 13;
}

static void generic(struct evb *b, uint8_t *rec, const struct task *t, uint8_t sc, bool enter)
{
	evb_begin(b, rec, enter ? SCAP_EV_GENERIC_E : SCAP_EV_GENERIC_X, t->tid);
	evb_num(b, "ID", sc_info[sc].ppm_sc);
	evb_num(b, "nativeID", sc_info[sc].nr);
	evb_end(b);
}

/* The parameters clone and execve exits share, after res: exe through cgroups. */
static void evb_process_params(struct evb *b, const struct task *t)
{
	const struct ident *id = &t->id;

	evb_str(b, "exe", id->exe);
	evb_mem(b, "args", id->args, id->args_len);
	evb_num(b, "tid", t->tid);
	evb_num(b, "pid", t->pid);
	evb_num(b, "ptid", t->ptid);
	evb_str(b, "cwd", id->cwd);
	evb_num(b, "fdlimit", 1024);
	evb_num(b, "pgft_maj", 0);
	evb_num(b, "pgft_min", (int64_t)id->pgft_min);
	evb_num(b, "vm_size", id->vm_size);
	evb_num(b, "vm_rss", id->vm_rss);
	evb_num(b, "vm_swap", 0);
	evb_str(b, "comm", id->comm);
	evb_mem(b, "cgroups", id->cgroups, id->cgroups_len);
}

static void clone_exit(uint8_t *rec, const struct task *t, int64_t res)
{
	const struct ident *id = &t->id;
	struct evb b;

	evb_begin(&b, rec, SCAP_EV_SYSCALL_CLONE_20_X, t->tid);
	evb_num(&b, "res", res);
	evb_process_params(&b, t);
	evb_num(&b, "flags", K.clone_fork);
	evb_num(&b, "uid", id->uid);
	evb_num(&b, "gid", id->gid);
	evb_num(&b, "vtid", t->tid);
	evb_num(&b, "vpid", t->pid);
	evb_num(&b, "pidns_init_start_ts", 0);
	evb_end(&b);
}

static void execve_exit(uint8_t *rec, const struct task *t, uint64_t ts)
{
	const struct ident *id = &t->id;
	struct evb b;

	evb_begin(&b, rec, SCAP_EV_SYSCALL_EXECVE_19_X, t->tid);
	evb_num(&b, "res", 0);
	evb_process_params(&b, t);
	evb_mem(&b, "env", id->env, id->env_len);
	evb_num(&b, "tty", id->tty);
	evb_num(&b, "vpgid", id->pgid);
	evb_num(&b, "loginuid", id->loginuid);
	evb_num(&b, "flags", 0);
	evb_num(&b, "cap_inheritable", 0);
	evb_num(&b, "cap_permitted", (int64_t)id->caps);
	evb_num(&b, "cap_effective", (int64_t)id->caps);
	evb_num(&b, "exe_ino", (int64_t)id->exe_ino);
	evb_num(&b, "exe_ino_ctime", (int64_t)(ts - 86400ull * 1000000000 * 40));
	evb_num(&b, "exe_ino_mtime", (int64_t)(ts - 86400ull * 1000000000 * 90));
	evb_num(&b, "uid", id->uid);
	evb_str(&b, "trusted_exepath", id->exepath);
	evb_num(&b, "pgid", id->pgid);
	evb_num(&b, "gid", id->gid);
	evb_str(&b, "filename", id->exepath);
	evb_end(&b);
}

static struct task *task_new(struct gen *g)
{
	for (int i = 0; i < MAX_TASKS; i++) {
		struct task *t = &g->tasks[i];
		if (!t->used) {
			memset(t, 0, offsetof(struct task, ops));
			t->used = true;
			return t;
		}
	}
	die("more than %d tasks", MAX_TASKS);
}

static bool pid_in_use(const struct gen *g, int64_t pid)
{
	for (int i = 0; i < MAX_TASKS; i++)
		if (g->tasks[i].used && g->tasks[i].tid == pid)
			return true;
	return false;
}

static int64_t pid_alloc(struct gen *g)
{
	do {
		g->next_pid += 1 + (below(g, 8) == 0 ? below(g, 4) : 0);
		if (g->next_pid >= 32768)
			g->next_pid = 2000;
	} while (pid_in_use(g, g->next_pid));
	return g->next_pid;
}

/* A child of `t` that will run `prog`; it is not born before its parent's clone returns. */
static struct task *child_new(struct gen *g, struct task *t, enum prog prog, uint32_t variant)
{
	struct task *c = task_new(g);

	c->role = R_CHILD;
	c->tid = c->pid = pid_alloc(g);
	c->ptid = t->pid;
	c->parent = t;
	c->id = t->id;
	c->fds = 0x7; /* stdin, stdout and stderr */
	c->map_addr = 0x7f3a10000000ull + ((uint64_t)below(g, 1 << 16) << 20);
	build_child(g, c, prog, variant);
	return c;
}

/* The parent's side of clone: the child exists from here, and runs once the exit is out. */
static void spawn(struct gen *g, struct task *t, const struct op *op)
{
	struct task *c = t->prepared ? t->prepared : child_new(g, t, (enum prog)op->aux, op->flags);

	t->prepared = NULL;
	t->hatch = c;
	t->children++;
}

/* Builds the operation's enter event into g->rec and its exit into t->pend; returns which of
 * them there are (1: enter, 2: exit). */
static unsigned run_op(struct gen *g, struct task *t, struct op *op)
{
	struct evb e, x;
	uint8_t addr[128];
	int64_t fd = 0;

	switch (op->sc) {
	case OP_CLONE_CHILD:
		clone_exit(t->pend, t, 0);
		return 2;
	case OP_PROCEXIT:
		evb_begin(&e, g->rec, SCAP_EV_PROCEXIT_1_E, t->tid);
		evb_num(&e, "status", 0);
		evb_num(&e, "ret", 0);
		evb_num(&e, "sig", 0);
		evb_num(&e, "core", 0);
		evb_num(&e, "reaper_tid", 0);
		evb_end(&e);
		return 1;
	case SC_EXIT_GROUP: /* never returns */
		generic(&e, g->rec, t, op->sc, true);
		return 1;
	case SC_WAIT4:
		t->waiting = true;
		t->pend_reaps = true;
		break;
	default:
		break;
	}
	if (sc_spec[op->sc].enter == SCAP_EV_GENERIC_E) {
		generic(&e, g->rec, t, op->sc, true);
		generic(&x, t->pend, t, op->sc, false);
		return 3;
	}

	switch (op->sc) {
	case SC_OPENAT: {
		fd = op->res < 0 ? op->res : fd_alloc(t);
		if (fd >= 0)
			t->slot_fd[SLOT_INDEX(op->fd)] = fd;
		evb_begin(&e, g->rec, SCAP_EV_SYSCALL_OPENAT_2_E, t->tid);
		evb_num(&e, "dirfd", AT_FDCWD_);
		evb_str(&e, "name", op->path);
		evb_num(&e, "flags", op->flags);
		evb_num(&e, "mode", op->mode);
		evb_end(&e);
		evb_begin(&x, t->pend, SCAP_EV_SYSCALL_OPENAT_2_X, t->tid);
		evb_num(&x, "fd", fd);
		evb_num(&x, "dirfd", AT_FDCWD_);
		evb_str(&x, "name", op->path);
		evb_num(&x, "flags", op->flags);
		evb_num(&x, "mode", op->mode);
		evb_num(&x, "dev", strncmp(op->path, "/tmp/", 5) == 0 ? 0x2a : 0x803);
		evb_num(&x, "ino",
		        op->file && op->file->ino
		            ? (int64_t)op->file->ino
		            : (int64_t)(3000000 + (g->serial * 7919) % 900000));
		evb_end(&x);
		return 3;
	}
	case SC_READ:
	case SC_WRITE: {
		bool rd = op->sc == SC_READ;
		fd = fd_of(t, op->fd);
		evb_begin(&e, g->rec, rd ? SCAP_EV_SYSCALL_READ_E : SCAP_EV_SYSCALL_WRITE_E,
		          t->tid);
		evb_num(&e, "fd", fd);
		evb_num(&e, "size", (int64_t)op->len);
		evb_end(&e);
		evb_begin(&x, t->pend, rd ? SCAP_EV_SYSCALL_READ_X : SCAP_EV_SYSCALL_WRITE_X,
		          t->tid);
		evb_num(&x, "res", op->res);
		evb_mem(&x, "data", data_of(op->file), data_len(op->file, op->res));
		evb_num(&x, "fd", fd);
		evb_num(&x, "size", (int64_t)op->len);
		evb_end(&x);
		return 3;
	}
	case SC_CLOSE:
		fd = fd_of(t, op->fd);
		fd_free(t, fd);
		evb_begin(&e, g->rec, SCAP_EV_SYSCALL_CLOSE_E, t->tid);
		evb_num(&e, "fd", fd);
		evb_end(&e);
		evb_begin(&x, t->pend, SCAP_EV_SYSCALL_CLOSE_X, t->tid);
		evb_num(&x, "res", 0);
		evb_num(&x, "fd", fd);
		evb_end(&x);
		return 3;
	case SC_FSTAT:
		fd = fd_of(t, op->fd);
		evb_begin(&e, g->rec, SCAP_EV_SYSCALL_FSTAT_E, t->tid);
		evb_num(&e, "fd", fd);
		evb_end(&e);
		evb_begin(&x, t->pend, SCAP_EV_SYSCALL_FSTAT_X, t->tid);
		evb_num(&x, "res", 0);
		evb_num(&x, "fd", fd);
		evb_end(&x);
		return 3;
	case SC_STAT:
		evb_begin(&e, g->rec, SCAP_EV_SYSCALL_STAT_E, t->tid);
		evb_end(&e);
		evb_begin(&x, t->pend, SCAP_EV_SYSCALL_STAT_X, t->tid);
		evb_num(&x, "res", op->res);
		evb_str(&x, "path", op->path);
		evb_end(&x);
		return 3;
	case SC_ACCESS:
		evb_begin(&e, g->rec, SCAP_EV_SYSCALL_ACCESS_E, t->tid);
		evb_num(&e, "mode", op->mode);
		evb_end(&e);
		evb_begin(&x, t->pend, SCAP_EV_SYSCALL_ACCESS_X, t->tid);
		evb_num(&x, "res", op->res);
		evb_str(&x, "name", op->path);
		evb_num(&x, "mode", op->mode);
		evb_end(&x);
		return 3;
	case SC_MMAP: {
		uint64_t at = t->map_addr;
		fd = fd_of(t, op->fd);
		t->map_addr += (op->len + 4095) & ~4095ull;
		t->id.vm_size += (uint32_t)(op->len >> 10);
		t->id.vm_rss += 4;
		evb_begin(&e, g->rec, SCAP_EV_SYSCALL_MMAP_E, t->tid);
		evb_num(&e, "addr", 0);
		evb_num(&e, "length", (int64_t)op->len);
		evb_num(&e, "prot", op->mode);
		evb_num(&e, "flags", op->flags);
		evb_num(&e, "fd", fd);
		evb_num(&e, "offset", 0);
		evb_end(&e);
		evb_begin(&x, t->pend, SCAP_EV_SYSCALL_MMAP_X, t->tid);
		evb_num(&x, "res", (int64_t)at);
		evb_num(&x, "vm_size", t->id.vm_size);
		evb_num(&x, "vm_rss", t->id.vm_rss);
		evb_num(&x, "vm_swap", 0);
		evb_num(&x, "addr", 0);
		evb_num(&x, "length", (int64_t)op->len);
		evb_num(&x, "prot", op->mode);
		evb_num(&x, "flags", op->flags);
		evb_num(&x, "fd", fd);
		evb_num(&x, "offset", 0);
		evb_end(&x);
		return 3;
	}
	case SC_MPROTECT:
		evb_begin(&e, g->rec, SCAP_EV_SYSCALL_MPROTECT_E, t->tid);
		evb_num(&e, "addr", (int64_t)(t->map_addr - op->len));
		evb_num(&e, "length", (int64_t)op->len);
		evb_num(&e, "prot", op->mode);
		evb_end(&e);
		evb_begin(&x, t->pend, SCAP_EV_SYSCALL_MPROTECT_X, t->tid);
		evb_num(&x, "res", 0);
		evb_num(&x, "addr", (int64_t)(t->map_addr - op->len));
		evb_num(&x, "length", (int64_t)op->len);
		evb_num(&x, "prot", op->mode);
		evb_end(&x);
		return 3;
	case SC_SOCKET: {
		const struct peer *p = &peers[op->aux];
		fd = fd_alloc(t);
		t->slot_fd[SLOT_INDEX(op->fd)] = fd;
		t->conn[fd].peer = p;
		t->conn[fd].lport = g->next_port;
		g->next_port = g->next_port >= 60999 ? 32768 : g->next_port + 1;
		uint32_t type = p->udp ? 2 : 1; /* SOCK_DGRAM, SOCK_STREAM */
		evb_begin(&e, g->rec, SCAP_EV_SOCKET_SOCKET_E, t->tid);
		evb_num(&e, "domain", K.af_inet);
		evb_num(&e, "type", type);
		evb_num(&e, "proto", 0);
		evb_end(&e);
		evb_begin(&x, t->pend, SCAP_EV_SOCKET_SOCKET_X, t->tid);
		evb_num(&x, "fd", fd);
		evb_num(&x, "domain", K.af_inet);
		evb_num(&x, "type", type);
		evb_num(&x, "proto", 0);
		evb_num(&x, "flags", 0);
		evb_end(&x);
		return 3;
	}
	case SC_CONNECT: {
		const struct peer *p = &peers[op->aux];
		uint32_t an = sockaddr_of(p, addr), tn;
		uint8_t tuple[64];
		fd = fd_of(t, op->fd);
		tn = tuple_of(t, fd, p, tuple);
		evb_begin(&e, g->rec, SCAP_EV_SOCKET_CONNECT_E, t->tid);
		evb_num(&e, "fd", fd);
		evb_mem(&e, "addr", addr, an);
		evb_end(&e);
		evb_begin(&x, t->pend, SCAP_EV_SOCKET_CONNECT_X, t->tid);
		evb_num(&x, "res", op->res);
		evb_mem(&x, "tuple", tuple, tn);
		evb_num(&x, "fd", fd);
		evb_mem(&x, "addr", addr, an);
		evb_end(&x);
		return 3;
	}
	case SC_SENDTO: {
		uint32_t tn;
		fd = fd_of(t, op->fd);
		tn = tuple_of(t, fd, &peers[op->aux], addr);
		evb_begin(&e, g->rec, SCAP_EV_SOCKET_SENDTO_E, t->tid);
		evb_num(&e, "fd", fd);
		evb_num(&e, "size", (int64_t)op->len);
		evb_mem(&e, "tuple", addr, tn);
		evb_end(&e);
		evb_begin(&x, t->pend, SCAP_EV_SOCKET_SENDTO_X, t->tid);
		evb_num(&x, "res", op->res);
		evb_mem(&x, "data", data_of(op->file), data_len(op->file, op->res));
		evb_num(&x, "fd", fd);
		evb_num(&x, "size", (int64_t)op->len);
		evb_mem(&x, "tuple", addr, tn);
		evb_end(&x);
		return 3;
	}
	case SC_RECVFROM: {
		uint32_t tn;
		fd = fd_of(t, op->fd);
		tn = tuple_of(t, fd, &peers[op->aux], addr);
		evb_begin(&e, g->rec, SCAP_EV_SOCKET_RECVFROM_E, t->tid);
		evb_num(&e, "fd", fd);
		evb_num(&e, "size", (int64_t)op->len);
		evb_end(&e);
		evb_begin(&x, t->pend, SCAP_EV_SOCKET_RECVFROM_X, t->tid);
		evb_num(&x, "res", op->res);
		evb_mem(&x, "data", data_of(op->file), data_len(op->file, op->res));
		evb_mem(&x, "tuple", addr, tn);
		evb_num(&x, "fd", fd);
		evb_num(&x, "size", (int64_t)op->len);
		evb_end(&x);
		return 3;
	}
	case SC_CLONE:
		spawn(g, t, op);
		evb_begin(&e, g->rec, SCAP_EV_SYSCALL_CLONE_20_E, t->tid);
		evb_end(&e);
		clone_exit(t->pend, t, t->hatch->tid);
		return 3;
	case SC_EXECVE:
		evb_begin(&e, g->rec, SCAP_EV_SYSCALL_EXECVE_19_E, t->tid);
		evb_str(&e, "filename", t->next.exepath);
		evb_end(&e);
		t->id = t->next;
		execve_exit(t->pend, t, g->ts);
		return 3;
	default:
		die("no events for operation %u", op->sc);
	}
}

static void emit(struct gen *g, const struct task *t, uint8_t *rec)
{
	g->ts += 150 + below(g, 2500);
	memcpy(rec + offsetof(struct scap_evt, ts), &g->ts, 8);
	if (scap_dump_event(g->d, (const struct scap_evt *)rec, t->cpu, 0) != SCAP_OK)
		g->failed = true;
	g->nevents++;
	g->tick++;
}

/* Runs one event of `t`. Returns whether it stays on its CPU. */
static bool step(struct gen *g, struct task *t)
{
	if (t->has_pend) {
		emit(g, t, t->pend);
		t->has_pend = false;
		if (t->hatch) {
			t->hatch->born = true;
			t->hatch = NULL;
		}
		if (t->pend_reaps) {
			t->pend_reaps = false;
			t->waiting = false;
			t->exited--;
			t->children--;
		}
		return true;
	}
	if (t->pc == t->nops)
		refill(g, t);
	struct op *op = &t->ops[t->pc++];
	unsigned built = run_op(g, t, op);
	if (built & 1) {
		emit(g, t, g->rec);
		t->has_pend = (built & 2) != 0;
	} else {
		emit(g, t, t->pend);
	}
	if (op->sc == OP_PROCEXIT) {
		t->parent->exited++;
		t->used = false;
		return false;
	}
	if (op->sleep) {
		t->wake_at = g->tick + op->sleep;
		return false;
	}
	return !t->waiting;
}

static bool runnable(const struct gen *g, const struct task *t)
{
	return t->used && t->born && !t->on_cpu && t->wake_at <= g->tick &&
	       !(t->waiting && !t->exited) && t->role != R_IDLE;
}

static struct task *pick(struct gen *g)
{
	unsigned total = 0, w[MAX_TASKS];

	for (int i = 0; i < MAX_TASKS; i++) {
		const struct task *t = &g->tasks[i];
		w[i] = !runnable(g, t) ? 0 : t->role == R_CHILD ? 4 : t->role == R_SHELL ? 2 : 1;
		total += w[i];
	}
	if (!total)
		return NULL;
	unsigned r = below(g, total);
	for (int i = 0;; i++) {
		if (r < w[i])
			return &g->tasks[i];
		r -= w[i];
	}
}

/* Nothing can run: time passes until the first sleeper wakes. */
static void idle(struct gen *g)
{
	uint64_t first = UINT64_MAX;

	for (int i = 0; i < MAX_TASKS; i++) {
		const struct task *t = &g->tasks[i];
		if (t->used && t->born && !t->on_cpu && t->role != R_IDLE &&
		    !(t->waiting && !t->exited) && t->wake_at < first)
			first = t->wake_at;
	}
	if (first == UINT64_MAX)
		die("every task waits for another");
	g->ts += (first - g->tick) * 1000;
	g->tick = first;
}

/* ---- The process list at the start ---- */

struct world {
	struct scap_threadinfo threads[8];
	struct scap_fdlist lists[8];
	struct scap_fdinfo fds[32];
	struct scap_userinfo users[4];
	struct scap_groupinfo groups[4];
	struct scap_ifinfo ifaces[2];
	uint32_t nfds;
};

static void fd_add(struct world *w, struct task *t, struct scap_fdinfo fd)
{
	uint32_t i = 0;

	/* A thread's fds are added together: its list is the last one started. */
	while (i < 7 && w->lists[i].tid && w->lists[i].tid != (uint64_t)t->tid)
		i++;
	struct scap_fdlist *l = &w->lists[i];
	if (!l->tid) {
		l->tid = (uint64_t)t->tid;
		l->fds = &w->fds[w->nfds];
	}
	w->fds[w->nfds++] = fd;
	l->count++;
	if (fd.fd < 64)
		t->fds |= 1ull << fd.fd;
}

static struct scap_fdinfo file_fd(int64_t fd, const char *name, uint32_t flags, uint64_t ino)
{
	return (struct scap_fdinfo){.fd = fd,
	                            .ino = ino,
	                            .type = SCAP_FD_FILE_V2,
	                            .open_flags = flags,
	                            .dev = 0x803,
	                            .name = name};
}

static struct scap_fdinfo unix_fd(int64_t fd, const char *name, uint64_t id)
{
	struct scap_fdinfo f = {.fd = fd, .ino = 20000 + (uint64_t)fd, .type = SCAP_FD_UNIX_SOCK};
	f.info.unix_sock.source = id;
	f.name = name;
	return f;
}

static struct task *daemon_new(struct gen *g, enum role role, int64_t pid, int64_t ptid,
                               const char *comm, const char *exe, const char *exepath, uint32_t uid)
{
	struct task *t = task_new(g);

	t->role = (uint8_t)role;
	t->born = true;
	t->tid = t->pid = pid;
	t->ptid = ptid;
	t->id.comm = comm;
	t->id.exe = exe;
	t->id.exepath = exepath;
	t->id.cwd = "/";
	t->id.uid = t->id.gid = uid;
	t->id.loginuid = 0xffffffff;
	t->id.env = system_env;
	t->id.env_len = sizeof(system_env) - 1;
	t->id.cgroups = "cpu=/system.slice\0";
	t->id.cgroups_len = sizeof("cpu=/system.slice\0") - 1;
	t->id.pgid = t->id.sid = pid;
	t->id.vm_size = 10000 + (uint32_t)pid * 7 % 9000;
	t->id.vm_rss = 2000 + (uint32_t)pid * 3 % 4000;
	t->id.pgft_min = 500 + (uint64_t)pid;
	t->id.caps = uid ? 0 : 0x1ffffffffffull;
	t->id.exe_ino = 1900000 + (uint64_t)pid;
	t->map_addr = 0x7f0000000000ull + ((uint64_t)pid << 24);
	t->wake_at = below(g, 2000);
	return t;
}

static void build_world(struct gen *g, struct world *w, struct scap_metadata *meta, uint64_t start)
{
	struct task *d[7];
	uint32_t n = 0;

	/* Each daemon with its fds, one after the other (an fd list is contiguous). */
	struct task *t = d[n++] =
	    daemon_new(g, R_INIT, 1, 0, "systemd", "/sbin/init", "/usr/lib/systemd/systemd", 0);
	args_add(&t->id, "splash");
	for (int fd = 0; fd < 3; fd++)
		fd_add(w, t, file_fd(fd, "/dev/null", K.o_rdwr, 6));

	t = d[n++] =
	    daemon_new(g, R_JOURNALD, 320, 1, "systemd-journal", "/lib/systemd/systemd-journald",
	               "/usr/lib/systemd/systemd-journald", 0);
	for (int fd = 0; fd < 3; fd++)
		fd_add(w, t, file_fd(fd, "/dev/null", K.o_rdwr, 6));
	fd_add(w, t, unix_fd(3, "/run/systemd/journal/socket", peers[PEER_JOURNAL].sock_id));
	fd_add(w, t,
	       file_fd(10, "/var/log/journal/4f1a0c6e5b2d4e3f9a8b7c6d5e4f3a2b/system.journal",
	               K.o_rdwr_cloexec, 2359401));

	t = d[n++] = daemon_new(g, R_RSYSLOGD, 501, 1, "rsyslogd", "/usr/sbin/rsyslogd",
	                        "/usr/sbin/rsyslogd", 0);
	args_add(&t->id, "-n");
	args_add(&t->id, "-iNONE");
	fd_add(w, t, file_fd(0, "/dev/null", K.o_rdwr, 6));
	fd_add(w, t, unix_fd(3, "/dev/log", peers[PEER_DEVLOG].sock_id));
	fd_add(w, t, file_fd(7, "/var/log/syslog", K.o_wr_append, f_syslog.ino));
	fd_add(w, t, file_fd(8, "/var/log/auth.log", K.o_wr_append, 2359320));

	t = d[n++] = daemon_new(g, R_CRON, 640, 1, "cron", "/usr/sbin/cron", "/usr/sbin/cron", 0);
	args_add(&t->id, "-f");
	for (int fd = 0; fd < 3; fd++)
		fd_add(w, t, file_fd(fd, "/dev/null", K.o_rdwr, 6));
	fd_add(w, t, file_fd(3, "/run/crond.pid", K.o_rdwr_cloexec, 1121));

	t = d[n++] = daemon_new(g, R_IDLE, 812, 1, "sshd",
	                        "sshd: /usr/sbin/sshd -D [listener] 0 of 10-100 startups",
	                        "/usr/sbin/sshd", 0);
	struct scap_fdinfo lsock = {
	    .fd = 3, .ino = 24511, .type = SCAP_FD_IPV4_SERVSOCK, .name = ""};
	lsock.info.ipv4_server.port = 22;
	lsock.info.ipv4_server.l4proto = K.tcp;
	fd_add(w, t, lsock);

	t = d[n++] =
	    daemon_new(g, R_SSHD, 1190, 812, "sshd", "sshd: alice@pts/0", "/usr/sbin/sshd", 1000);
	t->id.loginuid = 1000;
	struct scap_fdinfo csock = {.fd = 3, .ino = 31877, .type = SCAP_FD_IPV4_SOCK, .name = ""};
	memcpy(csock.info.ipv4.sip, ip_eth0, 4);
	memcpy(csock.info.ipv4.dip, (const uint8_t[]){10, 0, 2, 2}, 4);
	csock.info.ipv4.sport = 22;
	csock.info.ipv4.dport = 52144;
	csock.info.ipv4.l4proto = K.tcp;
	fd_add(w, t, csock);
	fd_add(w, t, file_fd(9, "/dev/ptmx", K.o_rdwr_cloexec, 88));

	t = d[n++] = daemon_new(g, R_SHELL, 1200, 1190, "bash", "-bash", "/usr/bin/bash", 1000);
	t->id.cwd = "/home/alice";
	t->id.env = user_env;
	t->id.env_len = sizeof(user_env) - 1;
	t->id.cgroups = user_cgroups;
	t->id.cgroups_len = sizeof(user_cgroups) - 1;
	t->id.loginuid = 1000;
	t->id.tty = 34816; /* /dev/pts/0 */
	t->target = 2;
	for (int fd = 0; fd < 3; fd++)
		fd_add(w, t, file_fd(fd, "/dev/pts/0", K.o_rdwr, 3));

	for (uint32_t i = 0; i < n; i++) {
		t = d[i];
		struct scap_threadinfo *ti = &w->threads[i];
		*ti = (struct scap_threadinfo){
		    .tid = (uint64_t)t->tid,
		    .pid = (uint64_t)t->pid,
		    .ptid = (uint64_t)t->ptid,
		    .sid = t->id.sid,
		    .vpgid = t->id.pgid,
		    .pgid = t->id.pgid,
		    .comm = t->id.comm,
		    .exe = t->id.exe,
		    .exepath = t->id.exepath,
		    .cwd = t->id.cwd,
		    .root = "/",
		    .args = t->id.args,
		    .env = t->id.env,
		    .cgroups = t->id.cgroups,
		    .args_len = t->id.args_len,
		    .env_len = t->id.env_len,
		    .cgroups_len = t->id.cgroups_len,
		    .fdlimit = 1024,
		    .uid = t->id.uid,
		    .gid = t->id.gid,
		    .vmsize_kb = t->id.vm_size,
		    .vmrss_kb = t->id.vm_rss,
		    .pfminor = t->id.pgft_min,
		    .vtid = t->tid,
		    .vpid = t->pid,
		    .tty = t->id.tty,
		    .loginuid = t->id.loginuid,
		    .cap_permitted = t->id.caps,
		    .cap_effective = t->id.caps,
		    .exe_ino = t->id.exe_ino,
		    .exe_ino_ctime = start - 86400ull * 1000000000 * 30,
		    .exe_ino_mtime = start - 86400ull * 1000000000 * 60,
		};
	}
	uint32_t nlists = 0;
	while (nlists < 8 && w->lists[nlists].tid)
		nlists++;
	for (uint32_t i = 0; i < nlists; i++)
		for (uint32_t j = 0; j < n; j++)
			if (w->threads[j].tid == w->lists[i].tid)
				w->threads[j].fdlist = &w->lists[i];

	w->users[0] = (struct scap_userinfo){0, 0, "root", "/root", "/bin/bash"};
	w->users[1] = (struct scap_userinfo){1, 1, "daemon", "/usr/sbin", "/usr/sbin/nologin"};
	w->users[2] =
	    (struct scap_userinfo){104, 110, "syslog", "/home/syslog", "/usr/sbin/nologin"};
	w->users[3] = (struct scap_userinfo){1000, 1000, "alice", "/home/alice", "/bin/bash"};
	w->groups[0] = (struct scap_groupinfo){0, "root"};
	w->groups[1] = (struct scap_groupinfo){4, "adm"};
	w->groups[2] = (struct scap_groupinfo){110, "syslog"};
	w->groups[3] = (struct scap_groupinfo){1000, "alice"};
	w->ifaces[0] = (struct scap_ifinfo){
	    .type = 1, .addr = {127, 0, 0, 1}, .netmask = {255, 0, 0, 0}, .name = "lo"};
	w->ifaces[1] = (struct scap_ifinfo){.type = 1,
	                                    .addr = {10, 0, 2, 15},
	                                    .netmask = {255, 255, 255, 0},
	                                    .bcast = {10, 0, 2, 255},
	                                    .linkspeed = 1000,
	                                    .name = "eth0"};

	memset(meta, 0, sizeof(*meta));
	meta->machine.num_cpus = NCPUS;
	meta->machine.memory_size_bytes = 8ull << 30;
	meta->machine.max_pid = 32768;
	snprintf(meta->machine.hostname, sizeof(meta->machine.hostname), "bench-host");
	meta->machine.boot_ts_epoch = start - 3600ull * 1000000000;
	meta->nthreads = n;
	meta->threads = w->threads;
	meta->nfdlists = nlists;
	meta->fdlists = w->lists;
	meta->nusers = 4;
	meta->users = w->users;
	meta->ngroups = 4;
	meta->groups = w->groups;
	meta->nifaces = 2;
	meta->ifaces = w->ifaces;
	g->res->threads = n;
	g->res->fd_entries = w->nfds;
}

int synth_write(const char *path, const struct synth_options *opt, struct synth_result *out,
                char *err)
{
	struct synth_result res = {0};
	struct scap_metadata meta;
	struct world *w = calloc(1, sizeof(*w));
	struct gen *g = calloc(1, sizeof(*g));

	if (!g || !w) {
		free(g);
		free(w);
		snprintf(err, SCAP_ERRMSG_SIZE, "out of memory");
		return -1;
	}
	schema_init();
	g->rng = opt->seed * 0x9e3779b97f4a7c15ull + 0x2545f4914f6cdd1dull;
	if (!g->rng)
		g->rng = 1;
	g->ts = 1715680800000000000ull; /* 2024-05-14 10:00:00 UTC */
	g->limit = opt->events;
	g->next_pid = 2400;
	g->next_port = 40000;
	g->res = &res;
	g->suspicious = opt->suspicious;
	build_world(g, w, &meta, g->ts);

	g->d = scap_dumper_open(path, opt->compress, err);
	if (!g->d) {
		free(g);
		free(w);
		return -1;
	}
	if (scap_dump_section(g->d, &meta) != SCAP_OK)
		g->failed = true;
	while (g->nevents < g->limit && !g->failed) {
		int c = (int)(rnd(g) >> 63);
		struct task *t = g->cpu[c];
		if (!t) {
			t = pick(g);
			if (!t) {
				if (!g->cpu[!c])
					idle(g);
				continue;
			}
			t->on_cpu = true;
			t->cpu = (uint16_t)c;
			g->cpu[c] = t;
		}
		bool stays = step(g, t);
		if (!stays || (!t->has_pend && below(g, 100) < 6)) {
			t->on_cpu = false;
			g->cpu[c] = NULL;
		}
	}
	int rc = 0;
	if (g->failed) {
		scap_dumper_abort(g->d);
		snprintf(err, SCAP_ERRMSG_SIZE, "%s: cannot write the capture", path);
		rc = -1;
	} else if (scap_dumper_close(g->d, err) != SCAP_OK) {
		rc = -1;
	}
	res.events = g->nevents;
	if (out)
		*out = res;
	free(g);
	free(w);
	return rc;
}
