#include "syscall_set.h"

#include <ctype.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "driver_api/event_codes.h"
#include "driver_api/event_table.h"
#include "driver_api/syscall_table.h"

void ptrace_set_add_dedicated(struct ptrace_syscall_set *set)
{
	for (uint32_t nr = 0; nr < SCAP_SYSCALL_NR_MAX; nr++) {
		if (scap_syscall_table[nr].enter_event != SCAP_EV_GENERIC_E ||
		    scap_syscall_table[nr].exit_event != SCAP_EV_GENERIC_X)
			ptrace_set_add(set, nr);
	}
}

static int add_named(struct ptrace_syscall_set *set, const char *name)
{
	const struct scap_value_table *codes = &scap_value_tables[SCAP_VT_PPM_SC_CODES];
	int found = 0;

	if (strcmp(name, "all") == 0) {
		for (uint32_t nr = 0; nr < SCAP_SYSCALL_NR_MAX; nr++)
			ptrace_set_add(set, nr);
		return 0;
	}
	if (isdigit((unsigned char)name[0])) {
		char *end;
		unsigned long nr = strtoul(name, &end, 10);
		if (*end || nr >= PTRACE_NR_MAX)
			return -EINVAL;
		ptrace_set_add(set, (uint32_t)nr);
		return 0;
	}
	for (uint32_t i = 0; i < codes->count; i++) {
		if (strcmp(codes->values[i].name, name) != 0)
			continue;
		for (uint32_t nr = 0; nr < SCAP_SYSCALL_NR_MAX; nr++) {
			if (scap_syscall_table[nr].ppm_sc == codes->values[i].value) {
				ptrace_set_add(set, nr);
				found = 1;
			}
		}
	}
	return found ? 0 : -EINVAL;
}

int ptrace_set_parse(struct ptrace_syscall_set *set, const char *list, char *err, size_t errlen)
{
	char name[64];

	while (list && *list) {
		size_t n = strcspn(list, ",");
		if (n && n < sizeof(name)) {
			memcpy(name, list, n);
			name[n] = '\0';
			if (add_named(set, name) < 0) {
				snprintf(err, errlen,
				         "unknown system call '%s' (x86_64 names, numbers or all)",
				         name);
				return -EINVAL;
			}
		} else if (n) {
			{
				snprintf(err, errlen, "unknown system call '%.*s'", (int)n, list);
				return -EINVAL;
			}
		}
		list += n;
		if (*list == ',')
			list++;
	}
	return 0;
}
