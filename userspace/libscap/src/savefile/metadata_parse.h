/* Parsers for the metadata blocks of a capture section. Each takes the block type and its body
 * (without header and trailer), adds what it reads to the store, and on malformed content returns
 * -1 with a one-line `problem` (the caller adds the file and the offset). */
#ifndef SCAP_SAVEFILE_METADATA_PARSE_H
#define SCAP_SAVEFILE_METADATA_PARSE_H

#include <stddef.h>
#include <stdint.h>

#include "../metadata_store.h"

struct scap_parse_problem {
	char text[256];
};

int scap_parse_machine_info(struct scap_metadata_store *store, const uint8_t *body, size_t len,
                            struct scap_parse_problem *problem);
int scap_parse_proclist(struct scap_metadata_store *store, uint32_t block_type, const uint8_t *body,
                        size_t len, struct scap_parse_problem *problem);
int scap_parse_fdlist(struct scap_metadata_store *store, uint32_t block_type, const uint8_t *body,
                      size_t len, struct scap_parse_problem *problem);
int scap_parse_iflist(struct scap_metadata_store *store, uint32_t block_type, const uint8_t *body,
                      size_t len, struct scap_parse_problem *problem);
int scap_parse_userlist(struct scap_metadata_store *store, uint32_t block_type, const uint8_t *body,
                        size_t len, struct scap_parse_problem *problem);

#endif
