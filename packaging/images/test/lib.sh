#!/usr/bin/env bash
# Helpers for the images' runc tests: unpack an image with umoci, edit its bundle with
# //tools/oci:runc_config, run it with runc (as root, state in the test's scratch folder).
#
#   unpack_image ARCHIVE NAME      sets $bundle (its config.json kept as config.json.orig)
#   configure ARGS...              runc_config on $bundle, from the original config.json
#   run_container NAME             runs $bundle; sets $status and $out (stdout and stderr)
#   expect_status N, expect_out TEXT, expect_no_out TEXT, fail MESSAGE, finish
# RUNC_CONFIG must name the runc_config program.
set -euo pipefail

scratch=$(mktemp -d "${TEST_TMPDIR:-/tmp}/image_test.XXXXXX")
runc_root="$scratch/runc"
failures=0
checks=0
bundle=""
out=/dev/null
status=0
case_name=""

fail() {
    echo "FAIL [$case_name] $*"
    failures=$((failures + 1))
}

unpack_image() {
    local archive=$1 dir="$scratch/$2" tag
    mkdir -p "$dir/layout"
    tar -xf "$archive" -C "$dir/layout"
    tag=$(umoci ls --layout "$dir/layout")
    umoci unpack --image "$dir/layout:$tag" "$dir/bundle" >/dev/null
    bundle="$dir/bundle"
    cp "$bundle/config.json" "$bundle/config.json.orig"
}

configure() {
    cp "$bundle/config.json.orig" "$bundle/config.json"
    "$RUNC_CONFIG" "$bundle" "$@"
}

run_container() {
    case_name=$1
    local id="image-test-$$-$1"
    out="$scratch/$1.out"
    status=0
    echo "--- $case_name"
    timeout 600 runc --root "$runc_root" run --bundle "$bundle" "$id" >"$out" 2>&1 </dev/null || status=$?
    runc --root "$runc_root" delete --force "$id" >/dev/null 2>&1 || true
    checks=$((checks + 1))
}

show_output() {
    sed 's/^/  | /' "$out" | tail -n 30
}

expect_status() {
    if [[ $status -ne $1 ]]; then
        fail "exit status $status, expected $1"
        show_output
    fi
}

expect_out() {
    if ! grep -qF -- "$1" "$out"; then
        fail "the output lacks: $1"
        show_output
    fi
}

expect_no_out() {
    if grep -qF -- "$1" "$out"; then
        fail "the output has: $1"
        show_output
    fi
}

finish() {
    if [[ $failures -gt 0 ]]; then
        echo "$failures failure(s) in $checks runs"
        exit 1
    fi
    echo "PASS: $checks runs"
}

cleanup() {
    if [[ -d $runc_root ]]; then
        local id
        for id in $(runc --root "$runc_root" list -q 2>/dev/null); do
            runc --root "$runc_root" delete --force "$id" >/dev/null 2>&1 || true
        done
    fi
    rm -rf "$scratch"
}
trap cleanup EXIT
