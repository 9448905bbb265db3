#!/usr/bin/env bash
# Records testdata/captures/ebpf_workload.scap with our eBPF probe (root, BTF):
#   bazel build //userspace/libsinsp:sinsp-inspect //driver/bpf:probe
#   sudo userspace/libsinsp/testdata/record_ebpf.sh bazel-bin/userspace/libsinsp/sinsp-inspect \
#       bazel-bin/driver/bpf/probe.bpf.o userspace/libsinsp/testdata/captures/ebpf_workload.scap
# The workload runs as a copy of python3 named sinsp-work, so that the filter keeps its events
# and those of its children only. sysdig 0.29.3, the oracle, does not know event codes past 335
# (it skips them and numbers events without them) and crashes on generic events of recent
# syscalls, so the capture keeps only the event types sysdig prints from the raw recording.
set -euo pipefail
inspect="$1" probe="$2" out="$3"
here="$(cd "$(dirname "$0")" && pwd)"
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
cp /usr/bin/python3 "$tmp/sinsp-work" # Debian's, not a shim
"$inspect" -B"$probe" -M 8 -w "$tmp/raw.scap" \
  "(proc.name=sinsp-work or proc.pname=sinsp-work) and evt.type!=syscall" &
recorder=$!
sleep 3
"$tmp/sinsp-work" "$here/workload.py"
wait "$recorder"
known="$(sysdig -r "$tmp/raw.scap" -p '%evt.type' | sort -u | paste -sd, -)"
"$inspect" -r "$tmp/raw.scap" -w "$out" "evt.type in ($known)"
echo "recorded $out: $(stat -c %s "$out") bytes"
