#include "dumper_blocks.h"

#include <string.h>

#include "savefile/blocks.h"

/* Writes a u16-length string (no NUL), cut to `limit` bytes. */
static void put_str(struct scap_bytes *b, const char *s, size_t len, size_t limit)
{
	if (!s)
		len = 0;
	if (len > limit)
		len = limit;
	scap_bytes_u16(b, (uint16_t)len);
	scap_bytes_append(b, s, len);
}

static void put_cstr(struct scap_bytes *b, const char *s, size_t limit)
{
	put_str(b, s, s ? strlen(s) : 0, limit);
}

void scap_encode_section_header(struct scap_bytes *body)
{
	scap_bytes_u32(body, SCAP_SECTION_MAGIC);
	scap_bytes_u16(body, SCAP_SECTION_MAJOR);
	scap_bytes_u16(body, SCAP_SECTION_MINOR);
	scap_bytes_u64(body, UINT64_MAX); /* section length: unspecified */
}

void scap_encode_machine_info(struct scap_bytes *body, const struct scap_machine_info *mi)
{
	char hostname[128] = {0};

	memcpy(hostname, mi->hostname, strnlen(mi->hostname, sizeof(hostname) - 1));
	scap_bytes_u32(body, mi->num_cpus);
	scap_bytes_u64(body, mi->memory_size_bytes);
	scap_bytes_u64(body, mi->max_pid);
	scap_bytes_append(body, hostname, sizeof(hostname));
	scap_bytes_u64(body, mi->boot_ts_epoch);
	scap_bytes_u64(body, mi->flags);
	scap_bytes_u64(body, mi->reserved3);
	scap_bytes_u64(body, mi->reserved4);
}

static void put_iface(struct scap_bytes *b, const struct scap_ifinfo *iface)
{
	bool v4 = iface->type == 1 || iface->type == 3;
	size_t width = v4 ? 4 : 16;
	size_t namelen = iface->name ? strlen(iface->name) : 0;
	size_t at = b->len;

	if (namelen >= SCAP_MAX_PATH_LEN)
		namelen = SCAP_MAX_PATH_LEN - 1;
	scap_bytes_u32(b, 0);          /* entry length, excluding itself: patched below */
	scap_bytes_u16(b, v4 ? 1 : 2); /* always written with a link speed */
	scap_bytes_u16(b, (uint16_t)namelen);
	scap_bytes_append(b, iface->addr, width);
	scap_bytes_append(b, iface->netmask, width);
	scap_bytes_append(b, iface->bcast, width);
	scap_bytes_u64(b, iface->linkspeed);
	scap_bytes_append(b, iface->name, namelen);
	scap_bytes_patch_u32(b, at, (uint32_t)(b->len - at - 4));
}

void scap_encode_iflist(struct scap_bytes *body, const struct scap_metadata *meta)
{
	/* IPv4 entries first, then IPv6, as readers expect. */
	for (int pass = 0; pass < 2; pass++) {
		for (uint32_t i = 0; i < meta->nifaces; i++) {
			const struct scap_ifinfo *iface = &meta->ifaces[i];
			bool v4 = iface->type == 1 || iface->type == 3;
			if (v4 == (pass == 0))
				put_iface(body, iface);
		}
	}
}

void scap_encode_userlist(struct scap_bytes *body, const struct scap_metadata *meta)
{
	for (uint32_t i = 0; i < meta->nusers; i++) {
		const struct scap_userinfo *u = &meta->users[i];
		size_t at = body->len;
		scap_bytes_u32(body, 0);
		scap_bytes_u8(body, 0);
		scap_bytes_u32(body, u->uid);
		scap_bytes_u32(body, u->gid);
		put_cstr(body, u->name, SCAP_MAX_USER_STR_LEN - 1);
		put_cstr(body, u->homedir, SCAP_MAX_USER_STR_LEN - 1);
		put_cstr(body, u->shell, SCAP_MAX_USER_STR_LEN - 1);
		scap_bytes_patch_u32(body, at, (uint32_t)(body->len - at));
	}
	for (uint32_t i = 0; i < meta->ngroups; i++) {
		const struct scap_groupinfo *g = &meta->groups[i];
		size_t at = body->len;
		scap_bytes_u32(body, 0);
		scap_bytes_u8(body, 1);
		scap_bytes_u32(body, g->gid);
		put_cstr(body, g->name, SCAP_MAX_USER_STR_LEN - 1);
		scap_bytes_patch_u32(body, at, (uint32_t)(body->len - at));
	}
}

