#!/usr/bin/env bash
# Helpers for the loader's tests: run the loader in a case folder, check its exit code and
# messages, count failures.
#
#   new_case NAME          a fresh folder $case with an empty fake host root ($case/host, whose
#                          os-release says debian) and cache ($case/cache)
#   run_loader ENV=VALUE... -- ARGS...   runs $LOADER with a clean environment plus ENV, sets
#                          $status, $out (stdout file) and $err (stderr file)
#   expect_status N, expect_err TEXT, expect_no_err TEXT, check COMMAND... -- MESSAGE, finish
set -euo pipefail
# insmod, rmmod, modinfo and dkms live in the sbin folders.
export PATH="/usr/local/sbin:/usr/sbin:/sbin:$PATH"

failures=0
checks=0
scratch=$(mktemp -d "${TEST_TMPDIR:-/tmp}/loader_test.XXXXXX")
case_name=""
case=""
out=/dev/null
err=/dev/null

new_case() {
    case_name=$1
    case="$scratch/$1"
    mkdir -p "$case/host/etc" "$case/cache"
    echo 'ID=debian' >"$case/host/etc/os-release"
    echo "--- $case_name"
}

problem() {
    echo "FAIL [$case_name] $*"
    echo "  stdout: $(cat "$out" 2>/dev/null)"
    echo "  stderr: $(cat "$err" 2>/dev/null)"
    failures=$((failures + 1))
}

# Every run starts from an empty environment but PATH and TMPDIR; the loader's state is in the
# case folder.
run_loader() {
    local env=(
        "PATH=$PATH"
        "TMPDIR=${TEST_TMPDIR:-/tmp}"
        "HOST_ROOT=$case/host"
        "FALCO_ROOT=$case/root"
        "FALCO_DRIVER_CACHE=$case/cache"
        "FALCO_PROC_MODULES=$case/no-proc-modules"
        "FALCO_KERNEL_VERSION=1"
    )
    while (($# > 0)) && [[ $1 != -- ]]; do
        env+=("$1")
        shift
    done
    shift
    out="$case/stdout"
    err="$case/stderr"
    status=0
    env -i "${env[@]}" "${LOADER_BIN:-$LOADER}" "$@" >"$out" 2>"$err" || status=$?
    checks=$((checks + 1))
}

expect_status() {
    [[ $status == "$1" ]] || problem "exit code $status, expected $1"
}

expect_err() {
    grep -qF -- "$1" "$err" || problem "stderr lacks '$1'"
}

expect_no_err() {
    if grep -qF -- "$1" "$err"; then problem "stderr has '$1'"; fi
}

# check COMMAND... -- MESSAGE: a failing COMMAND is a failure, reported with MESSAGE.
check() {
    local command=()
    while [[ $1 != -- ]]; do
        command+=("$1")
        shift
    done
    shift
    checks=$((checks + 1))
    "${command[@]}" || problem "$*"
}

finish() {
    rm -rf "$scratch"
    if ((failures > 0)); then
        echo "$failures of $checks checks failed"
        exit 1
    fi
    echo "PASS: $checks checks"
}
