#include "metadata_parse.h"

#include <stdarg.h>
#include <stdbool.h>
#include <stdio.h>
#include <string.h>

#include "../cursor.h"
#include "blocks.h"

static int problem_at(struct scap_parse_problem *problem, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));

static int problem_at(struct scap_parse_problem *problem, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(problem->text, sizeof(problem->text), fmt, ap);
	va_end(ap);
	return -1;
}

/* Reads a u16-length string of at most `limit` bytes into the arena. */
static bool read_str(struct scap_cursor *c, struct scap_arena *arena, size_t limit,
                     const char **out, uint32_t *out_len)
{
	uint16_t len = scap_cursor_u16(c);
	const uint8_t *bytes = scap_cursor_take(c, len);

	if (!c->ok || len > limit)
		return false;
	*out = scap_arena_strndup(arena, bytes, len);
	if (out_len)
		*out_len = len;
	return *out != NULL;
}

int scap_parse_machine_info(struct scap_metadata_store *store, const uint8_t *body, size_t len,
                            struct scap_parse_problem *problem)
{
	struct scap_cursor c = scap_cursor_make(body, len);
	struct scap_machine_info *mi = &store->meta.machine;

	mi->num_cpus = scap_cursor_u32(&c);
	mi->memory_size_bytes = scap_cursor_u64(&c);
	mi->max_pid = scap_cursor_u64(&c);
	scap_cursor_copy(&c, mi->hostname, sizeof(mi->hostname));
	mi->hostname[sizeof(mi->hostname) - 1] = '\0';
	mi->boot_ts_epoch = scap_cursor_u64(&c);
	mi->flags = scap_cursor_u64(&c);
	mi->reserved3 = scap_cursor_u64(&c);
	mi->reserved4 = scap_cursor_u64(&c);
	if (!c.ok)
		return problem_at(problem, "machine info block is %zu bytes, shorter than %u", len,
		                  SCAP_MACHINE_INFO_BODY_SIZE);
	return 0;
}

/* The process-list layout version (1..9) of a block type. */
static int proclist_version(uint32_t type)
{
	switch (type) {
	case SCAP_BT_PROCLIST_V1:
	case SCAP_BT_PROCLIST_V1_OLD:
		return 1;
	case SCAP_BT_PROCLIST_V2:
	case SCAP_BT_PROCLIST_V2_OLD:
		return 2;
	case SCAP_BT_PROCLIST_V3:
	case SCAP_BT_PROCLIST_V3_OLD:
		return 3;
	case SCAP_BT_PROCLIST_V4:
		return 4;
	case SCAP_BT_PROCLIST_V5:
		return 5;
	case SCAP_BT_PROCLIST_V6:
		return 6;
	case SCAP_BT_PROCLIST_V7:
		return 7;
	case SCAP_BT_PROCLIST_V8:
		return 8;
	default:
		return 9;
	}
}

/* Reads as many fields of a V9 entry's tail as `tail` holds entirely, in order. */
static void read_proc_tail(struct scap_cursor *tail, struct scap_threadinfo *t)
{
	/* Old layout (29 bytes or less): loginuid first; new layout: pidns start and tty first. */
	if (scap_cursor_left(tail) > 29) {
		t->pidns_init_start_ts = scap_cursor_u64(tail);
		t->tty = scap_cursor_u32(tail);
	}
#define TAIL_FIELD(field, reader, size)                                                            \
	if (scap_cursor_left(tail) < (size))                                                       \
		return;                                                                            \
	t->field = scap_cursor_##reader(tail);
	TAIL_FIELD(loginuid, u32, 4)
	TAIL_FIELD(exe_writable, u8, 1)
	TAIL_FIELD(cap_inheritable, u64, 8)
	TAIL_FIELD(cap_permitted, u64, 8)
	TAIL_FIELD(cap_effective, u64, 8)
	TAIL_FIELD(exe_upper_layer, u8, 1)
	TAIL_FIELD(exe_ino, u64, 8)
	TAIL_FIELD(exe_ino_ctime, u64, 8)
	TAIL_FIELD(exe_ino_mtime, u64, 8)
	TAIL_FIELD(exe_from_memfd, u8, 1)
	TAIL_FIELD(exe_lower_layer, u8, 1)
	TAIL_FIELD(pgid, i64, 8)
#undef TAIL_FIELD
}

