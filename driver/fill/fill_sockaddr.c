/* PT_SOCKADDR and PT_SOCKTUPLE encodings: see include/driver_fill/fill_sockaddr.h. */
#include "driver_fill/fill_sockaddr.h"

/* Linux's AF_* values (linux/socket.h). */
#define LINUX_AF_UNIX 1
#define LINUX_AF_INET 2
#define LINUX_AF_INET6 10

/* Offsets in the Linux sockaddr structures (the family is always the first two bytes). */
#define SIN_PORT 2
#define SIN_ADDR 4
#define SIN6_PORT 2
#define SIN6_ADDR 8
#define SUN_PATH 2

static void put_u16(uint8_t *at, uint16_t v)
{
	at[0] = (uint8_t)v;
	at[1] = (uint8_t)(v >> 8);
}

static void put_u64(uint8_t *at, uint64_t v)
{
	for (int i = 0; i < 8; i++)
		at[i] = (uint8_t)(v >> (8 * i));
}

/* Byte `i` of the first `len` bytes of `raw`, 0 past them. */
static uint8_t byte_at(const uint8_t *raw, uint32_t len, uint32_t i)
{
	return i < len ? raw[i] : 0;
}

/* A port as a sockaddr holds it (network order), in host order. */
static uint16_t port_at(const uint8_t *raw, uint32_t len, uint32_t off)
{
	return (uint16_t)((byte_at(raw, len, off) << 8) | byte_at(raw, len, off + 1));
}

static void copy_at(uint8_t *out, const uint8_t *raw, uint32_t len, uint32_t off, uint32_t n)
{
	for (uint32_t i = 0; i < n; i++)
		out[i] = byte_at(raw, len, off + i);
}

/* A Unix path, NUL-terminated, from `n` raw bytes of sun_path: an abstract name (leading NUL) is
 * shown with a leading '@'. Either ends at its first NUL. Returns the bytes with the NUL. */
static uint32_t unix_path(const uint8_t *path, uint32_t n, uint8_t *out)
{
	uint32_t i = 0;

	if (n > FILL_UNIX_PATH_MAX)
		n = FILL_UNIX_PATH_MAX;
	if (n && path[0] == '\0') {
		out[0] = '@';
		i = 1;
	}
	for (; i < n && path[i] != '\0'; i++)
		out[i] = path[i];
	out[i] = '\0';
	return i + 1;
}

uint32_t fill_encode_sockaddr(const uint8_t *raw, uint32_t len, uint8_t *out)
{
	if (len < 2)
		return 0;
	if (len > FILL_SOCKADDR_RAW_MAX)
		len = FILL_SOCKADDR_RAW_MAX;
	switch (raw[0] | (raw[1] << 8)) {
	case LINUX_AF_INET:
		out[0] = FILL_PPM_AF_INET;
		copy_at(out + 1, raw, len, SIN_ADDR, 4);
		put_u16(out + 5, port_at(raw, len, SIN_PORT));
		return 7;
	case LINUX_AF_INET6:
		out[0] = FILL_PPM_AF_INET6;
		copy_at(out + 1, raw, len, SIN6_ADDR, 16);
		put_u16(out + 17, port_at(raw, len, SIN6_PORT));
		return 19;
	case LINUX_AF_UNIX:
		out[0] = FILL_PPM_AF_UNIX;
		return 1 + unix_path(raw + SUN_PATH, len - SUN_PATH, out + 1);
	default:
		return 0;
	}
}

uint32_t fill_encode_inet_tuple(uint8_t *out, const uint8_t src[4], uint16_t sport,
                                const uint8_t dst[4], uint16_t dport)
{
	out[0] = FILL_PPM_AF_INET;
	memcpy(out + 1, src, 4);
	put_u16(out + 5, sport);
	memcpy(out + 7, dst, 4);
	put_u16(out + 11, dport);
	return 13;
}

uint32_t fill_encode_inet6_tuple(uint8_t *out, const uint8_t src[16], uint16_t sport,
                                 const uint8_t dst[16], uint16_t dport)
{
	out[0] = FILL_PPM_AF_INET6;
	memcpy(out + 1, src, 16);
	put_u16(out + 17, sport);
	memcpy(out + 19, dst, 16);
	put_u16(out + 35, dport);
	return 37;
}

uint32_t fill_encode_unix_tuple(uint8_t *out, uint64_t src_sock, uint64_t dst_sock,
                                const uint8_t *path, uint32_t path_len)
{
	out[0] = FILL_PPM_AF_UNIX;
	put_u64(out + 1, src_sock);
	put_u64(out + 9, dst_sock);
	return 17 + unix_path(path, path_len, out + 17);
}
