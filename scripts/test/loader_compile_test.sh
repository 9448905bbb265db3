#!/usr/bin/env bash
# falco-driver-loader --compile against a Debian kernel's headers (from the pinned kernels of
# //driver/kmod:matrix): kbuild and DKMS each build a real falco.ko whose vermagic names that
# kernel; then loading fails here (no module support), as insmod says. Also: no headers, no
# source, a failing build, and headers found through HOST_ROOT's absolute symlink.
#
# loader_compile_test.sh LOADER DKMS_CONF MODULE_SOURCE KERNEL_BUILD_DIR KERNELRELEASE
set -euo pipefail
source scripts/test/lib.sh

LOADER=$(readlink -f "$1")
DKMS_CONF=$(readlink -f "$2")
SOURCE=$(readlink -f "$3")
# The headers' Makefile includes the -common one relative to its own path: keep the runfiles
# path (not the resolved one), where both trees sit side by side.
KDIR="$PWD/$4"
KREL=$5
NAME="falco_debian_${KREL}_1.ko"
[[ -f $KDIR/Makefile ]] || {
    echo "FAIL: no kernel build tree at $KDIR"
    exit 1
}

# modinfo's view of a module: it is falco's, built for KREL.
check_module() {
    local ko=$1 what=$2 vermagic
    vermagic=$(modinfo -F vermagic "$ko" 2>/dev/null || true)
    check test "$(modinfo -F name "$ko" 2>/dev/null)" == falco -- "$what: modinfo name is not falco"
    check test "${vermagic%% *}" == "$KREL" -- "$what: vermagic '$vermagic' is not for $KREL"
}

new_case kbuild
run_loader "FALCO_KERNEL_RELEASE=$KREL" -- --compile --source-dir "$SOURCE" --kernel-build-dir "$KDIR" --repo http://127.0.0.1:9/unused
expect_status 10
expect_err "building the module with kbuild: make -C $KDIR"
expect_err "error: loading $case/cache/$NAME failed: insmod: ERROR: could not insert module $case/cache/$NAME"
expect_no_err "downloading"
check_module "$case/cache/$NAME" "the kbuild module"
check test "$(ls -A "$case/cache")" == "$(printf '%s\n' build.log "$NAME")" -- "the cache holds $(ls -A "$case/cache")"

new_case no-headers
run_loader "FALCO_KERNEL_RELEASE=$KREL" -- --compile --source-dir "$SOURCE"
expect_status 3
expect_err "no kernel headers for $KREL in $case/host/lib/modules/$KREL/build or $case/host/usr/src/linux-headers-$KREL"
expect_no_err "downloading"
run_loader "FALCO_KERNEL_RELEASE=$KREL" -- --compile --source-dir "$SOURCE" --kernel-build-dir "$case/nothing"
expect_status 3
expect_err "$case/nothing (--kernel-build-dir) has no Makefile"

new_case no-source
run_loader "FALCO_KERNEL_RELEASE=$KREL" -- --compile --kernel-build-dir "$KDIR"
expect_status 4
expect_err "no module source in $case/root/usr/src/falco-0.1.0"

# The host's layout seen from a container: lib/modules/<krel>/build is an absolute symlink to
# /usr/src/linux-headers-<krel>, which exists below HOST_ROOT. A source that does not compile
# shows that the headers were found (a build failure, not "no headers") and the compiler's error.
new_case host-root-build-failure
mkdir -p "$case/host/lib/modules/$KREL" "$case/host/usr/src" "$case/broken"
ln -s "/usr/src/linux-headers-$KREL" "$case/host/lib/modules/$KREL/build"
# (relative: an absolute link below HOST_ROOT is a path on the host)
ln -s "$(realpath -s --relative-to="$case/host/usr/src" "$KDIR")" "$case/host/usr/src/linux-headers-$KREL"
cp -RL "$SOURCE/." "$case/broken/"
chmod -R u+w "$case/broken"
echo '#error this source is broken on purpose' >>"$case/broken/main.c"
run_loader "FALCO_KERNEL_RELEASE=$KREL" -- --compile --source-dir "$case/broken"
expect_status 5
expect_err "building the module with kbuild: make -C $case/host/usr/src/linux-headers-$KREL"
expect_err "this source is broken on purpose"
expect_err "error: building the module against $case/host/usr/src/linux-headers-$KREL failed"
check test ! -e "$case/cache/$NAME" -- "a failed build left a module in the cache"
# Without --compile, the download comes next; its failure decides the exit code.
run_loader "FALCO_KERNEL_RELEASE=$KREL" -- --source-dir "$case/broken" --repo http://127.0.0.1:9
expect_status 7
expect_err "building the module against"
expect_err "trying a download"

# DKMS, with the dkms.conf the falco-module package installs, in trees of the test's own (and
# a signing key of its own, where DKMS signs modules).
new_case dkms
if command -v dkms >/dev/null 2>&1 || [[ -x /usr/sbin/dkms ]]; then
    src="$case/src/falco-0.1.0"
    mkdir -p "$src"
    cp -RL "$SOURCE/." "$src/"
    cp "$DKMS_CONF" "$src/dkms.conf"
    chmod -R u+w "$case/src"
    run_loader "FALCO_KERNEL_RELEASE=$KREL" HOST_ROOT= "FALCO_DKMS_TREE=$case/dkms" "FALCO_DKMS_INSTALL_TREE=$case/modules" \
        "mok_signing_key=$case/mok.key" "mok_certificate=$case/mok.pub" \
        -- --compile --source-dir "$src" --kernel-build-dir "$KDIR"
    expect_status 10
    expect_err "building the module with DKMS: dkms install -m falco -v 0.1.0 -k $KREL"
    expect_err "could not insert module $case/cache/$NAME"
    check_module "$case/cache/$NAME" "the DKMS module"
    check_module "$case/modules/$KREL/updates/dkms/falco.ko" "the module DKMS installed"
    check grep -q "^falco/0.1.0, $KREL, .*: installed" <(dkms status --dkmstree "$case/dkms" 2>/dev/null) -- "dkms status does not say installed"
else
    echo "SKIPPED: dkms is not installed"
fi

finish