static int parse_proc_entry(struct scap_metadata_store *store, int version, struct scap_cursor *c,
                            uint32_t index, struct scap_parse_problem *problem)
{
	struct scap_arena *arena = &store->arena;
	const uint8_t *entry_start = c->pos;
	uint32_t entry_len = version >= 9 ? scap_cursor_u32(c) : 0;
	struct scap_threadinfo *t = scap_store_add_thread(store);

	if (!t)
		return problem_at(problem, "out of memory");
	t->sid = t->vpgid = t->pgid = t->vtid = t->vpid = -1;
	t->loginuid = UINT32_MAX;
	t->tid = scap_cursor_u64(c);
	t->pid = scap_cursor_u64(c);
	t->ptid = scap_cursor_u64(c);
	if (version >= 6)
		t->sid = scap_cursor_i64(c);
	if (version >= 8)
		t->vpgid = scap_cursor_i64(c);
	bool ok = read_str(c, arena, SCAP_MAX_PATH_LEN, &t->comm, NULL) &&
	          read_str(c, arena, SCAP_MAX_PATH_LEN, &t->exe, NULL);
	if (ok && version >= 7)
		ok = read_str(c, arena, SCAP_MAX_PATH_LEN, &t->exepath, NULL);
	else if (ok)
		t->exepath = t->exe;
	ok = ok && read_str(c, arena, SCAP_MAX_ARGS_LEN, &t->args, &t->args_len) &&
	     read_str(c, arena, SCAP_MAX_PATH_LEN, &t->cwd, NULL);
	t->fdlimit = scap_cursor_u64(c);
	t->flags = scap_cursor_u32(c);
	t->uid = scap_cursor_u32(c);
	t->gid = scap_cursor_u32(c);
	if (version >= 2) {
		t->vmsize_kb = scap_cursor_u32(c);
		t->vmrss_kb = scap_cursor_u32(c);
		t->vmswap_kb = scap_cursor_u32(c);
		t->pfmajor = scap_cursor_u64(c);
		t->pfminor = scap_cursor_u64(c);
	}
	if (ok && version >= 3)
		ok = read_str(c, arena, SCAP_MAX_ARGS_LEN, &t->env, &t->env_len);
	if (version >= 4) {
		t->vtid = scap_cursor_i64(c);
		t->vpid = scap_cursor_i64(c);
		ok = ok && read_str(c, arena, SCAP_MAX_ARGS_LEN, &t->cgroups, &t->cgroups_len);
	}
	if (ok && version >= 5)
		ok = read_str(c, arena, SCAP_MAX_PATH_LEN, &t->root, NULL);
	if (!ok || !c->ok)
		return problem_at(
		    problem, "process list entry %u is cut short or has an overlong string", index);
	if (!t->env)
		t->env = "";
	if (!t->cgroups)
		t->cgroups = "";
	if (!t->root)
		t->root = "/";
	if (version >= 9) {
		size_t consumed = (size_t)(c->pos - entry_start);
		if (entry_len < consumed || entry_len - consumed > scap_cursor_left(c))
			return problem_at(
			    problem,
			    "process list entry %u says it is %u bytes, but its fields take %zu",
			    index, entry_len, consumed);
		struct scap_cursor tail = scap_cursor_make(c->pos, entry_len - consumed);
		read_proc_tail(&tail, t);
		c->pos += entry_len - consumed;
	}
	return 0;
}

int scap_parse_proclist(struct scap_metadata_store *store, uint32_t block_type, const uint8_t *body,
                        size_t len, struct scap_parse_problem *problem)
{
	struct scap_cursor c = scap_cursor_make(body, len);
	int version = proclist_version(block_type);

	for (uint32_t index = 0; scap_cursor_left(&c) >= 4; index++) {
		if (parse_proc_entry(store, version, &c, index, problem) < 0)
			return -1;
	}
	return 0;
}

