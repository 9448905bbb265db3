#!/usr/bin/env bash
# Fails, showing the first differences, when a C or C++ file is not formatted as .clang-format says.
# Fix with: clang-format -i FILE...
set -euo pipefail
exec clang-format --dry-run --Werror --ferror-limit=5 "$@"
