#!/usr/bin/env bash
# The drivers built from the tarballs that ship their sources, against a Debian kernel's headers:
# - falco-driver-src: `make -C driver KERNELDIR=...` builds driver/kmod/falco.ko (modinfo: falco,
#   vermagic of that kernel) and driver/bpf/falco.bpf.o (an eBPF object with the probe's
#   programs, as //driver/bpf:probe has them);
# - falco-driver-full: its own loader, with FALCO_ROOT at the unpacked folder, compiles its
#   usr/src/falco-0.1.0 (--compile --no-load) into its cache.
#
# driver_build_test.sh DRIVER_SRC.tar.gz DRIVER_FULL.tar.gz PROBE KERNEL_BUILD_DIR KERNELRELEASE
set -euo pipefail
export PATH="/usr/sbin:/sbin:$PATH"
driver_src=$1 driver_full=$2 probe=$3
# (the runfiles path: the headers' Makefile includes the -common tree next to it)
kdir="$PWD/$4"
krel=$5
failures=0
fail() {
    echo "FAIL $*"
    failures=$((failures + 1))
}
scratch=$(mktemp -d "${TEST_TMPDIR:-/tmp}/driver_build.XXXXXX")
trap 'rm -rf "$scratch"' EXIT

check_module() {
    local ko=$1 vermagic
    [[ -f $ko ]] || {
        fail "$ko was not built"
        return
    }
    [[ $(modinfo -F name "$ko") == falco ]] || fail "$ko: modinfo name is '$(modinfo -F name "$ko")'"
    vermagic=$(modinfo -F vermagic "$ko")
    [[ ${vermagic%% *} == "$krel" ]] || fail "$ko: vermagic '$vermagic' is not for $krel"
}

# The sections holding programs (SEC("...")) of an eBPF object, sorted.
program_sections() {
    readelf -SW "$1" | sed -n 's/^ *\[ *[0-9]*\] \([^ ]*\) *PROGBITS .* AX .*/\1/p' | sort
}

tar -xzf "$driver_src" -C "$scratch"
src="$scratch/$(basename "$driver_src" .tar.gz)"
if ! make -C "$src/driver" KERNELDIR="$kdir" >"$scratch/make.log" 2>&1; then
    fail "make -C driver KERNELDIR=... failed:"
    tail -n 30 "$scratch/make.log"
fi
check_module "$src/driver/kmod/falco.ko"
object="$src/driver/bpf/falco.bpf.o"
if [[ -f $object ]]; then
    readelf -h "$object" | grep -q "Machine: *Linux BPF" || fail "falco.bpf.o is not an eBPF object"
    [[ -n $(program_sections "$object") ]] || fail "falco.bpf.o holds no programs"
    [[ "$(program_sections "$object")" == "$(program_sections "$probe")" ]] ||
        fail "falco.bpf.o's programs ($(program_sections "$object" | tr '\n' ' ')) differ from //driver/bpf:probe's ($(program_sections "$probe" | tr '\n' ' '))"
else
    fail "make -C driver built no bpf/falco.bpf.o"
fi
make -C "$src/driver" KERNELDIR="$kdir" clean >/dev/null 2>&1 || fail "make clean failed"
[[ ! -e $src/driver/kmod/falco.ko && ! -e $object ]] || fail "make clean left the drivers"

tar -xzf "$driver_full" -C "$scratch"
full="$scratch/$(basename "$driver_full" .tar.gz)"
status=0
env -i PATH="$PATH" TMPDIR="${TEST_TMPDIR:-/tmp}" FALCO_ROOT="$full" HOST_ROOT="$scratch/no-host" FALCO_DRIVER_CACHE="$scratch/cache" \
    FALCO_DISTRO=debian FALCO_KERNEL_RELEASE="$krel" FALCO_KERNEL_VERSION=1 \
    "$full/usr/bin/falco-driver-loader" --compile --no-load --kernel-build-dir "$kdir" >"$scratch/loader.log" 2>&1 || status=$?
if [[ $status != 0 ]]; then
    fail "falco-driver-full's loader could not compile its module source (exit $status):"
    cat "$scratch/loader.log"
fi
grep -q "make -C $kdir M=<a copy of $full/usr/src/falco-0.1.0>" "$scratch/loader.log" || fail "the loader did not build usr/src/falco-0.1.0 with kbuild: $(cat "$scratch/loader.log")"
check_module "$scratch/cache/falco_debian_${krel}_1.ko"

if ((failures > 0)); then
    echo "$failures failures"
    exit 1
fi
echo "PASS"
