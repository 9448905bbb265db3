#!/usr/bin/env bash
# falco-ptrace from the outside: its output lines, exit codes and errors, -p, and the capture files
# of -w (plain and gzip) read by scap-dump and by the real sysdig with the same events.
# Usage: cli_test.sh FALCO_PTRACE WORKLOAD SCAP_DUMP
set -uo pipefail
tracer="$(realpath "$1")"
workload="$(realpath "$2")"
scap_dump="$(realpath "$3")"
work="${TEST_TMPDIR:-$(mktemp -d)}"
failures=0

pass() { echo "ok   $1"; }
fail() {
  echo "FAIL $1"
  failures=$((failures + 1))
}

# Runs a command, keeping its status, stdout and stderr.
run() {
  "$@" >"$work/out" 2>"$work/err"
  status=$?
}

# 1. Default output: one line per event, as scap-dump prints them; CMD's status is ours.
run "$tracer" -- "$workload" exit 0
if [[ $status -eq 0 ]] && head -1 "$work/out" | grep -Eq '^1 [0-9]{19} [0-9]+ execve >$' &&
  tail -1 "$work/out" | grep -Eq '^[0-9]+ [0-9]{19} [0-9]+ procexit >$'; then
  pass "prints one line per event, from execve > to procexit >"
else
  fail "default output (status $status): $(head -2 "$work/out")"
fi

run "$tracer" -- "$workload" exit 7
[[ $status -eq 7 ]] && pass "exits with the command's status (7)" || fail "status $status, not 7"

run "$tracer" -- sh -c 'kill -TERM $$'
[[ $status -eq 143 ]] && pass "a command killed by SIGTERM gives 128+15" || fail "status $status, not 143"

# 2. Errors: one line on stderr and the shell's codes.
run "$tracer" -- no-such-command-anywhere
if [[ $status -eq 127 && "$(cat "$work/err")" == "falco-ptrace: no-such-command-anywhere: command not found" ]]; then
  pass "command not found: 127 and one line"
else
  fail "command not found: status $status, stderr: $(cat "$work/err")"
fi

printf 'not a program\n' >"$work/not-executable"
chmod 644 "$work/not-executable"
run "$tracer" -- "$work/not-executable"
if [[ $status -eq 126 && $(wc -l <"$work/err") -eq 1 ]] && grep -q "Permission denied" "$work/err"; then
  pass "not executable: 126 and one line"
else
  fail "not executable: status $status, stderr: $(cat "$work/err")"
fi

run "$tracer" -p 2147483000
if [[ $status -eq 1 && "$(cat "$work/err")" == "falco-ptrace: process 2147483000: no such process" ]]; then
  pass "no such process: 1 and one line"
else
  fail "no such process: status $status, stderr: $(cat "$work/err")"
fi

run "$tracer" -z -- true
[[ $status -eq 2 ]] && grep -q "^usage:" "$work/err" && pass "bad usage: 2 and the usage" ||
  fail "bad usage: status $status"

# 3. -p: attach, see the process's events, detach on SIGINT and leave it running; a second
# tracer is refused.
"$workload" loop &
target=$!
sleep 0.05
"$tracer" -p "$target" >"$work/attach.out" 2>"$work/attach.err" &
attached=$!
sleep 0.3
run "$tracer" -p "$target"
if [[ $status -eq 1 ]] && grep -q "cannot attach to process $target: Operation not permitted" "$work/err"; then
  pass "attaching to a traced process: 1 and 'Operation not permitted'"
else
  fail "second attach: status $status, stderr: $(cat "$work/err")"
fi
kill -INT "$attached"
wait "$attached"
attach_status=$?
opens=$(grep -c " $target openat <\$" "$work/attach.out")
state=$(awk '{print $3}' "/proc/$target/stat" 2>/dev/null)
if [[ $attach_status -eq 130 && $opens -gt 3 && ($state == S || $state == R) ]]; then
  pass "-p: $opens openat events of $target, detached on SIGINT (130), still running ($state)"
else
  fail "-p: status $attach_status, $opens openat events, state '$state', stderr: $(cat "$work/attach.err")"
fi
kill -KILL "$target"
wait "$target" 2>/dev/null

# 4. SIGTERM ends a capture: the command (still running, its child too) is killed and the file is
# finished.
"$tracer" -w "$work/term.scap" -- sh -c "\"$workload\" loop & \"$workload\" loop" &
capturing=$!
sleep 0.3
shell=$(pgrep -P "$capturing")
traced="$shell $(pgrep -P "$shell" | tr '\n' ' ')"
kill -TERM "$capturing"
wait "$capturing"
term_status=$?
sleep 0.1
left=0
for pid in $traced; do
  if kill -0 "$pid" 2>/dev/null; then
    left=$((left + 1))
    kill -KILL "$pid"
  fi
done
if [[ $term_status -eq 143 && $left -eq 0 && $(wc -w <<<"$traced") -eq 3 ]] &&
  "$scap_dump" "$work/term.scap" | grep -q " openat <$"; then
  pass "SIGTERM: 143, the command and its child killed, the capture finished"
else
  fail "SIGTERM: status $term_status, $left of '$traced' left, capture: $(ls -la "$work"/term.scap* 2>&1)"
fi

# 5. -w: capture files that scap-dump and sysdig read with the same events.
if ! command -v sysdig >/dev/null; then
  fail "sysdig is not installed (tools/setup/setup.sh installs it)"
else
  format='%evt.num %evt.rawtime %thread.tid %evt.type %evt.dir'
  for mode in plain gzip; do
    flag=""
    [[ $mode == gzip ]] && flag="-z"
    capture="$work/$mode.scap"
    run "$tracer" -w "$capture" $flag -- "$workload" fork
    if [[ $status -ne 0 || -s "$work/out" ]]; then
      fail "-w ($mode): status $status, stdout not empty or: $(cat "$work/err")"
      continue
    fi
    if [[ $mode == gzip ]] && ! gzip -t "$capture" 2>/dev/null; then
      fail "-w -z did not write a gzip file"
    fi
    "$scap_dump" "$capture" >"$work/$mode.ours"
    sysdig -r "$capture" -p "$format" >"$work/$mode.sysdig" 2>"$work/$mode.sysdig.err"
    events=$(wc -l <"$work/$mode.ours")
    forks=$(grep -c ' clone <$' "$work/$mode.ours")
    execs=$(grep -c ' execve <$' "$work/$mode.ours")
    if [[ $events -gt 10 && $forks -eq 2 && $execs -eq 2 ]] && cmp -s "$work/$mode.ours" "$work/$mode.sysdig"; then
      pass "-w ($mode): scap-dump and sysdig read the same $events events"
    else
      fail "-w ($mode): $events events, $forks clone exits, $execs execve exits; scap-dump vs sysdig:"
      diff "$work/$mode.ours" "$work/$mode.sysdig" | head -8
    fi
  done
fi

exit $((failures > 0))
