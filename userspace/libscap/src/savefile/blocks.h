/* Block types and fixed sizes of the capture file format (format version 1.2 is written). */
#ifndef SCAP_SAVEFILE_BLOCKS_H
#define SCAP_SAVEFILE_BLOCKS_H

#include <stdint.h>

enum scap_block_type {
	SCAP_BT_SECTION_HEADER = 0x0A0D0D0A,
	SCAP_BT_MACHINE_INFO = 0x201,
	SCAP_BT_MACHINE_INFO_OLD = 0x8002ABCD,
	SCAP_BT_PROCLIST_V1 = 0x202,
	SCAP_BT_PROCLIST_V1_OLD = 0x8000ABCD,
	SCAP_BT_PROCLIST_V2 = 0x207,
	SCAP_BT_PROCLIST_V2_OLD = 0x8013ABCD,
	SCAP_BT_PROCLIST_V3 = 0x209,
	SCAP_BT_PROCLIST_V3_OLD = 0x8014ABCD,
	SCAP_BT_PROCLIST_V4 = 0x210,
	SCAP_BT_PROCLIST_V5 = 0x211,
	SCAP_BT_PROCLIST_V6 = 0x212,
	SCAP_BT_PROCLIST_V7 = 0x213,
	SCAP_BT_PROCLIST_V8 = 0x214,
	SCAP_BT_PROCLIST_V9 = 0x215,
	SCAP_BT_FDLIST_V1 = 0x203,
	SCAP_BT_FDLIST_V1_OLD = 0x8001ABCD,
	SCAP_BT_FDLIST_V2 = 0x218,
	SCAP_BT_EVENT_V1 = 0x204,
	SCAP_BT_EVENT_V1_OLD = 0x8010ABCD,
	SCAP_BT_EVENT_FLAGS_V1 = 0x208,
	SCAP_BT_EVENT_V2 = 0x216,
	SCAP_BT_EVENT_FLAGS_V2 = 0x217,
	SCAP_BT_EVENT_V2_LARGE = 0x221,
	SCAP_BT_EVENT_FLAGS_V2_LARGE = 0x222,
	SCAP_BT_IFLIST_V1 = 0x205,
	SCAP_BT_IFLIST_V1_OLD = 0x8011ABCD,
	SCAP_BT_IFLIST_V2 = 0x219,
	SCAP_BT_USERLIST_V1 = 0x206,
	SCAP_BT_USERLIST_V1_OLD = 0x8012ABCD,
	SCAP_BT_USERLIST_V2 = 0x220,
};

#define SCAP_SECTION_MAGIC 0x1A2B3C4Du
#define SCAP_SECTION_MAJOR 1
#define SCAP_SECTION_MINOR 2
#define SCAP_SECTION_BODY_SIZE 16u
#define SCAP_MACHINE_INFO_BODY_SIZE 180u

/* Block header (type + total length) and trailer (total length again). */
#define SCAP_BLOCK_HEADER_SIZE 8u
#define SCAP_BLOCK_TRAILER_SIZE 4u

/* Non-large event blocks never exceed this (the upstream read buffer); large ones may. */
#define SCAP_MAX_SMALL_BLOCK (65536u + SCAP_BLOCK_HEADER_SIZE)
/* A bound on what this reader accepts for any one block, so bad lengths cannot exhaust memory. */
#define SCAP_MAX_BLOCK (256u << 20)

/* Header of an event V1 record: the V2 header without nparams. */
#define SCAP_EVT_V1_HEADER_SIZE 22u

/* String length limits of the metadata lists. */
#define SCAP_MAX_PATH_LEN 1024u
#define SCAP_MAX_ARGS_LEN 4096u
#define SCAP_MAX_USER_STR_LEN 256u

static inline uint32_t scap_block_padded_length(uint32_t body)
{
	return (SCAP_BLOCK_HEADER_SIZE + body + SCAP_BLOCK_TRAILER_SIZE + 3u) & ~3u;
}

#endif
