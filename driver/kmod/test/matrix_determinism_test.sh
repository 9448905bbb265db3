#!/usr/bin/env bash
# kmod_matrix_determinism_test: two builds of the module for the same kernel, by two actions
# (other sandboxes, other scratch directories), are the same bytes.
#
# matrix_determinism_test.sh FIRST.ko SECOND.ko
set -euo pipefail
first="$1" second="$2"
if cmp -s "$first" "$second"; then
    echo "kmod_matrix_determinism_test: $(basename "$first") built twice: identical, sha256 $(sha256sum <"$first" | cut -d' ' -f1)"
    exit 0
fi
echo "kmod_matrix_determinism_test: two builds of $(basename "$first") differ; the sections that differ:" >&2
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
sections() { readelf -SW "$1" | sed -n 's/^ *\[ *[0-9]*\] \([^ ]*\) .*/\1/p' | grep -v '^\(NULL\)\?$' | sort -u; }
while read -r section; do
    objcopy --dump-section "$section=$tmp/a" "$first" "$tmp/discard.o" 2>/dev/null || : >"$tmp/a"
    objcopy --dump-section "$section=$tmp/b" "$second" "$tmp/discard.o" 2>/dev/null || : >"$tmp/b"
    cmp -s "$tmp/a" "$tmp/b" || echo "  $section" >&2
done < <(sort -u <(sections "$first") <(sections "$second"))
exit 1
