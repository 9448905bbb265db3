#!/usr/bin/env bash
# falco's command line: listings, validation, selection, fatal errors, tracing a command with the
# ptrace engine, and the kmod engine's error without the module.
#   cli_test.sh FALCO CAPTURE (a capture where `cat` opens files: cat_write.scap or ours)
set -euo pipefail
falco="$1" capture="$2"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
failures=0
fail() {
  echo "FAIL $*"
  failures=$((failures + 1))
}
# run NAME EXPECTED_STATUS ARGS...: runs falco, keeps stdout/stderr in $work/NAME.{out,err}.
run() {
  local name="$1" want="$2" status=0
  shift 2
  "$falco" -c /dev/null -o log_syslog=false -o syslog_output.enabled=false "$@" \
    >"$work/$name.out" 2>"$work/$name.err" || status=$?
  [[ $status -eq $want ]] || fail "$name: exit status $status, expected $want; stderr: $(head -3 "$work/$name.err")"
}
expect_in() { # NAME STREAM TEXT
  grep -qF -- "$3" "$work/$1.$2" || fail "$1: $2 lacks '$3': $(head -5 "$work/$1.$2")"
}

cat >"$work/a.yaml" <<'YAML'
- list: readers
  items: [cat, head]
- macro: file_opened
  condition: evt.type in (open, openat) and evt.dir=<
- rule: reader opens file
  desc: a reader program opened a file
  condition: file_opened and proc.name in (readers)
  output: "%proc.name opened %fd.name"
  priority: NOTICE
  tags: [filesystem, readers]
- rule: any open
  desc: any other program opened a file
  condition: file_opened
  output: "%proc.name opened %fd.name"
  priority: DEBUG
  tags: [filesystem]
YAML
cat >"$work/b.yaml" <<'YAML'
- rule: reader opens file
  enabled: false
YAML
cat >"$work/broken.yaml" <<'YAML'
- rule: broken
  desc: refers to a macro nobody defined
  condition: no_such_macro and proc.name=cat
  output: x
  priority: INFO
YAML

run version 0 --version
expect_in version out "Falco version: "
run list 0 -r "$work/a.yaml" -L
expect_in list out "reader opens file"
expect_in list out "a reader program opened a file"
run describe 0 -r "$work/a.yaml" -l "any open"
expect_in describe out "Condition: file_opened"
run describe_missing 1 -r "$work/a.yaml" -l "no such rule"
expect_in describe_missing err "Error: no rule named 'no such rule'"
run fields 0 --list -N
expect_in fields out "proc.aname"
run validate_ok 0 -V "$work/a.yaml" -V "$work/b.yaml"
expect_in validate_ok out "$work/a.yaml: Ok"
expect_in validate_ok out "$work/b.yaml: Ok"
run validate_bad 1 -V "$work/broken.yaml"
expect_in validate_bad out "$work/broken.yaml: Invalid"
expect_in validate_bad out "LOAD_ERR_VALIDATE (Error validating rule/macro/list/exception objects): Undefined macro 'no_such_macro' used in filter."
expect_in validate_bad err "Error: "
run validate_json 1 -V "$work/broken.yaml" -o json_output=true
expect_in validate_json out '{"falco_load_results":[{"name":"'"$work"'/broken.yaml","successful":false,"errors":[{"code":"LOAD_ERR_VALIDATE"'

# A broken rules file: the error names the file, nothing is read, exit 1.
run broken 1 -r "$work/broken.yaml" -e "$capture"
expect_in broken err "Error: $work/broken.yaml: Invalid"
[[ ! -s $work/broken.out ]] || fail "broken: stdout is not empty: $(head -3 "$work/broken.out")"
run no_rules 1 -e "$capture"
expect_in no_rules err "Error: You must specify at least one rules file/directory via -r or a rules_file entry in falco.yaml"
run tags_conflict 1 -r "$work/a.yaml" -t readers -T filesystem -e "$capture"
expect_in tags_conflict err "Error: You can not specify both disabled (-D/-T) and enabled (-t) rules"
run missing_capture 1 -r "$work/a.yaml" -e "$work/none.scap"
expect_in missing_capture err "none.scap"
run bad_option 1 --no-such-option
expect_in bad_option err "Error: unknown option"
run bad_config 1 -o priority=loud -r "$work/a.yaml" -e "$capture"
expect_in bad_config err "priority"

# Selection: the first matching rule wins; disabling it by name, tag or a later file hands the
# events to the next rule.
run all 0 -r "$work/a.yaml" -e "$capture"
expect_in all out "   reader opens file: "
run disabled_by_file 0 -r "$work/a.yaml" -r "$work/b.yaml" -e "$capture"
grep -q "reader opens file" "$work/disabled_by_file.out" && fail "disabled_by_file: the disabled rule fired"
expect_in disabled_by_file out "   any open: "
run disabled_by_name 0 -r "$work/a.yaml" -D "reader" -e "$capture"
grep -q "reader opens file" "$work/disabled_by_name.out" && fail "disabled_by_name: the disabled rule fired"
run only_tag 0 -r "$work/a.yaml" -t readers -e "$capture"
grep -q "any open" "$work/only_tag.out" && fail "only_tag: a rule without the tag fired"
expect_in only_tag out "   reader opens file: "
run priority_threshold 0 -r "$work/a.yaml" -o priority=notice -e "$capture"
grep -q "   any open" "$work/priority_threshold.out" && fail "priority_threshold: a Debug rule ran below the notice threshold"
run extra_output 0 -r "$work/a.yaml" -p "pid=%proc.pid" -e "$capture"
grep -m1 "opened" "$work/extra_output.out" | grep -q " pid=[0-9]" || fail "extra_output: -p text missing"

# Statistics as JSON (-s), written whole.
run stats 0 -r "$work/a.yaml" -s "$work/stats.json" -e "$capture"
grep -q '^{"events_detected":[1-9][0-9]*,"rule_counts_by_severity":{' "$work/stats.json" || fail "stats: $(cat "$work/stats.json")"

# ptrace: trace a command and alert on it.
run ptrace 0 -r "$work/a.yaml" -o engine.kind=ptrace -- cat /etc/hostname
expect_in ptrace out "cat opened /etc/hostname"
run ptrace_no_command 1 -r "$work/a.yaml" -o engine.kind=ptrace
expect_in ptrace_no_command err "engine.kind=ptrace needs a command"

# kmod: without the kernel module loaded, the engine names the device it could not open.
if [[ ! -e /dev/falco0 ]]; then
  run kmod_missing 1 -r "$work/a.yaml" -o engine.kind=kmod
  expect_in kmod_missing err "kmod: cannot open /dev/falco0: No such file or directory (is the falco module loaded? try falco-driver-loader)"
fi

[[ $failures -eq 0 ]] && echo "cli_test: all checks passed"
exit $((failures > 0))
