#!/usr/bin/env bash
# Two actions given the same inputs write the same bytes: the falco image and its Debian layer,
# each built twice by separate targets.
#
# image_determinism_test.sh IMAGE IMAGE_AGAIN LAYER LAYER_AGAIN
set -euo pipefail
failures=0
while (($# >= 2)); do
    if cmp "$1" "$2"; then
        echo "same: $(basename "$1") ($(stat -L -c %s "$1") bytes, sha256 $(sha256sum "$1" | cut -d ' ' -f 1))"
    else
        echo "FAIL: $1 and $2 differ"
        failures=$((failures + 1))
    fi
    shift 2
done
[[ $failures -eq 0 ]]
