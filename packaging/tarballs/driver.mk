# Builds falco's drivers from this folder (the falco-driver-src tarball's driver/):
#
#   make                       both drivers
#   make kmod                  kmod/falco.ko, the kernel module, with kbuild against KERNELDIR
#                              (default: the running kernel's /lib/modules/<release>/build)
#   make bpf                   bpf/falco.bpf.o, the eBPF probe (CO-RE: one object for every
#                              kernel with BTF), with clang and libbpf's headers (libbpf-dev)
#   make clean
#
# Install the module with `insmod kmod/falco.ko` (or falco-driver-loader), the probe as
# /usr/share/falco/bpf/falco.bpf.o, where falco's eBPF engine looks for it.
KERNELDIR ?= /lib/modules/$(shell uname -r)/build
CLANG ?= clang
BPF_CFLAGS ?= -O2 -g -Wall -Werror

BPF_SOURCES := $(wildcard bpf/*.c bpf/*.h bpf/include/*/*.h)

all: kmod bpf

kmod:
	$(MAKE) -C kmod KERNELDIR=$(KERNELDIR) modules

bpf: bpf/falco.bpf.o

bpf/falco.bpf.o: $(BPF_SOURCES)
	$(CLANG) -target bpf -D__TARGET_ARCH_x86 $(BPF_CFLAGS) -Ibpf/include -Ibpf -c bpf/probe.bpf.c -o $@

clean:
	$(MAKE) -C kmod KERNELDIR=$(KERNELDIR) clean
	rm -f bpf/falco.bpf.o

.PHONY: all kmod bpf clean
