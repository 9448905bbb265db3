/* Rings of the kernel module built in memory for the tests: a header page and a data area in one
 * heap block of exactly the mapping's size. In C, apart from the C++ tests: the ABI header's
 * __u64 is another type than <linux/types.h>'s, which C++ code gets through <sys/stat.h>. */
#ifndef SCAP_TEST_KMOD_RING_IMAGE_H
#define SCAP_TEST_KMOD_RING_IMAGE_H

#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

/* The ABI's values (checked against falco_kmod/kmod_abi.h in kmod_ring_image.c). */
enum {
	KMOD_IMAGE_HEADER_BYTES = 4096,
	KMOD_IMAGE_PREFIX_BYTES = 8,
	KMOD_IMAGE_EVENT = 0,
	KMOD_IMAGE_PADDING = 1,
};

struct kmod_ring_image;

/* A ring of CPU `cpu` with a data area of `size` bytes; head and tail at `start`. */
struct kmod_ring_image *kmod_ring_image_new(uint16_t cpu, uint32_t size, uint64_t start);
void kmod_ring_image_free(struct kmod_ring_image *img);

void *kmod_ring_image_mapping(struct kmod_ring_image *img);
size_t kmod_ring_image_mapping_bytes(const struct kmod_ring_image *img);
uint8_t *kmod_ring_image_data(struct kmod_ring_image *img);

/* The header's fields. */
uint64_t kmod_ring_image_head(const struct kmod_ring_image *img);
uint64_t kmod_ring_image_tail(const struct kmod_ring_image *img);
uint32_t kmod_ring_image_cpu(const struct kmod_ring_image *img);
void kmod_ring_image_set_head(struct kmod_ring_image *img, uint64_t head);
void kmod_ring_image_set_tail(struct kmod_ring_image *img, uint64_t tail);
void kmod_ring_image_set_size(struct kmod_ring_image *img, uint32_t size);
void kmod_ring_image_set_drops(struct kmod_ring_image *img, uint64_t drops, uint64_t drops_large);

/* Writes a record prefix and `len` bytes of body at position `pos`, leaving out what does not fit
 * before the end of the data area. The head does not move. */
void kmod_ring_image_write(struct kmod_ring_image *img, uint64_t pos, uint32_t bytes, uint32_t kind,
                           const void *body, size_t len);

/* Appends a record at the head as the module does: a padding record to the end of the data area
 * first when it does not fit there; the head moves past it. Returns the record's position. */
uint64_t kmod_ring_image_append(struct kmod_ring_image *img, uint32_t kind, const void *body,
                                size_t len);

#ifdef __cplusplus
}
#endif

#endif
