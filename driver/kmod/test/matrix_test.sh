#!/usr/bin/env bash
# kmod_matrix_test: every module of //driver/kmod:matrix is a falco module for its kernel, as
# modinfo would show it: the .modinfo section says name=falco, license=GPL and a vermagic that
# starts with the kernel release of its file name (falco_debian_<kernelrelease>_<kernelversion>.ko),
# it is an x86-64 relocatable object with the module struct, and a kernel built with
# modversions gets the symbol CRCs (__versions).
#
# matrix_test.sh KERNELRELEASE... -- MODULE.ko...
#   KERNELRELEASE  every kernel of the pin table, each must have exactly one module
set -euo pipefail

expected=()
while [[ $# -gt 0 && $1 != -- ]]; do
    expected+=("$1")
    shift
done
[[ $# -gt 0 ]] && shift
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
failures=0
problem() {
    echo "FAIL $1" >&2
    failures=$((failures + 1))
}

declare -A seen=()
for ko in "$@"; do
    base="$(basename "$ko")"
    if [[ ! $base =~ ^falco_debian_(.+)_([0-9]+)\.ko$ ]]; then
        problem "$base: the name is not falco_debian_<kernelrelease>_<kernelversion>.ko"
        continue
    fi
    krel="${BASH_REMATCH[1]}"
    if [[ -n ${seen[$krel]+x} ]]; then
        problem "$base: a second module for kernel $krel (${seen[$krel]})"
    fi
    seen[$krel]="$base"

    header="$(readelf -h "$ko")"
    grep -Eq '^ *Type: +REL ' <<<"$header" || problem "$base: not a relocatable ELF object"
    grep -Eq '^ *Machine: +Advanced Micro Devices X86-64' <<<"$header" || problem "$base: not x86-64"
    sections="$(readelf -SW "$ko")"
    grep -q ' \.gnu\.linkonce\.this_module ' <<<"$sections" || problem "$base: no .gnu.linkonce.this_module (struct module)"

    objcopy --dump-section .modinfo="$tmp/modinfo" "$ko" "$tmp/discard.o" ||
        { problem "$base: no .modinfo section"; continue; }
    modinfo="$(tr '\0' '\n' <"$tmp/modinfo")"
    field() { sed -n "s/^$1=//p" <<<"$modinfo" | head -n 1; }
    name="$(field name)" license="$(field license)" vermagic="$(field vermagic)"
    [[ $name == falco ]] || problem "$base: name is '$name', not falco"
    [[ $license == GPL ]] || problem "$base: license is '$license', not GPL"
    [[ $vermagic == "$krel "* ]] || problem "$base: vermagic '$vermagic' is not of kernel $krel"
    if [[ $vermagic == *" modversions"* ]]; then
        grep -q ' __versions ' <<<"$sections" || problem "$base: vermagic says modversions but there is no __versions section"
    fi
    echo "ok $base: name=$name license=$license vermagic=$vermagic srcversion=$(field srcversion)"
done

for krel in "${expected[@]}"; do
    [[ -n ${seen[$krel]+x} ]] || problem "kernel $krel: no module"
done
if [[ ${#expected[@]} -ne $# ]]; then
    problem "${#expected[@]} kernels but $# modules"
fi
if [[ $failures -gt 0 ]]; then
    echo "kmod_matrix_test: $failures problems" >&2
    exit 1
fi
echo "kmod_matrix_test: $# modules checked"
