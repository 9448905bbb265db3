/* Status codes shared by every libscap call. */
#ifndef SCAP_STATUS_H
#define SCAP_STATUS_H

/* Zero or positive: success or a normal condition; negative: an error whose text is in the
 * handle's message buffer (scap_last_error()). */
enum scap_status {
	SCAP_OK = 0,
	SCAP_EOF = 1,              /* no more events in the source */
	SCAP_TIMEOUT = 2,          /* a live source had nothing yet; call again */
	SCAP_ERR_IO = -1,          /* reading or writing the source failed */
	SCAP_ERR_FORMAT = -2,      /* the data is not what the format allows */
	SCAP_ERR_NOMEM = -3,       /* an allocation failed */
	SCAP_ERR_ARGS = -4,        /* the caller passed something invalid */
	SCAP_ERR_UNSUPPORTED = -5, /* the source or feature is not available here */
};

/* Size of every error buffer that libscap fills. */
#define SCAP_ERRMSG_SIZE 512

#endif
