#!/usr/bin/env bash
# falco live with our eBPF probe (root, BTF):
#  1. a child `cat /etc/shadow` raises the rules file's alert on stdout;
#  2. with buffered outputs and a file output, SIGTERM makes falco flush every pending alert
#     before it exits: the file holds as many alerts as the summary counts.
#   live_ebpf_test.sh FALCO PROBE RULES RULE_NAME
set -euo pipefail
falco="$1" probe="$2" rules="$3" rule="$4"
if [[ $(id -u) -ne 0 ]]; then
  echo "SKIP: the eBPF probe needs root"
  exit 0
fi
if [[ ! -e /sys/kernel/btf/vmlinux ]]; then
  echo "SKIP: the kernel has no BTF"
  exit 0
fi
work="$(mktemp -d)"
pid=""
cleanup() {
  [[ -n $pid ]] && kill "$pid" 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT

# Starts falco in the background with extra options; waits until its probe is attached.
start_falco() {
  "$falco" -c /dev/null -r "$rules" -o engine.kind=ebpf -o "engine.ebpf.probe=$probe" \
    -o log_syslog=false -o syslog_output.enabled=false "$@" >"$work/stdout" 2>"$work/stderr" &
  pid=$!
  for _ in $(seq 100); do
    grep -q "Opened the 'syscall' source" "$work/stderr" && return 0
    kill -0 "$pid" 2>/dev/null || { echo "FAIL: falco exited early: $(cat "$work/stderr")"; exit 1; }
    sleep 0.1
  done
  echo "FAIL: falco did not open the eBPF source in 10 s: $(cat "$work/stderr")"
  exit 1
}

# 1. The alert on stdout (unbuffered), within 10 seconds.
start_falco -U -M 20
found=""
for _ in $(seq 20); do
  cat /etc/shadow >/dev/null
  if grep -q "shadow" "$work/stdout"; then
    found=yes
    break
  fi
  sleep 0.5
done
kill -TERM "$pid"
wait "$pid" || { echo "FAIL: falco exited with $? after SIGTERM"; exit 1; }
pid=""
if [[ -z $found ]]; then
  echo "FAIL: no alert for cat /etc/shadow; stdout:"
  cat "$work/stdout"
  exit 1
fi
grep -q "^   $rule: [1-9]" "$work/stdout" || { echo "FAIL: the summary does not count rule '$rule'"; cat "$work/stdout"; exit 1; }
echo "ok   live alert: $(grep -m1 shadow "$work/stdout")"

# 2. SIGTERM flushes buffered alerts.
start_falco -o buffered_outputs=true -o stdout_output.enabled=false \
  -o file_output.enabled=true -o "file_output.filename=$work/alerts.txt" -o file_output.keep_alive=true
for _ in $(seq 10); do
  cat /etc/shadow >/dev/null
done
sleep 1
kill -TERM "$pid"
wait "$pid" || { echo "FAIL: falco exited with $? after SIGTERM"; exit 1; }
pid=""
counted="$(sed -n 's/^Events detected: //p' "$work/stdout")"
written="$(wc -l <"$work/alerts.txt" 2>/dev/null || echo 0)"
if [[ -z $counted || $counted -lt 10 || $written -ne $counted ]]; then
  echo "FAIL: after SIGTERM the file holds $written alerts, the summary counts ${counted:-none} (10 or more expected)"
  exit 1
fi
echo "ok   SIGTERM flushed $written buffered alerts"
