/*
 * Known facts of the generated driver tables (syscall_table.h, fill_table.h), and their
 * agreement with the event table: every fill has its parameter's type, the pointer-free copies
 * for eBPF equal the tables with pointers. Checks do not use assert(), which NDEBUG would remove.
 */
#include <stdio.h>
#include <string.h>

#include "check.h"
#include "driver_api/event_table.h"
#include "driver_api/fill_table.h"
#include "driver_api/syscall_table.h"

/* The PPM value named `name` in value table `id`, or -12345 when there is none. */
static long long ppm_value(enum scap_value_table_id id, const char *name)
{
	const struct scap_value_table *table = &scap_value_tables[id];
	for (uint32_t i = 0; i < table->count; i++) {
		if (strcmp(table->values[i].name, name) == 0) {
			return table->values[i].value;
		}
	}
	return -12345;
}

static void check_syscalls(void)
{
	const struct scap_syscall_info *open = &scap_syscall_table[2];
	const struct scap_syscall_info *read = &scap_syscall_table[0];
	const struct scap_syscall_info *getpid = &scap_syscall_table[39];
	const struct scap_syscall_info *pread64 = &scap_syscall_table[17];

	CHECK(SCAP_SYSCALL_NR_MAX == 451);
	CHECK(open->enter_event == SCAP_EV_SYSCALL_OPEN_E);
	CHECK(open->exit_event == SCAP_EV_SYSCALL_OPEN_X);
	CHECK(open->ppm_sc == ppm_value(SCAP_VT_PPM_SC_CODES, "open"));
	CHECK(read->enter_event == SCAP_EV_SYSCALL_READ_E);
	CHECK(read->exit_event == SCAP_EV_SYSCALL_READ_X);
	CHECK(getpid->enter_event == SCAP_EV_GENERIC_E);
	CHECK(getpid->exit_event == SCAP_EV_GENERIC_X);
	CHECK(getpid->ppm_sc == ppm_value(SCAP_VT_PPM_SC_CODES, "getpid"));
	CHECK(getpid->ppm_sc != 0);
	CHECK(pread64->exit_event == SCAP_EV_SYSCALL_PREAD_X);
	/* exit and exit_group have no events of their own: procexit is emitted apart. */
	CHECK(scap_syscall_table[60].exit_event == SCAP_EV_GENERIC_X);
	CHECK(scap_syscall_table[231].exit_event == SCAP_EV_GENERIC_X);
	/* No system call has number 400 on x86_64. */
	CHECK(scap_syscall_table[400].ppm_sc == 0);
	CHECK(scap_syscall_table[400].enter_event == SCAP_EV_GENERIC_E);
}

static void check_open_fills(void)
{
	const struct scap_event_fills *open_x = &scap_fill_table[SCAP_EV_SYSCALL_OPEN_X];

	CHECK(open_x->nparams == 6);
	CHECK(open_x->fills[0].kind == SCAP_FILL_RET);
	CHECK(open_x->fills[0].type == SCAP_PT_FD);
	CHECK(open_x->fills[1].kind == SCAP_FILL_PATH);
	CHECK(open_x->fills[1].arg == 0);
	CHECK(open_x->fills[2].kind == SCAP_FILL_FLAGS);
	CHECK(open_x->fills[2].arg == 1);
	CHECK(open_x->fills[2].detail == SCAP_CONV_OPEN_FLAGS);
	CHECK(open_x->fills[4].kind == SCAP_FILL_FILE);
	CHECK(open_x->fills[4].arg == SCAP_FILL_FROM_RET);
	CHECK(open_x->fills[4].detail == SCAP_FILE_DEV);
	CHECK(scap_fill_table[SCAP_EV_GENERIC_X].fills[0].kind == SCAP_FILL_SYSCALL);
	CHECK(scap_fill_table[SCAP_EV_GENERIC_X].fills[1].detail == SCAP_SYSCALL_NR);
	CHECK(scap_fill_table[SCAP_EV_PLUGINEVENT_E].fills == 0);
	CHECK(scap_fill_table[SCAP_EV_SYSCALL_EXECVE_19_X].fills[30].kind == SCAP_FILL_PATH);
}