void scap_encode_proclist(struct scap_bytes *body, const struct scap_metadata *meta)
{
	for (uint32_t i = 0; i < meta->nthreads; i++) {
		const struct scap_threadinfo *t = &meta->threads[i];
		size_t at = body->len;
		scap_bytes_u32(body, 0);
		scap_bytes_u64(body, t->tid);
		scap_bytes_u64(body, t->pid);
		scap_bytes_u64(body, t->ptid);
		scap_bytes_i64(body, t->sid);
		scap_bytes_i64(body, t->vpgid);
		put_cstr(body, t->comm, SCAP_MAX_PATH_LEN);
		put_cstr(body, t->exe, SCAP_MAX_PATH_LEN);
		put_cstr(body, t->exepath, SCAP_MAX_PATH_LEN);
		put_str(body, t->args, t->args_len, SCAP_MAX_ARGS_LEN);
		put_cstr(body, t->cwd, SCAP_MAX_PATH_LEN);
		scap_bytes_u64(body, t->fdlimit);
		scap_bytes_u32(body, t->flags);
		scap_bytes_u32(body, t->uid);
		scap_bytes_u32(body, t->gid);
		scap_bytes_u32(body, t->vmsize_kb);
		scap_bytes_u32(body, t->vmrss_kb);
		scap_bytes_u32(body, t->vmswap_kb);
		scap_bytes_u64(body, t->pfmajor);
		scap_bytes_u64(body, t->pfminor);
		put_str(body, t->env, t->env_len, SCAP_MAX_ARGS_LEN);
		scap_bytes_i64(body, t->vtid);
		scap_bytes_i64(body, t->vpid);
		put_str(body, t->cgroups, t->cgroups_len, SCAP_MAX_ARGS_LEN);
		put_cstr(body, t->root, SCAP_MAX_PATH_LEN);
		/* The short tail that both old and new readers understand. */
		scap_bytes_u32(body, t->loginuid);
		scap_bytes_u8(body, t->exe_writable);
		scap_bytes_patch_u32(body, at, (uint32_t)(body->len - at));
	}
}

static void put_fd(struct scap_bytes *b, const struct scap_fdinfo *fd)
{
	size_t at = b->len;
	/* Readers as old as sysdig 0.29 reject fd types above FILE_V2. */
	uint8_t type = fd->type > SCAP_FD_FILE_V2 ? SCAP_FD_UNSUPPORTED : fd->type;

	scap_bytes_u32(b, 0);
	scap_bytes_i64(b, fd->fd);
	scap_bytes_u64(b, fd->ino);
	scap_bytes_u8(b, type);
	switch (type) {
	case SCAP_FD_UNKNOWN:
		break;
	case SCAP_FD_IPV4_SOCK:
		scap_bytes_append(b, fd->info.ipv4.sip, 4);
		scap_bytes_append(b, fd->info.ipv4.dip, 4);
		scap_bytes_u16(b, fd->info.ipv4.sport);
		scap_bytes_u16(b, fd->info.ipv4.dport);
		scap_bytes_u8(b, fd->info.ipv4.l4proto);
		break;
	case SCAP_FD_IPV6_SOCK:
		scap_bytes_append(b, fd->info.ipv6.sip, 16);
		scap_bytes_append(b, fd->info.ipv6.dip, 16);
		scap_bytes_u16(b, fd->info.ipv6.sport);
		scap_bytes_u16(b, fd->info.ipv6.dport);
		scap_bytes_u8(b, fd->info.ipv6.l4proto);
		break;
	case SCAP_FD_IPV4_SERVSOCK:
		scap_bytes_append(b, fd->info.ipv4_server.ip, 4);
		scap_bytes_u16(b, fd->info.ipv4_server.port);
		scap_bytes_u8(b, fd->info.ipv4_server.l4proto);
		break;
	case SCAP_FD_IPV6_SERVSOCK:
		scap_bytes_append(b, fd->info.ipv6_server.ip, 16);
		scap_bytes_u16(b, fd->info.ipv6_server.port);
		scap_bytes_u8(b, fd->info.ipv6_server.l4proto);
		break;
	case SCAP_FD_UNIX_SOCK:
		scap_bytes_u64(b, fd->info.unix_sock.source);
		scap_bytes_u64(b, fd->info.unix_sock.dest);
		put_cstr(b, fd->name, SCAP_MAX_PATH_LEN - 1);
		break;
	case SCAP_FD_FILE_V2:
		scap_bytes_u32(b, fd->open_flags);
		put_cstr(b, fd->name, SCAP_MAX_PATH_LEN - 1);
		scap_bytes_u32(b, fd->dev);
		break;
	default:
		put_cstr(b, fd->name, SCAP_MAX_PATH_LEN - 1);
		break;
	}
	scap_bytes_patch_u32(b, at, (uint32_t)(b->len - at));
}

void scap_encode_fdlist(struct scap_bytes *body, const struct scap_fdlist *list)
{
	scap_bytes_u64(body, list->tid);
	for (uint32_t i = 0; i < list->count; i++)
		put_fd(body, &list->fds[i]);
}
