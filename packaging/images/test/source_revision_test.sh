#!/usr/bin/env bash
# tools/workspace/status.sh, the workspace status command the images' revision label comes from,
# in scratch git checkouts: the commit; -dirty with a changed tracked file (not with an untracked
# one); unknown outside a checkout and in a folder that is only inside one; the checkout named by
# BUILD_WORKSPACE_DIRECTORY for a copy without git; FALCO_SOURCE_REVISION above all.
#
# source_revision_test.sh FILE... (tools/workspace's files; status.sh among them)
set -euo pipefail
status_sh=""
for file in "$@"; do
    [[ $(basename "$file") == status.sh ]] && status_sh=$(readlink -f "$file")
done
[[ -n $status_sh ]] || {
    echo "FAIL: no status.sh among $*"
    exit 1
}
scratch=$(mktemp -d "${TEST_TMPDIR:-/tmp}/status.XXXXXX")
trap 'rm -rf "$scratch"' EXIT
failures=0

# expect WANT DIR [ENV=VALUE...]: status.sh run in DIR prints "STABLE_SOURCE_REVISION WANT".
expect() {
    local want=$1 dir=$2 got
    shift 2
    got=$(cd "$dir" && env -u FALCO_SOURCE_REVISION -u BUILD_WORKSPACE_DIRECTORY "$@" "$status_sh")
    if [[ $got != "STABLE_SOURCE_REVISION $want" ]]; then
        echo "FAIL in $dir ${*}: got '$got', expected 'STABLE_SOURCE_REVISION $want'"
        failures=$((failures + 1))
    fi
}

repo="$scratch/repo"
mkdir -p "$repo/sub"
git -C "$repo" init -q
echo one >"$repo/file"
git -C "$repo" add file
git -C "$repo" -c user.name=t -c user.email=t@example.org commit -q -m one
commit=$(git -C "$repo" rev-parse HEAD)

expect "$commit" "$repo"
echo new >"$repo/untracked"
expect "$commit" "$repo"
echo two >"$repo/file"
expect "$commit-dirty" "$repo"
git -C "$repo" checkout -q file
expect "$commit" "$repo"

expect unknown "$repo/sub"
mkdir "$scratch/plain"
expect unknown "$scratch/plain"
expect "$commit" "$scratch/plain" "BUILD_WORKSPACE_DIRECTORY=$repo"
expect "$commit" "$repo" "BUILD_WORKSPACE_DIRECTORY=$scratch/plain"
expect 0123abc "$repo" FALCO_SOURCE_REVISION=0123abc

if [[ $failures -gt 0 ]]; then
    exit 1
fi
echo "PASS: status.sh gives $commit, $commit-dirty and unknown where it should"