/* Reads the type-specific part of an fd entry. `rest` bounds a V2 entry; false when malformed. */
static bool parse_fd_payload(struct scap_cursor *c, struct scap_arena *arena,
                             struct scap_fdinfo *fd, bool v2, const uint8_t *entry_end)
{
	switch (fd->type) {
	case SCAP_FD_UNKNOWN:
		fd->name = "";
		return c->ok;
	case SCAP_FD_IPV4_SOCK:
		scap_cursor_copy(c, fd->info.ipv4.sip, 4);
		scap_cursor_copy(c, fd->info.ipv4.dip, 4);
		fd->info.ipv4.sport = scap_cursor_u16(c);
		fd->info.ipv4.dport = scap_cursor_u16(c);
		fd->info.ipv4.l4proto = scap_cursor_u8(c);
		fd->name = "";
		return c->ok;
	case SCAP_FD_IPV6_SOCK:
		scap_cursor_copy(c, fd->info.ipv6.sip, 16);
		scap_cursor_copy(c, fd->info.ipv6.dip, 16);
		fd->info.ipv6.sport = scap_cursor_u16(c);
		fd->info.ipv6.dport = scap_cursor_u16(c);
		fd->info.ipv6.l4proto = scap_cursor_u8(c);
		fd->name = "";
		return c->ok;
	case SCAP_FD_IPV4_SERVSOCK:
		scap_cursor_copy(c, fd->info.ipv4_server.ip, 4);
		fd->info.ipv4_server.port = scap_cursor_u16(c);
		fd->info.ipv4_server.l4proto = scap_cursor_u8(c);
		fd->name = "";
		return c->ok;
	case SCAP_FD_IPV6_SERVSOCK:
		scap_cursor_copy(c, fd->info.ipv6_server.ip, 16);
		fd->info.ipv6_server.port = scap_cursor_u16(c);
		fd->info.ipv6_server.l4proto = scap_cursor_u8(c);
		fd->name = "";
		return c->ok;
	case SCAP_FD_UNIX_SOCK:
		fd->info.unix_sock.source = scap_cursor_u64(c);
		fd->info.unix_sock.dest = scap_cursor_u64(c);
		return read_str(c, arena, SCAP_MAX_PATH_LEN - 1, &fd->name, NULL);
	case SCAP_FD_FILE_V2:
		fd->open_flags = scap_cursor_u32(c);
		if (!read_str(c, arena, SCAP_MAX_PATH_LEN - 1, &fd->name, NULL))
			return false;
		if (v2 && (size_t)(entry_end - c->pos) >= 4)
			fd->dev = scap_cursor_u32(c);
		return c->ok;
	default:
		/* Every other type (files, pipes, eventfd, ...) carries a name only. */
		return read_str(c, arena, SCAP_MAX_PATH_LEN - 1, &fd->name, NULL);
	}
}

int scap_parse_fdlist(struct scap_metadata_store *store, uint32_t block_type, const uint8_t *body,
                      size_t len, struct scap_parse_problem *problem)
{
	struct scap_cursor c = scap_cursor_make(body, len);
	bool v2 = block_type == SCAP_BT_FDLIST_V2;
	uint64_t tid = scap_cursor_u64(&c);
	struct scap_fdinfo *fds = NULL;
	uint32_t count = 0, cap = 0;

	if (!c.ok)
		return problem_at(problem, "fd list block is %zu bytes, too short for its tid",
		                  len);
	for (uint32_t index = 0; scap_cursor_left(&c) >= 4; index++) {
		const uint8_t *entry_start = c.pos;
		uint32_t entry_len = v2 ? scap_cursor_u32(&c) : 0;
		const uint8_t *entry_end = v2 ? entry_start + entry_len : c.end;

		if (v2 && (entry_len < 4 + 17 || entry_len > (size_t)(c.end - entry_start)))
			return problem_at(problem, "fd list of tid %llu: entry %u has length %u",
			                  (unsigned long long)tid, index, entry_len);
		if (count == cap) {
			/* Entries go to the arena: grow by copying into a bigger block. */
			uint32_t grown = cap ? cap * 2 : 16;
			struct scap_fdinfo *bigger =
			    scap_arena_alloc(&store->arena, (size_t)grown * sizeof(*fds));
			if (!bigger)
				return problem_at(problem, "out of memory");
			if (count)
				memcpy(bigger, fds, (size_t)count * sizeof(*fds));
			fds = bigger;
			cap = grown;
		}
		struct scap_fdinfo *fd = &fds[count];
		memset(fd, 0, sizeof(*fd));
		fd->fd = scap_cursor_i64(&c);
		fd->ino = scap_cursor_u64(&c);
		fd->type = scap_cursor_u8(&c);
		if (fd->type > SCAP_FD_PIDFD || (!v2 && fd->type > SCAP_FD_FILE_V2)) {
			if (!v2)
				return problem_at(
				    problem, "fd list of tid %llu: entry %u has unknown type %u",
				    (unsigned long long)tid, index, fd->type);
			fd->type = SCAP_FD_UNSUPPORTED;
			fd->name = "";
			c.pos = entry_end;
		} else if (!parse_fd_payload(&c, &store->arena, fd, v2, entry_end) ||
		           (v2 && c.pos > entry_end)) {
			return problem_at(problem, "fd list of tid %llu: entry %u is cut short",
			                  (unsigned long long)tid, index);
		}
		if (v2)
			c.pos = entry_end;
		count++;
	}
	struct scap_fdlist *list = scap_store_add_fdlist(store);
	if (!list)
		return problem_at(problem, "out of memory");
	list->tid = tid;
	list->count = count;
	list->fds = fds;
	return 0;
}

