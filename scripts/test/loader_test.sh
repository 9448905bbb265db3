#!/usr/bin/env bash
# falco-driver-loader against a local HTTP server (//scripts/http_server) holding the prebuilt
# modules of //driver/kmod:matrix and the eBPF probe, each with its .sha256. Loading a module
# fails on this machine (its kernel has no module support): the tests assert that failure, as
# insmod reports it. See scripts/README.md for the loader's exit codes.
#
# loader_test.sh LOADER DOWNLOAD_ONLY_LOADER PROBE SCAP_H MODULE.ko...
set -euo pipefail
source scripts/test/lib.sh
source scripts/http_server/http_server.sh

LOADER=$(readlink -f "$1")
DOWNLOAD_ONLY=$(readlink -f "$2")
PROBE=$3
SCAP_H=$4
shift 4
MODULES=("$@")

# The repository: every module and the probe, with sha256sum's lines.
repo="$scratch/repo"
mkdir -p "$repo"
for ko in "${MODULES[@]}" "$PROBE"; do
    name=$(basename "$ko")
    [[ $name == *.bpf.o ]] && name=falco.bpf.o
    cp "$ko" "$repo/$name"
    (cd "$repo" && sha256sum "$name" >"$name.sha256")
done
start_http_server "$repo"
REPO=$HTTP_SERVER_URL

# A port nothing listens on: a second server's, once it has stopped.
saved_pid=$HTTP_SERVER_PID saved_log=$HTTP_SERVER_LOG
start_http_server "$scratch"
CLOSED="$HTTP_SERVER_URL"
stop_http_server
HTTP_SERVER_PID=$saved_pid HTTP_SERVER_LOG=$saved_log
trap stop_http_server EXIT

