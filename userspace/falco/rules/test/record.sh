#!/usr/bin/env bash
# Records the captures of the default-rules test with our eBPF probe (root, BTF, live kernel):
#
#   node_modules/.bin/bazelisk build //userspace/libsinsp:sinsp-inspect //driver/bpf:probe
#   sudo userspace/falco/rules/test/record.sh [SLUG...]
#
# For every workload in workloads/ (or the SLUGs given, e.g. write-below-etc) and both of its
# variants, trigger and clean, writes captures/SLUG.VARIANT.scap.gz:
#
# 1. the workload runs under a copy of Debian's python3 named `frwork` (runner.py): its setup
#    happens before the recording, then it waits;
# 2. sinsp-inspect records live with the probe, keeping only the events of frwork and its
#    descendants (`proc.name=frwork or proc.aname=frwork`);
# 3. once the capture file exists (the probe is attached and the process list written), the
#    runner performs the variant's action; when it is done, the recorder is stopped (SIGINT)
#    and the runner tears down what it set up, unrecorded;
# 4. prune_capture.py keeps only the process-list entries of the threads in the capture and
#    their ancestors, with their environments blanked, and compresses the result.
#
# Everything a workload changes (scratch files in /etc, /usr/local/bin, /var/log, /dev, cgroups)
# is removed again by its teardown. Override the tools with INSPECT=... and PROBE=... .
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
repo="$(cd "$here/../../../.." && pwd)"
inspect="${INSPECT:-$repo/bazel-bin/userspace/libsinsp/sinsp-inspect}"
probe="${PROBE:-$repo/bazel-bin/driver/bpf/probe.bpf.o}"
out_dir="$here/captures"
python=/usr/bin/python3

die() {
  echo "record.sh: $*" >&2
  exit 1
}

[[ $EUID -eq 0 ]] || die "must run as root (the probe and the workloads need it)"
[[ -x $inspect ]] || die "$inspect: not built (bazel build //userspace/libsinsp:sinsp-inspect)"
[[ -f $probe ]] || die "$probe: not built (bazel build //driver/bpf:probe)"
[[ -x $python ]] || die "$python: Debian's python3 is needed"

# Workload copies and scratch files live below /run, away from /tmp and /dev/shm, which some
# rules watch; at a fixed path, so that re-recording gives the same file names in the captures.
work=/run/falco-rules-test
[[ ! -e $work ]] || die "$work exists: another recording running, or left over (remove it)"
mkdir -m 700 "$work"
recorder=""
runner=""
cleanup() {
  if [[ -n $recorder ]] && kill -0 "$recorder" 2>/dev/null; then
    kill -INT "$recorder" 2>/dev/null || true
    wait "$recorder" 2>/dev/null || true
  fi
  if [[ -n $runner ]] && kill -0 "$runner" 2>/dev/null; then
    kill -TERM "$runner" 2>/dev/null || true # the runner tears down on SIGTERM
    wait "$runner" 2>/dev/null || true
  fi
  rm -rf "$work"
}
trap cleanup EXIT

cp "$(readlink -f "$python")" "$work/frwork"

# Waits up to $2 tenths of a second for `test $1 $3` to hold; fails if process $4 ended.
wait_for() {
  local op="$1" tenths="$2" path="$3" pid="$4"
  for ((i = 0; i < tenths; i++)); do
    if test "$op" "$path"; then
      return 0
    fi
    kill -0 "$pid" 2>/dev/null || return 1
    sleep 0.1
  done
  return 1
}

record_one() {
  local slug="$1" variant="$2"
  local workload="$here/workloads/${slug//-/_}.py"
  local control="$work/control" scratch="$work/scratch" raw="$work/raw.scap"
  local out="$out_dir/$slug.$variant.scap.gz"
  rm -rf "$control" "$scratch" "$raw"
  mkdir -p "$control" "$scratch"
  mkfifo "$control/go" "$control/stop"

  env -i PATH=/usr/bin:/bin HOME="$scratch/home" LANG=C.UTF-8 \
    "$work/frwork" -I -B "$here/runner.py" "$workload" "$variant" "$control" "$scratch" &
  runner=$!
  wait_for -f 200 "$control/ready" "$runner" || die "$slug $variant: the workload's setup failed"

  "$inspect" -B"$probe" -M 60 -w "$raw" "proc.name=frwork or proc.aname=frwork" &
  recorder=$!
  # The capture is written to OUT.tmp.PID until it is closed.
  wait_for -f 300 "$raw.tmp.$recorder" "$recorder" || die "$slug $variant: the recorder did not start"
  sleep 1 # the probe's first events reach the ring buffer before the action starts

  echo go >"$control/go"
  wait_for -f 600 "$control/done" "$runner" || die "$slug $variant: the action did not finish"
  sleep 1 # the last events drain from the ring buffer
  kill -INT "$recorder"
  wait "$recorder" || die "$slug $variant: the recorder failed"
  recorder=""

  echo stop >"$control/stop"
  wait "$runner" || die "$slug $variant: the workload failed (see above)"
  runner=""

  "$python" "$here/prune_capture.py" "$raw" "$out"
  echo "recorded $out: $(stat -c %s "$out") bytes"
}

slugs=("$@")
if [[ ${#slugs[@]} -eq 0 ]]; then
  for file in "$here"/workloads/*.py; do
    name="$(basename "$file" .py)"
    slugs+=("${name//_/-}")
  done
fi
mkdir -p "$out_dir"
for slug in "${slugs[@]}"; do
  [[ -f "$here/workloads/${slug//-/_}.py" ]] || die "$slug: no workloads/${slug//-/_}.py"
  record_one "$slug" trigger
  record_one "$slug" clean
done
