#include "kmod_ring_image.h"

#include <stdlib.h>
#include <string.h>

#include "falco_kmod/kmod_abi.h"

_Static_assert(KMOD_IMAGE_HEADER_BYTES == FALCO_KMOD_HEADER_BYTES, "header page");
_Static_assert(KMOD_IMAGE_PREFIX_BYTES == sizeof(struct falco_kmod_record_prefix), "prefix");
_Static_assert((int)KMOD_IMAGE_EVENT == (int)FALCO_KMOD_RECORD_EVENT, "event kind");
_Static_assert((int)KMOD_IMAGE_PADDING == (int)FALCO_KMOD_RECORD_PADDING, "padding kind");

struct kmod_ring_image {
	size_t bytes;
	uint8_t *mem;
};

static struct falco_kmod_ring_header *header(const struct kmod_ring_image *img)
{
	return (struct falco_kmod_ring_header *)img->mem;
}

struct kmod_ring_image *kmod_ring_image_new(uint16_t cpu, uint32_t size, uint64_t start)
{
	struct kmod_ring_image *img = calloc(1, sizeof(*img));
	if (!img)
		abort();
	img->bytes = FALCO_KMOD_HEADER_BYTES + (size_t)size;
	img->mem = calloc(1, img->bytes);
	if (!img->mem)
		abort();
	header(img)->size = size;
	header(img)->cpu = cpu;
	header(img)->head = header(img)->tail = start;
	return img;
}

void kmod_ring_image_free(struct kmod_ring_image *img)
{
	if (img)
		free(img->mem);
	free(img);
}

void *kmod_ring_image_mapping(struct kmod_ring_image *img)
{
	return img->mem;
}

size_t kmod_ring_image_mapping_bytes(const struct kmod_ring_image *img)
{
	return img->bytes;
}

uint8_t *kmod_ring_image_data(struct kmod_ring_image *img)
{
	return img->mem + FALCO_KMOD_HEADER_BYTES;
}

uint64_t kmod_ring_image_head(const struct kmod_ring_image *img)
{
	return header(img)->head;
}

uint64_t kmod_ring_image_tail(const struct kmod_ring_image *img)
{
	return header(img)->tail;
}

uint32_t kmod_ring_image_cpu(const struct kmod_ring_image *img)
{
	return header(img)->cpu;
}

void kmod_ring_image_set_head(struct kmod_ring_image *img, uint64_t head)
{
	header(img)->head = head;
}

void kmod_ring_image_set_tail(struct kmod_ring_image *img, uint64_t tail)
{
	header(img)->tail = tail;
}

void kmod_ring_image_set_size(struct kmod_ring_image *img, uint32_t size)
{
	header(img)->size = size;
}

void kmod_ring_image_set_drops(struct kmod_ring_image *img, uint64_t drops, uint64_t drops_large)
{
	header(img)->drops = drops;
	header(img)->drops_large = drops_large;
}

/* The data area's size as allocated (the header's may have been changed by a test). */
static uint64_t area(const struct kmod_ring_image *img)
{
	return img->bytes - FALCO_KMOD_HEADER_BYTES;
}

void kmod_ring_image_write(struct kmod_ring_image *img, uint64_t pos, uint32_t bytes, uint32_t kind,
                           const void *body, size_t len)
{
	uint64_t off = pos & (area(img) - 1);
	uint8_t *at = kmod_ring_image_data(img) + off;
	struct falco_kmod_record_prefix prefix = {bytes, kind};
	memcpy(at, &prefix, sizeof(prefix));
	uint64_t room = area(img) - off - sizeof(prefix);
	if (len)
		memcpy(at + sizeof(prefix), body, len < room ? len : room);
}

uint64_t kmod_ring_image_append(struct kmod_ring_image *img, uint32_t kind, const void *body,
                                size_t len)
{
	uint32_t total =
	    (uint32_t)((sizeof(struct falco_kmod_record_prefix) + len + 7) & ~(size_t)7);
	uint64_t head = header(img)->head;
	uint64_t room = area(img) - (head & (area(img) - 1));
	if (total > room) {
		kmod_ring_image_write(img, head, (uint32_t)room, FALCO_KMOD_RECORD_PADDING, NULL,
		                      0);
		head += room;
	}
	kmod_ring_image_write(img, head, total, kind, body, len);
	header(img)->head = head + total;
	return head;
}
