#!/usr/bin/env bash
# Each pair of arguments is the same package written by two separate actions: the bytes must match.
# usage: deb_determinism_test.sh DEB AGAIN [DEB AGAIN]...
set -euo pipefail
failures=0
while [[ $# -gt 0 ]]; do
	if cmp "$1" "$2"; then
		echo "identical: $(basename "$1") ($(stat -L -c %s "$1") bytes, sha256 $(sha256sum <"$1" | cut -c1-16)...)"
	else
		echo "FAIL: $1 and $2 differ"
		failures=$((failures + 1))
	fi
	shift 2
done
[[ $failures -eq 0 ]]
