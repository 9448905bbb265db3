#!/usr/bin/env bash
# Each pair of files, written by two separate actions from the same inputs, is byte-identical:
# the determinism test of the deb, rpm and image rules.
# usage: same_bytes_test.sh A A_AGAIN [B B_AGAIN]...
set -euo pipefail
[[ $# -gt 0 && $(($# % 2)) -eq 0 ]] || {
	echo "usage: $0 A A_AGAIN [B B_AGAIN]..." >&2
	exit 2
}
failures=0
while [[ $# -gt 0 ]]; do
	if [[ "$(realpath "$1")" == "$(realpath "$2")" ]]; then
		echo "FAIL: $1 and $2 are the same file, not two builds"
		failures=$((failures + 1))
	elif cmp "$1" "$2"; then
		echo "same bytes: $(basename "$1") ($(stat -L -c %s "$1") bytes, sha256 $(sha256sum <"$1" | cut -c1-16)...)"
	else
		echo "FAIL: $1 and $2 differ"
		failures=$((failures + 1))
	fi
	shift 2
done
[[ $failures -eq 0 ]]
