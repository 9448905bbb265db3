#!/usr/bin/env bash
# The real sysdig is the oracle for the capture format:
#  1. every line sysdig prints for a capture (number, raw time, tid, type, direction) appears
#     unchanged in scap-dump's output;
#  2. a capture rewritten by our writer, plain and gzip, reads in sysdig exactly as the original
#     does (events with their arguments).
# Usage: sysdig_oracle_test.sh SCAP_DUMP [CAPTURE...]; without captures it takes those of
# @shared_testdata in its runfiles (none when ../shared is absent: then it says it skipped).
set -uo pipefail
scap_dump="$1"
shift
if [[ $# -eq 0 ]]; then
  shopt -s nullglob
  set -- "${TEST_SRCDIR:-.}"/shared_testdata/captures/*.scap
fi
if [[ $# -eq 0 ]]; then
  echo "SKIPPED: ../shared/testdata/captures is not beside the repository"
  exit 0
fi
if ! command -v sysdig >/dev/null; then
  echo "sysdig is not installed (tools/setup/setup.sh installs it)" >&2
  exit 1
fi
work="${TEST_TMPDIR:-$(mktemp -d)}"
format='%evt.num %evt.rawtime %thread.tid %evt.type %evt.dir'
failures=0
for capture in "$@"; do
  name="$(basename "$capture")"
  sysdig -D -r "$capture" -p "$format" 2>/dev/null | sort > "$work/$name.sysdig"
  "$scap_dump" "$capture" | sort > "$work/$name.ours" || { echo "FAIL $name: scap-dump failed"; failures=$((failures + 1)); continue; }
  missing="$(comm -23 "$work/$name.sysdig" "$work/$name.ours" | head -5)"
  expected=$(wc -l < "$work/$name.sysdig")
  if [[ $expected -eq 0 || -n $missing ]]; then
    echo "FAIL $name: sysdig printed $expected lines; not in scap-dump's output:"
    echo "$missing"
    failures=$((failures + 1))
  else
    echo "ok   $name: all $expected sysdig lines found in scap-dump's $(wc -l < "$work/$name.ours")"
  fi

  sysdig -D -r "$capture" 2>/dev/null > "$work/$name.full"
  for mode in plain gzip; do
    flag=""
    [[ $mode == gzip ]] && flag="-z"
    out="$work/$name.$mode.scap"
    if ! "$scap_dump" -r "$capture" -w "$out" $flag 2>/dev/null; then
      echo "FAIL $name: rewriting ($mode) failed"
      failures=$((failures + 1))
      continue
    fi
    if cmp -s "$work/$name.full" <(sysdig -D -r "$out" 2>/dev/null); then
      echo "ok   $name: rewritten ($mode), sysdig prints the same $(wc -l < "$work/$name.full") events"
    else
      echo "FAIL $name: sysdig reads the rewritten ($mode) file differently:"
      diff <(sysdig -D -r "$out" 2>/dev/null) "$work/$name.full" | head -6
      failures=$((failures + 1))
    fi
  done
done
exit $((failures > 0))
