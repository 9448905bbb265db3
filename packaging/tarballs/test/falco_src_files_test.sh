#!/usr/bin/env bash
# falco-src holds the source files of the working tree, as git knows them: every tracked file
# (that exists), the ones git has executable (100755) as 0755; nothing that is neither tracked nor
# a new file git would add (no build outputs, no node_modules, no ignored files); and its INSTALL.
# A tracked file that is missing names its package, which lacks a `srcs` filegroup in //:srcs.
#
# falco_src_files_test.sh WORKSPACE_FILE FALCO_SRC.tar.gz
set -euo pipefail
tarball=$(readlink -f "$2")
root_folder=$(basename "$tarball" .tar.gz)
workspace=$(dirname "$(readlink -f "$1")")
cd "$workspace"
if ! git rev-parse --is-inside-work-tree >/dev/null 2>&1; then
    echo "falco_src_files_test: $workspace is not a git working tree; nothing to compare with"
    exit 1
fi
failures=0
fail() {
    echo "FAIL $*"
    failures=$((failures + 1))
}

declare -A in_tarball=() tracked=() untracked=()
while read -r mode _ _ _ _ path; do
    [[ $mode == d* ]] && continue
    inner=${path#"$root_folder/"}
    in_tarball[$inner]=$mode
done < <(tar --numeric-owner -tzvf "$tarball")
while IFS=$'\t' read -r info path; do
    [[ -f $path ]] || continue # deleted in the working tree
    tracked[$path]=${info%% *}
done < <(git ls-files -s)
while IFS= read -r path; do
    untracked[$path]=1
done < <(git ls-files --others --exclude-standard)

# The package a file belongs to: the nearest folder with a BUILD file, or a local repository.
package_of() {
    local dir
    dir=$(dirname "$1")
    while [[ $dir != . ]]; do
        if [[ -f $dir/BUILD.bazel || -f $dir/BUILD ]]; then
            [[ -f $dir/WORKSPACE ]] && echo "@$(basename "$dir")//" || echo "//$dir"
            return
        fi
        dir=$(dirname "$dir")
    done
    echo "//"
}

[[ -n ${in_tarball[INSTALL]+x} ]] || fail "the tarball has no INSTALL at the top"
for path in "${!tracked[@]}"; do
    if [[ -z ${in_tarball[$path]+x} ]]; then
        fail "$path is not in $root_folder.tar.gz: does $(package_of "$path") have filegroup(name = \"srcs\", srcs = glob([\"**\"])) and is it in //:srcs (BUILD.bazel)?"
        continue
    fi
    # Bazel does not track modes: the tarball makes #! files 0755. A file git has executable must
    # be one (or git's mode is a mistake); a file git has not may still start with #! (a template).
    if [[ ${tracked[$path]} == 100755 && ${in_tarball[$path]} != -rwxr-xr-x ]]; then
        fail "$path is executable in git (100755) but ${in_tarball[$path]} in the tarball: it does not start with #!"
    fi
done
for path in "${!in_tarball[@]}"; do
    [[ $path == INSTALL ]] && continue
    if [[ -z ${tracked[$path]+x} && -z ${untracked[$path]+x} ]]; then
        fail "$path is in $root_folder.tar.gz but is no source file of the working tree (ignored, or a build output)"
    fi
done
echo "compared ${#in_tarball[@]} members with ${#tracked[@]} tracked and ${#untracked[@]} new files"
if ((failures > 0)); then
    echo "$failures failures"
    exit 1
fi
