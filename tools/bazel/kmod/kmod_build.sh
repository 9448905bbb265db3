#!/usr/bin/env bash
# Builds one external kernel module (kmod_module's action; see kmod_module.bzl).
#
# kmod_build.sh OUT SRC_TREE MANIFEST KERNEL_ROOT KERNEL_BUILD_DIR MODULE_NAME WHAT
#   OUT               the .ko to write
#   SRC_TREE          the module's directory (kmod_source_tree)
#   MANIFEST          path-in-tree<TAB>origin per line, to name the real files in errors
#   KERNEL_ROOT       the kernel repository's root (absolute paths of the tree start below it)
#   KERNEL_BUILD_DIR  the directory for `make -C`
#   MODULE_NAME       the module's name: the build must produce <MODULE_NAME>.ko
#   WHAT              what is being built, for messages
#
# The module is built in a scratch copy of SRC_TREE. The output does not depend on where: the
# scratch directory and the kernel root are mapped (-ffile-prefix-map) to /usr/src/<module> and
# /, the locale and time zone are fixed, and the module gets no BTF (pahole would be another
# dependency and its parallel encoder is not reproducible; the module does not need BTF).
set -euo pipefail

out="$1" src="$2" manifest="$3" kroot="$4" kdir="$5" module="$6" what="$7"

export LC_ALL=C TZ=UTC SOURCE_DATE_EPOCH=0
unset MAKEFLAGS MFLAGS MAKELEVEL GNUMAKEFLAGS ARCH CROSS_COMPILE CC LD KCFLAGS KAFLAGS KCPPFLAGS \
    KBUILD_OUTPUT KBUILD_EXTMOD KBUILD_EXTRA_SYMBOLS O M W V C INSTALL_MOD_PATH

execroot="$PWD"
scratch="$(mktemp -d "${TMPDIR:-/tmp}/kmod_build.XXXXXX")"
log="$(mktemp "${TMPDIR:-/tmp}/kmod_build.XXXXXX.log")"
trap 'rm -rf "$scratch" "$log"' EXIT

cp -RL "$src/." "$scratch/"
chmod -R u+w "$scratch"

# gcc sees the kernel tree by its execroot path, or (make's CURDIR and the Makefile's realpath)
# by its real path when actions are not sandboxed: map both.
kroot_abs="$execroot/$kroot"
kroot_real="$(cd "$kroot" && pwd -P)"
prefix_maps="-ffile-prefix-map=$scratch=/usr/src/$module -ffile-prefix-map=$kroot_abs/=/ -ffile-prefix-map=$kroot_real/=/"

# Compiler messages name the files of the workspace instead of the scratch copy.
show_log() {
    local script=() dest origin
    while IFS=$'\t' read -r dest origin; do
        script+=(-e "s|$scratch/$dest\\b|$origin|g")
    done <"$manifest"
    script+=(-e "s|$scratch|<module tree>|g" -e "s|$kroot_abs/|/|g" -e "s|$kroot_real/|/|g")
    sed "${script[@]}" "$log" >&2
}

if ! make -C "$execroot/$kdir" M="$scratch" -j"$(nproc)" \
    CONFIG_DEBUG_INFO_BTF_MODULES= \
    KCFLAGS="$prefix_maps" KAFLAGS="$prefix_maps" \
    modules >"$log" 2>&1; then
    echo "kmod_module: building $what failed; make's output (the kernel tree's paths from /):" >&2
    show_log
    exit 1
fi
if grep -q 'warning:' "$log"; then
    echo "kmod_module: building $what gave warnings; make's output:" >&2
    show_log
fi
if [[ ! -f "$scratch/$module.ko" ]]; then
    echo "kmod_module: building $what made no $module.ko (made: $(cd "$scratch" && ls -- *.ko 2>/dev/null | tr '\n' ' ')); is obj-m of the Kbuild $module.o?" >&2
    show_log
    exit 1
fi
cp "$scratch/$module.ko" "$out"
chmod 0644 "$out"
