/* Socket addresses in their record encodings (scap-format §11), for every driver: PT_SOCKADDR from
 * the raw bytes of a Linux struct sockaddr, and PT_SOCKTUPLE from the two ends of a socket. Ports
 * are written in host order, addresses as the network has them. Kernel- and userspace-safe. */
#ifndef DRIVER_FILL_SOCKADDR_H
#define DRIVER_FILL_SOCKADDR_H

#include "fill_env.h"

#ifdef __cplusplus
extern "C" {
#endif

/* The socket families of the capture format (equal to Linux's for these three). */
#define FILL_PPM_AF_UNIX 1
#define FILL_PPM_AF_INET 2
#define FILL_PPM_AF_INET6 10

/* The most bytes of a user sockaddr that are decoded (sizeof(struct sockaddr_storage)). */
#define FILL_SOCKADDR_RAW_MAX 128u
/* The bytes of sun_path in a struct sockaddr_un. */
#define FILL_UNIX_PATH_MAX 108u
/* Room enough for any encoding below (a Unix tuple: 17 bytes, '@' or a path of 108 bytes, NUL). */
#define FILL_SOCK_ENCODED_MAX 160u

/* Encodes the first `len` bytes of a Linux struct sockaddr (bytes past `len` count as 0) as
 * PT_SOCKADDR into `out` (FILL_SOCK_ENCODED_MAX bytes). Returns the bytes written; 0 for fewer
 * than 2 bytes and for families the format leaves empty. */
uint32_t fill_encode_sockaddr(const uint8_t *raw, uint32_t len, uint8_t *out);

/* PT_SOCKTUPLE of an IPv4 socket: source address and port, then destination. 13 bytes. */
uint32_t fill_encode_inet_tuple(uint8_t *out, const uint8_t src[4], uint16_t sport,
                                const uint8_t dst[4], uint16_t dport);

/* PT_SOCKTUPLE of an IPv6 socket. 37 bytes. */
uint32_t fill_encode_inet6_tuple(uint8_t *out, const uint8_t src[16], uint16_t sport,
                                 const uint8_t dst[16], uint16_t dport);

/* PT_SOCKTUPLE of a Unix socket: the kernel addresses of the two ends, then the path from the
 * `path_len` raw bytes of a sun_path (an abstract name, which starts with NUL, is shown with a
 * leading '@'; the path ends at its first NUL). */
uint32_t fill_encode_unix_tuple(uint8_t *out, uint64_t src_sock, uint64_t dst_sock,
                                const uint8_t *path, uint32_t path_len);

#ifdef __cplusplus
}
#endif

#endif
