#include "event_print.h"

#include <inttypes.h>
#include <string.h>

#include "driver_api/event_table.h"
#include "driver_api/param_width.h"

/* Parameters that differ on every boot or run. */
static const char *const volatile_params[] = {
    "dev",      "ino",     "exe_ino", "exe_ino_ctime", "exe_ino_mtime",       "pgft_maj",
    "pgft_min", "vm_size", "vm_rss",  "vm_swap",       "pidns_init_start_ts", "res_ts",
    "sock",     "peer",    "ts",      "reaper_tid",
};

static int is_volatile(const char *name)
{
	for (size_t i = 0; i < sizeof(volatile_params) / sizeof(volatile_params[0]); i++) {
		if (strcmp(volatile_params[i], name) == 0)
			return 1;
	}
	return 0;
}

static int is_flags(uint8_t type)
{
	return type == SCAP_PT_FLAGS8 || type == SCAP_PT_FLAGS16 || type == SCAP_PT_FLAGS32 ||
	       type == SCAP_PT_ENUMFLAGS8 || type == SCAP_PT_ENUMFLAGS16 ||
	       type == SCAP_PT_ENUMFLAGS32 || type == SCAP_PT_MODE;
}

static uint64_t read_uint(const uint8_t *p, unsigned width)
{
	uint64_t v = 0;
	for (unsigned i = 0; i < width; i++)
		v |= (uint64_t)p[i] << (8 * i);
	return v;
}

static int64_t sign_extend(uint64_t v, unsigned width)
{
	unsigned shift = 64 - 8 * width;
	return (int64_t)(v << shift) >> shift;
}

/* Bytes as text: printable ASCII as is, the rest as \xNN, NULs as spaces between strings. */
static void print_bytes(FILE *out, const uint8_t *p, uint32_t len, int nul_as_space)
{
	for (uint32_t i = 0; i < len; i++) {
		if (p[i] == 0 && nul_as_space) {
			if (i + 1 < len)
				fputc(' ', out);
		} else if (p[i] >= 0x21 && p[i] < 0x7f && p[i] != '\\') {
			fputc(p[i], out);
		} else {
			fprintf(out, "\\x%02x", p[i]);
		}
	}
}

/* PPM socket families in the record encodings. */
enum { FAMILY_UNIX = 1, FAMILY_INET = 2, FAMILY_INET6 = 10 };

static void print_ipv4_port(FILE *out, const uint8_t *p)
{
	fprintf(out, "%u.%u.%u.%u:%u", p[0], p[1], p[2], p[3], (unsigned)read_uint(p + 4, 2));
}

static void print_sockaddr(FILE *out, const uint8_t *p, uint32_t len)
{
	if (len >= 7 && p[0] == FAMILY_INET) {
		print_ipv4_port(out, p + 1);
	} else if (len >= 1 && p[0] == FAMILY_UNIX) {
		fputs("unix:", out);
		print_bytes(out, p + 1, len - 1, 0);
	} else {
		fprintf(out, "family%u/%u", len ? p[0] : 0, len);
	}
}

static void print_socktuple(FILE *out, const uint8_t *p, uint32_t len)
{
	if (len >= 13 && p[0] == FAMILY_INET) {
		print_ipv4_port(out, p + 1);
		fputs("->", out);
		print_ipv4_port(out, p + 7);
	} else if (len >= 17 && p[0] == FAMILY_UNIX) {
		fputs("unix->", out);
		print_bytes(out, p + 17, len - 17, 0);
	} else {
		fprintf(out, "family%u/%u", len ? p[0] : 0, len);
	}
}

static void print_value(FILE *out, const struct scap_param_info *info, const struct scap_param *p,
                        const struct print_aliases *aliases)
{
	unsigned width = scap_param_number_width(info->type);
	if (p->len == 0) {
		fputs("<empty>", out);
		return;
	}
	if (width && p->len == width) {
		uint64_t v = read_uint(p->data, width);
		int64_t s = sign_extend(v, width);
		const char *alias = NULL;
		for (int i = 0; aliases && i < 2; i++) {
			if ((info->type == SCAP_PT_PID || info->type == SCAP_PT_PID32) &&
			    aliases->name[i] && s == aliases->pid[i])
				alias = aliases->name[i];
		}
		if (alias)
			fputs(alias, out);
		else if (is_flags(info->type))
			fprintf(out, "0x%" PRIx64, v);
		else if (scap_param_is_signed(info->type))
			fprintf(out, "%" PRId64, s);
		else
			fprintf(out, "%" PRIu64, v);
		return;
	}
	switch (info->type) {
	case SCAP_PT_CHARBUF:
	case SCAP_PT_FSPATH:
	case SCAP_PT_FSRELPATH:
	case SCAP_PT_CHARBUFARRAY:
	case SCAP_PT_CHARBUF_PAIR_ARRAY:
		print_bytes(out, p->data, p->len, 1);
		return;
	case SCAP_PT_SOCKADDR:
		print_sockaddr(out, p->data, p->len);
		return;
	case SCAP_PT_SOCKTUPLE:
		print_socktuple(out, p->data, p->len);
		return;
	default:
		print_bytes(out, p->data, p->len, 0);
		return;
	}
}

void print_event(FILE *out, const struct scap_evt *evt, const struct print_aliases *aliases)
{
	const struct scap_event_info *info =
	    evt->type < SCAP_EVENT_COUNT ? &scap_event_table[evt->type] : NULL;
	fprintf(out, "%s %c", info ? info->name : "?", scap_event_is_enter(evt) ? '>' : '<');
	for (uint32_t i = 0; info && i < evt->nparams && i < info->nparams; i++) {
		struct scap_param p;
		if (scap_event_param(evt, i, &p) != 0)
			break;
		fprintf(out, " %s=", info->params[i].name);
		if (is_volatile(info->params[i].name))
			fputc('*', out);
		else
			print_value(out, &info->params[i], &p, aliases);
	}
	fputc('\n', out);
}
