/*
 * Loads fill_table_probe.bpf.o into the kernel, so that its verifier checks the way eBPF
 * programs use the driver tables. Without the privilege to load eBPF programs the test says so
 * and passes: it proves something only where the drivers run.
 * Usage: fill_table_verifier_test PROBE_OBJECT
 */
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include <bpf/libbpf.h>

/* libbpf's messages, the verifier log among them, go to stderr (debug ones only on failure). */
static int print_libbpf(enum libbpf_print_level level, const char *format, va_list args)
{
	if (level == LIBBPF_DEBUG) {
		return 0;
	}
	return vfprintf(stderr, format, args);
}

int main(int argc, char **argv)
{
	struct bpf_object *object;
	int err;

	if (argc != 2) {
		fprintf(stderr, "usage: fill_table_verifier_test PROBE_OBJECT\n");
		return 2;
	}
	if (geteuid() != 0) {
		printf("fill_table_verifier_test: skipped, not root: cannot load eBPF programs\n");
		return 0;
	}
	libbpf_set_print(print_libbpf);
	object = bpf_object__open_file(argv[1], NULL);
	if (object == NULL) {
		fprintf(stderr, "fill_table_verifier_test: cannot open %s: %s\n", argv[1],
		        strerror(errno));
		return 1;
	}
	err = bpf_object__load(object);
	bpf_object__close(object);
	if (err == -EPERM) {
		printf(
		    "fill_table_verifier_test: skipped, the kernel refuses eBPF programs here\n");
		return 0;
	}
	if (err != 0) {
		fprintf(stderr, "fill_table_verifier_test: the verifier rejects %s: %s\n", argv[1],
		        strerror(-err));
		return 1;
	}
	printf("fill_table_verifier_test: the verifier accepts %s\n", argv[1]);
	return 0;
}
