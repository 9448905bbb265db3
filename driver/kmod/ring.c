// SPDX-License-Identifier: GPL-2.0
/* The per-CPU ring: appending records as kmod_abi.h describes, and mapping it for the reader. */
#include <asm/barrier.h>
#include <linux/align.h>
#include <linux/build_bug.h>
#include <linux/errno.h>
#include <linux/mm.h>
#include <linux/string.h>
#include <linux/version.h>
#include <linux/vmalloc.h>

#include "ring.h"

#define FALCO_RECORD_ALIGN 8u

int falco_ring_alloc(struct falco_ring *ring, u32 size, unsigned int cpu)
{
	BUILD_BUG_ON(FALCO_KMOD_HEADER_BYTES % PAGE_SIZE);
	BUILD_BUG_ON(sizeof(struct falco_kmod_ring_header) > FALCO_KMOD_HEADER_BYTES);
	BUILD_BUG_ON(sizeof(struct falco_kmod_record_prefix) != FALCO_RECORD_ALIGN);

	/* vmalloc_user: zeroed and allowed into user mappings (remap_vmalloc_range). */
	ring->hdr = vmalloc_user((unsigned long)FALCO_KMOD_HEADER_BYTES + size);
	if (!ring->hdr)
		return -ENOMEM;
	ring->data = (u8 *)ring->hdr + FALCO_KMOD_HEADER_BYTES;
	ring->size = size;
	ring->cpu = cpu;
	falco_ring_reset(ring);
	return 0;
}

void falco_ring_free(struct falco_ring *ring)
{
	vfree(ring->hdr);
	ring->hdr = NULL;
	ring->data = NULL;
}

void falco_ring_reset(struct falco_ring *ring)
{
	ring->head = 0;
	ring->events = 0;
	ring->drops = 0;
	ring->drops_large = 0;
	memset(ring->hdr, 0, FALCO_KMOD_HEADER_BYTES);
	ring->hdr->size = ring->size;
	ring->hdr->cpu = ring->cpu;
}

static void falco_ring_prefix(u8 *at, u32 bytes, u32 kind)
{
	struct falco_kmod_record_prefix *prefix = (struct falco_kmod_record_prefix *)at;

	prefix->bytes = bytes;
	prefix->kind = kind;
}

bool falco_ring_append(struct falco_ring *ring, const void *rec, u32 len)
{
	const u32 prefix_bytes = sizeof(struct falco_kmod_record_prefix);
	u32 off = ring->head & (ring->size - 1);
	u32 need, pad = 0;
	u64 tail, used;
	u8 *at;

	/* Pairs with the reader's store-release of tail: it is done with what lies before it. */
	tail = smp_load_acquire(&ring->hdr->tail);
	used = ring->head - tail;
	/* A tail ahead of head or too far behind is the reader's bug; never write past it. */
	if (used > ring->size || len > ring->size)
		goto drop;
	need = ALIGN(prefix_bytes + len, FALCO_RECORD_ALIGN);
	/* Offsets are 8-aligned, so the rest of the data area always holds a padding prefix. */
	if (need > ring->size - off)
		pad = ring->size - off;
	if ((u64)need + pad > ring->size - used)
		goto drop;

	if (pad) {
		falco_ring_prefix(ring->data + off, pad, FALCO_KMOD_RECORD_PADDING);
		off = 0;
	}
	at = ring->data + off;
	falco_ring_prefix(at, need, FALCO_KMOD_RECORD_EVENT);
	memcpy(at + prefix_bytes, rec, len);
	memset(at + prefix_bytes + len, 0, need - prefix_bytes - len);

	ring->head += pad + need;
	ring->events++;
	/* Publishes the record: the reader's load-acquire of head sees its bytes. */
	smp_store_release(&ring->hdr->head, ring->head);
	WRITE_ONCE(ring->hdr->events, ring->events);
	return true;

drop:
	ring->drops++;
	WRITE_ONCE(ring->hdr->drops, ring->drops);
	return false;
}

void falco_ring_drop_large(struct falco_ring *ring)
{
	ring->drops_large++;
	WRITE_ONCE(ring->hdr->drops_large, ring->drops_large);
}

static void falco_vma_forbid_write(struct vm_area_struct *vma)
{
#if LINUX_VERSION_CODE >= KERNEL_VERSION(6, 3, 0)
	vm_flags_clear(vma, VM_MAYWRITE);
#else
	vma->vm_flags &= ~VM_MAYWRITE;
#endif
}

int falco_ring_mmap(struct falco_ring *ring, struct vm_area_struct *vma)
{
	const unsigned long header_pages = FALCO_KMOD_HEADER_BYTES >> PAGE_SHIFT;
	unsigned long len = vma->vm_end - vma->vm_start;

	/* A private mapping would copy the header page on the reader's first write of tail. */
	if (!(vma->vm_flags & VM_MAYSHARE))
		return -EINVAL;
	if (vma->vm_pgoff == 0) {
		if (len != FALCO_KMOD_HEADER_BYTES &&
		    len != (unsigned long)FALCO_KMOD_HEADER_BYTES + ring->size)
			return -EINVAL;
	} else if (vma->vm_pgoff == header_pages && len == ring->size) {
		/* The data area alone: the module's to write, the reader's to read. */
		if (vma->vm_flags & VM_WRITE)
			return -EACCES;
		falco_vma_forbid_write(vma);
	} else {
		return -EINVAL;
	}
	return remap_vmalloc_range(vma, ring->hdr, vma->vm_pgoff);
}