int scap_parse_iflist(struct scap_metadata_store *store, uint32_t block_type, const uint8_t *body,
                      size_t len, struct scap_parse_problem *problem)
{
	struct scap_cursor c = scap_cursor_make(body, len);
	bool v2 = block_type == SCAP_BT_IFLIST_V2;

	for (uint32_t index = 0; scap_cursor_left(&c) >= 4; index++) {
		const uint8_t *entry_end = c.end;
		if (v2) {
			uint32_t entry_len = scap_cursor_u32(&c);
			if (entry_len > scap_cursor_left(&c))
				return problem_at(problem, "interface entry %u has length %u",
				                  index, entry_len);
			entry_end = c.pos + entry_len;
		}
		uint16_t type = scap_cursor_u16(&c);
		uint16_t namelen = scap_cursor_u16(&c);
		size_t width = (type == 1 || type == 3) ? 4 : 16;
		if (type < 1 || type > 4) {
			if (!v2)
				return problem_at(problem, "interface entry %u has unknown type %u",
				                  index, type);
			c.pos = entry_end;
			continue;
		}
		struct scap_ifinfo *iface = scap_store_add_iface(store);
		if (!iface)
			return problem_at(problem, "out of memory");
		iface->type = type;
		scap_cursor_copy(&c, iface->addr, width);
		scap_cursor_copy(&c, iface->netmask, width);
		scap_cursor_copy(&c, iface->bcast, width);
		if (type <= 2)
			iface->linkspeed = scap_cursor_u64(&c);
		const uint8_t *name = scap_cursor_take(&c, namelen);
		if (!c.ok || namelen >= SCAP_MAX_PATH_LEN || (v2 && c.pos > entry_end))
			return problem_at(problem, "interface entry %u is cut short", index);
		iface->name = scap_arena_strndup(&store->arena, name, namelen);
		if (!iface->name)
			return problem_at(problem, "out of memory");
		if (v2)
			c.pos = entry_end;
	}
	return 0;
}

int scap_parse_userlist(struct scap_metadata_store *store, uint32_t block_type, const uint8_t *body,
                        size_t len, struct scap_parse_problem *problem)
{
	struct scap_cursor c = scap_cursor_make(body, len);
	bool v2 = block_type == SCAP_BT_USERLIST_V2;
	struct scap_arena *arena = &store->arena;

	for (uint32_t index = 0; scap_cursor_left(&c) >= 4; index++) {
		const uint8_t *entry_start = c.pos;
		uint32_t entry_len = v2 ? scap_cursor_u32(&c) : 0;
		if (v2 && (entry_len < 5 || entry_len > (size_t)(c.end - entry_start)))
			return problem_at(problem, "user list entry %u has length %u", index,
			                  entry_len);
		uint8_t kind = scap_cursor_u8(&c);
		bool ok;
		if (kind == 0) {
			struct scap_userinfo *u = scap_store_add_user(store);
			if (!u)
				return problem_at(problem, "out of memory");
			u->uid = scap_cursor_u32(&c);
			u->gid = scap_cursor_u32(&c);
			ok = read_str(&c, arena, SCAP_MAX_USER_STR_LEN - 1, &u->name, NULL) &&
			     read_str(&c, arena, SCAP_MAX_USER_STR_LEN - 1, &u->homedir, NULL) &&
			     read_str(&c, arena, SCAP_MAX_USER_STR_LEN - 1, &u->shell, NULL);
		} else {
			struct scap_groupinfo *g = scap_store_add_group(store);
			if (!g)
				return problem_at(problem, "out of memory");
			g->gid = scap_cursor_u32(&c);
			ok = read_str(&c, arena, SCAP_MAX_USER_STR_LEN - 1, &g->name, NULL);
		}
		if (!ok || (v2 && c.pos > entry_start + entry_len))
			return problem_at(problem, "user list entry %u is cut short", index);
		if (v2)
			c.pos = entry_start + entry_len;
	}
	return 0;
}