static void check_conversions(void)
{
	long long rdonly = ppm_value(SCAP_VT_FILE_FLAGS, "O_RDONLY");
	long long wronly = ppm_value(SCAP_VT_FILE_FLAGS, "O_WRONLY");
	long long rdwr = ppm_value(SCAP_VT_FILE_FLAGS, "O_RDWR");
	long long creat = ppm_value(SCAP_VT_FILE_FLAGS, "O_CREAT");
	long long cloexec = ppm_value(SCAP_VT_FILE_FLAGS, "O_CLOEXEC");

	CHECK(rdonly == 1);
	CHECK(scap_convert(SCAP_CONV_OPEN_FLAGS, 0) == (unsigned long long)rdonly);
	CHECK(scap_convert(SCAP_CONV_OPEN_FLAGS, 1) == (unsigned long long)wronly);
	CHECK(scap_convert(SCAP_CONV_OPEN_FLAGS, 2) == (unsigned long long)rdwr);
	/* O_WRONLY | O_CREAT | O_CLOEXEC, octal as in asm-generic/fcntl.h */
	CHECK(scap_convert(SCAP_CONV_OPEN_FLAGS, 01 | 0100 | 02000000) ==
	      (unsigned long long)(wronly | creat | cloexec));
	/* O_SYNC carries the O_DSYNC bit; it converts to O_SYNC alone. */
	CHECK(scap_convert(SCAP_CONV_OPEN_FLAGS, 04010000) ==
	      (unsigned long long)(rdonly | ppm_value(SCAP_VT_FILE_FLAGS, "O_SYNC")));
	CHECK(scap_conversions[SCAP_CONV_OPEN_FLAGS].is_bitset == 1);
	CHECK(scap_conversions[SCAP_CONV_SOCKET_FAMILY].is_bitset == 0);
	CHECK(scap_convert(SCAP_CONV_SOCKET_FAMILY, 10) ==
	      (unsigned long long)ppm_value(SCAP_VT_SOCKET_FAMILIES, "AF_INET6"));
	CHECK(scap_convert(SCAP_CONV_SOCKET_FAMILY, 44 /* AF_XDP */) ==
	      (unsigned long long)ppm_value(SCAP_VT_SOCKET_FAMILIES, "AF_UNSPEC"));
	/* RESOLVE_BENEATH is 0x08 in Linux and 1 in PPM. */
	CHECK(scap_convert(SCAP_CONV_OPENAT2_RESOLVE, 0x08) ==
	      (unsigned long long)ppm_value(SCAP_VT_OPENAT2_FLAGS, "RESOLVE_BENEATH"));
	CHECK(scap_convert(SCAP_CONV_PTRACE_REQUESTS, 16 /* PTRACE_ATTACH */) ==
	      (unsigned long long)ppm_value(SCAP_VT_PTRACE_REQUESTS, "PTRACE_ATTACH"));
	CHECK(scap_convert(SCAP_CONVERSION_COUNT, 1) == 0);
}

/* Every fill has its parameter's type; the eBPF copies equal the tables with pointers. */
static void check_agreement(void)
{
	int bad = 0;
	int filled = 0;

	for (int code = 0; code < SCAP_EVENT_COUNT; code++) {
		const struct scap_event_fills *fills = &scap_fill_table[code];
		const struct scap_fill_range *range = &scap_fill_index[code];

		bad += (fills->nparams == 0) != (fills->fills == 0);
		bad += range->nparams != fills->nparams;
		if (fills->nparams == 0) {
			continue;
		}
		filled++;
		bad += fills->nparams != scap_event_table[code].nparams;
		bad += fills->nparams > SCAP_FILL_MAX_PARAMS;
		bad += range->first + range->nparams > SCAP_FILL_POOL_SIZE;
		for (int i = 0; i < fills->nparams && i < scap_event_table[code].nparams; i++) {
			bad += fills->fills[i].type != scap_event_table[code].params[i].type;
			bad += memcmp(&fills->fills[i], &scap_fill_pool[range->first + i],
			              sizeof(struct scap_fill)) != 0;
		}
	}
	for (int id = 0; id < SCAP_CONVERSION_COUNT; id++) {
		const struct scap_conversion *conversion = &scap_conversions[id];
		const struct scap_conversion_range *range = &scap_conversion_index[id];

		bad += conversion->count != range->count || conversion->count == 0;
		bad += conversion->count > SCAP_CONVERSION_MAX_ENTRIES;
		bad += conversion->is_bitset != range->is_bitset;
		for (int i = 0; i < conversion->count; i++) {
			bad +=
			    memcmp(&conversion->entries[i], &scap_conversion_pool[range->first + i],
			           sizeof(struct scap_conversion_entry)) != 0;
		}
	}
	for (int nr = 0; nr < SCAP_SYSCALL_NR_MAX; nr++) {
		const struct scap_syscall_info *info = &scap_syscall_table[nr];

		bad += info->enter_event >= SCAP_EVENT_COUNT || info->enter_event % 2 != 0;
		bad += info->exit_event != info->enter_event + 1;
		bad += scap_fill_table[info->exit_event].fills == 0;
		bad += strcmp(scap_event_table[info->enter_event].name,
		              scap_event_table[info->exit_event].name) != 0;
	}
	CHECK(bad == 0);
	CHECK(filled > 90);
}

int main(void)
{
	check_syscalls();
	check_open_fills();
	check_conversions();
	check_agreement();
	return check_report("driver_tables_test");
}
