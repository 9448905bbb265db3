/* One event as a line of text for the qemu test to compare: `NAME DIR name=value ...`. */
#ifndef KMOD_GUEST_EVENT_PRINT_H
#define KMOD_GUEST_EVENT_PRINT_H

#include <stdint.h>
#include <stdio.h>

#include "scap/scap.h"

/* Process ids that change from run to run, and the names printed instead wherever a pid or tid
 * parameter holds them. */
struct print_aliases {
	int64_t pid[2];
	const char *name[2];
};

/* Writes `evt` as one line: name, `>` (enter) or `<` (exit), then each parameter as name=value.
 * Parameters whose values differ on every boot (inode numbers, times, memory and fault counters)
 * print as `name=*`. */
void print_event(FILE *out, const struct scap_evt *evt, const struct print_aliases *aliases);

#endif
