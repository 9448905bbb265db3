#!/usr/bin/env bash
# Bazel's workspace status command (.bazelrc: build --workspace_status_command). Bazel runs it in
# the workspace at the start of every build and keeps its STABLE_ lines in stable-status.txt,
# which rules read through ctx.info_file (with or without --stamp). It prints:
#
#   STABLE_SOURCE_REVISION <commit>[-dirty] | unknown
#
# the git commit the sources are at, `-dirty` when tracked files differ from it, and `unknown`
# where there is no git checkout. A copy of a checkout that a tool builds in (the remote cache
# check's cold build; it runs under `bazel run`, which sets BUILD_WORKSPACE_DIRECTORY) has the
# revision of the checkout it was copied from. FALCO_SOURCE_REVISION, when set, wins (a build
# from a source tarball can say what it was made from).
set -uo pipefail

# The revision of the git checkout whose top folder is $1, or nothing.
revision_of() {
  local dir="$1" top commit
  top="$(git -C "$dir" rev-parse --show-toplevel 2>/dev/null)" || return 1
  # Only the workspace's own checkout counts, not one it happens to sit in.
  [[ "$(cd "$top" && pwd -P)" == "$(cd "$dir" && pwd -P)" ]] || return 1
  commit="$(git -C "$dir" rev-parse --verify -q HEAD)" || return 1
  # No optional locks: other git commands may be running in the same checkout.
  if [[ -n "$(git --no-optional-locks -C "$dir" status --porcelain --untracked-files=no 2>/dev/null)" ]]; then
    commit+="-dirty"
  fi
  printf '%s\n' "$commit"
}

revision="${FALCO_SOURCE_REVISION:-}"
if [[ -z $revision ]]; then
  revision="$(revision_of "$PWD")" ||
    { [[ -n ${BUILD_WORKSPACE_DIRECTORY:-} ]] && revision="$(revision_of "$BUILD_WORKSPACE_DIRECTORY")"; } ||
    revision=unknown
fi
echo "STABLE_SOURCE_REVISION $revision"
