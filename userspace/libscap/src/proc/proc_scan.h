/* Builds the metadata of a live system from /proc: machine, processes and their open files,
 * users, groups, interfaces. Live engines call it when they start, as a capture file's metadata
 * blocks would describe the system at that moment. */
#ifndef SCAP_PROC_SCAN_H
#define SCAP_PROC_SCAN_H

#include <stddef.h>

#include "../metadata_store.h"

/* Fills `store` (empty) and finishes it. `proc` is the procfs mount ("/proc"). Returns 0, or a
 * negative status with the reason in `err`. Processes that vanish during the scan are skipped. */
int scap_proc_scan(struct scap_metadata_store *store, const char *proc, char *err, size_t errlen);

#endif
