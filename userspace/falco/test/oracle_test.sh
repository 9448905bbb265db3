#!/usr/bin/env bash
# falco's alerts against sysdig's filter output, as the oracle. Each case in oracle_cases/ is a
# rules file whose header names a capture, the rule's condition written as a plain sysdig
# filter (macros, lists and exceptions expanded by hand) and the alert line as a sysdig format.
# falco -r CASE -e CAPTURE must print exactly the lines `sysdig -r CAPTURE -p FORMAT FILTER`
# prints, in the same order.
#   oracle_test.sh FALCO CASES_DIR CAPTURE...
# The upstream captures come from @shared_testdata's runfiles when ../shared exists.
set -euo pipefail
falco="$1" cases="$2"
shift 2
declare -A captures
shopt -s nullglob
for capture in "$@" "${TEST_SRCDIR:-.}"/shared_testdata/captures/*.scap; do
  captures["$(basename "$capture")"]="$capture"
done
command -v sysdig >/dev/null || { echo "sysdig is not installed (tools/setup/setup.sh installs it)" >&2; exit 1; }

header() { sed -n "s/^# $1: //p" "$2" | head -1; }

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
passed=0 failed=0 skipped=0
for case_file in "$cases"/*.yaml; do
  name="$(basename "$case_file" .yaml)"
  capture_name="$(header capture "$case_file")"
  filter="$(header filter "$case_file")"
  format="$(header format "$case_file")"
  capture="${captures[$capture_name]:-}"
  if [[ -z $capture ]]; then
    echo "SKIP $name: capture $capture_name is not available"
    skipped=$((skipped + 1))
    continue
  fi
  TZ=UTC sysdig -r "$capture" -p "*$format" "$filter" >"$work/want" 2>"$work/sysdig.err" || {
    echo "FAIL $name: sysdig failed: $(head -1 "$work/sysdig.err")"
    failed=$((failed + 1))
    continue
  }
  TZ=UTC "$falco" -c /dev/null -r "$case_file" -e "$capture" >"$work/out" 2>"$work/falco.err" || {
    echo "FAIL $name: falco failed: $(cat "$work/falco.err")"
    failed=$((failed + 1))
    continue
  }
  sed -n '/^Events detected: /q;p' "$work/out" >"$work/got"
  want_count="$(wc -l <"$work/want")"
  if [[ $want_count -eq 0 ]]; then
    echo "FAIL $name: the oracle prints nothing, so the case proves nothing"
    failed=$((failed + 1))
  elif ! diff -u "$work/want" "$work/got" >"$work/diff"; then
    echo "FAIL $name: falco's alerts differ from sysdig's output"
    head -20 "$work/diff"
    failed=$((failed + 1))
  elif ! grep -qx "Events detected: $want_count" "$work/out"; then
    echo "FAIL $name: the summary does not count $want_count alerts"
    failed=$((failed + 1))
  else
    echo "ok   $name: $want_count alerts"
    passed=$((passed + 1))
  fi
done
echo "$passed passed, $failed failed, $skipped skipped"
[[ $failed -eq 0 && $passed -gt 0 ]]
