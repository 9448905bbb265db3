#!/usr/bin/env bash
# lintian over every .deb given, in one run (it is slow to start): any error (E:) fails the test;
# warnings, infos and the overrides the packages ship are printed.
# usage: deb_lintian_test.sh DEB...
set -euo pipefail
export HOME="${TEST_TMPDIR:-$(mktemp -d)}"
report="$HOME/lintian.txt"
# --fail-on none: the verdict comes from the report, which is printed whole first.
lintian --display-info --show-overrides --tag-display-limit 0 --fail-on none "$@" >"$report" 2>&1 || {
	cat "$report"
	echo "FAIL: lintian did not run"
	exit 1
}
cat "$report"
errors=$(grep '^E: ' "$report" || true)
echo "lintian: $# packages, $(grep -c '^E: ' "$report" || true) errors," \
	"$(grep -c '^W: ' "$report" || true) warnings, $(grep -c '^O: ' "$report" || true) overridden"
if [[ -n "$errors" ]]; then
	echo "FAIL: lintian reports errors:"
	echo "$errors"
	exit 1
fi
