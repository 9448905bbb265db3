#!/usr/bin/env bash
# lintian over every .deb given, in one run (it is slow to start): any error (E:) fails the test,
# except those named with --known (each an error awaiting a fix elsewhere, listed in the BUILD file
# with its reason); warnings, infos and the overrides the packages ship are printed.
# usage: deb_lintian_test.sh [--known 'PACKAGE: TAG']... DEB...
set -euo pipefail
known=()
while [[ $# -gt 0 && "$1" == --known ]]; do
	known+=("$2")
	shift 2
done
export HOME="${TEST_TMPDIR:-$(mktemp -d)}"
report="$HOME/lintian.txt"
# --fail-on none: the verdict comes from the report, so that known errors can be told apart.
lintian --display-info --show-overrides --tag-display-limit 0 --fail-on none "$@" >"$report" 2>&1 || {
	cat "$report"
	echo "FAIL: lintian did not run"
	exit 1
}
cat "$report"
errors=$(grep '^E: ' "$report" || true)
for k in "${known[@]}"; do
	if grep -qF "E: $k" <<<"$errors"; then
		echo "known error, awaiting its fix: $k"
		errors=$(grep -vF "E: $k" <<<"$errors" || true)
	else
		echo "note: the known error '$k' is gone; drop it from the BUILD file"
	fi
done
echo "lintian: $# packages, $(grep -c '^E: ' "$report" || true) errors ($(grep -c . <<<"$errors" || true) unexpected)," \
	"$(grep -c '^W: ' "$report" || true) warnings, $(grep -c '^O: ' "$report" || true) overridden"
if [[ -n "$errors" ]]; then
	echo "FAIL: lintian reports errors:"
	echo "$errors"
	exit 1
fi
