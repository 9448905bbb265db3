/* Encoders for the metadata blocks a dumper writes (format 1.2 layouts). Each appends a body to
 * `body`; the dumper frames it as a block. */
#ifndef SCAP_DUMPER_BLOCKS_H
#define SCAP_DUMPER_BLOCKS_H

#include "bytes.h"
#include "scap/scap_metadata.h"

void scap_encode_section_header(struct scap_bytes *body);
void scap_encode_machine_info(struct scap_bytes *body, const struct scap_machine_info *mi);
void scap_encode_iflist(struct scap_bytes *body, const struct scap_metadata *meta);
void scap_encode_userlist(struct scap_bytes *body, const struct scap_metadata *meta);
void scap_encode_proclist(struct scap_bytes *body, const struct scap_metadata *meta);
void scap_encode_fdlist(struct scap_bytes *body, const struct scap_fdlist *list);

#endif
