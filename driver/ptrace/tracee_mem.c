#include "tracee_mem.h"

#include <errno.h>
#include <string.h>
#include <sys/ptrace.h>
#include <sys/uio.h>
#include <unistd.h>

#include "driver_fill/fill_engine.h"

/* Word by word through ptrace: slow, but works wherever the tracee is ptrace-stopped. */
static size_t peek_read(pid_t tid, uint64_t addr, uint8_t *out, size_t len)
{
	size_t done = 0;
	uint64_t word_addr = addr & ~(uint64_t)7;
	size_t skip = (size_t)(addr - word_addr);

	while (done < len) {
		errno = 0;
		long word = ptrace(PTRACE_PEEKDATA, tid, (void *)word_addr, NULL);
		if (word == -1 && errno)
			break;
		size_t n = sizeof(word) - skip;
		if (n > len - done)
			n = len - done;
		memcpy(out + done, (uint8_t *)&word + skip, n);
		done += n;
		skip = 0;
		word_addr += sizeof(word);
	}
	return done;
}

size_t ptrace_mem_read(pid_t tid, uint64_t addr, void *out, size_t len)
{
	size_t done = 0;

	if (!addr || !len)
		return 0;
	while (done < len) {
		struct iovec local = {(uint8_t *)out + done, len - done};
		struct iovec remote = {(void *)(uintptr_t)(addr + done), len - done};
		ssize_t n = process_vm_readv(tid, &local, 1, &remote, 1, 0);
		if (n > 0) {
			done += (size_t)n;
			continue;
		}
		if (n < 0 && (errno == ENOSYS || errno == EPERM))
			return done +
			       peek_read(tid, addr + done, (uint8_t *)out + done, len - done);
		break;
	}
	return done;
}

static uint32_t read_tid_mem(void *ctx, uint64_t addr, void *out, uint32_t len)
{
	return (uint32_t)ptrace_mem_read(*(const pid_t *)ctx, addr, out, len);
}

size_t ptrace_mem_read_str(pid_t tid, uint64_t addr, char *out, size_t size)
{
	uint32_t cap = size > UINT32_MAX ? UINT32_MAX : (uint32_t)size;
	return fill_read_str_by_pages(read_tid_mem, &tid, addr, out, cap);
}