# Where libscap's eBPF engine looks for the probe when falco.yaml names none.
default_probe=$(sed -n 's/^#define SCAP_DEFAULT_BPF_PROBE "\(.*\)"$/\1/p' "$SCAP_H")
[[ $default_probe == /* ]] || {
    echo "FAIL: no SCAP_DEFAULT_BPF_PROBE in $SCAP_H"
    exit 1
}

requests_of() {
    grep -c " /$1 " "$HTTP_SERVER_LOG" || true
}

# --- usage ---------------------------------------------------------------------------------------

new_case usage
run_loader -- --help
expect_status 0
for code in 0 1 2 3 4 5 6 7 8 9 10 11 12 13; do
    check grep -qE "^  $code +[a-z]" "$out" -- "--help does not document exit code $code"
done
run_loader -- --bogus
expect_status 2
expect_err "unknown option --bogus"
run_loader -- floppy
expect_status 2
expect_err "unknown driver 'floppy'"
run_loader FALCO_DRIVER=floppy --
expect_status 2
run_loader -- --repo
expect_status 2
expect_err "--repo needs a value"
run_loader -- --then-run
expect_status 2
expect_err "--then-run needs a command"
run_loader FALCO_DOWNLOADER=ftp FALCO_KERNEL_RELEASE=1.0 -- --download --repo "$REPO"
expect_status 2
expect_err "FALCO_DOWNLOADER='ftp'"
LOADER_BIN=$DOWNLOAD_ONLY run_loader -- --compile
expect_status 2
expect_err "download-only"
LOADER_BIN=$DOWNLOAD_ONLY run_loader -- --help
check grep -q "This copy is download-only" "$out" -- "the download-only copy's --help does not say so"

# --- what the loader detects -----------------------------------------------------------------

new_case detect
run_loader FALCO_KERNEL_RELEASE=6.1.0-56-amd64 -- --print-name
expect_status 0
check test "$(cat "$out")" == falco_debian_6.1.0-56-amd64_1.ko -- "--print-name gave $(cat "$out")"
run_loader FALCO_KERNEL_RELEASE=6.1.0-56-amd64 -- bpf --print-name
check test "$(cat "$out")" == falco.bpf.o -- "bpf --print-name gave $(cat "$out")"
printf 'NAME="Ubuntu"\nID="ubuntu"\nID_LIKE=debian\n' >"$case/host/etc/os-release"
run_loader FALCO_KERNEL_RELEASE=5.15.0-91-generic FALCO_KERNEL_VERSION=101 -- --print-name
check test "$(cat "$out")" == falco_ubuntu_5.15.0-91-generic_101.ko -- "os-release ID=\"ubuntu\" gave $(cat "$out")"
rm "$case/host/etc/os-release"
mkdir -p "$case/host/usr/lib"
echo "ID=fedora" >"$case/host/usr/lib/os-release"
run_loader FALCO_KERNEL_RELEASE=6.5.6-300.fc39.x86_64 -- --print-name
check test "$(cat "$out")" == falco_fedora_6.5.6-300.fc39.x86_64_1.ko -- "usr/lib/os-release gave $(cat "$out")"
rm "$case/host/usr/lib/os-release"
run_loader FALCO_KERNEL_RELEASE=6.1.0-56-amd64 -- --print-name
expect_status 13
expect_err "cannot tell the distribution"
run_loader FALCO_DISTRO=debian FALCO_KERNEL_RELEASE=../../etc -- --print-name
expect_status 13
expect_err "is not usable in a driver's file name"
# Without overrides: uname -r and the #N of uname -v.
uname_v=$(uname -v)
[[ $uname_v =~ ^#([0-9]+) ]]
run_loader FALCO_DISTRO=debian FALCO_KERNEL_VERSION= -- --print-name
check test "$(cat "$out")" == "falco_debian_$(uname -r)_${BASH_REMATCH[1]}.ko" -- "the running kernel gave $(cat "$out")"

# --- downloading the module, for every kernel of the matrix ---------------------------------------

for ko in "${MODULES[@]}"; do
    name=$(basename "$ko")
    krel=${name#falco_debian_}
    krel=${krel%_1.ko}
    new_case "download-$krel"
    # Compiling is tried first and finds no headers in the empty host root.
    run_loader "FALCO_KERNEL_RELEASE=$krel" -- --repo "$REPO"
    expect_status 10
    expect_err "no kernel headers for $krel"
    expect_err "downloading $REPO/$name"
    expect_err "checked its sha256 ($(cut -d ' ' -f 1 "$repo/$name.sha256"))"
    expect_err "error: loading $case/cache/$name failed: insmod: ERROR: could not insert module $case/cache/$name"
    check cmp -s "$ko" "$case/cache/$name" -- "the cached module differs from the matrix's $name"
    check test "$(stat -c %a "$case/cache/$name")" == 644 -- "the cached module's mode is $(stat -c %a "$case/cache/$name")"
    check test "$(ls -A "$case/cache")" == "$name" -- "the cache holds more than the module: $(ls -A "$case/cache")"
    check test "$(requests_of "$name")" == 1 -- "$name was requested $(requests_of "$name") times"
    check test "$(requests_of "$name.sha256")" == 1 -- "$name.sha256 was requested $(requests_of "$name.sha256") times"
done
# The download-only copy never tries to build, even where the headers are.
new_case download-only
krel=6.1.0-56-amd64
mkdir -p "$case/host/lib/modules/$krel/build"
touch "$case/host/lib/modules/$krel/build/Makefile"
LOADER_BIN=$DOWNLOAD_ONLY run_loader "FALCO_KERNEL_RELEASE=$krel" -- --repo "$REPO"
expect_status 10
expect_no_err "building"
expect_no_err "kernel headers"
expect_err "checked its sha256"
check cmp -s "$repo/falco_debian_${krel}_1.ko" "$case/cache/falco_debian_${krel}_1.ko" -- "download-only: the cached module differs"

# GNU wget, and busybox's (what images may have), instead of curl.
mkdir -p "$scratch/busybox"
ln -s "$(command -v busybox)" "$scratch/busybox/wget"
for wget_path in "" "$scratch/busybox"; do
    new_case "wget${wget_path:+-busybox}"
    run_loader "PATH=${wget_path:+$wget_path:}/usr/sbin:$PATH" FALCO_DOWNLOADER=wget FALCO_KERNEL_RELEASE=6.12.117+deb12-amd64 -- --download --repo "$REPO"
    expect_status 10
    check cmp -s "$repo/falco_debian_6.12.117+deb12-amd64_1.ko" "$case/cache/falco_debian_6.12.117+deb12-amd64_1.ko" -- "wget: the cached module differs"
    run_loader "PATH=${wget_path:+$wget_path:}/usr/sbin:$PATH" FALCO_DOWNLOADER=wget FALCO_KERNEL_RELEASE=4.19.0-99-amd64 -- --download --repo "$REPO"
    expect_status 6
    expect_err "not found (HTTP 404)"
    run_loader "PATH=${wget_path:+$wget_path:}/usr/sbin:$PATH" FALCO_DOWNLOADER=wget FALCO_KERNEL_RELEASE=6.1.0-56-amd64 -- --download --repo "$CLOSED"
    expect_status 7
    expect_err "download failed: wget: "
done

# --- download failures -------------------------------------------------------------------------

new_case no-prebuilt
run_loader FALCO_KERNEL_RELEASE=4.19.0-99-amd64 -- --repo "$REPO"
expect_status 6
expect_err "error: no kernel headers for 4.19.0-99-amd64"
expect_err "$REPO/falco_debian_4.19.0-99-amd64_1.ko: not found (HTTP 404)"
check test -z "$(ls -A "$case/cache")" -- "a failed download left files in the cache: $(ls -A "$case/cache")"

new_case unreachable
run_loader FALCO_KERNEL_RELEASE=6.1.0-56-amd64 -- --download --repo "$CLOSED"
expect_status 7
expect_err "$CLOSED/falco_debian_6.1.0-56-amd64_1.ko: download failed: curl: "

# A repository whose module was corrupted, whose checksum is missing, or not a checksum.
bad="$scratch/bad-repo"
mkdir -p "$bad"
name=falco_debian_6.1.0-56-amd64_1.ko
cp "$repo/$name" "$repo/$name.sha256" "$bad/"
printf 'corrupted' | dd of="$bad/$name" bs=1 seek=4096 conv=notrunc status=none
cmp -s "$bad/$name" "$repo/$name" && {
    echo "FAIL: the corruption changed nothing"
    exit 1
}
cp "$repo/$name" "$bad/falco_debian_6.1.0-56-cloud-amd64_1.ko"
echo "not a checksum" >"$bad/falco_debian_6.12.117+deb12-amd64_1.ko.sha256"
cp "$repo/falco_debian_6.12.117+deb12-amd64_1.ko" "$bad/"
saved_pid=$HTTP_SERVER_PID saved_log=$HTTP_SERVER_LOG
start_http_server "$bad"
BAD=$HTTP_SERVER_URL bad_pid=$HTTP_SERVER_PID
HTTP_SERVER_PID=$saved_pid HTTP_SERVER_LOG=$saved_log
trap 'stop_http_server; kill $bad_pid 2>/dev/null || true' EXIT

new_case corrupted
run_loader FALCO_KERNEL_RELEASE=6.1.0-56-amd64 -- --download --repo "$BAD"
expect_status 8
expect_err "$BAD/$name does not match its checksum: sha256 $(sha256sum "$bad/$name" | cut -d ' ' -f 1), $name.sha256 says $(cut -d ' ' -f 1 "$repo/$name.sha256")"
check test -z "$(ls -A "$case/cache")" -- "a corrupted download left files in the cache: $(ls -A "$case/cache")"
run_loader FALCO_KERNEL_RELEASE=6.1.0-56-cloud-amd64 -- --download --repo "$BAD"
expect_status 8
expect_err "its checksum $BAD/falco_debian_6.1.0-56-cloud-amd64_1.ko.sha256 is missing"
run_loader FALCO_KERNEL_RELEASE=6.12.117+deb12-amd64 -- --download --repo "$BAD"
expect_status 8
expect_err "is not in sha256sum's format"
check test -z "$(ls -A "$case/cache")" -- "failed checks left files in the cache: $(ls -A "$case/cache")"

new_case unwritable-cache
run_loader FALCO_KERNEL_RELEASE=6.1.0-56-amd64 "FALCO_DRIVER_CACHE=/proc/falco-driver-loader-test" -- --download --repo "$REPO"
expect_status 12
expect_err "cannot write the cache folder /proc/falco-driver-loader-test"

# --- the cache, loading --------------------------------------------------------------------------

new_case cache
name=falco_debian_6.1.0-56-amd64_1.ko
cp "$repo/$name" "$case/cache/"
run_loader FALCO_KERNEL_RELEASE=6.1.0-56-amd64 -- --repo "$CLOSED"
expect_status 10
expect_err "using $case/cache/$name from the cache"
expect_err "could not insert module $case/cache/$name"
run_loader FALCO_KERNEL_RELEASE=6.1.0-56-amd64 -- --download --force --repo "$CLOSED"
expect_status 7
run_loader FALCO_KERNEL_RELEASE=6.1.0-56-amd64 -- --no-load --repo "$CLOSED"
expect_status 0
expect_err "not loaded: --no-load"
# A falco module is loaded (says the module list): the loader removes it first, with the real
# rmmod, which fails here.
echo "falco 1245184 0 - Live 0x0000000000000000" >"$case/proc-modules"
run_loader FALCO_KERNEL_RELEASE=6.1.0-56-amd64 "FALCO_PROC_MODULES=$case/proc-modules" -- --repo "$CLOSED"
expect_status 9
expect_err "a falco module is loaded and rmmod falco failed: rmmod: ERROR:"

# --- --then-run ----------------------------------------------------------------------------------

new_case then-run
cp "$repo/$name" "$case/cache/"
run_loader FALCO_KERNEL_RELEASE=6.1.0-56-amd64 -- --no-load --then-run sh -c 'echo "$0 $*" >"$1"; exit 42' ran "$case/ran" b
expect_status 42
check test "$(cat "$case/ran" 2>/dev/null)" == "ran $case/ran b" -- "--then-run did not run the command with its arguments"
rm -f "$case/ran"
run_loader FALCO_KERNEL_RELEASE=6.1.0-56-amd64 -- --then-run sh -c 'echo ran >"$0"' "$case/ran"
expect_status 10
check test ! -e "$case/ran" -- "--then-run ran the command after the load failed"
run_loader FALCO_KERNEL_RELEASE=6.1.0-56-amd64 -- --no-load --then-run /nonexistent/falco
expect_status 127

# --- the eBPF probe ------------------------------------------------------------------------------

new_case bpf-download
if [[ -r /sys/kernel/btf/vmlinux ]]; then
    run_loader FALCO_KERNEL_RELEASE=6.1.0-56-amd64 -- bpf --repo "$REPO" --then-run sh -c 'echo ran >"$0"' "$case/ran"
    expect_status 0
    expect_err "no packaged eBPF probe at $case/root$default_probe"
    expect_err "installed the eBPF probe at $case/root$default_probe"
    check cmp -s "$PROBE" "$case/root$default_probe" -- "the installed probe differs from //driver/bpf:probe"
    check cmp -s "$PROBE" "$case/cache/falco.bpf.o" -- "the cached probe differs from //driver/bpf:probe"
    check test -e "$case/ran" -- "--then-run did not run after the probe was installed"
    # The packaged probe (falco-bpf) is used as it is: no download.
    new_case bpf-packaged
    mkdir -p "$case/root$(dirname "$default_probe")"
    cp "$PROBE" "$case/root$default_probe"
    before=$(requests_of falco.bpf.o)
    run_loader -- bpf --repo "$REPO"
    expect_status 0
    expect_err "the eBPF probe is in place: $case/root$default_probe"
    check test "$(requests_of falco.bpf.o)" == "$before" -- "the packaged probe was downloaded again"
    # Something else in its place is no probe.
    cp "$repo/$name" "$case/root$default_probe"
    run_loader -- bpf --compile
    expect_status 4
    expect_err "$case/root$default_probe is not an eBPF object"
    rm "$case/root$default_probe"
    run_loader -- bpf --compile
    expect_status 4
    expect_err "no packaged eBPF probe at $case/root$default_probe"
else
    echo "SKIPPED: this machine has no BTF (/sys/kernel/btf/vmlinux), so the probe cannot be installed here"
fi
new_case bpf-no-btf
mkdir -p "$case/sys/kernel"
run_loader "FALCO_SYSFS=$case/sys" FALCO_KERNEL_RELEASE=5.4.0-1-amd64 -- bpf --repo "$REPO" --then-run sh -c 'echo ran >"$0"' "$case/ran"
expect_status 11
expect_err "kernel 5.4.0-1-amd64 has no BTF ($case/sys/kernel/btf/vmlinux is missing)"
check test ! -e "$case/ran" -- "--then-run ran without BTF"
check test ! -e "$case/root$default_probe" -- "a probe was installed without BTF"

finish
