#!/usr/bin/env bash
# The default rules, end to end: falco loads falco_rules.yaml without errors or warnings, and on
# every capture of test/captures/ raises exactly the alerts test/expectations.txt lists.
#
#   default_rules_test.sh FALCO RULES EXPECTATIONS CAPTURE...
#
# Also checks that every capture given is listed, every listed capture is given, and every rule
# of the rules file is under test.
set -euo pipefail

if [[ $# -lt 4 ]]; then
  echo "usage: default_rules_test.sh FALCO RULES EXPECTATIONS CAPTURE..." >&2
  exit 2
fi
falco="$1" rules="$2" expectations="$3"
shift 3

failures=0
fail() {
  echo "FAIL: $*" >&2
  failures=$((failures + 1))
}

# Runs falco on capture $1 with the default rules, quietly: no syslog, no config file.
run_falco() {
  "$falco" -c /dev/null -o syslog_output.enabled=false -o log_syslog=false \
    -r "$rules" -e "$1"
}

# 1. The rules file loads cleanly: "FILE: Ok" (not "Ok, with warnings"), and with -v no
#    warning code (LOAD_NO_EVTTYPE, LOAD_UNUSED_LIST, ...) on stderr either.
validation_out="$("$falco" -c /dev/null -o log_syslog=false -v -V "$rules" 2>&1)" ||
  fail "falco -V $rules failed: $validation_out"
if ! grep -qxF "$rules: Ok" <<<"$validation_out" || grep -q 'LOAD_' <<<"$validation_out"; then
  fail "falco -v -V $rules: expected \"$rules: Ok\" and no warnings, got:"$'\n'"$validation_out"
fi

# 2. The expectations: capture -> "rule<TAB>count" lines.
declare -A expected=()    # capture name -> expected summary lines, sorted
declare -A listed_rules=() # rule name -> 1
line_no=0
while IFS= read -r line || [[ -n $line ]]; do
  line_no=$((line_no + 1))
  [[ $line =~ ^[[:space:]]*(#|$) ]] && continue
  if [[ ! $line =~ ^([^[:space:]]+)[[:space:]]+([0-9]+)[[:space:]]+(.*[^[:space:]])[[:space:]]*$ ]]; then
    fail "$expectations:$line_no: not CAPTURE COUNT RULE: $line"
    continue
  fi
  capture="${BASH_REMATCH[1]}" count="${BASH_REMATCH[2]}" rule="${BASH_REMATCH[3]}"
  listed_rules["$rule"]=1
  entry="${expected[$capture]-}"
  if [[ $count -gt 0 ]]; then
    entry+="$rule: $count"$'\n'
  fi
  expected["$capture"]="$entry"
done <"$expectations"
[[ ${#expected[@]} -gt 0 ]] || fail "$expectations lists no capture"

# 3. Every rule of the file is under test.
while IFS= read -r rule; do
  [[ -n ${listed_rules[$rule]-} ]] || fail "rule '$rule' has no capture in $expectations"
done < <(sed -n 's/^- rule: *//p' "$rules")

# 4. Each capture: the rules that fire and how often, from the end-of-run summary.
declare -A given=()
for path in "$@"; do
  capture="$(basename "$path")"
  given["$capture"]=1
  if [[ -z ${expected[$capture]+set} ]]; then
    fail "$capture is not listed in $expectations"
    continue
  fi
  if ! out="$(run_falco "$path" 2>/dev/null)"; then
    fail "$capture: falco failed: $(run_falco "$path" 2>&1 >/dev/null | tail -3)"
    continue
  fi
  actual="$(sed -n '/^Triggered rules by rule name:$/,$p' <<<"$out" | sed -n 's/^   //p' | sort)"
  want="$(printf '%s' "${expected[$capture]}" | sort)"
  if [[ $actual != "$want" ]]; then
    fail "$capture: expected alerts [${want//$'\n'/; }], falco raised [${actual//$'\n'/; }]"
    continue
  fi
  # The summary agrees with the alerts printed.
  total=0
  while IFS= read -r summary; do
    [[ -n $summary ]] && total=$((total + ${summary##*: }))
  done <<<"$actual"
  detected="$(sed -n 's/^Events detected: //p' <<<"$out")"
  [[ $detected == "$total" ]] || fail "$capture: 'Events detected: $detected', rules total $total"
  alert_lines="$(grep -c -E '^[0-9:.]+: [A-Z][a-z]+ ' <<<"$out" || true)"
  [[ $alert_lines == "$total" ]] || fail "$capture: $alert_lines alert lines, summary total $total"
done
for capture in "${!expected[@]}"; do
  [[ -n ${given[$capture]-} ]] || fail "$capture is listed in $expectations but not given"
done

if [[ $failures -gt 0 ]]; then
  echo "$failures failure(s)" >&2
  exit 1
fi
echo "PASS: $# captures, ${#listed_rules[@]} rules"
