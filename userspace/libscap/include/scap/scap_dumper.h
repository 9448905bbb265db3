/* Writing capture files that libscap, sysdig and Falco read: format version 1.2, optionally
 * gzip-compressed. The file appears only when the dumper is closed successfully; until then
 * everything goes to a temporary file beside it. */
#ifndef SCAP_DUMPER_H
#define SCAP_DUMPER_H

#include <stdbool.h>
#include <stdint.h>

#include "scap/scap.h"

#ifdef __cplusplus
extern "C" {
#endif

struct scap_dumper;

/* Starts writing `path`. Returns NULL and fills `err` on failure. */
SCAP_API struct scap_dumper *scap_dumper_open(const char *path, bool compress, char *err);

/* Writes a section header and the metadata blocks (machine, interfaces, users, processes, one fd
 * list per thread that has one). Must come before the events of a section. */
SCAP_API int scap_dump_section(struct scap_dumper *d, const struct scap_metadata *meta);

/* Writes one event. `evt` must be well formed (as scap_next() returns them). */
SCAP_API int scap_dump_event(struct scap_dumper *d, const struct scap_evt *evt, uint16_t cpu,
                             uint32_t flags);

/* Finishes the file and moves it into place. Returns SCAP_OK, or an error with the message in
 * `err`, in which case nothing is left at `path`. Frees the dumper either way. */
SCAP_API int scap_dumper_close(struct scap_dumper *d, char *err);

/* Abandons the file: the temporary file is removed and `path` is left as it was. */
SCAP_API void scap_dumper_abort(struct scap_dumper *d);

#ifdef __cplusplus
}
#endif

#endif
