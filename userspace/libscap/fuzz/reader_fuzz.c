/* libFuzzer target: any bytes, plain or gzip, through the whole reader and the parameter access. */
#include <stdint.h>
#include <stdio.h>
#include <sys/mman.h>
#include <unistd.h>

#include "scap/scap.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char path[64], err[SCAP_ERRMSG_SIZE];
	int fd = memfd_create("capture", MFD_CLOEXEC);

	if (fd < 0 || write(fd, data, size) != (ssize_t)size) {
		if (fd >= 0)
			close(fd);
		return 0;
	}
	snprintf(path, sizeof(path), "/proc/self/fd/%d", fd);
	struct scap_open_args args = {.size = sizeof(args), .engine = "savefile", .path = path};
	struct scap *h = scap_open(&args, err);
	if (h) {
		struct scap_evt *evt;
		uint16_t cpu;
		uint32_t flags;
		volatile uint64_t sink = 0;
		const struct scap_metadata *meta = scap_get_metadata(h);
		for (uint32_t i = 0; i < meta->nthreads; i++)
			sink += meta->threads[i].fdlist ? meta->threads[i].fdlist->count : 0;
		while (scap_next(h, &evt, &cpu, &flags) == SCAP_OK) {
			struct scap_param p;
			for (uint32_t i = 0; scap_event_param(evt, i, &p) == 0; i++)
				sink += p.len ? p.data[p.len - 1] : 0;
		}
		scap_close(h);
	}
	close(fd);
	return 0;
}
